import { describe, expect, it } from 'vitest';
import { testMeta, testReport } from '../report/testReport';
import { printedLines } from './printed';

describe('printedLines', () => {
  it('prints a version with generated markers, as Word would', () => {
    const r = testReport();
    r.meta = testMeta({ recipient: '区委、区政府', date: '2024-03-28', attachments: ['甲', '乙'] });
    const lines = printedLines(r);
    const text = lines.map((l) => (l.kind === 'heading' ? `${l.marker}${l.text}${l.body}` : l.text));
    expect(text.slice(0, 5)).toEqual([
      '某镇人民政府2023年法治政府建设年度情况报告',
      '区委、区政府：',
      '导语一',
      '导语二',
      '一、推进法治政府建设的主要举措和成效',
    ]);
    expect(text).toContain('（二）加快推进政府职能转变');
    expect(text).toContain('1.积极走访企业，稳企解困。以重点企业联络员制度为抓手。');
    expect(text).toContain('（1）四级标题');
    expect(text.slice(-4)).toEqual(['附件：1.甲', '2.乙', '某镇人民政府', '2024年3月28日']);
  });
});
