// The engine as the window runs it: the built .wasm (make wasm), loaded and called from
// JavaScript, on the published sample report.

import { describe, expect, it } from 'vitest';
import type { LayoutDelta } from '../ipc/bindings/LayoutDelta';
import type { Report } from '../ipc/bindings/Report';
import { WasmEngine, type EngineAnswer } from './engine';
import { printed, sample, wasm } from './testEngine';

function ok(answer: EngineAnswer): LayoutDelta {
  if (!('ok' in answer)) throw new Error(JSON.stringify(answer));
  return answer.ok;
}

describe('WasmEngine', () => {
  it('lays out the whole report on load, every paragraph on its pages', async () => {
    const engine = await WasmEngine.instantiate(wasm);
    const report = sample();
    const first = ok(engine.load(report, [], null));
    expect(first.base).toBeNull();
    expect(first.pages.length).toBe(first.page_count);
    expect(first.page_count).toBeGreaterThan(5);
    expect(first.pages.map((p) => p.number)).toEqual(first.pages.map((_, i) => i + 1));
    const lead = report.preface[0]!;
    expect(printed(first.pages, lead.id!)).toBe(lead.text);
  });

  it('answers an edit with the pages from the edited one on, and keeps the ones before', async () => {
    const engine = await WasmEngine.instantiate(wasm);
    const report = sample();
    const first = ok(engine.load(report, [], null));
    // A paragraph on a middle page, made three lines longer: every later page moves.
    const middle = first.pages[Math.floor(first.page_count / 2)]!;
    const block = middle.lines.find((l) => l.block !== null && l.spans.length > 0)!.block!;
    const text = printed(first.pages, block) + '依法行政'.repeat(21);
    const delta = ok(engine.edit({ block_id: block, text, body: '' }, first.revision));
    expect(delta.base).toBe(first.revision);
    expect(delta.revision).not.toBe(first.revision);
    expect(delta.pages.length).toBeGreaterThan(0);
    expect(delta.pages[0]!.number).toBe(middle.number);
    expect(delta.pages.length).toBeLessThan(delta.page_count);

    // The same as a window opening the edited report would get.
    const fresh = await WasmEngine.instantiate(wasm);
    const whole = ok(fresh.load(report, [{ block_id: block, text, body: '' }], null));
    expect(whole.page_count).toBe(delta.page_count);
    for (const page of delta.pages) expect(page).toEqual(whole.pages[page.number - 1]);
    expect(printed(whole.pages, block)).toBe(text);
  });

  it('asks for a load when it cannot place an edit, and says what was wrong with a bad request', async () => {
    const engine = await WasmEngine.instantiate(wasm);
    expect(engine.edit({ block_id: 1, text: '字', body: '' }, null)).toEqual({ reload: true });
    const first = ok(engine.load(sample(), [], null));
    expect(engine.edit({ block_id: 987654, text: '字', body: '' }, first.revision)).toEqual({ reload: true });
    const bad = engine.load({ meta: 3 } as unknown as Report, [], first.revision);
    expect('error' in bad && bad.error).toMatch(/^not a report/);
    // The engine still holds the report it had.
    const again = ok(engine.edit({ block_id: sample().preface[0]!.id!, text: '改过了。', body: '' }, first.revision));
    expect(again.base).toBe(first.revision);
    expect(printed(again.pages, sample().preface[0]!.id!)).toBe('改过了。');
  });
});
