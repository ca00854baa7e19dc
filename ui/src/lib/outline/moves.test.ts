import { describe, expect, it } from 'vitest';
import { H, testReport } from '../report/testReport';
import { planDemote, planMoveDown, planMoveUp, planPromote, REASONS, type Plan } from './moves';

const R = 99; // report id

function action(p: Plan) {
  if (!p.ok) throw new Error(`refused: ${p.reason}`);
  return p.action;
}

function reason(p: Plan) {
  if (p.ok) throw new Error(`planned: ${JSON.stringify(p.action)}`);
  return p.reason;
}

describe('move up / down among siblings', () => {
  it('swaps with the previous sibling', () => {
    expect(action(planMoveUp(testReport(), R, 13))).toEqual({
      op: 'move_block',
      blockId: 13,
      to: { in: 'in_part', part_id: 10, index: 0 },
    });
  });

  it('swaps with the next sibling (index counted without the moved block)', () => {
    // [11, 13, 18] → move 11 down: without it [13, 18], index 1 puts it after 13.
    expect(action(planMoveDown(testReport(), R, 11))).toEqual({
      op: 'move_block',
      blockId: 11,
      to: { in: 'in_part', part_id: 10, index: 1 },
    });
  });

  it('moves paragraphs of the preface within the preface', () => {
    expect(action(planMoveDown(testReport(), R, 1))).toEqual({
      op: 'move_block',
      blockId: 1,
      to: { in: 'preface', report_id: R, index: 1 },
    });
  });

  it('moves parts with move_part', () => {
    expect(action(planMoveDown(testReport(), R, 10))).toEqual({ op: 'move_part', partId: 10, index: 1 });
    expect(action(planMoveUp(testReport(), R, 30))).toEqual({ op: 'move_part', partId: 30, index: 1 });
  });

  it('refuses to move the first part up or the last part down', () => {
    expect(reason(planMoveUp(testReport(), R, 10))).toBe(REASONS.firstPart);
    expect(reason(planMoveDown(testReport(), R, 30))).toBe(REASONS.lastPart);
  });

  it('refuses an unknown block', () => {
    expect(reason(planMoveUp(testReport(), R, 12345))).toBe(REASONS.notFound);
  });
});

describe('move across the edge of a part or heading', () => {
  it('a heading first in its part goes to the end of the previous part, keeping level 2', () => {
    expect(action(planMoveUp(testReport(), R, 31))).toEqual({
      op: 'move_block',
      blockId: 31,
      to: { in: 'in_part', part_id: 20, index: 1 },
    });
  });

  it('a block last in its part goes to the start of the next part', () => {
    expect(action(planMoveDown(testReport(), R, 18))).toEqual({
      op: 'move_block',
      blockId: 18,
      to: { in: 'in_part', part_id: 20, index: 0 },
    });
  });

  it('a block first under its heading goes into the previous sibling heading, keeping its level', () => {
    // 14 is the first child of （二）13; the heading above 13 is （一）11 with one child.
    expect(action(planMoveUp(testReport(), R, 14))).toEqual({
      op: 'move_block',
      blockId: 14,
      to: { in: 'in_heading', heading_id: 11, index: 1 },
    });
  });

  it('a block last under its heading goes to the start of the next sibling heading', () => {
    const r = testReport();
    // （一）11 holds ¶12; its next sibling heading is （二）13.
    expect(action(planMoveDown(r, R, 12))).toEqual({
      op: 'move_block',
      blockId: 12,
      to: { in: 'in_heading', heading_id: 13, index: 0 },
    });
  });

  it('a paragraph crosses between the preface and part one', () => {
    const r = testReport();
    r.parts[0]!.blocks.unshift({ kind: 'paragraph', id: 50, text: '开头' });
    expect(action(planMoveUp(r, R, 50))).toEqual({
      op: 'move_block',
      blockId: 50,
      to: { in: 'preface', report_id: R, index: 2 },
    });
    expect(action(planMoveDown(r, R, 2))).toEqual({
      op: 'move_block',
      blockId: 2,
      to: { in: 'in_part', part_id: 10, index: 0 },
    });
  });

  it('does not move a heading into the preface (导语 holds paragraphs only)', () => {
    expect(reason(planMoveUp(testReport(), R, 11))).toBe(REASONS.top);
  });

  it('refuses at the very top and bottom', () => {
    expect(reason(planMoveUp(testReport(), R, 1))).toBe(REASONS.top);
    expect(reason(planMoveDown(testReport(), R, 32))).toBe(REASONS.bottom);
    // （1）17 is the only child of 2.16, which has no heading after it.
    expect(reason(planMoveDown(testReport(), R, 17))).toBe(REASONS.bottom);
  });
});

