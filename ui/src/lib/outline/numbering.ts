// Markers 一、（一）1.（1） follow from position among sibling headings; paragraphs do not
// count. Mirrors crates/nianbao-report/src/numbering.rs, so the page shows what Word prints.
// These functions read only structure (ids, kinds, lists), never text: a derived value built
// on them is not recomputed while the drafter types.

import type { Block } from '../ipc/bindings/Block';
import type { Part } from '../ipc/bindings/Part';
import type { Report } from '../ipc/bindings/Report';
import type { HeadingBlock } from '../report/tree';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–9999 the way document headings count: 一, 十, 十一, 二十, 一百零一. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 9999) return String(n);
  if (n >= 10 && n < 20) return n === 10 ? '十' : `十${DIGITS[n % 10]}`;
  const units = ['千', '百', '十', ''];
  let out = '';
  let pendingZero = false;
  [1000, 100, 10, 1].forEach((div, i) => {
    const d = Math.floor(n / div) % 10;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) {
      out += '零';
      pendingZero = false;
    }
    out += (DIGITS[d] ?? '') + (units[i] ?? '');
  });
  return out;
}

export type Level = 1 | 2 | 3 | 4;

/** The marker of the `n`th heading (1-based) at a level. */
export function marker(level: Level, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

export interface OutlineEntry {
  id: number;
  level: Level;
  marker: string;
  kind: 'part' | 'heading';
  /** The node itself, so a view can read its text without this list depending on it. */
  node: Part | HeadingBlock;
}

/** Parts and headings in document order with their generated markers. */
export function outlineEntries(report: Report): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  report.parts.forEach((part, i) => {
    out.push({ id: part.id ?? -1, level: 1, marker: marker(1, i + 1), kind: 'part', node: part });
    walk(part.blocks, 2, out);
  });
  return out;
}

function walk(blocks: Block[], level: Level, out: OutlineEntry[]) {
  let n = 0;
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    n += 1;
    out.push({ id: b.id ?? -1, level, marker: marker(level, n), kind: 'heading', node: b });
    // Deeper trees are refused by the store; clamp like the Rust walk does.
    walk(b.children, Math.min(level + 1, 4) as Level, out);
  }
}

/** Marker per part or heading id. */
export function markersById(report: Report): Map<number, string> {
  return new Map(outlineEntries(report).map((e) => [e.id, e.marker]));
}
