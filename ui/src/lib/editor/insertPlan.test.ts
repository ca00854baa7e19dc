import { describe, expect, it } from 'vitest';
import { H, testReport } from '../report/testReport';
import { locate } from '../report/tree';
import { insertedId, planAddHeading, planAddParagraph, planEnter, type InsertResult } from './insertPlan';

const R = 99;

function at(p: InsertResult) {
  if (!p.ok) throw new Error(p.reason);
  return { kind: p.kind, at: p.at };
}

describe('添加标题', () => {
  it('for a part, or without context: level 2 at the end of the current part', () => {
    expect(at(planAddHeading(testReport(), R, 20))).toEqual({
      kind: 'heading',
      at: { in: 'in_part', part_id: 20, index: 1 },
    });
    expect(at(planAddHeading(testReport(), R, undefined, 30))).toEqual({
      kind: 'heading',
      at: { in: 'in_part', part_id: 30, index: 2 },
    });
    expect(at(planAddHeading(testReport(), R, undefined))).toEqual({
      kind: 'heading',
      at: { in: 'in_part', part_id: 10, index: 3 },
    });
  });

  it('for a heading: one level below, as its last child', () => {
    expect(at(planAddHeading(testReport(), R, 13))).toEqual({
      kind: 'heading',
      at: { in: 'in_heading', heading_id: 13, index: 3 },
    });
  });

  it('for a level-4 heading: a sibling after it (there is no level 5)', () => {
    expect(at(planAddHeading(testReport(), R, 17))).toEqual({
      kind: 'heading',
      at: { in: 'in_heading', heading_id: 16, index: 1 },
    });
  });

  it('for a paragraph: right after it, one level below its container', () => {
    expect(at(planAddHeading(testReport(), R, 14))).toEqual({
      kind: 'heading',
      at: { in: 'in_heading', heading_id: 13, index: 1 },
    });
  });

  it('from the preface: at the start of part one', () => {
    expect(at(planAddHeading(testReport(), R, 1))).toEqual({
      kind: 'heading',
      at: { in: 'in_part', part_id: 10, index: 0 },
    });
  });

  it('refuses when the report has no parts', () => {
    const r = testReport();
    r.parts = [];
    const p = planAddHeading(r, R, undefined);
    expect(p.ok).toBe(false);
  });
});

describe('添加段落', () => {
  it('after a paragraph, in the same list', () => {
    expect(at(planAddParagraph(testReport(), R, 12))).toEqual({
      kind: 'paragraph',
      at: { in: 'in_heading', heading_id: 11, index: 1 },
    });
    expect(at(planAddParagraph(testReport(), R, 2))).toEqual({
      kind: 'paragraph',
      at: { in: 'preface', report_id: R, index: 2 },
    });
  });

  it('directly below a heading or part line', () => {
    expect(at(planAddParagraph(testReport(), R, 13))).toEqual({
      kind: 'paragraph',
      at: { in: 'in_heading', heading_id: 13, index: 0 },
    });
    expect(at(planAddParagraph(testReport(), R, 30))).toEqual({
      kind: 'paragraph',
      at: { in: 'in_part', part_id: 30, index: 0 },
    });
  });

  it('without context: at the end of the current part', () => {
    expect(at(planAddParagraph(testReport(), R, undefined, 20))).toEqual({
      kind: 'paragraph',
      at: { in: 'in_part', part_id: 20, index: 1 },
    });
  });
});

describe('Enter', () => {
  it('adds a sibling of the same kind after the block and its subtree', () => {
    expect(at(planEnter(testReport(), R, 13))).toEqual({
      kind: 'heading',
      at: { in: 'in_part', part_id: 10, index: 2 },
    });
    expect(at(planEnter(testReport(), R, 14))).toEqual({
      kind: 'paragraph',
      at: { in: 'in_heading', heading_id: 13, index: 1 },
    });
    expect(at(planEnter(testReport(), R, 1))).toEqual({
      kind: 'paragraph',
      at: { in: 'preface', report_id: R, index: 1 },
    });
  });

  it('on a part line adds a paragraph directly below it', () => {
    expect(at(planEnter(testReport(), R, 20))).toEqual({
      kind: 'paragraph',
      at: { in: 'in_part', part_id: 20, index: 0 },
    });
  });
});

describe('insertedId', () => {
  it('finds the new block in the report the store returned', () => {
    const before = testReport();
    const p = planEnter(before, R, 13);
    if (!p.ok) throw new Error(p.reason);
    const after = testReport();
    after.parts[0]!.blocks.splice(2, 0, H(60, ''));
    expect(insertedId(after, p)).toBe(60);
    expect(locate(after, 60)?.level).toBe(2);
  });

  it('follows a container that is a heading into the new report', () => {
    const p = planAddHeading(testReport(), R, 11);
    if (!p.ok) throw new Error(p.reason);
    const after = testReport();
    const h11 = locate(after, 11)!.node as { children: unknown[] };
    h11.children.push(H(61, ''));
    expect(insertedId(after, p)).toBe(61);
  });
});
