// A version as it prints, line by line, for 查看 (read only): title, 主送机关, 导语, the parts
// with their markers, 附件, 署名 and 成文日期. Mirrors Report::printed_paragraphs in Rust; the
// version arrives with its figure placeholders already printed (load_snapshot resolves them).

import type { Block } from '../ipc/bindings/Block';
import type { Report } from '../ipc/bindings/Report';
import { marker, type Level } from '../outline/numbering';
import { displayTitle } from '../report/title';

export type PrintedLine =
  | { kind: 'title' | 'recipient' | 'para' | 'attachment' | 'signature' | 'date'; text: string }
  | { kind: 'heading'; level: Level; marker: string; text: string; body: string };

/** `2024年3月28日` from `2024-03-28`. */
export function chineseDate(d: string | null | undefined): string {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(d) : null;
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

export function printedLines(report: Report): PrintedLine[] {
  const out: PrintedLine[] = [];
  for (const line of displayTitle(report.meta).split('\n')) out.push({ kind: 'title', text: line });
  const recipient = report.meta.recipient?.trim();
  if (recipient) out.push({ kind: 'recipient', text: `${recipient}：` });
  for (const p of report.preface) if (p.text.trim()) out.push({ kind: 'para', text: p.text });
  report.parts.forEach((part, i) => {
    out.push({ kind: 'heading', level: 1, marker: marker(1, i + 1), text: part.heading, body: part.body });
    walk(part.blocks, 2, out);
  });
  const attachments = report.meta.attachments;
  attachments.forEach((name, i) => {
    const number = attachments.length > 1 ? `${i + 1}.` : '';
    out.push({ kind: 'attachment', text: `${i === 0 ? '附件：' : ''}${number}${name}` });
  });
  out.push({ kind: 'signature', text: report.meta.signature?.trim() || report.meta.issuer });
  const date = chineseDate(report.meta.date);
  if (date) out.push({ kind: 'date', text: date });
  return out;
}

function walk(blocks: Block[], level: Level, out: PrintedLine[]) {
  let n = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      n += 1;
      out.push({ kind: 'heading', level, marker: marker(level, n), text: b.text, body: b.body });
      walk(b.children, Math.min(level + 1, 4) as Level, out);
    } else if (b.text.trim()) {
      out.push({ kind: 'para', text: b.text });
    }
  }
}
