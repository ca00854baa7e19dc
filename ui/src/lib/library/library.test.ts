import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../ipc/bindings/ReportSummary';
import { checkNewReport, formatClock, formatEdited, groupByYear, newReportDefaults } from './library';

function summary(id: number, year: number, updated_at: string, issuer = '某镇人民政府'): ReportSummary {
  return {
    id,
    issuer,
    year,
    title: `${issuer}${year}年法治政府建设年度情况报告`,
    status: 'draft',
    created_at: updated_at,
    updated_at,
    chars: 0,
  };
}

describe('groupByYear', () => {
  it('puts the newest year first and the latest edit first within a year', () => {
    const groups = groupByYear([
      summary(1, 2022, '2023-03-01T08:00:00.000Z'),
      summary(2, 2023, '2024-03-01T08:00:00.000Z'),
      summary(3, 2023, '2024-03-20T08:00:00.000Z'),
      summary(4, 2021, '2022-03-01T08:00:00.000Z'),
    ]);
    expect(groups.map((g) => g.year)).toEqual([2023, 2022, 2021]);
    expect(groups[0]!.reports.map((r) => r.id)).toEqual([3, 2]);
  });

  it('is empty for an empty library', () => {
    expect(groupByYear([])).toEqual([]);
  });
});

describe('newReportDefaults', () => {
  it('takes the organ of the most recently edited report and the year after it', () => {
    const d = newReportDefaults([
      summary(1, 2023, '2024-03-01T08:00:00.000Z', '甲县司法局'),
      summary(2, 2022, '2024-05-01T08:00:00.000Z', '乙镇人民政府'),
    ]);
    expect(d).toEqual({ issuer: '乙镇人民政府', year: 2023 });
  });

  it('proposes last year and no organ for an empty library', () => {
    expect(newReportDefaults([], new Date(2025, 1, 10))).toEqual({ issuer: '', year: 2024 });
  });
});

describe('checkNewReport', () => {
  it('asks for an organ and a four-digit year', () => {
    expect(checkNewReport('  ', 2024)).toMatch(/机关全称/);
    expect(checkNewReport('某局', 24)).toMatch(/年度/);
    expect(checkNewReport('某局', '二〇二四')).toMatch(/年度/);
    expect(checkNewReport('某局', '2024')).toBeNull();
  });
});

describe('formatEdited', () => {
  const now = new Date(2024, 2, 28, 16, 0, 0);
  it('says 今天 or 昨天 with the time, else the date', () => {
    expect(formatEdited(new Date(2024, 2, 28, 14, 3).toISOString(), now)).toBe('今天 14:03');
    expect(formatEdited(new Date(2024, 2, 27, 9, 5).toISOString(), now)).toBe('昨天 09:05');
    expect(formatEdited(new Date(2024, 0, 2, 9, 5).toISOString(), now)).toBe('2024-01-02');
  });

  it('shows nothing for a broken time', () => {
    expect(formatEdited('not a time', now)).toBe('');
  });
});

describe('formatClock', () => {
  it('pads to hh:mm:ss', () => {
    expect(formatClock(new Date(2024, 0, 1, 4, 3, 2))).toBe('04:03:02');
  });
});
