// Words for the drafter about a placeholder: the figures it quotes and the form, for a chip's
// hover text and the 插入 chooser.

import type { Block } from '../ipc/bindings/Block';
import type { Figure } from '../ipc/bindings/Figure';
import type { Report } from '../ipc/bindings/Report';
import { TOKEN_CLOSE, TOKEN_OPEN, type Form } from './tokens';

/** The forms the chooser offers for one figure, with the drafter's word for each. */
export const FORMS: { form: Form; label: string; example: string }[] = [
  { form: '本年', label: '本年数', example: '6件' },
  { form: '上年', label: '上年数', example: '15件' },
  { form: '差', label: '增减', example: '减少9件' },
  { form: '变化', label: '变化率', example: '降低60%' },
];

const FORM_LABEL: Record<string, string> = Object.fromEntries(FORMS.map((f) => [f.form, f.label]));

/** `行政复议案件数 · 变化率`: what a placeholder quotes, in the figures' names. */
export function describeToken(source: string, figures: readonly Figure[]): string {
  const inner = source.slice(TOKEN_OPEN.length, source.length - TOKEN_CLOSE.length);
  const bar = inner.indexOf('|');
  const expr = bar < 0 ? inner : inner.slice(0, bar);
  const form = bar < 0 ? '本年' : inner.slice(bar + 1).trim();
  const name = (key: string) => figures.find((f) => f.key === key.trim())?.name ?? key.trim();
  const sums = expr.split('/').map((sum) => sum.split('+').map(name).join('＋'));
  if (sums.length === 2) return `${sums[0]}占${sums[1]}的比例 · ${form === '上年' ? '上年' : '本年'}`;
  return `${sums[0]} · ${FORM_LABEL[form] ?? form}`;
}

/** Every text of the report that may quote a figure, in document order. */
export function* reportTexts(report: Report): Generator<string> {
  for (const p of report.preface) yield p.text;
  const walk = function* (blocks: Block[]): Generator<string> {
    for (const b of blocks) {
      yield b.text;
      if (b.kind === 'heading') {
        yield b.body;
        yield* walk(b.children);
      }
    }
  };
  for (const part of report.parts) {
    yield part.heading;
    yield part.body;
    yield* walk(part.blocks);
  }
}
