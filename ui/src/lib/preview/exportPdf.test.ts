import { describe, expect, it } from 'vitest';
import { pdfNameFor } from './exportPdf';

describe('pdfNameFor', () => {
  it('names the PDF after the title, with the characters Windows refuses replaced', () => {
    expect(pdfNameFor('某镇2023年法治政府建设年度情况报告')).toBe('某镇2023年法治政府建设年度情况报告.pdf');
    expect(pdfNameFor('a/b:c')).toBe('a_b_c.pdf');
    expect(pdfNameFor('')).toBe('年度报告.pdf');
  });
});
