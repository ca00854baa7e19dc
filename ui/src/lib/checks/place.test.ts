import { describe, expect, it } from 'vitest';
import type { CheckFinding } from '../ipc/bindings/CheckFinding';
import type { Location } from '../ipc/bindings/Location';
import { blockIdOf, chineseNumber, countsLabel, groupFindings, placeLabel } from './place';

const at = (target: Location['target'], label = '', field: Location['field'] = 'text'): Location => ({
  target,
  field,
  range: null,
  label,
});

const finding = (severity: CheckFinding['severity'], message: string): CheckFinding => ({
  location: at({ in: 'report' }),
  severity,
  rule: 'punctuation',
  rule_label: '半角标点',
  message,
  fix: null,
});

describe('placeLabel', () => {
  it('names the meta fields, the preface and the whole report', () => {
    expect(placeLabel(at({ in: 'report' }))).toBe('全文');
    expect(placeLabel(at({ in: 'meta', field: 'title' }))).toBe('标题');
    expect(placeLabel(at({ in: 'meta', field: 'date' }))).toBe('成文日期');
    expect(placeLabel(at({ in: 'preface', index: 1, id: 7 }))).toBe('导语第2段');
  });

  it('names a part by its number and which of its texts', () => {
    expect(placeLabel(at({ in: 'part', part: 2, id: 3 }, '三、'))).toBe('第三部分标题');
    expect(placeLabel(at({ in: 'part', part: 0, id: 3 }, '一、', 'body'))).toBe('第一部分正文');
  });

  it('uses the outline markers for blocks, paragraphs counted under their heading', () => {
    expect(placeLabel(at({ in: 'block', part: 0, path: [2], id: 9 }, '一、（三）'))).toBe('一、（三）');
    expect(placeLabel(at({ in: 'block', part: 0, path: [2, 1], id: 9 }, '一、（三）¶2'))).toBe('一、（三）第2段');
    expect(placeLabel(at({ in: 'block', part: 0, path: [2, 0], id: 9 }, '一、（三）1.', 'body'))).toBe('一、（三）1. 正文');
    expect(placeLabel(at({ in: 'block', part: 3, path: [0], id: 9 }, ''))).toBe('第四部分');
  });

  it('finds the editor block of a location', () => {
    expect(blockIdOf(at({ in: 'block', part: 0, path: [0], id: 41 }))).toBe(41);
    expect(blockIdOf(at({ in: 'part', part: 0, id: 5 }))).toBe(5);
    expect(blockIdOf(at({ in: 'meta', field: 'title' }))).toBeNull();
    expect(blockIdOf(at({ in: 'report' }))).toBeNull();
  });
});

describe('chineseNumber', () => {
  it('writes part numbers as the report does', () => {
    expect([1, 5, 10, 11, 19, 20, 23].map(chineseNumber)).toEqual(['一', '五', '十', '十一', '十九', '二十', '二十三']);
  });
});

describe('groupFindings', () => {
  const list = [finding('hint', 'a'), finding('error', 'b'), finding('warning', 'c'), finding('error', 'd')];

  it('groups by severity, errors first, keeping document order inside each', () => {
    const groups = groupFindings(list, 'severity');
    expect(groups.map((g) => g.title)).toEqual(['错误 2', '警告 1', '提示 1']);
    expect(groups[0]?.items.map((i) => [i.index, i.finding.message])).toEqual([
      [1, 'b'],
      [3, 'd'],
    ]);
  });

  it('leaves out empty severities and lists everything in document order on request', () => {
    expect(groupFindings([finding('warning', 'x')], 'severity').map((g) => g.severity)).toEqual(['warning']);
    const [all] = groupFindings(list, 'document');
    expect(all?.title).toBe('全部 4');
    expect(all?.items.map((i) => i.finding.message)).toEqual(['a', 'b', 'c', 'd']);
    expect(groupFindings([], 'document')).toEqual([]);
  });
});

describe('countsLabel', () => {
  it('says errors and warnings, or that the check passed', () => {
    expect(countsLabel({ errors: 212, warnings: 3, hints: 2 })).toBe('错误 212 · 警告 3');
    expect(countsLabel({ errors: 0, warnings: 1, hints: 0 })).toBe('错误 0 · 警告 1');
    expect(countsLabel({ errors: 0, warnings: 0, hints: 2 })).toBe('检查通过');
  });
});
