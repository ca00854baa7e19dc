import { describe, expect, it } from 'vitest';
import type { SnapshotSummary } from '../ipc/bindings/SnapshotSummary';
import { formatVersionTime, isKept, newestBeforeRestore, reasonLabel, sameVersions } from './versions';

const snap = (id: number, reason: SnapshotSummary['reason'], label: string | null = null): SnapshotSummary => ({
  id,
  created_at: '2024-03-28T06:15:03.000Z',
  reason,
  label,
  chars: 100,
});

describe('reasonLabel', () => {
  it('says why each version was taken, in Chinese', () => {
    expect(reasonLabel(snap(1, 'opened'))).toBe('打开时');
    expect(reasonLabel(snap(1, 'interval'))).toBe('每十分钟');
    expect(reasonLabel(snap(1, 'before_change'))).toBe('批量修改前');
    expect(reasonLabel(snap(1, 'exported', '报告.docx'))).toBe('导出（报告.docx）');
    expect(reasonLabel(snap(1, 'named', '送审稿'))).toBe('命名版本「送审稿」');
    expect(reasonLabel(snap(1, 'before_restore'))).toBe('恢复前');
  });

  it('copes with a missing label', () => {
    expect(reasonLabel(snap(1, 'exported'))).toBe('导出');
    expect(reasonLabel(snap(1, 'named'))).toBe('命名版本「未命名」');
  });

  it('marks the versions that are never pruned', () => {
    expect(isKept(snap(1, 'named', '定稿'))).toBe(true);
    expect(isKept(snap(1, 'exported', 'a.docx'))).toBe(true);
    expect(isKept(snap(1, 'interval'))).toBe(false);
  });
});

describe('formatVersionTime', () => {
  const now = new Date(2024, 2, 28, 18, 0, 0);
  const local = (...a: [number, number, number, number, number, number]) => new Date(...a).toISOString();

  it('reads in local time, with seconds for today and yesterday', () => {
    expect(formatVersionTime(local(2024, 2, 28, 14, 3, 22), now)).toBe('今天 14:03:22');
    expect(formatVersionTime(local(2024, 2, 27, 9, 5, 1), now)).toBe('昨天 09:05:01');
    expect(formatVersionTime(local(2024, 0, 5, 8, 30, 0), now)).toBe('1月5日 08:30');
    expect(formatVersionTime(local(2023, 11, 1, 14, 3, 0), now)).toBe('2023年12月1日 14:03');
  });

  it('reads the store’s UTC stamps', () => {
    const t = new Date('2024-03-28T06:15:03.123Z');
    expect(formatVersionTime('2024-03-28T06:15:03.123Z', t)).toMatch(/^今天 \d\d:15:03$/);
    expect(formatVersionTime('not a time', now)).toBe('');
  });
});

describe('newestBeforeRestore', () => {
  it('finds the 恢复前 version the last restore made', () => {
    const list = [snap(9, 'before_restore'), snap(8, 'named', '送审稿'), snap(5, 'before_restore'), snap(1, 'opened')];
    expect(newestBeforeRestore(list)?.id).toBe(9);
    expect(newestBeforeRestore([snap(1, 'opened')])).toBeUndefined();
  });
});

describe('sameVersions', () => {
  it('tells a list with a new version from the same list', () => {
    const list = [snap(3, 'opened'), snap(2, 'named', '送审稿')];
    expect(sameVersions(list, [...list])).toBe(true);
    expect(sameVersions([snap(4, 'exported', '报告.docx'), ...list], list)).toBe(false);
    expect(sameVersions([snap(5, 'opened'), snap(2, 'named')], list)).toBe(false);
    expect(sameVersions([], [])).toBe(true);
  });
});
