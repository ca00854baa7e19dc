import { describe, expect, it } from 'vitest';
import { baseName, formatBackupTime, formatBytes, kindLabel, restoreQuestion } from './backups';

describe('backups', () => {
  it('names each kind of backup in Chinese', () => {
    expect(kindLabel('daily')).toBe('每日自动备份');
    expect(kindLabel('manual')).toBe('手动备份');
    expect(kindLabel('before_restore')).toBe('恢复前的备份');
    expect(kindLabel('before_upgrade')).toBe('升级前的备份');
    expect(kindLabel('other')).toBe('其他备份');
  });

  it('reads sizes and times', () => {
    expect(formatBytes(512)).toBe('512 字节');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBackupTime(new Date(2024, 2, 28, 14, 5).getTime())).toBe('2024-03-28 14:05');
    expect(formatBackupTime(null)).toBe('');
  });

  it('says that the current state is backed up first', () => {
    expect(restoreQuestion('nianbao-2024-03-28.db')).toContain('先自动备份');
    expect(baseName('C:\\数据\\backups\\manual-20240328-141503.db')).toBe('manual-20240328-141503.db');
    expect(baseName('/home/a/backups/x.db')).toBe('x.db');
  });
});
