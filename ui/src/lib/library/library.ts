// 报告库 logic without a DOM: grouping, the new-report defaults, how times read.

import type { ReportSummary } from '../ipc/bindings/ReportSummary';

export interface YearGroup {
  year: number;
  reports: ReportSummary[];
}

/** Reports by year, newest year first; within a year the most recently edited first. */
export function groupByYear(reports: readonly ReportSummary[]): YearGroup[] {
  const byYear = new Map<number, ReportSummary[]>();
  for (const r of reports) {
    const list = byYear.get(r.year) ?? [];
    list.push(r);
    byYear.set(r.year, list);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({
      year,
      reports: list.sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id),
    }));
}

export interface NewReportDefaults {
  issuer: string;
  year: number;
}

/**
 * What the 新建报告 dialog proposes: the organ of the most recently edited report and the
 * year after it; without any report, last year (reports are written early in the next year).
 */
export function newReportDefaults(reports: readonly ReportSummary[], today: Date = new Date()): NewReportDefaults {
  const latest = [...reports].sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
  if (!latest) return { issuer: '', year: today.getFullYear() - 1 };
  return { issuer: latest.issuer, year: latest.year + 1 };
}

/** The year an organ's next report covers, given the one it starts from. */
export function nextYear(source: Pick<ReportSummary, 'year'>): number {
  return source.year + 1;
}

/** Refuses what the store would refuse, in the dialog's words; null when acceptable. */
export function checkNewReport(issuer: string, year: number | string): string | null {
  if (issuer.trim() === '') return '请填写机关全称，例如“某某县司法局”。';
  const y = typeof year === 'number' ? year : Number(year);
  if (!Number.isInteger(y) || y < 1900 || y > 9999) return '请填写四位数的年度，例如 2024。';
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `今天 14:03`, `昨天 09:12` or `2024-03-28`, in local time. */
export function formatEdited(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(t)) / 86_400_000);
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}`;
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `昨天 ${time}`;
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** `14:03:22`, for 已保存. */
export function formatClock(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
