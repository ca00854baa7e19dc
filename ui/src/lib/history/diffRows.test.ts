import { describe, expect, it } from 'vitest';
import type { ParagraphDiff } from '../ipc/bindings/ParagraphDiff';
import type { ReportDiff } from '../ipc/bindings/ReportDiff';
import { diffRows, diffSummary } from './diffRows';

const same = (text: string): ParagraphDiff => ({ kind: 'same', text });
const diff = (paragraphs: ParagraphDiff[]): ReportDiff => ({
  paragraphs,
  added: paragraphs.filter((p) => p.kind === 'added').length,
  removed: paragraphs.filter((p) => p.kind === 'removed').length,
  changed: paragraphs.filter((p) => p.kind === 'changed').length,
});
const kinds = (rows: ReturnType<typeof diffRows>) => rows.map((r) => (r.kind === 'gap' ? `gap${r.count}` : r.kind));

describe('diffRows', () => {
  it('folds long unchanged stretches, keeping one paragraph of context by a change', () => {
    const d = diff([
      same('标题'),
      same('a'),
      same('b'),
      same('c'),
      { kind: 'changed', spans: [{ kind: 'same', text: '走访企业' }, { kind: 'removed', text: '34' }, { kind: 'added', text: '52' }] },
      same('d'),
      same('e'),
      same('f'),
      { kind: 'added', text: '新段落' },
      same('g'),
      same('h'),
      same('署名'),
    ]);
    expect(kinds(diffRows(d))).toEqual(['gap3', 'same', 'changed', 'same', 'same', 'same', 'added', 'same', 'gap2']);
  });

  it('never folds a single paragraph', () => {
    const d = diff([same('a'), same('b'), { kind: 'removed', text: 'x' }, same('c'), same('d'), same('e'), { kind: 'added', text: 'y' }]);
    expect(kinds(diffRows(d))).toEqual(['same', 'same', 'removed', 'same', 'same', 'same', 'added']);
  });

  it('shows everything when nothing changed but says so in the summary', () => {
    const d = diff([same('a'), same('b'), same('c')]);
    expect(kinds(diffRows(d))).toEqual(['gap3']);
    expect(diffSummary(d)).toBe('与当前文字完全相同');
  });

  it('keeps more context on request', () => {
    const d = diff([same('a'), same('b'), same('c'), same('d'), { kind: 'added', text: 'y' }]);
    expect(kinds(diffRows(d, 2))).toEqual(['gap2', 'same', 'same', 'added']);
  });
});

describe('diffSummary', () => {
  it('counts in Chinese', () => {
    expect(diffSummary({ added: 1, removed: 2, changed: 3 })).toBe('新增 1 段，删除 2 段，修改 3 段');
    expect(diffSummary({ added: 0, removed: 0, changed: 1 })).toBe('修改 1 段');
  });
});
