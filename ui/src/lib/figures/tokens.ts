// The placeholder grammar's outline, mirrored from nianbao_report::figures::token_spans so
// the editor can split a text into literal runs and chips without a round trip. Only where
// tokens start and end is mirrored; what a token prints always comes from Rust.

/** What opens a placeholder (full-width colon). */
export const TOKEN_OPEN = '{{数据：';
/** What closes a placeholder. */
export const TOKEN_CLOSE = '}}';
/** The longest placeholder read, in UTF-8 bytes between the braces (Rust's MAX_INNER). */
const MAX_INNER = 400;

/** Which value a placeholder prints, as written after `|`. */
export type Form = '本年' | '上年' | '差' | '变化';

/** A piece of a text: typed text, or a placeholder as stored. */
export type Piece = { kind: 'literal'; text: string } | { kind: 'token'; source: string };

const utf8 = new TextEncoder();

/** The placeholders in `text` as [start, end) offsets (braces included), in order. */
export function tokenSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(TOKEN_OPEN, from);
    if (start < 0) break;
    const innerStart = start + TOKEN_OPEN.length;
    const close = text.indexOf(TOKEN_CLOSE, innerStart);
    if (close < 0) break;
    const inner = text.slice(innerStart, close);
    // Too long, or a second opening inside: the inner one is the placeholder (as in Rust).
    if (utf8.encode(inner).length > MAX_INNER || inner.includes(TOKEN_OPEN)) {
      from = innerStart;
      continue;
    }
    const end = close + TOKEN_CLOSE.length;
    out.push({ start, end });
    from = end;
  }
  return out;
}

/** `text` as literal runs and placeholders; joined back they give `text` again. */
export function splitTokens(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const { start, end } of tokenSpans(text)) {
    if (start > at) pieces.push({ kind: 'literal', text: text.slice(at, start) });
    pieces.push({ kind: 'token', source: text.slice(start, end) });
    at = end;
  }
  if (at < text.length) pieces.push({ kind: 'literal', text: text.slice(at) });
  return pieces;
}

/** Whether `text` may hold a placeholder. */
export const hasTokens = (text: string) => text.includes(TOKEN_OPEN);

/** The placeholder quoting `expr` (`key`, `a+b` or `a/b`) in `form`. */
export function quote(expr: string, form: Form = '本年'): string {
  return form === '本年' ? `${TOKEN_OPEN}${expr}${TOKEN_CLOSE}` : `${TOKEN_OPEN}${expr}|${form}${TOKEN_CLOSE}`;
}

/** Every distinct placeholder in the texts, in first-seen order. */
export function distinctTokens(texts: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const t of texts) {
    if (!hasTokens(t)) continue;
    for (const p of splitTokens(t)) if (p.kind === 'token') seen.add(p.source);
  }
  return [...seen];
}
