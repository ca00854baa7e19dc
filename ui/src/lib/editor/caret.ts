// The caret inside a plain-text contenteditable element, as an offset into its text.
//
// The element holds text nodes and chips: non-editable spans that show what a figure
// placeholder prints (`降低60%`) and carry the placeholder itself in `data-token`. Offsets
// and read-back text are the model's: a chip counts as its placeholder, character for
// character, so the caret lands in the same place whether the text shows chips or not.

/** The attribute of a chip that holds its placeholder (`{{数据：key|变化}}`). */
export const CHIP_TOKEN = 'data-token';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Whether a node is a chip. */
export function isChip(node: Node): node is HTMLElement {
  return node.nodeType === ELEMENT_NODE && (node as Element).hasAttribute(CHIP_TOKEN);
}

/** A node's text as stored: text as typed, each chip as its placeholder. */
export function modelText(node: Node): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (isChip(node)) return node.getAttribute(CHIP_TOKEN) ?? '';
  let s = '';
  for (const child of node.childNodes) s += modelText(child);
  return s;
}

/** No line breaks, ordinary spaces: what the model stores. */
const clean = (s: string) => s.replace(/[\r\n]/g, '').replace(/\u00a0/g, ' ');

/** The element's text as the model stores it: chips as their placeholders, no line breaks, ordinary spaces. */
export function readText(el: HTMLElement): string {
  return clean(modelText(el));
}

/** The model text of what a range covers (a chip partly inside counts whole). */
export function rangeText(range: Range): string {
  return clean(modelText(range.cloneContents()));
}

/** The caret's offset in the element's model text, or null when the selection is elsewhere. */
export function caretOffset(el: HTMLElement): number | null {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.endContainer)) return null;
  const before = el.ownerDocument.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.endContainer, range.endOffset);
  return rangeText(before).length;
}

/** Whether text is selected (not just a caret) inside the element. */
export function hasSelection(el: HTMLElement): boolean {
  const sel = el.ownerDocument.getSelection();
  return !!sel && sel.rangeCount > 0 && !sel.isCollapsed && el.contains(sel.anchorNode);
}

/**
 * Puts the caret at model offset `offset` (clamped); 'end' puts it after the last character.
 * An offset inside a chip's placeholder puts the caret after the chip: it moves as one unit.
 */
export function setCaret(el: HTMLElement, offset: number | 'start' | 'end'): void {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return;
  const range = doc.createRange();
  placeAt(el, range, offset === 'end' ? Infinity : offset === 'start' ? 0 : Math.max(0, offset));
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
}

/**
 * Selects model offsets `start`…`end` (UTF-16, as the stored text counts them) and focuses
 * the element; a chip the span touches is selected whole.
 */
export function selectModelRange(el: HTMLElement, start: number, end: number): void {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  el.focus({ preventScroll: true });
  if (!sel) return;
  const from = doc.createRange();
  const to = doc.createRange();
  placeAt(el, from, Math.max(0, start));
  placeAt(el, to, Math.max(start, end));
  const range = doc.createRange();
  range.setStart(from.startContainer, from.startOffset);
  range.setEnd(to.startContainer, to.startOffset);
  sel.removeAllRanges();
  sel.addRange(range);
}

/** Sets `range`'s start at model offset `offset` of the element (past the end: at the end). */
function placeAt(el: HTMLElement, range: Range, offset: number): void {
  let remaining = offset;
  const walk = (parent: Node): boolean => {
    for (const node of parent.childNodes) {
      if (node.nodeType === TEXT_NODE) {
        const raw = node.nodeValue ?? '';
        const len = clean(raw).length;
        if (remaining <= len) {
          range.setStart(node, rawIndex(raw, remaining));
          return true;
        }
        remaining -= len;
      } else if (isChip(node)) {
        const len = modelText(node).length;
        if (remaining === 0) {
          range.setStartBefore(node);
          return true;
        }
        if (remaining < len) {
          range.setStartAfter(node);
          return true;
        }
        remaining -= len;
      } else if (walk(node)) {
        return true;
      }
    }
    return false;
  };
  if (!walk(el)) {
    range.selectNodeContents(el);
    range.collapse(false);
  }
}

/** The index in `raw` of model offset `offset` (line breaks in `raw` are not in the model). */
function rawIndex(raw: string, offset: number): number {
  let model = 0;
  for (let i = 0; i < raw.length; i++) {
    if (model === offset) return i;
    if (raw[i] !== '\r' && raw[i] !== '\n') model++;
  }
  return raw.length;
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
