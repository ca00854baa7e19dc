// 对比 without a DOM: the rows the comparison shows. Long unchanged stretches fold into one
// line (“… 12 段未改动 …”) so the changes stand close together; the paragraphs around a change
// stay for context.

import type { ParagraphDiff } from '../ipc/bindings/ParagraphDiff';
import type { ReportDiff } from '../ipc/bindings/ReportDiff';

export type DiffRow = ParagraphDiff | { kind: 'gap'; count: number };

/**
 * The paragraphs, with each unchanged run folded but for `context` paragraphs next to a
 * change. A fold hides at least two paragraphs (hiding one saves nothing).
 */
export function diffRows(diff: ReportDiff, context = 1): DiffRow[] {
  const ps = diff.paragraphs;
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < ps.length) {
    if (ps[i]?.kind !== 'same') {
      rows.push(ps[i] as ParagraphDiff);
      i += 1;
      continue;
    }
    let end = i;
    while (end < ps.length && ps[end]?.kind === 'same') end += 1;
    // Context before the next change and after the previous one; none at the very ends.
    const keepHead = i === 0 ? 0 : context;
    const keepTail = end === ps.length ? 0 : context;
    const hidden = end - i - keepHead - keepTail;
    if (hidden >= 2) {
      rows.push(...ps.slice(i, i + keepHead));
      rows.push({ kind: 'gap', count: hidden });
      rows.push(...ps.slice(end - keepTail, end));
    } else {
      rows.push(...ps.slice(i, end));
    }
    i = end;
  }
  return rows;
}

/** `新增 1 段，删除 2 段，修改 3 段`, or that nothing differs. */
export function diffSummary(diff: Pick<ReportDiff, 'added' | 'removed' | 'changed'>): string {
  const parts = [
    diff.added > 0 ? `新增 ${diff.added} 段` : '',
    diff.removed > 0 ? `删除 ${diff.removed} 段` : '',
    diff.changed > 0 ? `修改 ${diff.changed} 段` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('，') : '与当前文字完全相同';
}
