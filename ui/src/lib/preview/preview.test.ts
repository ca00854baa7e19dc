// @vitest-environment jsdom
// The preview's state with the real engine (the built .wasm) and the app's commands stood in
// for: a keystroke is laid out before `edited` returns, and a window that cannot run the
// module is laid out by the app instead.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LayoutDelta } from '../ipc/bindings/LayoutDelta';
import { loadReport, repaginate } from '../ipc/commands';
import { loadEngine, WasmEngine } from './engine';
import { PreviewState } from './preview.svelte';
import { printed, sample, wasm } from './testEngine';

vi.mock('../ipc/commands', () => ({ loadReport: vi.fn(), repaginate: vi.fn() }));
vi.mock('./engine', async (actual) => ({ ...(await actual<typeof import('./engine')>()), loadEngine: vi.fn() }));

const idle = { saveStatus: { state: 'idle' } };

async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ok()) throw new Error(`timed out: ${what}`);
}

beforeEach(() => {
  vi.mocked(loadReport).mockReset();
  vi.mocked(repaginate).mockReset();
  vi.mocked(loadEngine).mockReset();
});

describe('PreviewState', () => {
  it('lays out a keystroke in the window before edited() returns', async () => {
    vi.mocked(loadEngine).mockImplementation(() => WasmEngine.instantiate(wasm));
    vi.mocked(loadReport).mockResolvedValue(sample());
    const preview = new PreviewState(1);
    const stop = preview.watch(idle);
    await until('the first layout', () => preview.pageCount !== null);
    expect(preview.pageCount).toBeGreaterThan(5);

    const lead = sample().preface[0]!;
    preview.edited(lead.id!, { text: lead.text + '新增的一句话。', body: '' });
    expect(printed(preview.layout?.pages ?? [], lead.id!)).toBe(lead.text + '新增的一句话。');
    expect(repaginate).not.toHaveBeenCalled();
    expect(window.__nianbaoPreview?.engine).toBe('window');
    stop();
  });

  it('is laid out by the app when the module cannot run', async () => {
    vi.mocked(loadEngine).mockRejectedValue(new Error('no WebAssembly'));
    const engine = await WasmEngine.instantiate(wasm);
    // The app's answer: what its engine would send.
    vi.mocked(repaginate).mockImplementation(async (_id, base, edits) => {
      const answer = engine.load(sample(), edits, base);
      if (!('ok' in answer)) throw new Error('engine');
      return answer.ok as LayoutDelta;
    });
    const preview = new PreviewState(1);
    const stop = preview.watch(idle);
    await until('the first layout', () => preview.pageCount !== null);
    expect(loadReport).not.toHaveBeenCalled();

    const lead = sample().preface[0]!;
    preview.edited(lead.id!, { text: '只剩一句。', body: '' });
    await until('the edit laid out', () => printed(preview.layout?.pages ?? [], lead.id!) === '只剩一句。');
    expect(vi.mocked(repaginate).mock.lastCall?.[2]).toEqual([{ block_id: lead.id, text: '只剩一句。', body: '' }]);
    expect(window.__nianbaoPreview?.engine).toBe('app');
    stop();
  });
});
