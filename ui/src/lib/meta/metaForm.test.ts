import { describe, expect, it } from 'vitest';
import { testMeta } from '../report/testReport';
import { cleanRecipient, fieldsFromMeta, isDocDate, metaFromFields, proposeImprintDate } from './metaForm';

const base = testMeta();

describe('metaFromFields', () => {
  it('round-trips a meta through the form', () => {
    const meta = testMeta({
      title: '自定标题',
      recipient: '区委、区政府',
      date: '2024-03-28',
      attachments: ['行政复议案件统计表'],
      imprint: { cc: '区委依法治区办', printer: '某镇党政办公室', date: '2024-03-28' },
      sealed: true,
    });
    expect(metaFromFields(fieldsFromMeta(meta), base)).toEqual({ meta, errors: {} });
  });

  it('stores empty optional fields as null (generated title, issuer as 署名)', () => {
    const f = { ...fieldsFromMeta(base), title: '  ', signature: '', recipient: '' };
    const { meta } = metaFromFields(f, base);
    expect(meta).toMatchObject({ title: null, signature: null, recipient: null, imprint: null });
  });

  it('refuses an empty organ or a bad year, and saves nothing', () => {
    const r = metaFromFields({ ...fieldsFromMeta(base), issuer: ' ', year: '23' }, base);
    expect(r.meta).toBeNull();
    expect(r.errors.issuer).toMatch(/机关全称/);
    expect(r.errors.year).toMatch(/年度/);
  });

  it('drops empty attachment lines', () => {
    const { meta } = metaFromFields({ ...fieldsFromMeta(base), attachments: ['甲', ' ', ''] }, base);
    expect(meta?.attachments).toEqual(['甲']);
  });

  it('needs a 印发日期 once 版记 has content', () => {
    const r = metaFromFields({ ...fieldsFromMeta(base), printer: '办公室' }, base);
    expect(r.errors.imprintDate).toMatch(/印发日期/);
  });
});

describe('helpers', () => {
  it('strips the colon from 主送机关', () => {
    expect(cleanRecipient('区委、区政府：')).toBe('区委、区政府');
    expect(cleanRecipient('区委:')).toBe('区委');
    expect(cleanRecipient('')).toBeNull();
  });

  it('checks calendar dates', () => {
    expect(isDocDate('2024-02-29')).toBe(true);
    expect(isDocDate('2023-02-29')).toBe(false);
    expect(isDocDate('2024-3-28')).toBe(false);
  });

  it('proposes the 印发日期 from the 成文日期, else today', () => {
    const f = { ...fieldsFromMeta(base), cc: '区司法局' };
    expect(proposeImprintDate({ ...f, date: '2024-03-28' })).toBe('2024-03-28');
    expect(proposeImprintDate(f, new Date(2025, 0, 5))).toBe('2025-01-05');
    expect(proposeImprintDate(fieldsFromMeta(base))).toBe('');
  });
});
