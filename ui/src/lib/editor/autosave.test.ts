import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Meta } from '../ipc/bindings/Meta';
import { updateBlock, updateMeta } from '../ipc/commands';
import { Autosave, type SaveStatus } from './autosave';
import { testMeta } from '../report/testReport';

vi.mock('../ipc/commands', () => ({
  updateBlock: vi.fn(() => Promise.resolve()),
  updateMeta: vi.fn(() => Promise.resolve()),
}));

const saveBlock = vi.mocked(updateBlock);
const saveMeta = vi.mocked(updateMeta);

const meta: Meta = testMeta();

/** Lets resolved IPC promises run their continuations. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('Autosave', () => {
  let statuses: SaveStatus[];
  let autosave: Autosave;

  beforeEach(() => {
    vi.useFakeTimers();
    saveBlock.mockReset().mockResolvedValue(undefined);
    saveMeta.mockReset().mockResolvedValue(undefined);
    statuses = [];
    autosave = new Autosave(7, (s) => statuses.push(s));
  });

  afterEach(() => {
    autosave.dispose();
    vi.useRealTimers();
  });

  it('saves a block 400 ms after the last keystroke, with its latest text only', async () => {
    autosave.block(1, { text: '一', body: '' });
    await vi.advanceTimersByTimeAsync(200);
    autosave.block(1, { text: '一二', body: '' });
    await vi.advanceTimersByTimeAsync(399);
    expect(saveBlock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(saveBlock).toHaveBeenCalledTimes(1);
    expect(saveBlock).toHaveBeenCalledWith(1, '一二', '');
    expect(autosave.hasPending()).toBe(false);
    expect(statuses.at(-1)?.state).toBe('saved');
  });

  it('saves at most one second after the first unsaved keystroke while typing goes on', async () => {
    for (let t = 0; t < 1000; t += 100) {
      autosave.block(3, { text: `t${t}`, body: '' });
      await vi.advanceTimersByTimeAsync(100);
    }
    // Keystrokes every 100 ms never leave a 400 ms pause, yet the block is saved by 1 s.
    expect(saveBlock).toHaveBeenCalledTimes(1);
    expect(saveBlock.mock.calls[0]?.[1]).toBe('t900');
  });

  it('keeps blocks apart: one row per block, never the whole report', async () => {
    autosave.block(1, { text: 'a', body: '' });
    autosave.block(2, { text: '标题', body: '正文' });
    await vi.advanceTimersByTimeAsync(400);
    expect(saveBlock.mock.calls).toEqual([
      [1, 'a', ''],
      [2, '标题', '正文'],
    ]);
  });

  it('saves the meta form with update_meta', async () => {
    autosave.meta(meta);
    await vi.advanceTimersByTimeAsync(400);
    expect(saveMeta).toHaveBeenCalledWith(7, meta);
  });

  it('reports saving while edits wait, then saved', async () => {
    autosave.block(1, { text: 'x', body: '' });
    expect(autosave.status().state).toBe('saving');
    await vi.advanceTimersByTimeAsync(400);
    expect(autosave.status().state).toBe('saved');
  });

  it('retries with a growing delay and loses nothing typed meanwhile', async () => {
    saveBlock.mockRejectedValueOnce({ message: '磁盘空间不足，未能保存。', detail: 'full' });
    saveBlock.mockRejectedValueOnce({ message: '磁盘空间不足，未能保存。', detail: 'full' });
    autosave.block(1, { text: '旧', body: '' });
    await vi.advanceTimersByTimeAsync(400);
    const failed = autosave.status();
    expect(failed).toMatchObject({ state: 'error', message: '磁盘空间不足，未能保存。' });
    expect(failed.state === 'error' && failed.retryAt - Date.now()).toBe(2000);

    // Typing goes on while the disk is full: the newer text replaces the waiting one.
    autosave.block(1, { text: '新', body: '' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(saveBlock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(saveBlock).toHaveBeenCalledTimes(2);
    const second = autosave.status();
    expect(second.state === 'error' && second.retryAt - Date.now()).toBe(4000);

    await vi.advanceTimersByTimeAsync(4000);
    expect(saveBlock).toHaveBeenCalledTimes(3);
    expect(saveBlock.mock.calls[2]).toEqual([1, '新', '']);
    expect(autosave.status().state).toBe('saved');
    expect(autosave.hasPending()).toBe(false);
  });

  it('caps the retry delay', async () => {
    const limited = new Autosave(7, () => {}, { retryBaseMs: 1000, retryMaxMs: 3000 });
    saveBlock.mockRejectedValue({ message: '保存失败', detail: '' });
    limited.block(1, { text: 'x', body: '' });
    await vi.advanceTimersByTimeAsync(400); // fails, retry in 1 s
    await vi.advanceTimersByTimeAsync(1000); // fails, retry in 2 s
    await vi.advanceTimersByTimeAsync(2000); // fails, retry in 3 s (not 4)
    const s = limited.status();
    expect(s.state === 'error' && s.retryAt - Date.now()).toBe(3000);
    limited.dispose();
  });

  it('flush sends everything at once and resolves once saved', async () => {
    autosave.block(1, { text: 'a', body: '' });
    autosave.meta(meta);
    const done = autosave.flush();
    await settle();
    expect(saveBlock).toHaveBeenCalledTimes(1);
    expect(saveMeta).toHaveBeenCalledTimes(1);
    await expect(done).resolves.toBe(true);
    // Nothing is sent again when the debounce timers would have fired.
    await vi.advanceTimersByTimeAsync(2000);
    expect(saveBlock).toHaveBeenCalledTimes(1);
  });

  it('flush reports a failure and keeps the edit for the retry', async () => {
    saveBlock.mockRejectedValueOnce({ message: '保存失败', detail: '' });
    autosave.block(1, { text: 'a', body: '' });
    await expect(autosave.flush()).resolves.toBe(false);
    expect(autosave.pendingBlock(1)).toEqual({ text: 'a', body: '' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(saveBlock).toHaveBeenCalledTimes(2);
    expect(autosave.hasPending()).toBe(false);
  });

  it('a flush during a failure retries at once (Ctrl+S)', async () => {
    saveBlock.mockRejectedValueOnce({ message: '保存失败', detail: '' });
    autosave.block(1, { text: 'a', body: '' });
    await vi.advanceTimersByTimeAsync(400);
    expect(autosave.status().state).toBe('error');
    await expect(autosave.flush()).resolves.toBe(true);
    expect(saveBlock).toHaveBeenCalledTimes(2);
    expect(autosave.status().state).toBe('saved');
  });

  it('an edit made while its block is being saved is saved after it, not lost', async () => {
    let release: () => void = () => {};
    saveBlock.mockImplementationOnce(() => new Promise<void>((r) => (release = r)));
    autosave.block(1, { text: 'a', body: '' });
    await vi.advanceTimersByTimeAsync(400);
    autosave.block(1, { text: 'ab', body: '' });
    release();
    await settle();
    expect(autosave.pendingBlock(1)).toEqual({ text: 'ab', body: '' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveBlock.mock.calls.map((c) => c[1])).toEqual(['a', 'ab']);
    expect(autosave.hasPending()).toBe(false);
  });

  it('pendingBlocks lists what is not yet saved', () => {
    autosave.block(4, { text: 'x', body: '' });
    autosave.block(5, { text: 'y', body: 'z' });
    expect([...autosave.pendingBlocks()]).toEqual([
      [4, { text: 'x', body: '' }],
      [5, { text: 'y', body: 'z' }],
    ]);
  });
});
