import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IntervalSnapshots } from './interval';

describe('IntervalSnapshots', () => {
  const MIN = 60 * 1000;
  let take: ReturnType<typeof vi.fn<() => Promise<unknown>>>;
  let snaps: IntervalSnapshots;

  beforeEach(() => {
    vi.useFakeTimers();
    take = vi.fn(() => Promise.resolve(1));
    snaps = new IntervalSnapshots(take, 10 * MIN);
  });

  afterEach(() => {
    snaps.dispose();
    vi.useRealTimers();
  });

  it('takes nothing while nobody edits', async () => {
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(take).not.toHaveBeenCalled();
  });

  it('takes one snapshot ten minutes after the first edit, however many edits follow', async () => {
    snaps.edited();
    await vi.advanceTimersByTimeAsync(4 * MIN);
    snaps.edited();
    snaps.edited();
    await vi.advanceTimersByTimeAsync(5 * MIN);
    expect(take).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1 * MIN);
    expect(take).toHaveBeenCalledTimes(1);
    // No further edits: no further snapshots.
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(take).toHaveBeenCalledTimes(1);
    snaps.edited();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(take).toHaveBeenCalledTimes(2);
  });

  it('tries again an interval later when a snapshot fails', async () => {
    take.mockRejectedValueOnce(new Error('disk full'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    snaps.edited();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(take).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(take).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('starts afresh after a reset, and stops for good when disposed', async () => {
    snaps.edited();
    await vi.advanceTimersByTimeAsync(5 * MIN);
    snaps.reset();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(take).not.toHaveBeenCalled();
    snaps.edited();
    snaps.dispose();
    snaps.edited();
    await vi.advanceTimersByTimeAsync(20 * MIN);
    expect(take).not.toHaveBeenCalled();
  });
});
