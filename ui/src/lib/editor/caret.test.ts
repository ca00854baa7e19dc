import { describe, expect, it } from 'vitest';
import { pastedParagraphs } from './caret';

describe('pastedParagraphs', () => {
  it('splits lines into paragraphs and drops blank lines and indentation', () => {
    expect(pastedParagraphs('　　一是加强领导。\r\n\r\n　　二是完善制度。\n')).toEqual(['一是加强领导。', '二是完善制度。']);
  });

  it('keeps a single line whole, inner spaces included', () => {
    expect(pastedParagraphs('《宪法》 《民法典》')).toEqual(['《宪法》 《民法典》']);
  });

  it('gives nothing for whitespace only', () => {
    expect(pastedParagraphs(' \n　\t')).toEqual([]);
  });
});
