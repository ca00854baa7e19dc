import { describe, expect, it } from 'vitest';
import {
  cells,
  estimatePagesFromChars,
  estimateReport,
  formatEstimate,
  pagesForLines,
  paragraphLines,
  titleLines,
} from './pageEstimate';
import { testMeta } from './testReport';
import type { Report } from '../ipc/bindings/Report';

describe('cells', () => {
  it('counts a 汉字 or full-width mark as one cell and ASCII as half', () => {
    expect(cells('法治')).toBe(2);
    expect(cells('，。：；（）“”')).toBe(8);
    expect(cells('2023')).toBe(2);
    expect(cells('2023年')).toBe(3);
    expect(cells('')).toBe(0);
  });
});

describe('paragraphLines', () => {
  it('adds the two-character first-line indent and rounds up to whole lines', () => {
    expect(paragraphLines('')).toBe(1);
    expect(paragraphLines('字'.repeat(26))).toBe(1); // 26 + 2 = 28: exactly one line
    expect(paragraphLines('字'.repeat(27))).toBe(2); // 29 cells
    expect(paragraphLines('字'.repeat(54))).toBe(2); // 56 cells
    expect(paragraphLines('a'.repeat(52))).toBe(1); // 26 + 2 cells
  });
});

describe('titleLines', () => {
  it('weighs each title line 1.5 and adds the blank line below', () => {
    expect(titleLines('某镇人民政府2023年法治政府建设年度情况报告')).toBe(2 * 1.5 + 1); // 21 cells, 20 a line
    expect(titleLines('短标题')).toBe(1.5 + 1);
    expect(titleLines('第一行\n第二行')).toBe(2 * 1.5 + 1);
  });
});

describe('pagesForLines', () => {
  it('puts 22 lines on a page and never says zero pages', () => {
    expect(pagesForLines(0)).toBe(1);
    expect(pagesForLines(22)).toBe(1);
    expect(pagesForLines(22.5)).toBe(2);
    expect(pagesForLines(44)).toBe(2);
  });
});

function reportWith(paragraphs: string[]): Report {
  return {
    figures: [],
    plan: [],
    review: null,
    meta: testMeta({ title: '短标题' }),
    preface: paragraphs.map((text, i) => ({ id: i + 1, text })),
    parts: [],
  };
}

describe('estimateReport', () => {
  it('adds title, paragraphs and the sign-off', () => {
    // Title 2.5 + 20 one-line paragraphs + sign-off 3 = 25.5 lines → 2 pages.
    const e = estimateReport(reportWith(Array.from({ length: 20 }, () => '字'.repeat(20))));
    expect(e.lines).toBe(25.5);
    expect(e.pages).toBe(2);
    expect(e.chars).toBe(400);
  });

  it('follows a paragraph that grows, and comes back when it shrinks', () => {
    const texts = Array.from({ length: 20 }, () => '字'.repeat(20));
    const r = reportWith(texts);
    expect(estimateReport(r).lines).toBe(25.5);
    // The eleventh paragraph grows to two lines.
    const grown = reportWith(texts.map((t, i) => (i === 10 ? t + '字'.repeat(20) : t)));
    const e = estimateReport(grown);
    expect(e.lines).toBe(26.5);
    expect(e.chars).toBe(420);
    expect(estimateReport(r)).toEqual({ chars: 400, lines: 25.5, pages: 2 });
  });

  it('fits one page while the lines allow it', () => {
    // 2.5 + 16 + 3 = 21.5 ≤ 22
    expect(estimateReport(reportWith(Array.from({ length: 16 }, () => '字'))).pages).toBe(1);
  });

  it('counts run-in bodies with their heading in one paragraph, and skips empty paragraphs', () => {
    const r = reportWith(['', '']);
    r.parts = [
      {
        id: 10,
        statutory: null,
        heading: '部分',
        body: '',
        blocks: [{ kind: 'heading', id: 11, text: '字'.repeat(13), body: '字'.repeat(13), children: [] }],
      },
    ];
    const e = estimateReport(r);
    // title 2.5 + part 1 + heading 26+2 = 1 line + sign-off 3
    expect(e.lines).toBe(7.5);
    expect(e.chars).toBe(2 + 26);
  });

  it('uses the generated title when none is set', () => {
    const r = reportWith([]);
    r.meta.title = null;
    expect(estimateReport(r).lines).toBe(titleLines('某镇人民政府2023年法治政府建设年度情况报告') + 3);
  });

  it('counts the recipient line and attachment lines', () => {
    const r = reportWith([]);
    r.meta.recipient = '区委、区政府';
    r.meta.attachments = ['附件一', '附件二'];
    expect(estimateReport(r).lines).toBe(2.5 + 1 + 3 + 3);
  });
});

describe('library estimate and format', () => {
  it('estimates pages from the character count alone', () => {
    expect(estimatePagesFromChars(0)).toBe(1);
    expect(estimatePagesFromChars(300)).toBe(1);
    expect(estimatePagesFromChars(8000)).toBeGreaterThanOrEqual(13);
    expect(estimatePagesFromChars(8000)).toBeLessThanOrEqual(16);
  });

  it('formats like the status bar shows it', () => {
    expect(formatEstimate({ pages: 8, chars: 15120 })).toBe('约 8 页 · 15,120 字');
  });
});
