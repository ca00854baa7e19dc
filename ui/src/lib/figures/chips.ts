// Chips: how a placeholder shows in the editor. A chip is a non-editable span with what the
// placeholder prints (`15件`, `降低60%`) and the figure's name on hover; it keeps the
// placeholder in `data-token`, so reading the text back (caret.ts) gives the placeholder again.

import { CHIP_TOKEN, rangeText, readText, setCaret } from '../editor/caret';
import { hasTokens, splitTokens, tokenSpans } from './tokens';

/** What a chip shows. */
export interface ChipLook {
  /** The printed value, or a 〔…〕 note. */
  text: string;
  /** On hover: the figures quoted and the form. */
  title: string;
  /** The placeholder prints a note instead of a number. */
  problem: boolean;
}

/** How a placeholder looks; undefined while its value is being fetched. */
export type LookUp = (source: string) => ChipLook | undefined;

/** What a chip shows until Rust has said what its placeholder prints. */
const PENDING: ChipLook = { text: '…', title: '正在计算…', problem: false };

/** Replaces the element's content with `text`, each placeholder as a chip. */
export function renderText(el: HTMLElement, text: string, look: LookUp): void {
  if (!hasTokens(text)) {
    el.textContent = text;
    return;
  }
  const doc = el.ownerDocument;
  const frag = doc.createDocumentFragment();
  for (const piece of splitTokens(text)) {
    frag.append(piece.kind === 'literal' ? doc.createTextNode(piece.text) : makeChip(doc, piece.source, look));
  }
  el.replaceChildren(frag);
}

function makeChip(doc: Document, source: string, look: LookUp): HTMLElement {
  const chip = doc.createElement('span');
  chip.className = 'figure-chip';
  chip.setAttribute('contenteditable', 'false');
  chip.setAttribute(CHIP_TOKEN, source);
  chip.dataset.testid = 'figure-chip';
  paint(chip, look(source) ?? PENDING);
  return chip;
}

function paint(chip: HTMLElement, look: ChipLook): void {
  if (chip.textContent !== look.text) chip.textContent = look.text;
  if (chip.title !== look.title) chip.title = look.title;
  chip.classList.toggle('problem', look.problem);
}

/** Repaints every chip of the element (a value changed); the text and the caret stay. */
export function paintChips(el: HTMLElement, look: LookUp): void {
  for (const chip of el.querySelectorAll<HTMLElement>(`[${CHIP_TOKEN}]`)) {
    paint(chip, look(chip.getAttribute(CHIP_TOKEN) ?? '') ?? PENDING);
  }
}

/** The placeholders of the element's chips, in order. */
export function chipTokens(el: HTMLElement): string[] {
  return [...el.querySelectorAll(`[${CHIP_TOKEN}]`)].map((c) => c.getAttribute(CHIP_TOKEN) ?? '');
}

/**
 * Whether the element holds a placeholder as plain text (typed, pasted, dropped) that should
 * become a chip: its text has more placeholders than it has chips.
 */
export function needsChips(el: HTMLElement): boolean {
  const text = readText(el);
  if (!hasTokens(text)) return false;
  return tokenSpans(text).length !== el.querySelectorAll(`[${CHIP_TOKEN}]`).length;
}

/**
 * What a plain key does next to a chip (caret at model offset `offset`): arrows step over it
 * ('moved'), Backspace and Delete remove it whole ('removed'); null when no chip is concerned.
 */
export function chipKey(el: HTMLElement, key: string, offset: number, look: LookUp): 'moved' | 'removed' | null {
  const back = key === 'Backspace' || key === 'ArrowLeft';
  if (!back && key !== 'Delete' && key !== 'ArrowRight') return null;
  const text = readText(el);
  const span = back ? tokenBefore(text, offset) : tokenAfter(text, offset);
  if (!span) return null;
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    setCaret(el, back ? span.start : span.end);
    return 'moved';
  }
  renderText(el, text.slice(0, span.start) + text.slice(span.end), look);
  setCaret(el, span.start);
  return 'removed';
}

/** Puts `token` as a chip at model offset `offset` (the end when null; never inside a chip), caret after it. */
export function insertChip(el: HTMLElement, token: string, offset: number | null, look: LookUp): void {
  const text = readText(el);
  let at = Math.min(offset ?? text.length, text.length);
  at = tokenSpans(text).find((s) => s.start < at && at < s.end)?.end ?? at;
  renderText(el, text.slice(0, at) + token + text.slice(at), look);
  setCaret(el, at + token.length);
}

/** The placeholder that ends exactly at `offset` of `text` (the chip before the caret). */
export function tokenBefore(text: string, offset: number): { start: number; end: number } | undefined {
  return tokenSpans(text).find((s) => s.end === offset);
}

/** The placeholder that starts exactly at `offset` of `text` (the chip after the caret). */
export function tokenAfter(text: string, offset: number): { start: number; end: number } | undefined {
  return tokenSpans(text).find((s) => s.start === offset);
}

/**
 * Copy (and cut) of a selection with chips: the placeholders go to the clipboard as text, so
 * a paste into the editor brings the quotes back; other programs get the printed values as
 * HTML. Returns false (the browser copies as usual) when no chip is selected.
 */
export function copyWithChips(el: HTMLElement, e: ClipboardEvent): boolean {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !e.clipboardData) return false;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.commonAncestorContainer)) return false;
  const printed = range.cloneContents();
  if (!printed.querySelector(`[${CHIP_TOKEN}]`)) return false;
  e.preventDefault();
  e.clipboardData.setData('text/plain', rangeText(range));
  const html = el.ownerDocument.createElement('span');
  html.textContent = printed.textContent ?? '';
  e.clipboardData.setData('text/html', html.outerHTML);
  return true;
}
