// When the app checks again: after each pause in typing, once autosave has stored the text
// (the check reads the store), and never two checks at once.

import type { SaveStatus } from '../editor/autosave';

export class Recheck {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;

  /** `run` checks the report; `delayMs` is the pause after a save before it does. */
  constructor(
    private readonly run: () => Promise<void>,
    private readonly delayMs = 250,
  ) {}

  /** The save status changed: a save settles the text (check soon); typing resumes (wait). */
  saveStatus(s: SaveStatus): void {
    this.cancel();
    if (s.state === 'saved') this.timer = setTimeout(() => void this.now(), this.delayMs);
  }

  /** Checks now; a request while a check runs makes one more check after it. */
  now(): Promise<void> {
    this.cancel();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.run();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Drops a check that was waiting (the editor closes). */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