describe('demote (降级)', () => {
  it('makes the heading the last child of the heading just above', () => {
    expect(action(planDemote(testReport(), R, 32))).toEqual({
      op: 'move_block',
      blockId: 32,
      to: { in: 'in_heading', heading_id: 31, index: 0 },
    });
    const r = testReport();
    r.parts[2]!.blocks.push(H(33, '丙', [H(34, '丁')]));
    // 丙 (level 2, with a level-3 child) under 乙: both go one level down, to 3 and 4.
    expect(action(planDemote(r, R, 33))).toEqual({
      op: 'move_block',
      blockId: 33,
      to: { in: 'in_heading', heading_id: 32, index: 0 },
    });
  });

  it('refuses when the block above is a paragraph or there is none', () => {
    expect(reason(planDemote(testReport(), R, 11))).toBe(REASONS.noHeadingAbove);
    expect(reason(planDemote(testReport(), R, 15))).toBe(REASONS.noHeadingAbove);
  });

  it('refuses to go below level 4, counting the subtree', () => {
    // 2.16 has a level-4 child: demoting it to level 4 would push the child to level 5.
    const r = testReport();
    expect(reason(planDemote(r, R, 16))).toBe(REASONS.tooDeep);
    // （二）13 spans three levels (13 → 16 → 17): demoting it would make a level 5.
    expect(reason(planDemote(r, R, 13))).toBe(REASONS.tooDeep);
    r.parts[2]!.blocks = [H(31, '甲'), H(32, '乙', [H(33, '丙', [H(34, '丁')])])];
    expect(reason(planDemote(r, R, 32))).toBe(REASONS.tooDeep);
  });

  it('refuses for parts and paragraphs', () => {
    expect(reason(planDemote(testReport(), R, 10))).toBe(REASONS.partLevel);
    expect(reason(planDemote(testReport(), R, 12))).toBe(REASONS.paragraphLevel);
    expect(reason(planDemote(testReport(), R, 1))).toBe(REASONS.paragraphLevel);
  });
});

describe('promote (升级)', () => {
  it('makes the heading the next sibling of its parent', () => {
    expect(action(planPromote(testReport(), R, 15))).toEqual({
      op: 'move_block',
      blockId: 15,
      to: { in: 'in_part', part_id: 10, index: 2 },
    });
    expect(action(planPromote(testReport(), R, 17))).toEqual({
      op: 'move_block',
      blockId: 17,
      to: { in: 'in_heading', heading_id: 13, index: 3 },
    });
  });

  it('refuses for level-2 headings, parts and paragraphs', () => {
    expect(reason(planPromote(testReport(), R, 11))).toBe(REASONS.levelTwo);
    expect(reason(planPromote(testReport(), R, 20))).toBe(REASONS.partLevel);
    expect(reason(planPromote(testReport(), R, 14))).toBe(REASONS.paragraphLevel);
  });

  it('gives every refusal in Chinese', () => {
    for (const text of Object.values(REASONS)) expect(text).toMatch(/[\u4e00-\u9fff]/);
  });
});
