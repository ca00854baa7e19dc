// The preview's state: the engine's Layout of the stored report, fetched again after every
// autosave, and how long each edit took to reach the screen.

import { tick } from 'svelte';
import type { Layout } from '../ipc/bindings/Layout';
import { paginate } from '../ipc/commands';
import { messageOf } from '../ipc/errors';

/** Milliseconds from asking for a layout to the repainted sheets (`samples`), the part of
 *  it after the layout arrived (`render`) and of that the DOM update alone (`dom`), oldest
 *  first. */
export interface PreviewTimings {
  samples: number[];
  render: number[];
  dom: number[];
  last: number;
  pages: number;
}

declare global {
  interface Window {
    /** Read by the figures test (tests/e2e/tests/figures.rs). */
    __nianbaoPreview?: PreviewTimings;
  }
}

export class PreviewState {
  // Replaced whole on every pagination, never changed in place: no deep proxy needed.
  layout: Layout | null = $state.raw(null);
  error = $state('');
  /** Set by the toolbar: the sheets are shown. */
  open = $state(false);

  readonly reportId: number;
  private running = false;
  private again = false;
  private readonly timings: PreviewTimings = { samples: [], render: [], dom: [], last: 0, pages: 0 };

  constructor(reportId: number) {
    this.reportId = reportId;
    window.__nianbaoPreview = this.timings;
  }

  /** Lays the report out now and again after every save (typing, structure edits, the meta
   *  form). Returns the function that stops watching. */
  watch(session: { saveStatus: { state: string } }): () => void {
    const stop = $effect.root(() => {
      $effect(() => {
        // A new status object arrives with every save.
        if (session.saveStatus.state === 'saved') void this.refresh();
      });
    });
    void this.refresh();
    return stop;
  }

  /** The page count of the last layout, or null before the first. */
  get pageCount(): number | null {
    return this.layout ? this.layout.pages.length : null;
  }

  /** Asks the engine for the stored report's layout and waits for the sheets to repaint.
   *  Calls while one runs are folded into one more run after it. */
  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        const started = performance.now();
        let arrived = started;
        try {
          this.layout = await paginate(this.reportId);
          this.error = '';
          arrived = performance.now();
        } catch (e) {
          this.error = messageOf(e);
          continue;
        }
        await tick();
        const updated = performance.now();
        // The next frame is the one that shows the new sheets. A hidden window has no
        // frames: do not wait for one for ever, or no later edit would be laid out.
        await new Promise((done) => {
          const late = setTimeout(done, 200);
          requestAnimationFrame(() => {
            clearTimeout(late);
            done(null);
          });
        });
        const painted = performance.now();
        this.record(painted - started, painted - arrived, updated - arrived);
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  private record(ms: number, renderMs: number, domMs: number): void {
    this.timings.last = ms;
    this.timings.samples.push(ms);
    this.timings.render.push(renderMs);
    this.timings.dom.push(domMs);
    if (this.timings.samples.length > 200) {
      this.timings.samples.shift();
      this.timings.render.shift();
      this.timings.dom.shift();
    }
    this.timings.pages = this.layout?.pages.length ?? 0;
  }
}
