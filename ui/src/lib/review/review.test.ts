import { describe, expect, it } from 'vitest';
import { staleNote, TICKS } from './review';

describe('保密审查', () => {
  it('asks the three ticks of the issue', () => {
    expect(TICKS.map((t) => t.label)).toEqual(['不涉及国家秘密', '不含个人信息', '不含仅限内部使用的数据']);
  });

  it('says 需重新审查 only for a review that later edits voided', () => {
    expect(staleNote({ state: 'stale', lastDate: '2024年3月1日' })).toBe('上次保密审查（2024年3月1日）之后报告内容有改动，需重新审查。');
    expect(staleNote({ state: 'current', lastDate: '2024年3月1日' })).toBe('');
    expect(staleNote({ state: 'missing', lastDate: '' })).toBe('');
  });
});
