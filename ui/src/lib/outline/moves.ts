// The outline's keyboard moves (Alt+↑/↓, Tab, Shift+Tab) as plans: which command to send
// with which Position, or why not (in the drafter's words). Pure: the store re-checks every
// plan and the window shows the report the store returns.
//
// Rules, so the drafter can predict them:
// - 上移/下移 swap a block with its neighbour among its siblings. At the edge of a part or
//   heading it moves into the neighbouring part / sibling heading of the same level, so a
//   heading keeps its level; a paragraph may also cross between 导语 and part 一.
// - 降级 makes a heading the last child of the heading just above it (same level).
// - 升级 makes a heading the next sibling of its parent heading.
// - Parts are level 1: they move among parts and are neither demoted nor promoted.

import type { Position } from '../ipc/bindings/Position';
import type { Report } from '../ipc/bindings/Report';
import {
  childrenOf,
  headingHeight,
  idOf,
  isHeading,
  locate,
  positionOf,
  type HeadingBlock,
  type Located,
} from '../report/tree';

export const MAX_LEVEL = 4;

export type StructureAction =
  | { op: 'move_block'; blockId: number; to: Position }
  | { op: 'move_part'; partId: number; index: number };

export type Plan = { ok: true; action: StructureAction } | { ok: false; reason: string };

const refuse = (reason: string): Plan => ({ ok: false, reason });
const moveBlock = (blockId: number, to: Position): Plan => ({ ok: true, action: { op: 'move_block', blockId, to } });

export const REASONS = {
  notFound: '找不到要移动的内容，请先点一下要移动的段落或标题。',
  firstPart: '这已经是第一部分，不能再上移。',
  lastPart: '这已经是最后一部分，不能再下移。',
  top: '已经到最前面了，不能再上移。',
  bottom: '已经到最后面了，不能再下移。',
  partLevel: '一级标题（部分）不能降级或升级；请用上移、下移调整部分的顺序。',
  paragraphLevel: '段落没有级别，只有标题可以降级或升级。',
  noHeadingAbove: '上方紧邻的不是同级标题，不能降级：降级后的标题要归入上方的同级标题之下。',
  tooDeep: '标题最多四级，不能再降级。',
  levelTwo: '二级标题不能再升级；一级标题是报告的各个部分。',
} as const;

export function planMoveUp(report: Report, reportId: number, blockId: number): Plan {
  return planMove(report, reportId, blockId, -1);
}

export function planMoveDown(report: Report, reportId: number, blockId: number): Plan {
  return planMove(report, reportId, blockId, +1);
}

function planMove(report: Report, reportId: number, blockId: number, step: -1 | 1): Plan {
  const at = locate(report, blockId);
  if (!at) return refuse(REASONS.notFound);
  if (at.kind === 'part') {
    const index = at.index + step;
    if (index < 0) return refuse(REASONS.firstPart);
    if (index >= report.parts.length) return refuse(REASONS.lastPart);
    // move_part counts the index without the moved part, which is the neighbour's old index.
    return { ok: true, action: { op: 'move_part', partId: blockId, index } };
  }
  const siblings = childrenOf(report, at.container);
  const index = at.index + step;
  if (index >= 0 && index < siblings.length) {
    return moveBlock(blockId, positionOf(reportId, at.container, index));
  }
  return planCrossing(report, reportId, at, step);
}

/** The move out of the first / last place of a container into the neighbouring one. */
function planCrossing(report: Report, reportId: number, at: Located, step: -1 | 1): Plan {
  const edge = step < 0 ? REASONS.top : REASONS.bottom;
  const isParagraph = at.kind === 'paragraph' || at.kind === 'preface';
  const c = at.container;
  if (c.in === 'preface') {
    const first = report.parts[0];
    if (step < 0 || !first) return refuse(edge);
    return moveBlock(idOf(at.node), { in: 'in_part', part_id: idOf(first), index: 0 });
  }
  if (c.in === 'in_part') {
    const pi = report.parts.indexOf(c.part);
    const neighbour = report.parts[pi + step];
    if (neighbour) {
      const index = step < 0 ? neighbour.blocks.length : 0;
      return moveBlock(idOf(at.node), { in: 'in_part', part_id: idOf(neighbour), index });
    }
    if (step < 0 && pi === 0 && isParagraph) {
      return moveBlock(idOf(at.node), { in: 'preface', report_id: reportId, index: report.preface.length });
    }
    return refuse(edge);
  }
  if (c.in === 'in_heading') {
    const parent = locate(report, idOf(c.heading));
    if (!parent) return refuse(edge);
    const neighbour = nearestHeadingSibling(report, parent, step);
    if (!neighbour) return refuse(edge);
    const index = step < 0 ? neighbour.children.length : 0;
    return moveBlock(idOf(at.node), { in: 'in_heading', heading_id: idOf(neighbour), index });
  }
  return refuse(edge);
}

/** The nearest heading before (step −1) or after (+1) a heading among its siblings. */
function nearestHeadingSibling(report: Report, at: Located, step: -1 | 1): HeadingBlock | undefined {
  const siblings = childrenOf(report, at.container);
  for (let i = at.index + step; i >= 0 && i < siblings.length; i += step) {
    const s = siblings[i];
    if (s && 'kind' in s && isHeading(s)) return s;
  }
  return undefined;
}

/** 降级: the heading becomes the last child of the heading just above it. */
export function planDemote(report: Report, _reportId: number, blockId: number): Plan {
  const at = locate(report, blockId);
  if (!at) return refuse(REASONS.notFound);
  if (at.kind === 'part') return refuse(REASONS.partLevel);
  if (at.kind !== 'heading') return refuse(REASONS.paragraphLevel);
  const above = childrenOf(report, at.container)[at.index - 1];
  if (!above || !('kind' in above) || !isHeading(above)) return refuse(REASONS.noHeadingAbove);
  if (at.level + headingHeight(at.node) > MAX_LEVEL) return refuse(REASONS.tooDeep);
  return moveBlock(blockId, { in: 'in_heading', heading_id: idOf(above), index: above.children.length });
}

/** 升级: the heading becomes the next sibling of its parent heading. */
export function planPromote(report: Report, reportId: number, blockId: number): Plan {
  const at = locate(report, blockId);
  if (!at) return refuse(REASONS.notFound);
  if (at.kind === 'part') return refuse(REASONS.partLevel);
  if (at.kind !== 'heading') return refuse(REASONS.paragraphLevel);
  if (at.container.in !== 'in_heading') return refuse(REASONS.levelTwo);
  const parent = locate(report, idOf(at.container.heading));
  if (!parent) return refuse(REASONS.notFound);
  return moveBlock(blockId, positionOf(reportId, parent.container, parent.index + 1));
}
