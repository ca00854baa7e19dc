import { describe, expect, it } from 'vitest';
import { distinctTokens, quote, splitTokens, tokenSpans } from './tokens';

// The cases of nianbao_report::figures::token tests: the mirror must cut where Rust cuts.
describe('tokenSpans mirrors the Rust grammar', () => {
  it('finds each placeholder with its braces', () => {
    const text = '共{{数据：a}}，较上年{{数据：a+b|变化}}，占{{数据：a/a+b|上年}}。';
    const spans = tokenSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['{{数据：a}}', '{{数据：a+b|变化}}', '{{数据：a/a+b|上年}}']);
  });

  it('cuts malformed placeholders too (Rust reports them), and leaves plain text plain', () => {
    expect(tokenSpans('{{数据：A}}{{数据：a|平均}}{{数据：a/b|变化}}{{数据：}}')).toHaveLength(4);
    expect(tokenSpans('规划（2021-2025年）{{数据：a 未闭合')).toEqual([]);
    expect(tokenSpans('{{数据 a}} {a} {{b}} {{数据:a}}')).toEqual([]);
  });

  it('takes the inner one of two openings, and skips an over-long inside', () => {
    const nested = '{{数据：{{数据：a}}';
    expect(tokenSpans(nested)).toEqual([{ start: '{{数据：'.length, end: nested.length }]);
    // 134 CJK characters are 402 bytes: more than Rust's 400, so plain text.
    expect(tokenSpans(`{{数据：${'数'.repeat(134)}}}`)).toEqual([]);
    expect(tokenSpans(`{{数据：${'数'.repeat(133)}}}`)).toHaveLength(1);
  });
});

describe('splitTokens', () => {
  it('joins back to the text', () => {
    const text = '{{数据：a}}案件比去年{{数据：a|差}}，降低{{数据：a|变化}}';
    const pieces = splitTokens(text);
    expect(pieces.map((p) => (p.kind === 'literal' ? p.text : p.source)).join('')).toBe(text);
    expect(pieces.map((p) => p.kind)).toEqual(['token', 'literal', 'token', 'literal', 'token']);
  });

  it('gives one literal for a text without placeholders, none for an empty one', () => {
    expect(splitTokens('依法行政。')).toEqual([{ kind: 'literal', text: '依法行政。' }]);
    expect(splitTokens('')).toEqual([]);
  });
});

describe('quote', () => {
  it('writes the form after a bar, none for 本年 (as Token::quote)', () => {
    expect(quote('a')).toBe('{{数据：a}}');
    expect(quote('a+b', '变化')).toBe('{{数据：a+b|变化}}');
    expect(quote('a/b', '上年')).toBe('{{数据：a/b|上年}}');
  });

  it('lists the distinct placeholders of many texts in order', () => {
    expect(distinctTokens(['x{{数据：b}}', '', '{{数据：a|差}}{{数据：b}}'])).toEqual(['{{数据：b}}', '{{数据：a|差}}']);
  });
});
