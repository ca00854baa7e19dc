import { describe, expect, it } from 'vitest';
import { messageOf, toIpcError } from './errors';

describe('toIpcError', () => {
  it('passes the store’s Chinese message through', () => {
    const e = { message: '找不到该报告或段落，可能已被删除。请刷新报告库。', detail: 'no block 7' };
    expect(toIpcError(e)).toEqual(e);
  });

  it('never shows the drafter an English bug message', () => {
    const e = toIpcError(new TypeError('x is undefined'));
    expect(e.message).toMatch(/程序内部出错/);
    expect(e.detail).toBe('TypeError: x is undefined');
  });

  it('explains a plain-string rejection (arguments that did not deserialize)', () => {
    expect(messageOf('invalid args `blockId` for command `update_block`')).toMatch(/程序内部出错/);
    expect(toIpcError(undefined).detail).toBe('undefined');
  });
});
