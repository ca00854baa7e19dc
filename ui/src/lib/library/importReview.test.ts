import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../ipc/bindings/ImportPreview';
import type { Report } from '../ipc/bindings/Report';
import { EXTRA, applyChoices, choiceProblem, duplicates, initialChoices } from './importReview';

function report(headings: string[]): Report {
  return {
    figures: [],
    plan: [],
    review: null,
    meta: {
      template: 'fazhi-zhengfu',
      issuer: '某县司法局',
      year: 2023,
      title: null,
      recipient: null,
      signature: null,
      date: null,
      attachments: [],
      imprint: null,
    },
    preface: [],
    parts: headings.map((heading) => ({ statutory: null, heading, body: '', blocks: [] })),
  } as unknown as Report;
}

function preview(keys: (string | null)[]): ImportPreview {
  return {
    report: report(keys.map((_, i) => `部分${i + 1}`)),
    warnings: [],
    parts: keys.map((statutory, index) => ({
      index,
      heading: `部分${index + 1}`,
      statutory,
      score: statutory ? 80 : 0,
      runner_up: null,
      confident: true,
    })),
    statutory_parts: [],
  };
}

describe('initialChoices', () => {
  it('takes the importer’s choice for each part and extra for the rest', () => {
    expect(initialChoices(preview(['measures', null, 'plans']))).toEqual(['measures', EXTRA, 'plans']);
  });
});

describe('duplicates', () => {
  it('flags a statutory part chosen twice, never the extra parts', () => {
    expect(duplicates(['measures', 'plans', 'measures', EXTRA, EXTRA])).toEqual(new Set(['measures']));
    expect(duplicates(['measures', 'plans', EXTRA, EXTRA]).size).toBe(0);
  });

  it('names the doubled parts in Chinese and blocks saving', () => {
    const names = new Map([['measures', '推进法治政府建设的主要举措和成效']]);
    expect(choiceProblem(['measures', 'measures'], names)).toContain('“推进法治政府建设的主要举措和成效”');
    expect(choiceProblem(['measures', EXTRA], names)).toBeNull();
  });
});

describe('applyChoices', () => {
  it('writes the chosen keys into the parts and leaves the preview untouched', () => {
    const p = preview(['measures', 'shortcomings']);
    p.report.parts[0]!.statutory = 'measures';
    const out = applyChoices(p.report, ['plans', EXTRA]);
    expect(out.parts.map((x) => x.statutory)).toEqual(['plans', null]);
    expect(out.parts.map((x) => x.heading)).toEqual(['部分1', '部分2']);
    expect(p.report.parts[0]!.statutory).toBe('measures');
  });
});
