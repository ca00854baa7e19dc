// 一键修正's preview without a DOM: a fix's runs (same, removed, added) as the text before and
// after, changed characters marked, long unchanged stretches shortened around the changes.

import type { Span } from '../ipc/bindings/Span';

/** A run of one side: `changed` marks what the fix removes (before) or adds (after). */
export interface Segment {
  text: string;
  changed: boolean;
}

/** The text before and after a fix, each as runs with the changed characters marked. */
export function sides(spans: Span[]): { before: Segment[]; after: Segment[] } {
  const before: Segment[] = [];
  const after: Segment[] = [];
  for (const s of spans) {
    if (s.kind !== 'added') push(before, s.text, s.kind === 'removed');
    if (s.kind !== 'removed') push(after, s.text, s.kind === 'added');
  }
  return { before, after };
}

function push(out: Segment[], text: string, changed: boolean): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.changed === changed) last.text += text;
  else out.push({ text, changed });
}

/**
 * Keeps `context` characters of unchanged text either side of each change; what is cut is
 * shown as `…`. Characters are counted as code points, so no surrogate pair is split.
 */
export function excerpt(segments: Segment[], context = 12): Segment[] {
  if (!segments.some((s) => s.changed)) return segments;
  const last = segments.length - 1;
  return segments.map((s, i) => {
    if (s.changed) return s;
    const chars = Array.from(s.text);
    const keepHead = i === 0 ? 0 : context;
    const keepTail = i === last ? 0 : context;
    if (chars.length <= keepHead + keepTail + 1) return s;
    const head = chars.slice(0, keepHead).join('');
    const tail = keepTail === 0 ? '' : chars.slice(chars.length - keepTail).join('');
    return { text: `${head}…${tail}`, changed: false };
  });
}

/** How many characters a fix changes: the longer of what it removes and what it adds. */
export function changedChars(spans: Span[]): number {
  let removed = 0;
  let added = 0;
  for (const s of spans) {
    const n = Array.from(s.text).length;
    if (s.kind === 'removed') removed += n;
    if (s.kind === 'added') added += n;
  }
  return Math.max(removed, added);
}
