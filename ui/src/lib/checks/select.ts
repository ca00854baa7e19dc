// Selecting the characters a finding is about in an editable text that may hold chips.

import { readText, selectModelRange } from '../editor/caret';

/** The UTF-16 offset of the `n`-th character (code point) of `text`, as the DOM counts. */
export function utf16Offset(text: string, n: number): number {
  let offset = 0;
  let i = 0;
  for (const ch of text) {
    if (i >= n) break;
    offset += ch.length;
    i += 1;
  }
  return offset;
}

/**
 * Focuses the element and selects characters `start`…`end` (code points, end exclusive) of
 * its text as stored: the checker counts a chip as its placeholder, not as what it shows.
 * Offsets past the end select up to the end.
 */
export function selectChars(el: HTMLElement, start: number, end: number): void {
  const text = readText(el);
  selectModelRange(el, utf16Offset(text, start), utf16Offset(text, Math.max(start, end)));
}
