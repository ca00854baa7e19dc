// Where a new block goes for 添加标题 / 添加段落 and for Enter, given what has the focus.

import type { Position } from '../ipc/bindings/Position';
import type { Report } from '../ipc/bindings/Report';
import { childrenOf, idOf, locate, positionOf, type Container } from '../report/tree';
import { MAX_LEVEL } from '../outline/moves';

export interface InsertPlan {
  ok: true;
  kind: 'heading' | 'paragraph';
  at: Position;
  /** Where the new block will be found in the returned report. */
  container: Container;
  index: number;
}
export type InsertResult = InsertPlan | { ok: false; reason: string };

const NO_PARTS = '报告中还没有任何部分，无法添加标题。';

function plan(reportId: number, kind: 'heading' | 'paragraph', container: Container, index: number): InsertPlan {
  return { ok: true, kind, at: positionOf(reportId, container, index), container, index };
}

/** The part the drafter is working in: the focused block's, else the remembered one, else the first. */
function currentPart(report: Report, focusedId: number | undefined, lastPartId: number | undefined) {
  const at = focusedId === undefined ? undefined : locate(report, focusedId);
  return at?.part ?? report.parts.find((p) => p.id === lastPartId) ?? report.parts[0];
}

/**
 * 添加标题: one level below the focused part or heading (as its last child); after a focused
 * paragraph, one level below the paragraph's container; a level-4 heading gets a sibling.
 * Without a context: a level-2 heading at the end of the current part.
 */
export function planAddHeading(
  report: Report,
  reportId: number,
  focusedId: number | undefined,
  lastPartId?: number,
): InsertResult {
  const at = focusedId === undefined ? undefined : locate(report, focusedId);
  if (at?.kind === 'heading') {
    if (at.level < MAX_LEVEL) {
      return plan(reportId, 'heading', { in: 'in_heading', heading: at.node }, at.node.children.length);
    }
    return plan(reportId, 'heading', at.container, at.index + 1);
  }
  if (at?.kind === 'paragraph') return plan(reportId, 'heading', at.container, at.index + 1);
  if (at?.kind === 'preface') {
    const first = report.parts[0];
    if (!first) return { ok: false, reason: NO_PARTS };
    return plan(reportId, 'heading', { in: 'in_part', part: first }, 0);
  }
  const part = currentPart(report, focusedId, lastPartId);
  if (!part) return { ok: false, reason: NO_PARTS };
  return plan(reportId, 'heading', { in: 'in_part', part }, part.blocks.length);
}

/**
 * 添加段落: after a focused paragraph; directly under a focused part's or heading's own line;
 * without a context, at the end of the current part (or of the 导语 when there is no part).
 */
export function planAddParagraph(
  report: Report,
  reportId: number,
  focusedId: number | undefined,
  lastPartId?: number,
): InsertResult {
  const at = focusedId === undefined ? undefined : locate(report, focusedId);
  if (at?.kind === 'paragraph' || at?.kind === 'preface') {
    return plan(reportId, 'paragraph', at.container, at.index + 1);
  }
  if (at?.kind === 'heading') {
    return plan(reportId, 'paragraph', { in: 'in_heading', heading: at.node }, 0);
  }
  if (at?.kind === 'part') {
    return plan(reportId, 'paragraph', { in: 'in_part', part: at.node }, 0);
  }
  const part = currentPart(report, focusedId, lastPartId);
  if (!part) return plan(reportId, 'paragraph', { in: 'preface' }, report.preface.length);
  return plan(reportId, 'paragraph', { in: 'in_part', part }, part.blocks.length);
}

/**
 * Enter: a sibling of the same kind after the block (after its whole subtree); in a part's
 * own line, a paragraph directly below it.
 */
export function planEnter(report: Report, reportId: number, blockId: number): InsertResult {
  const at = locate(report, blockId);
  if (!at) return { ok: false, reason: '找不到当前段落，请重新点一下。' };
  if (at.kind === 'part') {
    return plan(reportId, 'paragraph', { in: 'in_part', part: at.node }, 0);
  }
  const kind = at.kind === 'heading' ? 'heading' : 'paragraph';
  return plan(reportId, kind, at.container, at.index + 1);
}

/** The id of the block a plan inserted, read from the report the store returned. */
export function insertedId(report: Report, p: InsertPlan): number | undefined {
  const container = refreshContainer(report, p.container);
  if (!container) return undefined;
  const node = childrenOf(report, container)[p.index];
  return node ? idOf(node) : undefined;
}

/** The same container in a freshly loaded report (the old object is stale). */
function refreshContainer(report: Report, c: Container): Container | undefined {
  if (c.in === 'preface' || c.in === 'parts') return c;
  const id = c.in === 'in_part' ? idOf(c.part) : idOf(c.heading);
  const at = locate(report, id);
  if (!at) return undefined;
  if (at.kind === 'part') return { in: 'in_part', part: at.node };
  if (at.kind === 'heading') return { in: 'in_heading', heading: at.node };
  return undefined;
}
