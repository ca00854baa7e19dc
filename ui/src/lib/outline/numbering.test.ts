import { describe, expect, it } from 'vitest';
import { H, P, testReport } from '../report/testReport';
import { locate } from '../report/tree';
import { chineseNumeral, marker, markersById, outlineEntries } from './numbering';

describe('chineseNumeral', () => {
  it('counts the way document headings count', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [20, '二十'],
      [21, '二十一'],
      [100, '一百'],
      [101, '一百零一'],
      [110, '一百一十'],
      [1005, '一千零五'],
    ];
    for (const [n, s] of cases) expect(chineseNumeral(n), String(n)).toBe(s);
  });
});

describe('marker', () => {
  it('has one form per level', () => {
    expect(marker(1, 5)).toBe('五、');
    expect(marker(2, 12)).toBe('（十二）');
    expect(marker(3, 3)).toBe('3.');
    expect(marker(4, 1)).toBe('（1）');
  });
});

describe('outlineEntries', () => {
  it('numbers parts and headings by position; paragraphs do not count', () => {
    const seen = outlineEntries(testReport()).map((e) => [e.id, e.level, e.marker]);
    expect(seen).toEqual([
      [10, 1, '一、'],
      [11, 2, '（一）'],
      [13, 2, '（二）'],
      [15, 3, '1.'],
      [16, 3, '2.'],
      [17, 4, '（1）'],
      [20, 1, '二、'],
      [30, 1, '三、'],
      [31, 2, '（一）'],
      [32, 2, '（二）'],
    ]);
  });

  it('restarts the count under every parent and skips paragraphs between headings', () => {
    const r = testReport();
    r.parts[1]!.blocks = [P(40, '¶'), H(41, 'a'), P(42, '¶'), H(43, 'b', [P(44, '¶'), H(45, 'c')])];
    const markers = markersById(r);
    expect(markers.get(41)).toBe('（一）');
    expect(markers.get(43)).toBe('（二）');
    expect(markers.get(45)).toBe('1.');
    expect(markers.has(42)).toBe(false);
  });

  it('keeps the node so a view reads the current text', () => {
    const r = testReport();
    const entry = outlineEntries(r).find((e) => e.id === 15)!;
    expect(entry.node).toBe(locate(r, 15)?.node);
  });
});
