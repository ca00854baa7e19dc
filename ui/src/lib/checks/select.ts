// Selecting the characters a finding is about in a plain-text contenteditable element.

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

function point(el: HTMLElement, offset: number): [Node, number] {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.textContent?.length ?? 0;
    if (remaining <= len) return [node, remaining];
    remaining -= len;
    last = node;
  }
  return last ? [last, last.textContent?.length ?? 0] : [el, 0];
}

/** Focuses the element and selects characters `start`…`end` (code points, end exclusive). */
export function selectChars(el: HTMLElement, start: number, end: number): void {
  const text = el.textContent ?? '';
  const sel = el.ownerDocument.getSelection();
  el.focus({ preventScroll: true });
  if (!sel) return;
  const range = el.ownerDocument.createRange();
  range.setStart(...point(el, utf16Offset(text, start)));
  range.setEnd(...point(el, utf16Offset(text, Math.max(start, end))));
  sel.removeAllRanges();
  sel.addRange(range);
}
