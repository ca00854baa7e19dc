import { describe, expect, it } from 'vitest';
import type { Line } from '../ipc/bindings/Line';
import { cellPt, lineCss, ROW_MM, zoomFor } from './geometry';

const line = (over: Partial<Line> = {}): Line => ({
  row: 0,
  height: 1,
  indent: 0,
  align: 'Justify',
  spans: [{ text: '依法行政', style: 'Body' }],
  block: 7,
  last_of_paragraph: false,
  ...over,
});

describe('lineCss', () => {
  it('puts row 0 at the top of the 版心 and each row 28.95 pt below the last', () => {
    expect(lineCss(line())).toContain('top:37.000mm');
    expect(ROW_MM * 22).toBeCloseTo(224.7, 1);
    expect(lineCss(line({ row: 21 }))).toContain(`top:${(37 + 21 * ROW_MM).toFixed(3)}mm`);
  });

  it('justifies a paragraph line to both edges unless it ends the paragraph', () => {
    expect(lineCss(line())).toContain('text-align-last:justify');
    expect(lineCss(line({ last_of_paragraph: true }))).not.toContain('text-align-last');
  });

  it('measures the inset in 字 of the line’s own size, from the edge it is aligned to', () => {
    // 2 字 of 3号 (16 pt) = 32 pt = 11.289 mm.
    expect(lineCss(line({ indent: 2 }))).toContain('padding-left:11.289mm');
    // 1 字 of 4号 (14 pt) from the right: an odd page's number.
    const number = line({ indent: 1, align: 'Right', spans: [{ text: '— 1 —', style: 'PageNumber' }] });
    expect(cellPt(number)).toBe(14);
    expect(lineCss(number)).toContain('padding-right:4.939mm');
    expect(lineCss(line({ indent: 0, align: 'Center' }))).not.toContain('padding');
  });
});

describe('zoomFor', () => {
  it('fits a 210 mm sheet to the pane, within bounds', () => {
    const sheetPx = (210 * 96) / 25.4;
    expect(zoomFor(sheetPx + 48)).toBeCloseTo(1, 5);
    expect(zoomFor(10)).toBe(0.2);
    expect(zoomFor(10000)).toBe(1.5);
  });
});
