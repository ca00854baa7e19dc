// The preview's state: the engine's Layout of the report as the window holds it. Typing is
// laid out at once, its unsaved text sent along (no waiting for autosave); saves, structure
// edits, undo, 一键修正, restores and figure values lay it out again too. The engine answers
// with the pages that changed only, and the clock runs from the edit to the repainted sheet.

import { tick } from 'svelte';
import type { Layout } from '../ipc/bindings/Layout';
import type { TextEdit } from '../ipc/bindings/TextEdit';
import { repaginate } from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import { applyDelta } from './delta';
import { nextPaint, PreviewClock } from './timings';

export class PreviewState {
  // Replaced whole on every change, never changed in place: no deep proxy needed.
  layout: Layout | null = $state.raw(null);
  error = $state('');
  /** Set by the toolbar: the sheets are shown. */
  open = $state(false);

  readonly reportId: number;
  /** The engine's revision of `layout`; null before the first or after a refused delta. */
  private revision: number | null = null;
  /** Text typed but perhaps not stored yet, by block id; dropped once everything is saved. */
  private readonly edits = new Map<number, TextEdit>();
  /** When the oldest edit not yet laid out happened. */
  private editedAt: number | null = null;
  private running = false;
  private again = false;
  private readonly clock = new PreviewClock();

  constructor(reportId: number) {
    this.reportId = reportId;
  }

  /** Lays the report out now and again after every save (structure edits, undo, 一键修正,
   *  restores, the meta form all end in one). Returns the function that stops watching. */
  watch(session: { saveStatus: { state: string } }): () => void {
    const stop = $effect.root(() => {
      $effect(() => {
        // A new status object arrives with every save; 'saved' means nothing waits, so the
        // store holds every edit and the store is the truth again.
        if (session.saveStatus.state === 'saved') {
          this.edits.clear();
          void this.refresh();
        }
      });
    });
    void this.refresh();
    return stop;
  }

  /** The drafter changed a block's text: laid out with it at once. */
  edited(blockId: number, text: { text: string; body: string }): void {
    this.edits.set(blockId, { block_id: blockId, text: text.text, body: text.body });
    this.editedAt ??= performance.now();
    void this.refresh();
  }

  /** The page count of the last layout, or null before the first. */
  get pageCount(): number | null {
    return this.layout ? this.layout.pages.length : null;
  }

  /** Asks the engine for what changed and waits for the sheets to repaint. Calls while one
   *  runs are folded into one more run after it. */
  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        const asked = performance.now();
        const since = this.editedAt;
        this.editedAt = null;
        let arrived = asked;
        try {
          const delta = await repaginate(this.reportId, this.revision, [...this.edits.values()]);
          arrived = performance.now();
          const next = applyDelta(this.layout, this.revision, delta);
          this.revision = next ? delta.revision : null;
          // Another revision than ours (cannot happen while calls are serial): start afresh.
          if (!next) this.again = true;
          else if (next !== this.layout) this.layout = next;
          this.error = '';
        } catch (e) {
          this.error = messageOf(e);
          continue;
        }
        await tick();
        const updated = performance.now();
        const framed = await nextPaint();
        const painted = performance.now();
        this.clock.record({ since, asked, arrived, updated, framed, painted, pages: this.layout?.pages.length ?? 0 });
      } while (this.again);
    } finally {
      this.running = false;
    }
  }
}
