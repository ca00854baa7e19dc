// 每十分钟: while the drafter edits, a snapshot ten minutes after the first edit since the last
// one. No edits, no snapshots; a failed one is tried again at the next interval.

export const SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;

export class IntervalSnapshots {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private disposed = false;

  constructor(
    private readonly take: () => Promise<unknown>,
    private readonly intervalMs = SNAPSHOT_INTERVAL_MS,
  ) {}

  /** The drafter changed something. */
  edited(): void {
    if (this.disposed) return;
    this.dirty = true;
    if (this.timer === undefined) this.timer = setTimeout(() => void this.fire(), this.intervalMs);
  }

  /** A snapshot was just taken another way (a restore): the next one waits for new edits. */
  reset(): void {
    this.dirty = false;
    this.clear();
  }

  /** The editor closed. */
  dispose(): void {
    this.disposed = true;
    this.reset();
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    if (!this.dirty || this.disposed) return;
    this.dirty = false;
    try {
      await this.take();
    } catch (e) {
      console.warn('interval snapshot failed', e);
      // Not lost: the edits are still unrecorded, try again an interval later.
      this.edited();
    }
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
