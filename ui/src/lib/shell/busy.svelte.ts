import { messageOf } from '../ipc/errors';
import { notify } from './notices.svelte';

/**
 * Runs a view's actions one at a time: a click while one runs is ignored, an error becomes a
 * notice in the drafter's words, and the view re-reads its data afterwards whatever happened.
 */
export class Busy {
  working = $state(false);

  constructor(private readonly reload: () => Promise<void>) {}

  async run(action: () => Promise<void>): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      await action();
    } catch (e) {
      notify(messageOf(e), 'error');
    } finally {
      this.working = false;
      await this.reload();
    }
  }
}
