import { describe, expect, it } from 'vitest';
import type { Report } from '../ipc/bindings/Report';
import { History } from './history';
import { testMeta } from '../report/testReport';

const t = (text: string, body = '') => ({ text, body });

function report(heading: string): Report {
  return {
    figures: [],
    plan: [],
    review: null,
    meta: testMeta(),
    preface: [],
    parts: [{ id: 1, statutory: null, heading, body: '', blocks: [] }],
  };
}

describe('History', () => {
  it('coalesces keystrokes in one block into one entry', () => {
    const h = new History();
    h.recordText(5, t(''), t('法'), 0);
    h.recordText(5, t('法'), t('法治'), 300);
    h.recordText(5, t('法治'), t('法治政府'), 600);
    const e = h.undo();
    expect(e).toMatchObject({ kind: 'text', blockId: 5, before: t(''), after: t('法治政府') });
    expect(h.canUndo).toBe(false);
  });

  it('starts a new entry after a pause, in another block, or after seal()', () => {
    const h = new History(() => {}, { coalesceMs: 1000 });
    h.recordText(5, t(''), t('a'), 0);
    h.recordText(5, t('a'), t('ab'), 2000); // pause
    h.recordText(6, t(''), t('x'), 2100); // another block
    h.seal();
    h.recordText(6, t('x'), t('xy'), 2200); // sealed (focus left)
    expect(h.undo()).toMatchObject({ blockId: 6, before: t('x'), after: t('xy') });
    expect(h.undo()).toMatchObject({ blockId: 6, before: t(''), after: t('x') });
    expect(h.undo()).toMatchObject({ blockId: 5, before: t('a'), after: t('ab') });
    expect(h.undo()).toMatchObject({ blockId: 5, before: t(''), after: t('a') });
    expect(h.undo()).toBeUndefined();
  });

  it('keeps a heading and its run-in body together', () => {
    const h = new History();
    h.recordText(9, t('标题。'), t('标题。', '正'), 0);
    h.recordText(9, t('标题。', '正'), t('标题。', '正文'), 100);
    expect(h.undo()).toMatchObject({ before: t('标题。'), after: t('标题。', '正文') });
  });

  it('ignores edits that change nothing', () => {
    const h = new History();
    h.recordText(1, t('a'), t('a'), 0);
    expect(h.canUndo).toBe(false);
  });

  it('redo replays what undo took back', () => {
    const h = new History();
    h.recordText(1, t(''), t('a'), 0);
    const e = h.undo();
    expect(h.canRedo).toBe(true);
    expect(h.redo()).toBe(e);
    expect(h.canRedo).toBe(false);
    expect(h.canUndo).toBe(true);
  });

  it('a new edit clears the redo stack', () => {
    const h = new History();
    h.recordText(1, t(''), t('a'), 0);
    h.undo();
    h.recordText(1, t(''), t('b'), 5000);
    expect(h.canRedo).toBe(false);
  });

  it('does not coalesce an edit with an entry that was undone and redone', () => {
    const h = new History();
    h.recordText(1, t(''), t('a'), 0);
    h.undo();
    h.redo();
    h.recordText(1, t('a'), t('ab'), 100);
    expect(h.undo()).toMatchObject({ before: t('a'), after: t('ab') });
  });

  it('records structure edits as snapshots and ends the typing entry', () => {
    const h = new History();
    const before = report('旧');
    const after = report('新');
    h.recordText(1, t(''), t('a'), 0);
    h.recordStructure(before, after, { before: 1, after: 2 });
    h.recordText(1, t('a'), t('ab'), 10);
    expect(h.undo()).toMatchObject({ kind: 'text', before: t('a') });
    const s = h.undo();
    expect(s).toMatchObject({ kind: 'structure', focusBefore: 1, focusAfter: 2 });
    expect(s?.kind === 'structure' && s.before).toBe(before);
    expect(s?.kind === 'structure' && s.after).toBe(after);
    expect(h.undo()).toMatchObject({ kind: 'text', after: t('a') });
  });

  it('a structure edit clears redo too', () => {
    const h = new History();
    h.recordText(1, t(''), t('a'), 0);
    h.undo();
    h.recordStructure(report('a'), report('b'));
    expect(h.canRedo).toBe(false);
  });

  it('puts an entry back when applying it failed', () => {
    const h = new History();
    h.recordStructure(report('a'), report('b'));
    const e = h.undo()!;
    h.undoFailed(e);
    expect(h.canUndo).toBe(true);
    expect(h.canRedo).toBe(false);
    h.undo();
    const r = h.redo()!;
    h.redoFailed(r);
    expect(h.canRedo).toBe(true);
    expect(h.canUndo).toBe(false);
  });

  it('drops the oldest entries beyond the limit', () => {
    const h = new History(() => {}, { limit: 2 });
    h.recordStructure(report('1'), report('2'));
    h.recordStructure(report('2'), report('3'));
    h.recordStructure(report('3'), report('4'));
    expect(h.undo()).toMatchObject({ after: { parts: [{ heading: '4' }] } });
    expect(h.undo()).toMatchObject({ after: { parts: [{ heading: '3' }] } });
    expect(h.undo()).toBeUndefined();
  });

  it('tells its owner about every change', () => {
    let changes = 0;
    const h = new History(() => (changes += 1));
    h.recordText(1, t(''), t('a'), 0);
    h.undo();
    h.redo();
    expect(changes).toBe(3);
  });
});
