// The preview's state: the engine's Layout of the report as the window holds it. The engine
// runs in the window (WebAssembly, ./engine.ts): a keystroke is laid out within its input
// event and the next frame shows it. Saves, structure edits, undo, 一键修正, restores and
// figure values load the stored report into it again, with the typing not stored yet. The
// engine answers with the pages that changed only; the clock times each re-pagination up to
// the repainted sheet. Where the module cannot run, the app lays out instead (`repaginate`).

import { tick } from 'svelte';
import type { Layout } from '../ipc/bindings/Layout';
import type { TextEdit } from '../ipc/bindings/TextEdit';
import type { LayoutDelta } from '../ipc/bindings/LayoutDelta';
import { loadReport, repaginate } from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import { applyDelta } from './delta';
import { loadEngine, type EngineAnswer, type WasmEngine } from './engine';
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
  private running = false;
  private again = false;
  private readonly clock = new PreviewClock();
  /** The engine in the window; null until it is loaded, or for good once it failed. */
  private engine: WasmEngine | null = null;

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
    void this.start();
    return stop;
  }

  private async start(): Promise<void> {
    try {
      this.engine = await loadEngine();
      this.clock.engine('window');
    } catch (e) {
      console.warn('版面预览: 排版引擎未能在窗口中运行，改由应用排版', e);
    }
    await this.refresh();
  }

  /** The drafter changed a block's text: laid out with it at once. */
  edited(blockId: number, text: { text: string; body: string }): void {
    const edit = { block_id: blockId, text: text.text, body: text.body };
    this.edits.set(blockId, edit);
    const at = performance.now();
    if (this.engine && this.revision !== null) {
      const answer = this.run(() => this.engine!.edit(edit, this.revision));
      if (answer && 'ok' in answer && this.show(answer.ok)) {
        void this.painted(at, performance.now());
        return;
      }
    }
    // Not laid out here (no layout yet, a block the engine does not hold): load afresh.
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
        let arrived = asked;
        try {
          const delta = await this.laidOut();
          arrived = performance.now();
          // Based on another revision than the one held: ask again for every page.
          if (!this.show(delta)) this.again = true;
          this.error = '';
        } catch (e) {
          this.error = messageOf(e);
          continue;
        }
        await this.painted(asked, arrived);
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  /** The stored report with the typing not stored yet, laid out against the held revision. */
  private async laidOut(): Promise<LayoutDelta> {
    if (this.engine) {
      const report = await loadReport(this.reportId);
      // Read after the wait: a keystroke may have been laid out meanwhile.
      const answer = this.run(() => this.engine!.load(report, [...this.edits.values()], this.revision));
      if (answer && 'ok' in answer) return answer.ok;
      if (answer && 'error' in answer) throw new Error(answer.error);
    }
    return repaginate(this.reportId, this.revision, [...this.edits.values()]);
  }

  /** Calls the engine; a module that traps is left for good (the app lays out from then). */
  private run(call: () => EngineAnswer): EngineAnswer | null {
    try {
      return call();
    } catch (e) {
      console.error('版面预览: 排版引擎出错，改由应用排版', e);
      this.engine = null;
      this.revision = null;
      this.clock.engine('app');
      return null;
    }
  }

  /** Takes a delta into the held layout; false when it is based on another revision. */
  private show(delta: LayoutDelta): boolean {
    const next = applyDelta(this.layout, this.revision, delta);
    this.revision = next ? delta.revision : null;
    if (next && next !== this.layout) this.layout = next;
    return next !== null;
  }

  /** Waits for the sheets to repaint and records how long it took. */
  private async painted(asked: number, arrived: number): Promise<void> {
    await tick();
    const updated = performance.now();
    const framed = await nextPaint();
    const painted = performance.now();
    this.clock.record({ asked, arrived, updated, framed, painted });
  }
}
