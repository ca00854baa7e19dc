// How long the printed report will be, on the GB/T 9704 type area: 22 lines of 28 characters
// per page (7.1 版面). An estimate for the status bar, not the layout: Word decides the breaks.

import type { Block } from '../ipc/bindings/Block';
import type { Report } from '../ipc/bindings/Report';
import { generatedTitle } from './title';

export const CELLS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;
/** 二号 (22 pt) title characters on a 156 mm line: 442 pt / 22 pt. */
export const TITLE_CELLS_PER_LINE = 20;
/** A title line is taller than a body line (22 pt type on a 28.9 pt grid line vs 16 pt). */
export const TITLE_LINE_WEIGHT = 1.5;
const FIRST_LINE_INDENT = 2;

/** Grid cells a text takes: an ASCII character is half a cell, anything else (汉字, full-width marks) one. */
export function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return n;
}

/** Lines an indented paragraph takes. */
export function paragraphLines(text: string): number {
  return Math.ceil((cells(text) + FIRST_LINE_INDENT) / CELLS_PER_LINE);
}

/** Lines the title takes, weighted, plus the blank line below it. */
export function titleLines(title: string): number {
  const lines = title
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(cells(line) / TITLE_CELLS_PER_LINE)), 0);
  return lines * TITLE_LINE_WEIGHT + 1;
}

export function pagesForLines(lines: number): number {
  return Math.max(1, Math.ceil(lines / LINES_PER_PAGE));
}

/** Characters as the library counts them (the store's `chars`): text and run-in body of every block. */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

export interface Estimate {
  chars: number;
  lines: number;
  pages: number;
}

/** Pages and characters of a whole report. Empty paragraphs are not printed and do not count. */
export function estimateReport(report: Report): Estimate {
  let chars = 0;
  let lines = titleLines(report.meta.title?.trim() ? report.meta.title : generatedTitle(report.meta));
  const paragraph = (text: string) => {
    chars += countChars(text);
    if (text.trim() !== '') lines += paragraphLines(text);
  };
  if (report.meta.recipient?.trim()) lines += Math.ceil((cells(report.meta.recipient) + 1) / CELLS_PER_LINE);
  for (const p of report.preface) paragraph(p.text);
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'heading') {
        paragraph(b.text + b.body);
        walk(b.children);
      } else {
        paragraph(b.text);
      }
    }
  };
  for (const part of report.parts) {
    paragraph(part.heading + part.body);
    walk(part.blocks);
  }
  if (report.meta.attachments.length > 0) lines += 1 + report.meta.attachments.length;
  // Sign-off: a blank line, 署名, 成文日期.
  lines += 3;
  return { chars, lines, pages: pagesForLines(lines) };
}

/**
 * Pages from a character count alone (the library has no text): every paragraph wastes about
 * half a line, so a line holds about 26 characters on average.
 */
export function estimatePagesFromChars(chars: number): number {
  if (chars === 0) return 1;
  const lines = 4 + Math.ceil(chars / 26) + 3;
  return pagesForLines(lines);
}

/** `约 8 页 · 15,120 字` */
export function formatEstimate(e: { pages: number; chars: number }): string {
  return `约 ${e.pages} 页 · ${e.chars.toLocaleString('en-US')} 字`;
}
