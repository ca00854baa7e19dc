// 历史版本 without a DOM: how a version's reason and time read in the list.

import type { SnapshotSummary } from '../ipc/bindings/SnapshotSummary';

/** Why a version was taken, in the list's words. */
export function reasonLabel(s: Pick<SnapshotSummary, 'reason' | 'label'>): string {
  switch (s.reason) {
    case 'opened':
      return '打开时';
    case 'interval':
      return '每十分钟';
    case 'before_change':
      return '批量修改前';
    case 'exported':
      return s.label ? `导出（${s.label}）` : '导出';
    case 'named':
      return `命名版本「${s.label ?? '未命名'}」`;
    case 'before_restore':
      return '恢复前';
  }
}

/** Named and exported versions are kept for good; automatic ones are thinned out over time. */
export function isKept(s: Pick<SnapshotSummary, 'reason'>): boolean {
  return s.reason === 'named' || s.reason === 'exported';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `今天 14:03:22`, `昨天 09:12:05`, `3月28日 14:03`, `2023年12月1日 14:03`, in local time. */
export function formatVersionTime(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(t)) / 86_400_000);
  const hm = `${pad(t.getHours())}:${pad(t.getMinutes())}`;
  const hms = `${hm}:${pad(t.getSeconds())}`;
  if (days === 0) return `今天 ${hms}`;
  if (days === 1) return `昨天 ${hms}`;
  const md = `${t.getMonth() + 1}月${t.getDate()}日`;
  return t.getFullYear() === now.getFullYear() ? `${md} ${hm}` : `${t.getFullYear()}年${md} ${hm}`;
}

/** `约 12,345 字`. */
export function formatChars(chars: number): string {
  return `${chars.toLocaleString('zh-CN')} 字`;
}

/** The newest 恢复前 version: what undoing the restore just made goes back to. */
export function newestBeforeRestore(list: readonly SnapshotSummary[]): SnapshotSummary | undefined {
  return list.reduce<SnapshotSummary | undefined>(
    (best, s) => (s.reason === 'before_restore' && (!best || s.id > best.id) ? s : best),
    undefined,
  );
}

/** Whether two lists hold the same versions (ids in order; a version never changes once taken). */
export function sameVersions(a: readonly SnapshotSummary[], b: readonly SnapshotSummary[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]?.id);
}
