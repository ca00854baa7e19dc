// 保密审查 before 定稿: what the dialog shows and the two steps it takes.

import type { PlanItem } from '../ipc/bindings/PlanItem';
import type { ReviewState } from '../ipc/bindings/ReviewState';
import * as ipc from '../ipc/commands';
import { chineseDate } from '../history/printed';
import { todayDocDate } from '../meta/metaForm';

/** The three ticks, in the order the dialog asks them. */
export const TICKS = [
  { id: 'secrets', label: '不涉及国家秘密' },
  { id: 'personal', label: '不含个人信息' },
  { id: 'internal', label: '不含仅限内部使用的数据' },
] as const;

/** What the dialog needs to know about a report before 定稿. */
export interface ReviewFacts {
  state: ReviewState;
  /** When the last review was recorded, `2024年3月1日`; '' when none. */
  lastDate: string;
  /** Planned items no block answers yet. */
  unlinked: PlanItem[];
}

/** Reads where the 保密审查 of report `id` stands and its unlinked planned items. */
export async function reviewFacts(id: number): Promise<ReviewFacts> {
  const [report, state] = await Promise.all([ipc.loadReport(id), ipc.reviewState(id)]);
  return {
    state,
    lastDate: chineseDate(report.review?.date),
    unlinked: report.plan.filter((p) => p.block === null),
  };
}

/** The sentence about an earlier review: '' for none or a current one. */
export function staleNote(facts: Pick<ReviewFacts, 'state' | 'lastDate'>): string {
  if (facts.state !== 'stale') return '';
  return `上次保密审查${facts.lastDate ? `（${facts.lastDate}）` : ''}之后报告内容有改动，需重新审查。`;
}

/** Records the review dated `today` and marks report `id` 定稿. */
export async function reviewAndFinalize(id: number, today: string = todayDocDate()): Promise<void> {
  await ipc.recordReview(id, today);
  await ipc.setStatus(id, 'final');
}

/** The 定稿 reports whose 保密审查 no longer covers their text (需重新审查). */
export async function staleFinals(reports: readonly { id: number; status: string }[]): Promise<Set<number>> {
  const finals = reports.filter((r) => r.status === 'final');
  const states = await Promise.all(finals.map((r) => ipc.reviewState(r.id)));
  return new Set(finals.filter((_, i) => states[i] !== 'current').map((r) => r.id));
}
