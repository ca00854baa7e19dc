// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { rangeText } from '../editor/caret';
import { renderText, type LookUp } from '../figures/chips';
import { selectChars, utf16Offset } from './select';

describe('utf16Offset', () => {
  it('turns the checker’s character counts into DOM offsets', () => {
    expect(utf16Offset('中文,文字', 2)).toBe(2);
    // 𠀀 is one character but two UTF-16 units.
    expect(utf16Offset('𠀀中,', 2)).toBe(3);
    expect(utf16Offset('ab', 5)).toBe(2);
    expect(utf16Offset('', 0)).toBe(0);
  });
});

describe('selectChars', () => {
  const COUNT = '{{数据：reconsideration_cases}}';
  const look: LookUp = (s) => (s === COUNT ? { text: '6件', title: '行政复议案件数 · 本年数', problem: false } : undefined);
  let el: HTMLSpanElement;
  beforeEach(() => {
    document.body.innerHTML = '<span contenteditable="plaintext-only"></span>';
    el = document.querySelector('span')!;
  });

  /** Where the checker puts `mark` in the stored text, in characters. */
  const finding = (stored: string, mark: string) => {
    const start = Array.from(stored.slice(0, stored.indexOf(mark))).length;
    return [start, start + Array.from(mark).length] as const;
  };

  it('selects the characters after a chip that the checker counts in the stored text', () => {
    const stored = `受理案件${COUNT},同比下降(较上年)。`;
    renderText(el, stored, look);
    expect(el.textContent).toBe('受理案件6件,同比下降(较上年)。');
    const [start, end] = finding(stored, '(较上年)');
    selectChars(el, start, end);
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.toString()).toBe('(较上年)');
    expect(rangeText(range)).toBe('(较上年)');
    expect(document.activeElement).toBe(el);
  });

  it('counts characters beyond the basic plane once, as the checker does', () => {
    const stored = `𠀀${COUNT}𠀀,完`;
    renderText(el, stored, look);
    const [start, end] = finding(stored, ',');
    selectChars(el, start, end);
    expect(document.getSelection()!.toString()).toBe(',');
  });

  it('selects a finding on a placeholder as its whole chip, and clamps past the end', () => {
    const stored = `共${COUNT}。`;
    renderText(el, stored, look);
    const [start, end] = finding(stored, COUNT);
    selectChars(el, start, end);
    expect(rangeText(document.getSelection()!.getRangeAt(0))).toBe(COUNT);
    selectChars(el, 99, 120);
    const sel = document.getSelection()!;
    expect(sel.isCollapsed).toBe(true);
    expect(sel.toString()).toBe('');
  });
});
