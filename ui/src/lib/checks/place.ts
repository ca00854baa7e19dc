// 检查 without a DOM: where a finding is, in the panel's words, and how findings are grouped.

import type { CheckCounts } from '../ipc/bindings/CheckCounts';
import type { CheckFinding } from '../ipc/bindings/CheckFinding';
import type { Location } from '../ipc/bindings/Location';
import type { MetaField } from '../ipc/bindings/MetaField';
import type { Severity } from '../ipc/bindings/Severity';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一 … 10 → 十, 11 → 十一, 20 → 二十 (parts are few). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 11] ?? ''}`;
  if (n < 100) return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 === 0 ? '' : NUMERALS[(n % 10) - 1]}`;
  return String(n);
}

const META_NAMES: Record<MetaField, string> = {
  title: '标题',
  issuer: '机关全称',
  recipient: '主送机关',
  signature: '署名',
  date: '成文日期',
  imprint_date: '印发日期',
};

/** The form field a meta finding jumps to. */
export const META_INPUTS: Record<MetaField, string> = {
  title: 'meta-title',
  issuer: 'meta-issuer',
  recipient: 'meta-recipient',
  signature: 'meta-signature',
  date: 'meta-date',
  imprint_date: 'meta-imprint-date',
};

/**
 * Where a finding is: `全文`, `标题`, `导语第1段`, `第二部分标题`, `第二部分正文`,
 * `一、（三）1.`, `一、（三）第2段`, `一、（三）1. 正文`.
 */
export function placeLabel(loc: Location): string {
  const t = loc.target;
  const body = loc.field === 'body';
  switch (t.in) {
    case 'report':
      return '全文';
    case 'meta':
      return META_NAMES[t.field];
    case 'preface':
      return `导语第${t.index + 1}段`;
    case 'part':
      return `第${chineseNumber(t.part + 1)}部分${body ? '正文' : '标题'}`;
    case 'block': {
      // The checker labels a paragraph by the heading over it and its place: 一、（一）¶2.
      const label = loc.label.replace(/¶(\d+)$/, '第$1段') || `第${chineseNumber(t.part + 1)}部分`;
      return body ? `${label} 正文` : label;
    }
  }
}

/** The editor block a finding is in, or null (the whole report, a meta field). */
export function blockIdOf(loc: Location): number | null {
  const t = loc.target;
  return t.in === 'preface' || t.in === 'part' || t.in === 'block' ? t.id : null;
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', hint: '提示' };

export type Order = 'severity' | 'document';

/** A heading of the list and its findings (each with its index in the check). */
export interface Group {
  severity: Severity | null;
  title: string;
  items: { index: number; finding: CheckFinding }[];
}

/** By severity (错误, 警告, 提示; document order within each) or all in document order. */
export function groupFindings(findings: CheckFinding[], order: Order): Group[] {
  const items = findings.map((finding, index) => ({ index, finding }));
  if (order === 'document') return items.length ? [{ severity: null, title: `全部 ${items.length}`, items }] : [];
  return (['error', 'warning', 'hint'] as const)
    .map((severity) => {
      const of = items.filter((i) => i.finding.severity === severity);
      return { severity, title: `${SEVERITY_LABELS[severity]} ${of.length}`, items: of };
    })
    .filter((g) => g.items.length > 0);
}

/** The status bar's words: `错误 3 · 警告 1`, or `检查通过` when neither. */
export function countsLabel(c: CheckCounts): string {
  if (c.errors === 0 && c.warnings === 0) return '检查通过';
  return `错误 ${c.errors} · 警告 ${c.warnings}`;
}
