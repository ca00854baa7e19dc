// Autosave: every edit reaches SQLite within a second, one row at a time.
//
// Each block (and the meta form) has its own pending entry. An entry is sent `debounceMs`
// after its last change, but never later than `maxDelayMs` after its first unsaved change, so
// steady typing still saves every second. Saves run one at a time, in order. A failed save
// keeps every pending entry (with its newest text) and retries them all after a growing
// delay; `flush` (Ctrl+S, leaving the editor, closing the window) sends everything at once.

import type { Meta } from '../ipc/bindings/Meta';
import { updateBlock, updateMeta } from '../ipc/commands';
import { toIpcError } from '../ipc/errors';

export interface BlockText {
  text: string;
  body: string;
}

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error'; message: string; retryAt: number };

export interface AutosaveOptions {
  debounceMs: number;
  maxDelayMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_AUTOSAVE: AutosaveOptions = {
  debounceMs: 400,
  maxDelayMs: 1000,
  retryBaseMs: 2000,
  retryMaxMs: 30000,
};

type Entry =
  | { kind: 'block'; id: number; value: BlockText; firstAt: number; version: number; timer?: Timer }
  | { kind: 'meta'; id: number; value: Meta; firstAt: number; version: number; timer?: Timer };

type Timer = ReturnType<typeof setTimeout>;

export class Autosave {
  private readonly entries = new Map<string, Entry>();
  private readonly due = new Set<string>();
  private readonly options: AutosaveOptions;
  private running: Promise<void> | null = null;
  private retryTimer: Timer | undefined;
  private failures = 0;
  private lastRunFailed = false;
  private error: { message: string; retryAt: number } | null = null;
  private savedAt: Date | null = null;

  constructor(
    private readonly reportId: number,
    private readonly onStatus: (s: SaveStatus) => void = () => {},
    options: Partial<AutosaveOptions> = {},
  ) {
    this.options = { ...DEFAULT_AUTOSAVE, ...options };
  }

  /** Queues a block's text and run-in body. */
  block(id: number, value: BlockText): void {
    this.set(`block:${id}`, (prev) => ({ kind: 'block', id, value: { ...value }, ...prev }));
  }

  /** Queues the meta form. */
  meta(value: Meta): void {
    this.set('meta', (prev) => ({ kind: 'meta', id: this.reportId, value, ...prev }));
  }

  /** The unsaved text of a block, if any. */
  pendingBlock(id: number): BlockText | undefined {
    const e = this.entries.get(`block:${id}`);
    return e?.kind === 'block' ? e.value : undefined;
  }

  /** All unsaved block texts by id. */
  pendingBlocks(): Map<number, BlockText> {
    const out = new Map<number, BlockText>();
    for (const e of this.entries.values()) if (e.kind === 'block') out.set(e.id, e.value);
    return out;
  }

  hasPending(): boolean {
    return this.entries.size > 0;
  }

  status(): SaveStatus {
    if (this.error) return { state: 'error', ...this.error };
    if (this.entries.size > 0 || this.running) return { state: 'saving' };
    return this.savedAt ? { state: 'saved', at: this.savedAt } : { state: 'idle' };
  }

  /** Sends everything now; true once all is saved, false if a save failed (retries go on). */
  async flush(): Promise<boolean> {
    for (;;) {
      this.clearTimers();
      for (const key of this.entries.keys()) this.due.add(key);
      await this.pump();
      if (this.lastRunFailed) return false;
      if (this.entries.size === 0) return true;
    }
  }

  /** Stops all timers (the editor was left after a flush). */
  dispose(): void {
    this.clearTimers();
  }

  private set(key: string, make: (prev: { firstAt: number; version: number }) => Entry): void {
    const now = Date.now();
    const prev = this.entries.get(key);
    if (prev?.timer !== undefined) clearTimeout(prev.timer);
    const entry = make({ firstAt: prev?.firstAt ?? now, version: (prev?.version ?? 0) + 1 });
    this.entries.set(key, entry);
    // While a retry is waiting, the retry sends this too: hammering a failing disk helps nobody.
    if (!this.error) {
      const { debounceMs, maxDelayMs } = this.options;
      const delay = Math.max(0, Math.min(debounceMs, entry.firstAt + maxDelayMs - now));
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        this.due.add(key);
        void this.pump();
      }, delay);
    }
    this.emit();
  }

  private pump(): Promise<void> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
        this.emit();
      });
    }
    return this.running;
  }

  private async run(): Promise<void> {
    this.lastRunFailed = false;
    this.emit();
    for (;;) {
      const key = this.due.values().next().value;
      if (key === undefined) return;
      this.due.delete(key);
      const entry = this.entries.get(key);
      if (!entry) continue;
      const version = entry.version;
      try {
        if (entry.kind === 'block') {
          await updateBlock(entry.id, entry.value.text, entry.value.body);
        } else {
          await updateMeta(entry.id, entry.value);
        }
      } catch (e) {
        this.fail(toIpcError(e).message);
        return;
      }
      // A change that arrived while this one was on its way stays queued under its own timer.
      const current = this.entries.get(key);
      if (current && current.version === version) {
        if (current.timer !== undefined) clearTimeout(current.timer);
        this.entries.delete(key);
      } else if (current) {
        current.firstAt = Date.now();
      }
      this.failures = 0;
      this.error = null;
      this.savedAt = new Date();
    }
  }

  private fail(message: string): void {
    this.lastRunFailed = true;
    this.failures += 1;
    const { retryBaseMs, retryMaxMs } = this.options;
    const delay = Math.min(retryBaseMs * 2 ** (this.failures - 1), retryMaxMs);
    this.error = { message, retryAt: Date.now() + delay };
    this.clearTimers();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      for (const key of this.entries.keys()) this.due.add(key);
      void this.pump();
    }, delay);
  }

  private clearTimers(): void {
    this.due.clear();
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    for (const e of this.entries.values()) {
      if (e.timer !== undefined) clearTimeout(e.timer);
      e.timer = undefined;
    }
  }

  private emit(): void {
    this.onStatus(this.status());
  }
}
