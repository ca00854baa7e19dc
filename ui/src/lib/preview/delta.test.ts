import { describe, expect, it } from 'vitest';
import type { Layout } from '../ipc/bindings/Layout';
import type { LayoutDelta } from '../ipc/bindings/LayoutDelta';
import type { LayoutWarning } from '../ipc/bindings/LayoutWarning';
import type { Page } from '../ipc/bindings/Page';
import { applyDelta } from './delta';

function page(number: number, text = `第${number}页`): Page {
  const line = { row: 0, height: 1, indent: 0, align: 'Justify' as const, spans: [{ text, style: 'Body' as const }], block: number, last_of_paragraph: true };
  return { number, lines: [line] };
}

const warning: LayoutWarning = { kind: 'SignOffAlone', page: 3, message_zh: '署名单独成页', message_en: 'alone' };

function delta(base: number | null, pages: Page[], pageCount: number, warnings: LayoutWarning[] = []): LayoutDelta {
  return { revision: 9, base, page_count: pageCount, pages, warnings };
}

const held: Layout = { pages: [page(1), page(2), page(3)], warnings: [warning] };

describe('applyDelta', () => {
  it('puts the changed pages in and keeps the others as they were', () => {
    const changed = page(2, '改过的第2页');
    const next = applyDelta(held, 5, delta(5, [changed], 3, [{ ...warning }]))!;
    expect(next.pages).toEqual([held.pages[0], changed, held.pages[2]]);
    expect(next.pages[0]).toBe(held.pages[0]);
    expect(next.pages[2]).toBe(held.pages[2]);
    // Equal warnings keep their array, so the list above the sheets is not redrawn.
    expect(next.warnings).toBe(held.warnings);
  });

  it('adds pages past the end and drops the ones past the new count', () => {
    expect(applyDelta(held, 5, delta(5, [page(3, '新'), page(4)], 4))!.pages.map((p) => p.lines[0]?.spans[0]?.text)).toEqual(['第1页', '第2页', '新', '第4页']);
    const shorter = applyDelta(held, 5, delta(5, [], 2))!;
    expect(shorter.pages).toEqual(held.pages.slice(0, 2));
    expect(shorter.warnings).toEqual([]);
  });

  it('returns the held layout itself when nothing changed', () => {
    expect(applyDelta(held, 5, delta(5, [], 3, [warning]))).toBe(held);
  });

  it('takes every page from a full layout, and refuses a delta from another revision', () => {
    expect(applyDelta(null, null, delta(null, [page(1)], 1))!.pages).toEqual([page(1)]);
    expect(applyDelta(held, 5, delta(4, [page(1)], 3))).toBeNull();
    expect(applyDelta(null, null, delta(5, [page(1)], 1))).toBeNull();
    // A new page the delta does not carry would leave a hole.
    expect(applyDelta(held, 5, delta(5, [page(5)], 5))).toBeNull();
  });
});
