import { describe, expect, it } from 'vitest';
import type { Layout } from '../ipc/bindings/Layout';
import type { Line } from '../ipc/bindings/Line';
import { blockExtent, scrollToShow } from './follow';
import { MARGIN_TOP_MM, ROW_MM, STRIDE_PX } from './geometry';

const line = (row: number, block: number | null): Line => ({
  row,
  height: 1,
  indent: 0,
  align: 'Justify',
  spans: [{ text: '依法行政', style: 'Body' }],
  block,
  last_of_paragraph: false,
});

// Block 7 runs from the last two rows of page 1 onto the first row of page 2.
const layout: Layout = {
  pages: [
    { number: 1, lines: [line(0, 5), line(20, 7), line(21, 7)] },
    { number: 2, lines: [line(0, 7), line(1, 8)] },
  ],
  warnings: [],
};
const px = (mm: number) => (mm * 96) / 25.4;

describe('blockExtent', () => {
  it('spans a block from its first line to the end of its last, across sheets', () => {
    const e = blockExtent(layout, 7)!;
    expect(e.top).toBeCloseTo(px(MARGIN_TOP_MM + 20 * ROW_MM), 6);
    expect(e.bottom).toBeCloseTo(STRIDE_PX + px(MARGIN_TOP_MM + ROW_MM), 6);
  });

  it('is null for a block that prints nothing', () => {
    expect(blockExtent(layout, 99)).toBeNull();
  });
});

describe('scrollToShow', () => {
  const e = { top: 2000, bottom: 2100 };
  it('leaves a block that is partly in view alone', () => {
    expect(scrollToShow(e, { top: 2050, height: 600 })).toBeNull();
    expect(scrollToShow(e, { top: 1500, height: 600 })).toBeNull();
  });

  it('brings a block out of view to a third of the way down', () => {
    expect(scrollToShow(e, { top: 0, height: 600 })).toBe(1800);
    expect(scrollToShow(e, { top: 5000, height: 600 })).toBe(1800);
    expect(scrollToShow({ top: 100, bottom: 150 }, { top: 900, height: 600 })).toBe(0);
  });
});
