import { describe, expect, it } from 'vitest';
import { testReport } from '../report/testReport';
import { blockWords, firstWords, partOneBlocks } from './blocks';

describe('link targets of the 上年安排 checklist', () => {
  it('lists the headings and paragraphs of part 一 in document order, indented by depth', () => {
    const targets = partOneBlocks(testReport());
    expect(targets.map((t) => t.id)).toEqual([11, 12, 13, 14, 15, 16, 17, 18]);
    expect(targets[0]?.label).toBe('【标题】强化组织领导');
    expect(targets[1]?.label).toBe('　成立领导小组。');
    expect(targets[6]?.label).toBe('　　【标题】四级标题');
  });

  it('shows a quote as what it prints and cuts long texts to their first words', () => {
    const printed = (s: string) => (s === '{{数据：a|变化}}' ? '降低60%' : undefined);
    expect(firstWords('案件比上年{{数据：a|变化}}', printed)).toBe('案件比上年降低60%');
    expect(firstWords('案件{{数据：b}}件')).toBe('案件…件');
    expect(firstWords('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八…');
    expect(firstWords('')).toBe('（空白）');
  });

  it('finds the words of a linked block anywhere in the report', () => {
    const r = testReport();
    expect(blockWords(r, 21)).toBe('一是……');
    expect(blockWords(r, 30)).toBe('2024年度推进法治政府建设的主要安…');
    expect(blockWords(r, 2)).toBe('导语二');
    expect(blockWords(r, 999)).toBeUndefined();
  });
});
