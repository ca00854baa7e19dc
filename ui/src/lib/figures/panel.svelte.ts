// The 数据项 panel's state: open or not, which tab, the values being saved and their errors,
// and 插入 into the text the drafter was in.

import { ask } from '@tauri-apps/plugin-dialog';
import type { EditorSession } from '../editor/session.svelte';
import type { Figure } from '../ipc/bindings/Figure';
import type { FigureYear } from '../ipc/bindings/FigureYear';
import * as ipc from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import { notify } from '../shell/notices.svelte';
import { insertInto, trackCaret } from './insert';
import { FigureQuotes } from './quotes.svelte';

export type Tab = 'figures' | 'plan';

/** State of the 数据项 panel of one open report. */
export class FiguresPanelState {
  open = $state(false);
  tab: Tab = $state('figures');
  /** Errors by `key:year` (a value) or `key` (a rename): Chinese, from the store. */
  errors: Record<string, string> = $state({});
  /** The figure whose 插入 chooser is open. */
  inserting: string | null = $state(null);
  /** Called when the panel opens, so the other side panels close. */
  onOpen = () => {};
  /** Called after a figure changed in the store (so 检查 runs again: it compares numbers with figures). */
  onChanged = () => {};
  readonly quotes: FigureQuotes;
  private caret = trackCaret(document);

  constructor(readonly session: EditorSession) {
    this.quotes = new FigureQuotes(session.reportId, () => session.report);
  }

  toggle = (tab: Tab = 'figures') => (this.open && this.tab === tab ? this.close() : this.show(tab));
  close = () => (this.open = false);

  show = (tab: Tab) => {
    this.tab = tab;
    if (!this.open) this.onOpen();
    this.open = true;
    void this.reload();
  };

  /** Reads the figures again and what every quote prints. */
  reload = async () => {
    try {
      await this.quotes.refresh();
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  };

  /** Saves a value as typed (empty clears it); every quote of the figure follows. */
  setValue = async (f: Figure, year: FigureYear, input: string) => {
    const id = `${f.key}:${year}`;
    const value = input.trim() === '' ? null : input.trim();
    if (value === (year === 'this' ? f.value : f.last_value)) return;
    try {
      await ipc.setFigureValue(this.session.reportId, f.key, year, value);
      delete this.errors[id];
      await this.quotes.refresh();
      this.onChanged();
    } catch (e) {
      this.errors[id] = messageOf(e);
    }
  };

  /** Adds a figure of the drafter's own; the error in Chinese, or null. */
  add = async (name: string, unit: string, meaning: string): Promise<string | null> => {
    try {
      await ipc.addFigure(this.session.reportId, name.trim(), unit.trim(), meaning.trim());
      await this.quotes.refresh();
      this.onChanged();
      return null;
    } catch (e) {
      return messageOf(e);
    }
  };

  /** Renames a figure of the drafter's own; the error in Chinese, or null. */
  rename = async (f: Figure, name: string, unit: string, meaning: string): Promise<string | null> => {
    try {
      await ipc.renameFigure(this.session.reportId, f.key, name.trim(), unit.trim(), meaning.trim());
      await this.quotes.refresh();
      this.onChanged();
      return null;
    } catch (e) {
      return messageOf(e);
    }
  };

  /** Removes a figure of the drafter's own, after asking: its quotes would print a note. */
  remove = async (f: Figure) => {
    const quoted = this.quotes.quotedKeys().has(f.key);
    const sure = await ask(
      `删除数据项“${f.name}”？${quoted ? '\n\n正文中引用它的地方将显示〔未知数据项〕，需要改写。' : ''}`,
      { title: '删除数据项', kind: 'warning', okLabel: '删除', cancelLabel: '取消' },
    );
    if (!sure) return;
    try {
      await ipc.removeFigure(this.session.reportId, f.key);
      await this.quotes.refresh();
      this.onChanged();
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  };

  /** Puts `token` at the caret of the text the drafter was in. */
  insert = (token: string) => {
    if (!insertInto(this.caret.last(), token)) {
      notify('请先在正文中点一下要插入数据的位置，再点“插入”。');
      return;
    }
    this.inserting = null;
  };

  dispose(): void {
    this.caret.stop();
  }
}
