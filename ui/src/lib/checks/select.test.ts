import { describe, expect, it } from 'vitest';
import { utf16Offset } from './select';

describe('utf16Offset', () => {
  it('turns the checker’s character counts into DOM offsets', () => {
    expect(utf16Offset('中文,文字', 2)).toBe(2);
    // 𠀀 is one character but two UTF-16 units.
    expect(utf16Offset('𠀀中,', 2)).toBe(3);
    expect(utf16Offset('ab', 5)).toBe(2);
    expect(utf16Offset('', 0)).toBe(0);
  });
});
