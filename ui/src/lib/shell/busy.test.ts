import { describe, expect, it, vi } from 'vitest';

vi.mock('./notices.svelte', () => ({ notify: vi.fn() }));

import { Busy } from './busy.svelte';
import { notify } from './notices.svelte';

describe('Busy', () => {
  it('runs one action at a time and reloads after each', async () => {
    const reload = vi.fn(async () => {});
    const busy = new Busy(reload);
    let release!: () => void;
    const first = busy.run(() => new Promise<void>((r) => (release = r)));
    expect(busy.working).toBe(true);
    const ignored = vi.fn(async () => {});
    await busy.run(ignored);
    expect(ignored).not.toHaveBeenCalled();
    release();
    await first;
    expect(busy.working).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('turns an error into a notice in the drafter\'s words and still reloads', async () => {
    const reload = vi.fn(async () => {});
    const busy = new Busy(reload);
    await busy.run(async () => {
      throw { message: '磁盘空间不足，请清理磁盘后重试。', detail: 'disk full' };
    });
    expect(notify).toHaveBeenCalledWith('磁盘空间不足，请清理磁盘后重试。', 'error');
    expect(busy.working).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
