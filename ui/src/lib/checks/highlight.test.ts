import { describe, expect, it } from 'vitest';
import type { Span } from '../ipc/bindings/Span';
import { changedChars, excerpt, sides } from './highlight';

const same = (text: string): Span => ({ kind: 'same', text });
const removed = (text: string): Span => ({ kind: 'removed', text });
const added = (text: string): Span => ({ kind: 'added', text });

describe('sides', () => {
  it('splits the runs into the text before and after, changes marked', () => {
    const spans = [same('2023年'), removed(','), added('，'), same('在区委'), removed('('), added('（'), same('区政府')];
    const { before, after } = sides(spans);
    expect(before.map((s) => s.text).join('')).toBe('2023年,在区委(区政府');
    expect(after.map((s) => s.text).join('')).toBe('2023年，在区委（区政府');
    expect(before.filter((s) => s.changed).map((s) => s.text)).toEqual([',', '(']);
    expect(after.filter((s) => s.changed).map((s) => s.text)).toEqual(['，', '（']);
  });

  it('merges neighbouring runs of one kind and shows an added paragraph as all new', () => {
    expect(sides([removed('a'), removed('b'), added('c')]).before).toEqual([{ text: 'ab', changed: true }]);
    const { before, after } = sides([added('无其他需要报告的情况。')]);
    expect(before).toEqual([]);
    expect(after).toEqual([{ text: '无其他需要报告的情况。', changed: true }]);
  });
});

describe('excerpt', () => {
  it('shortens long unchanged text around the changes', () => {
    const segs = [
      { text: '一二三四五六七八九十', changed: false },
      { text: '，', changed: true },
      { text: 'ABCDEFGHIJKLMNOPQRST', changed: false },
      { text: '；', changed: true },
      { text: '甲乙丙丁戊己庚辛', changed: false },
    ];
    expect(excerpt(segs, 3).map((s) => s.text)).toEqual(['…八九十', '，', 'ABC…RST', '；', '甲乙丙…']);
  });

  it('keeps short runs whole and text without changes untouched', () => {
    const segs = [
      { text: '甲乙', changed: false },
      { text: '，', changed: true },
      { text: '丙丁戊', changed: false },
      { text: '，', changed: true },
    ];
    expect(excerpt(segs, 3)).toEqual(segs);
    const plain = [{ text: '很长的一段没有修改的文字', changed: false }];
    expect(excerpt(plain, 2)).toEqual(plain);
  });

  it('never splits a character outside the basic plane', () => {
    const segs = [
      { text: '𠀀𠀁𠀂𠀃𠀄', changed: false },
      { text: '，', changed: true },
    ];
    expect(excerpt(segs, 2)[0]?.text).toBe('…𠀃𠀄');
  });
});

describe('changedChars', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(changedChars([same('甲'), removed(',;'), added('，；')])).toBe(2);
    expect(changedChars([added('𠀀')])).toBe(1);
    expect(changedChars([same('甲乙')])).toBe(0);
  });
});
