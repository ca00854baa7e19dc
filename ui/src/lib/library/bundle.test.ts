import { describe, expect, it } from 'vitest';
import { bundleNameFor, IMPORT_FILTER, isBundlePath } from './bundle';

describe('the .nianbao file in the library', () => {
  it('recognises the file by its extension, any case', () => {
    expect(isBundlePath('/home/a/报告.nianbao')).toBe(true);
    expect(isBundlePath('C:\\报告.NIANBAO')).toBe(true);
    expect(isBundlePath('/home/a/报告.nianbao.docx')).toBe(false);
    expect(isBundlePath('/home/a/nianbao')).toBe(false);
  });

  it('proposes the title as the file name', () => {
    expect(bundleNameFor('某镇人民政府2023年法治政府建设年度情况报告')).toBe('某镇人民政府2023年法治政府建设年度情况报告.nianbao');
    expect(bundleNameFor('关于A/B的\n报告')).toBe('关于A_B的报告.nianbao');
  });

  it('offers .nianbao in 导入…', () => {
    expect(IMPORT_FILTER.extensions).toEqual(['docx', 'txt', 'nianbao']);
  });
});
