// 导入确认: which statutory part each imported part fills, as the drafter confirms it before
// the report is saved (issue 5: 这一部分对应：…？).

import type { ImportPreview } from '../ipc/bindings/ImportPreview';
import type { Report } from '../ipc/bindings/Report';

/** The select's value for 增加的部分 (a part that fills no statutory part). */
export const EXTRA = '';

/** One value per part of the report, in order: a statutory key, or {@link EXTRA}. */
export type Choices = string[];

/** The importer's choices, one per part of the report (a part it did not map: extra). */
export function initialChoices(preview: ImportPreview): Choices {
  const choices: Choices = preview.report.parts.map(() => EXTRA);
  for (const p of preview.parts) {
    if (p.index < choices.length) choices[p.index] = p.statutory ?? EXTRA;
  }
  return choices;
}

/** The statutory keys chosen for more than one part. */
export function duplicates(choices: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of choices) {
    if (c === EXTRA) continue;
    if (seen.has(c)) twice.add(c);
    seen.add(c);
  }
  return twice;
}

/** The report with each part's `statutory` set from the choices; the preview is left as is. */
export function applyChoices(report: Report, choices: readonly string[]): Report {
  return {
    ...report,
    parts: report.parts.map((part, i) => {
      const c = choices[i] ?? EXTRA;
      return { ...part, statutory: c === EXTRA ? null : c };
    }),
  };
}

/** Why 导入 cannot go ahead yet, in the drafter's words; null when it can. */
export function choiceProblem(choices: readonly string[], names: ReadonlyMap<string, string>): string | null {
  const twice = [...duplicates(choices)];
  if (twice.length === 0) return null;
  const listed = twice.map((k) => `“${names.get(k) ?? k}”`).join('、');
  return `${listed}被选给了不止一个部分。每个法定部分只能对应一个部分，请改选后再导入。`;
}
