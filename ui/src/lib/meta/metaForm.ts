// The meta form (机关全称 … 盖章版式) as the drafter fills it, and the Meta it saves.
// Empty optional fields are stored as null (= generated title, no recipient, issuer as 署名).

import type { Imprint } from '../ipc/bindings/Imprint';
import type { Meta } from '../ipc/bindings/Meta';

export interface MetaFields {
  issuer: string;
  year: string;
  title: string;
  recipient: string;
  signature: string;
  date: string;
  attachments: string[];
  cc: string;
  printer: string;
  imprintDate: string;
  sealed: boolean;
}

export type FieldErrors = Partial<Record<keyof MetaFields, string>>;

export function fieldsFromMeta(meta: Meta): MetaFields {
  return {
    issuer: meta.issuer,
    year: String(meta.year),
    title: meta.title ?? '',
    recipient: meta.recipient ?? '',
    signature: meta.signature ?? '',
    date: meta.date ?? '',
    attachments: [...meta.attachments],
    cc: meta.imprint?.cc ?? '',
    printer: meta.imprint?.printer ?? '',
    imprintDate: meta.imprint?.date ?? '',
    sealed: meta.sealed,
  };
}

/** A calendar date `YYYY-MM-DD` between 1900 and 9999. */
export function isDocDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const emptyToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** 主送机关 is stored without the colon the page prints after it. */
export function cleanRecipient(s: string): string | null {
  return emptyToNull(s.replace(/[：:]\s*$/, ''));
}

export interface FormResult {
  /** The meta to save, when every field is acceptable. */
  meta: Meta | null;
  errors: FieldErrors;
}

/** Checks the fields and builds the Meta to save (template kept from `base`). */
export function metaFromFields(f: MetaFields, base: Meta): FormResult {
  const errors: FieldErrors = {};
  if (f.issuer.trim() === '') errors.issuer = '机关全称不能为空。';
  const year = Number(f.year);
  if (!/^\d{4}$/.test(f.year.trim()) || year < 1900) errors.year = '请填写四位数的年度，例如 2024。';
  if (f.date !== '' && !isDocDate(f.date)) errors.date = '请选择有效的日期。';
  const imprint = imprintFrom(f);
  if (imprint === 'invalid') errors.imprintDate = '请选择有效的印发日期。';
  if (imprint === 'missing-date') errors.imprintDate = '填写了抄送或印发机关，还需要印发日期。';
  if (Object.keys(errors).length > 0) return { meta: null, errors };
  return {
    meta: {
      template: base.template,
      issuer: f.issuer.trim(),
      year,
      title: emptyToNull(f.title),
      recipient: cleanRecipient(f.recipient),
      signature: emptyToNull(f.signature),
      date: f.date === '' ? null : f.date,
      attachments: f.attachments.map((a) => a.trim()).filter((a) => a !== ''),
      imprint: imprint as Imprint | null,
      sealed: f.sealed,
    },
    errors,
  };
}

function imprintFrom(f: MetaFields): Imprint | null | 'invalid' | 'missing-date' {
  const cc = emptyToNull(f.cc);
  const printer = f.printer.trim();
  if (cc === null && printer === '' && f.imprintDate === '') return null;
  if (f.imprintDate === '') return 'missing-date';
  if (!isDocDate(f.imprintDate)) return 'invalid';
  return { cc, printer, date: f.imprintDate };
}

/** Today as `YYYY-MM-DD` in local time. */
export function todayDocDate(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * When the drafter starts a 版记 (抄送 or 印发机关) the 印发日期 is proposed at once — the
 * 成文日期 or today — so the 版记 can be saved while typing.
 */
export function proposeImprintDate(f: MetaFields, now: Date = new Date()): string {
  if (f.imprintDate !== '' || (f.cc.trim() === '' && f.printer.trim() === '')) return f.imprintDate;
  return f.date !== '' && isDocDate(f.date) ? f.date : todayDocDate(now);
}
