// The blocks of part 一 a planned item can be linked to, each with its first words.

import type { Block } from '../ipc/bindings/Block';
import type { Report } from '../ipc/bindings/Report';
import { splitTokens } from '../figures/tokens';

/** A block of part 一, as the link chooser lists it. */
export interface LinkTarget {
  id: number;
  /** The first words of its text (headings marked by their level). */
  label: string;
}

/** How many characters of a block identify it in the list. */
const WORDS = 18;

/** The first `WORDS` characters of a text, each placeholder as what it prints (or `…`). */
export function firstWords(text: string, printed: (source: string) => string | undefined = () => undefined): string {
  const plain = splitTokens(text)
    .map((p) => (p.kind === 'literal' ? p.text : (printed(p.source) ?? '…')))
    .join('');
  const chars = [...plain];
  return chars.length > WORDS ? `${chars.slice(0, WORDS).join('')}…` : plain || '（空白）';
}

/** The headings and paragraphs of part 一, in document order. */
export function partOneBlocks(report: Report, printed?: (source: string) => string | undefined): LinkTarget[] {
  const out: LinkTarget[] = [];
  const walk = (blocks: Block[], depth: number) => {
    for (const b of blocks) {
      if (b.id == null) continue;
      const words = firstWords(b.text, printed);
      out.push({ id: b.id, label: b.kind === 'heading' ? `${'　'.repeat(depth)}【标题】${words}` : `${'　'.repeat(depth)}${words}` });
      if (b.kind === 'heading') walk(b.children, depth + 1);
    }
  };
  walk(report.parts[0]?.blocks ?? [], 0);
  return out;
}

/** The label of block `id` anywhere in the report (a link may point outside part 一). */
export function blockWords(report: Report, id: number, printed?: (source: string) => string | undefined): string | undefined {
  let found: string | undefined;
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (found !== undefined) return;
      if (b.id === id) found = firstWords(b.text, printed);
      else if (b.kind === 'heading') walk(b.children);
    }
  };
  for (const p of report.parts) {
    if (p.id === id) return firstWords(p.heading, printed);
    walk(p.blocks);
    if (found !== undefined) return found;
  }
  const preface = report.preface.find((p) => p.id === id);
  return preface && firstWords(preface.text, printed);
}
