// The caret inside a plain-text contenteditable element, as an offset into its text.

/** The element's text as the model stores it: no line breaks, ordinary spaces. */
export function readText(el: HTMLElement): string {
  return (el.textContent ?? '').replace(/[\r\n]/g, '').replace(/\u00a0/g, ' ');
}

/** The caret's offset in the element's text, or null when the selection is elsewhere. */
export function caretOffset(el: HTMLElement): number | null {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.endContainer)) return null;
  const before = el.ownerDocument.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.endContainer, range.endOffset);
  return before.toString().length;
}

/** Whether text is selected (not just a caret) inside the element. */
export function hasSelection(el: HTMLElement): boolean {
  const sel = el.ownerDocument.getSelection();
  return !!sel && sel.rangeCount > 0 && !sel.isCollapsed && el.contains(sel.anchorNode);
}

/** Puts the caret at `offset` (clamped); 'end' puts it after the last character. */
export function setCaret(el: HTMLElement, offset: number | 'start' | 'end'): void {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return;
  const length = (el.textContent ?? '').length;
  let remaining = offset === 'end' ? length : offset === 'start' ? 0 : Math.max(0, Math.min(offset, length));
  const range = doc.createRange();
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  let placed = false;
  while (node) {
    const len = node.textContent?.length ?? 0;
    if (remaining <= len) {
      range.setStart(node, remaining);
      placed = true;
      break;
    }
    remaining -= len;
    node = walker.nextNode();
  }
  if (!placed) {
    range.selectNodeContents(el);
    range.collapse(false);
  }
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
}

/** Inserts plain text at the caret, replacing any selection; returns false when the caret is elsewhere. */
export function insertAtCaret(el: HTMLElement, text: string): boolean {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return false;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.commonAncestorContainer)) return false;
  range.deleteContents();
  const node = el.ownerDocument.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
  el.normalize();
  return true;
}

/** Whether the caret sits on the element's first (or last) rendered line. */
export function caretOnEdgeLine(el: HTMLElement, edge: 'first' | 'last'): boolean {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return true;
  const rects = sel.getRangeAt(0).getClientRects();
  const caret = rects[rects.length - 1];
  const offset = caretOffset(el);
  const length = readText(el).length;
  // An empty element or a caret at its very start or end has no useful rectangle.
  if (!caret || caret.height === 0) {
    return edge === 'first' ? offset === 0 : offset === length;
  }
  const box = el.getBoundingClientRect();
  const lineHeight = caret.height;
  return edge === 'first' ? caret.top - box.top < lineHeight * 0.75 : box.bottom - caret.bottom < lineHeight * 0.75;
}

/**
 * Pasted text as paragraphs: one per line, without the blank lines between them and without
 * the indentation (spaces, 全角空格, tabs) that Word and web pages put before each.
 */
export function pastedParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2029/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/\t/g, ' '))
    .filter((line) => line !== '');
}
