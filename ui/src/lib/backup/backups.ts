// 备份与恢复 without a DOM: how a backup reads in the list.

import type { BackupKind } from '../ipc/bindings/BackupKind';

/** What a backup is, by its name. */
export function kindLabel(kind: BackupKind): string {
  switch (kind) {
    case 'daily':
      return '每日自动备份';
    case 'manual':
      return '手动备份';
    case 'before_restore':
      return '恢复前的备份';
    case 'before_upgrade':
      return '升级前的备份';
    case 'other':
      return '其他备份';
  }
}

/** `850 KB`, `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-03-28 14:15`, in local time. */
export function formatBackupTime(ms: number | null): string {
  if (ms == null) return '';
  const t = new Date(ms);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** The confirmation before a whole-database restore. */
export function restoreQuestion(name: string): string {
  return (
    `将用备份“${name}”替换整个报告库（所有报告）。\n\n` +
    '恢复之前，现在的报告库会先自动备份到备份文件夹（“恢复前的备份”），需要时可以再恢复回来。\n\n确定要恢复吗？'
  );
}

/** The file name at the end of a path (either separator). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
