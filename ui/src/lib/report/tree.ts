// Finding things in a Report: where a block sits, what holds it, and the Position the store
// understands for a place among siblings. Pure functions over the generated types.

import type { Block } from '../ipc/bindings/Block';
import type { Paragraph } from '../ipc/bindings/Paragraph';
import type { Part } from '../ipc/bindings/Part';
import type { Position } from '../ipc/bindings/Position';
import type { Report } from '../ipc/bindings/Report';

export type HeadingBlock = Extract<Block, { kind: 'heading' }>;
export type ParagraphBlock = Extract<Block, { kind: 'paragraph' }>;

/** What the drafter edits: a 导语 paragraph, a part (level 1), a heading (2–4) or a paragraph. */
export type BlockKind = 'preface' | 'part' | 'heading' | 'paragraph';

/** A sibling list: the preface, the list of parts, or the blocks of a part or heading. */
export type Container =
  | { in: 'preface' }
  | { in: 'parts' }
  | { in: 'in_part'; part: Part }
  | { in: 'in_heading'; heading: HeadingBlock };

interface LocatedBase {
  container: Container;
  index: number;
  /** 1 for a part, 2–4 for a heading, 0 for a paragraph. */
  level: number;
  /** The part the block is in (the part itself for a part; undefined in the preface). */
  part: Part | undefined;
  /** Headings and the part above the block, nearest first. */
  ancestors: (Part | HeadingBlock)[];
}

export type Located =
  | (LocatedBase & { kind: 'preface'; node: Paragraph })
  | (LocatedBase & { kind: 'part'; node: Part })
  | (LocatedBase & { kind: 'heading'; node: HeadingBlock })
  | (LocatedBase & { kind: 'paragraph'; node: ParagraphBlock });

export function isHeading(b: Block): b is HeadingBlock {
  return b.kind === 'heading';
}

/** The list a container holds. */
export function childrenOf(report: Report, c: Container): readonly (Block | Paragraph | Part)[] {
  switch (c.in) {
    case 'preface':
      return report.preface;
    case 'parts':
      return report.parts;
    case 'in_part':
      return c.part.blocks;
    case 'in_heading':
      return c.heading.children;
  }
}

/** The store's Position for index `index` of a container (parts are moved by index alone). */
export function positionOf(reportId: number, c: Container, index: number): Position {
  switch (c.in) {
    case 'preface':
      return { in: 'preface', report_id: reportId, index };
    case 'in_part':
      return { in: 'in_part', part_id: idOf(c.part), index };
    case 'in_heading':
      return { in: 'in_heading', heading_id: idOf(c.heading), index };
    case 'parts':
      throw new Error('parts are placed with insert_part / move_part, not a Position');
  }
}

/** A stored node's id; every node of a loaded report has one. */
export function idOf(node: { id?: number | null }): number {
  if (node.id === undefined || node.id === null) throw new Error('node without id');
  return node.id;
}

/** Where block `id` is, or undefined when no block has that id. */
export function locate(report: Report, id: number): Located | undefined {
  for (const [index, p] of report.preface.entries()) {
    if (p.id === id) {
      return { kind: 'preface', node: p, container: { in: 'preface' }, index, level: 0, part: undefined, ancestors: [] };
    }
  }
  for (const [index, part] of report.parts.entries()) {
    if (part.id === id) {
      return { kind: 'part', node: part, container: { in: 'parts' }, index, level: 1, part, ancestors: [] };
    }
    const found = locateIn(part.blocks, { in: 'in_part', part }, id, 2, part, [part]);
    if (found) return found;
  }
  return undefined;
}

function locateIn(
  blocks: Block[],
  container: Container,
  id: number,
  level: number,
  part: Part,
  ancestors: (Part | HeadingBlock)[],
): Located | undefined {
  for (const [index, b] of blocks.entries()) {
    if (b.id === id) {
      return b.kind === 'heading'
        ? { kind: 'heading', node: b, container, index, level, part, ancestors }
        : { kind: 'paragraph', node: b, container, index, level: 0, part, ancestors };
    }
    if (b.kind === 'heading') {
      const found = locateIn(b.children, { in: 'in_heading', heading: b }, id, level + 1, part, [b, ...ancestors]);
      if (found) return found;
    }
  }
  return undefined;
}

/** How many heading levels a block spans: 0 for a paragraph, 1 for a heading without sub-headings. */
export function headingHeight(b: Block): number {
  if (b.kind === 'paragraph') return 0;
  return 1 + Math.max(0, ...b.children.map(headingHeight));
}

/** Every editable id in document order (for moving the caret from block to block). */
export function documentOrder(report: Report): number[] {
  const ids: number[] = [];
  for (const p of report.preface) if (p.id != null) ids.push(p.id);
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.id != null) ids.push(b.id);
      if (b.kind === 'heading') walk(b.children);
    }
  };
  for (const part of report.parts) {
    if (part.id != null) ids.push(part.id);
    walk(part.blocks);
  }
  return ids;
}

/** A deep copy that owns no reactive proxies: for snapshots and for sending over IPC. */
export function cloneReport(report: Report): Report {
  return JSON.parse(JSON.stringify(report)) as Report;
}

/** A new empty block of a kind. */
export function emptyBlock(kind: 'heading' | 'paragraph'): Block {
  return kind === 'heading' ? { kind: 'heading', text: '', body: '', children: [] } : { kind: 'paragraph', text: '' };
}

