// 插入: where the placeholder goes. The panel's own controls take the focus, so the caret of
// the text focused last is remembered as the selection moves, and handed to that text's
// Editable (which owns its DOM) when the drafter inserts.

import { caretOffset } from '../editor/caret';
import { INSERT_EVENT, type InsertDetail } from './context';

/** The text the drafter was in last, and where in it. */
export interface LastCaret {
  el: HTMLElement;
  offset: number | null;
}

/** Remembers the caret of the last focused editable text; returns the reader and a stop function. */
export function trackCaret(doc: Document): { last: () => LastCaret | null; stop: () => void } {
  let last: LastCaret | null = null;
  const onchange = () => {
    const el = doc.activeElement;
    if (el instanceof HTMLElement && el.classList.contains('editable')) last = { el, offset: caretOffset(el) };
  };
  doc.addEventListener('selectionchange', onchange);
  return {
    last: () => (last && last.el.isConnected ? last : null),
    stop: () => doc.removeEventListener('selectionchange', onchange),
  };
}

/** Sends `token` to the text at `at`; false when there is no text to put it in. */
export function insertInto(at: LastCaret | null, token: string): boolean {
  if (!at) return false;
  const detail: InsertDetail = { token, offset: at.offset };
  at.el.dispatchEvent(new CustomEvent(INSERT_EVENT, { detail }));
  return true;
}
