// 承上启下: last year's planned items and the blocks of this report that answer them.

import type { EditorSession } from '../editor/session.svelte';
import type { PlanItem } from '../ipc/bindings/PlanItem';
import * as ipc from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import { notify } from '../shell/notices.svelte';

/** The planned items of the open report and the links the drafter makes. */
export class PlanChecklist {
  items: PlanItem[] = $state([]);
  loaded = $state(false);
  working = $state(false);

  constructor(private readonly session: EditorSession) {}

  /** How many items no block answers yet. */
  get unlinked(): number {
    return this.items.filter((i) => i.block === null).length;
  }

  reload = async () => {
    try {
      this.items = await ipc.listPlanItems(this.session.reportId);
    } catch (e) {
      notify(messageOf(e), 'error');
    }
    this.loaded = true;
  };

  /** Links item to block `blockId`, or unlinks it when null. */
  link = async (item: PlanItem, blockId: number | null) => {
    if (item.id == null || this.working) return;
    this.working = true;
    try {
      // The block must be in the store before it can be linked.
      await this.session.flush();
      await (blockId === null ? ipc.unlinkPlanItem(item.id) : ipc.linkPlanItem(item.id, blockId));
      await this.reload();
    } catch (e) {
      notify(messageOf(e), 'error');
    } finally {
      this.working = false;
    }
  };

  /** Links item to the block the drafter was in last. */
  linkFocused = (item: PlanItem) => {
    const id = this.session.current?.id;
    if (id === undefined) {
      notify('请先在正文中点一下报告这项安排的标题或段落。');
      return;
    }
    void this.link(item, id);
  };
}
