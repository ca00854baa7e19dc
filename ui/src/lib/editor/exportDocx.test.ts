import { describe, expect, it } from 'vitest';
import { fileNameFor } from './exportDocx';

describe('fileNameFor', () => {
  it('uses the title as the file name', () => {
    expect(fileNameFor('某镇人民政府2023年法治政府建设年度情况报告')).toBe('某镇人民政府2023年法治政府建设年度情况报告.docx');
  });

  it('drops line breaks and replaces characters a file name cannot hold', () => {
    expect(fileNameFor('关于A/B的\n报告：*草稿*')).toBe('关于A_B的报告：_草稿_.docx');
  });

  it('never gives an empty name', () => {
    expect(fileNameFor('  ')).toBe('年度报告.docx');
  });
});
