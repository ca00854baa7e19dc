// What the placeholders of the open report print, as Rust renders them (figures::segments
// over IPC), kept for the chips and the 数据项 panel. One IPC call renders every placeholder
// of the report at once: after a value changes, all chips repaint together.

import type { Figure } from '../ipc/bindings/Figure';
import type { Report } from '../ipc/bindings/Report';
import type { Segment } from '../ipc/bindings/Segment';
import * as ipc from '../ipc/commands';
import type { ChipLook } from './chips';
import type { ChipSource } from './context';
import { describeToken, reportTexts } from './describe';
import { distinctTokens, quote } from './tokens';

type Printed = Extract<Segment, { kind: 'token' }>;

/** The figures of the open report and what each placeholder prints. */
export class FigureQuotes implements ChipSource {
  figures: Figure[] = $state([]);
  version = $state(0);
  private printed = new Map<string, Printed>();
  private batch = new Set<string>();
  private tickets = 0;

  constructor(
    private readonly reportId: number,
    private readonly report: () => Report,
  ) {}

  /** What a chip shows; asks Rust (batched) for a placeholder not seen yet. */
  look = (source: string): ChipLook | undefined => {
    const p = this.printed.get(source);
    if (!p) {
      this.ask(source);
      return undefined;
    }
    return { text: p.rendered, title: describeToken(source, this.figures), problem: p.problem !== null };
  };

  /** What a figure's 变化 prints (`降低60%`, `持平`, `〔待填：…〕`), once known. */
  change(key: string): string | undefined {
    void this.version;
    return this.printed.get(quote(key, '变化'))?.rendered;
  }

  /** The keys some text of the report quotes. */
  quotedKeys(): Set<string> {
    const keys = new Set<string>();
    for (const s of distinctTokens(reportTexts(this.report()))) for (const k of this.printed.get(s)?.keys ?? []) keys.add(k);
    return keys;
  }

  /** Reads the figures and renders every placeholder of the report and every figure's 变化. */
  async refresh(): Promise<void> {
    // Two quick edits start two refreshes; only the one started last may show its answer.
    const ticket = ++this.tickets;
    const figures = await ipc.listFigures(this.reportId);
    const sources = [...distinctTokens(reportTexts(this.report())), ...figures.map((f) => quote(f.key, '变化'))];
    const printed = await print(this.reportId, sources);
    if (ticket !== this.tickets) return;
    this.figures = figures;
    this.printed = printed;
    this.version += 1;
  }

  private ask(source: string): void {
    if (this.batch.has(source)) return;
    this.batch.add(source);
    if (this.batch.size > 1) return;
    // Every chip painted in this turn joins the one call.
    queueMicrotask(async () => {
      const sources = [...this.batch];
      this.batch.clear();
      try {
        for (const [s, p] of await print(this.reportId, sources)) this.printed.set(s, p);
        this.version += 1;
      } catch (e) {
        console.warn('rendering placeholders failed', e);
      }
    });
  }
}

/** What each placeholder prints, in one call (joined by line breaks, which no token holds). */
async function print(reportId: number, sources: string[]): Promise<Map<string, Printed>> {
  const out = new Map<string, Printed>();
  if (sources.length === 0) return out;
  for (const s of await ipc.textSegments(reportId, sources.join('\n'))) {
    if (s.kind === 'token') out.set(s.source, s);
  }
  return out;
}
