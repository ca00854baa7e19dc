// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { caretOffset, rangeText, readText, selectModelRange, setCaret } from '../editor/caret';
import { chipKey, chipTokens, insertChip, needsChips, paintChips, renderText, type LookUp } from './chips';

const CHANGE = '{{数据：reconsideration_cases|变化}}';
const COUNT = '{{数据：reconsideration_cases}}';
const TEXT = `共收到复议案件${COUNT}，比上年${CHANGE}。`;

const values = new Map([
  [CHANGE, { text: '降低60%', title: '行政复议案件数 · 变化率', problem: false }],
  [COUNT, { text: '6件', title: '行政复议案件数 · 本年数', problem: false }],
]);
const look: LookUp = (s) => values.get(s);

let el: HTMLSpanElement;
beforeEach(() => {
  document.body.innerHTML = '<span contenteditable="plaintext-only"></span>';
  el = document.querySelector('span')!;
  renderText(el, TEXT, look);
});

describe('chips in an editable text', () => {
  it('show what the placeholder prints and read back as the placeholder', () => {
    expect(el.textContent).toBe('共收到复议案件6件，比上年降低60%。');
    expect(chipTokens(el)).toEqual([COUNT, CHANGE]);
    const chip = el.querySelector<HTMLElement>('[data-token]')!;
    expect(chip.getAttribute('contenteditable')).toBe('false');
    expect(chip.title).toBe('行政复议案件数 · 本年数');
    expect(readText(el)).toBe(TEXT);
  });

  it('count a chip as its placeholder in caret offsets, and never put the caret inside one', () => {
    const afterFirst = '共收到复议案件'.length + COUNT.length;
    setCaret(el, afterFirst);
    expect(caretOffset(el)).toBe(afterFirst);
    setCaret(el, afterFirst + 1);
    expect(caretOffset(el)).toBe(afterFirst + 1);
    // Inside the placeholder: after the chip.
    setCaret(el, '共收到复议案件'.length + 3);
    expect(caretOffset(el)).toBe(afterFirst);
    setCaret(el, 'end');
    expect(caretOffset(el)).toBe(TEXT.length);
  });

  it('step over a chip with the arrows and remove it whole with Backspace and Delete', () => {
    const start = TEXT.indexOf(CHANGE);
    const end = start + CHANGE.length;
    setCaret(el, end);
    expect(chipKey(el, 'ArrowLeft', end, look)).toBe('moved');
    expect(caretOffset(el)).toBe(start);
    expect(chipKey(el, 'ArrowRight', start, look)).toBe('moved');
    expect(caretOffset(el)).toBe(end);
    expect(chipKey(el, 'ArrowLeft', end - 1, look)).toBeNull();
    expect(chipKey(el, 'Backspace', end, look)).toBe('removed');
    expect(readText(el)).toBe(TEXT.replace(CHANGE, ''));
    expect(caretOffset(el)).toBe(start);
    const first = TEXT.indexOf(COUNT);
    expect(chipKey(el, 'Delete', first, look)).toBe('removed');
    expect(readText(el)).toBe('共收到复议案件，比上年。');
  });

  it('insert a placeholder at the caret, or after a chip the caret was inside', () => {
    insertChip(el, CHANGE, 1, look);
    expect(readText(el)).toBe(`共${CHANGE}${TEXT.slice(1)}`);
    expect(caretOffset(el)).toBe(1 + CHANGE.length);
    renderText(el, COUNT, look);
    insertChip(el, CHANGE, 4, look);
    expect(readText(el)).toBe(COUNT + CHANGE);
  });

  it('become chips when typed or pasted as text, and repaint when a value changes', () => {
    el.textContent = `比上年${CHANGE}`;
    expect(needsChips(el)).toBe(true);
    renderText(el, readText(el), look);
    expect(needsChips(el)).toBe(false);
    const later = new Map(values).set(CHANGE, { text: '降低40%', title: '行政复议案件数 · 变化率', problem: false });
    paintChips(el, (s) => later.get(s));
    expect(el.textContent).toBe('比上年降低40%');
    expect(readText(el)).toBe(`比上年${CHANGE}`);
  });

  it('select a span given in stored-text offsets, the chips in it whole', () => {
    const start = TEXT.indexOf('，');
    selectModelRange(el, start, TEXT.length);
    const range = document.getSelection()!.getRangeAt(0);
    expect(rangeText(range)).toBe(`，比上年${CHANGE}。`);
    expect(range.toString()).toBe('，比上年降低60%。');
  });
});
