import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Recheck } from './recheck';

const saved = { state: 'saved', at: new Date() } as const;

describe('Recheck', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks once typing pauses and the text is saved', async () => {
    const run = vi.fn(async () => {});
    const r = new Recheck(run, 250);
    r.saveStatus({ state: 'saving' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
    r.saveStatus(saved);
    await vi.advanceTimersByTimeAsync(249);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits again when typing resumes before the pause ends', async () => {
    const run = vi.fn(async () => {});
    const r = new Recheck(run, 250);
    r.saveStatus(saved);
    await vi.advanceTimersByTimeAsync(200);
    r.saveStatus({ state: 'saving' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
    r.saveStatus({ state: 'error', message: '保存失败', retryAt: 0 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
  });

  it('never runs two checks at once, and runs once more for requests made meanwhile', async () => {
    let release: () => void = () => {};
    let running = 0;
    let most = 0;
    const run = vi.fn(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    });
    const r = new Recheck(run, 250);
    const first = r.now();
    void r.now();
    void r.now();
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    release();
    await first;
    expect(run).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it('drops a waiting check when cancelled', async () => {
    const run = vi.fn(async () => {});
    const r = new Recheck(run, 250);
    r.saveStatus(saved);
    r.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
