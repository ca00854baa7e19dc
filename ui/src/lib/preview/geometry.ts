// The printed page in millimetres (GB/T 9704-2012 5.1–5.2, 7.5), and where each line of the
// engine's Layout goes on it. The sheets are drawn at true size in mm; the screen zooms them
// to the pane's width, the printer gets them 1:1.

import type { Align } from '../ipc/bindings/Align';
import type { Line } from '../ipc/bindings/Line';
import type { Page } from '../ipc/bindings/Page';
import type { SpanStyle } from '../ipc/bindings/SpanStyle';

/** A4. */
export const PAGE_WIDTH_MM = 210;
export const PAGE_HEIGHT_MM = 297;
/** 版心: 天头 37 mm, 订口 28 mm, 156 × 225 mm. */
export const MARGIN_TOP_MM = 37;
export const MARGIN_LEFT_MM = 28;
export const TYPE_WIDTH_MM = 156;
export const TYPE_HEIGHT_MM = 225;
/** One grid line: exact line spacing of 28.95 pt (579 twips), 22 per page. */
export const ROW_MM = (28.95 * 25.4) / 72;

const MM_PER_PT = 25.4 / 72;

/** The .docx's Latin font (Times New Roman, or its metric twin Liberation Serif), for the
 *  ASCII and Latin-1 range only (see the @font-face in Sheet.svelte): “”、— stay Chinese. */
const LATIN = "'Nianbao Latin'";

/** Size in pt and the font stack of each span style (the stacks of the editor's page). */
const LOOKS: Record<SpanStyle, { pt: number; font: string; bold?: boolean; condense?: boolean }> = {
  Title: { pt: 22, font: 'var(--xiaobiaosong)' },
  Recipient: { pt: 16, font: 'var(--fangsong)', condense: true },
  Body: { pt: 16, font: 'var(--fangsong)', condense: true },
  Heading1: { pt: 16, font: 'var(--heiti)', condense: true },
  Heading2: { pt: 16, font: 'var(--kaiti)', condense: true },
  Heading3: { pt: 16, font: 'var(--fangsong)', bold: true, condense: true },
  Heading4: { pt: 16, font: 'var(--fangsong)', condense: true },
  RunIn: { pt: 16, font: 'var(--fangsong)', condense: true },
  Attachment: { pt: 16, font: 'var(--fangsong)', condense: true },
  Signature: { pt: 16, font: 'var(--fangsong)', condense: true },
  Date: { pt: 16, font: 'var(--fangsong)', condense: true },
  Imprint: { pt: 14, font: 'var(--fangsong)' },
  PageNumber: { pt: 14, font: "'宋体', SimSun, 'Noto Serif CJK SC', serif" },
};

/** The CSS of a span: face, size, weight; body text condensed by 0.25 pt per character like
 *  the .docx, so that 28 characters fit the 156 mm line. */
export function spanCss(style: SpanStyle): string {
  const look = LOOKS[style];
  // Digits and Latin letters in Times New Roman, as the .docx sets them (its ascii/hAnsi
  // font); the Chinese characters fall through to the Chinese face.
  let css = `font-family:${LATIN},${look.font};font-size:${look.pt}pt;`;
  if (look.bold) css += 'font-weight:700;';
  if (look.condense) css += 'letter-spacing:-0.25pt;';
  return css;
}

/** The size in pt of a line's cells (字): its first span's, 3号 for a blank line. */
export function cellPt(line: Line): number {
  const first = line.spans[0];
  return first ? LOOKS[first.style].pt : 16;
}

const TEXT_ALIGN: Record<Align, string> = { Left: 'left', Center: 'center', Right: 'right', Justify: 'justify' };

/** The CSS that puts a line on its sheet: its row and height on the grid, its inset in 字 of
 *  its own size from the edge it is aligned to, and its alignment. */
export function lineCss(line: Line): string {
  const top = MARGIN_TOP_MM + line.row * ROW_MM;
  const height = line.height * ROW_MM;
  const inset = line.indent * cellPt(line) * MM_PER_PT;
  let css = `top:${top.toFixed(3)}mm;height:${height.toFixed(3)}mm;line-height:${height.toFixed(3)}mm;`;
  css += `text-align:${TEXT_ALIGN[line.align]};`;
  // A justified line that is not its paragraph's last fills the 版心 to both edges.
  if (line.align === 'Justify' && !line.last_of_paragraph) css += 'text-align-last:justify;';
  if (line.align === 'Right') css += `padding-right:${inset.toFixed(3)}mm;`;
  else if (line.align !== 'Center') css += `padding-left:${inset.toFixed(3)}mm;`;
  return css;
}

/** Page numbers sit 居右空一字 on odd pages and 居左空一字 on even pages (7.5). */
export function pageNumberSide(page: Page): 'odd' | 'even' {
  return page.number % 2 === 1 ? 'odd' : 'even';
}

/** A sheet's width on screen at zoom 1 (CSS px are 1/96 in), and the distance from one
 *  sheet's top to the next (the sheet and the 8 mm gap below it, see Sheet.svelte). */
export const SHEET_PX = (PAGE_WIDTH_MM * 96) / 25.4;
export const STRIDE_PX = ((PAGE_HEIGHT_MM + 8) * 96) / 25.4;

/** The zoom that fits a 210 mm sheet (plus a margin of `gutterPx` each side) in `widthPx`. */
export function zoomFor(widthPx: number, gutterPx = 24, maxZoom = 1.5): number {
  return Math.max(0.2, Math.min(maxZoom, (widthPx - 2 * gutterPx) / SHEET_PX));
}

