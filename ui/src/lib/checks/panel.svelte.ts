// The 检查 panel's state and actions: the newest check of the report as stored, re-run after
// every pause in typing; jumping to a finding; 一键修正 and single fixes through a preview
// fetched when it opens.

import { tick } from 'svelte';
import type { CheckFinding } from '../ipc/bindings/CheckFinding';
import type { CheckOutcome } from '../ipc/bindings/CheckOutcome';
import type { FixPreview } from '../ipc/bindings/FixPreview';
import * as ipc from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import type { SaveStatus } from '../editor/autosave';
import type { EditorSession } from '../editor/session.svelte';
import { notify } from '../shell/notices.svelte';
import { blockIdOf, META_INPUTS, type Order } from './place';
import { Recheck } from './recheck';
import { selectChars } from './select';

export class ChecksState {
  open = $state(false);
  outcome = $state<CheckOutcome | null>(null);
  /** Why the last check failed, shown in the panel. */
  error = $state('');
  order = $state<Order>('severity');
  /** The fixes 一键修正 (or a single 修正) shows before it applies them. */
  previewing = $state<FixPreview[] | null>(null);
  working = $state(false);
  private readonly recheck: Recheck;
  /** Opening the panel asks the editor to put the meta form or history away. */
  onOpen: () => void = () => {};

  constructor(private readonly session: EditorSession) {
    this.recheck = new Recheck(() => this.refresh());
  }

  toggle = (): void => (this.open ? this.close() : this.show());

  show = (): void => {
    this.open = true;
    this.onOpen();
    void this.recheck.now();
  };

  close = (): void => {
    this.open = false;
  };

  /** Checks now (and after any check already running). */
  checkNow = (): Promise<void> => this.recheck.now();

  /** The editor's save status changed. */
  saveStatus = (s: SaveStatus): void => this.recheck.saveStatus(s);

  dispose = (): void => this.recheck.cancel();

  private async refresh(): Promise<void> {
    try {
      this.outcome = await ipc.checkReport(this.session.reportId);
      this.error = '';
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  /** Scrolls to the finding's text, focuses it and selects the characters at fault. */
  reveal = async (f: CheckFinding): Promise<void> => {
    const loc = f.location;
    const t = loc.target;
    if (t.in === 'meta') {
      // The form sits where this panel is.
      this.close();
      await tick();
      const input = document.getElementById(META_INPUTS[t.field]);
      if (!input) return;
      input.focus();
      if ((input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) && loc.range && input.type !== 'date') {
        input.setSelectionRange(loc.range.start, loc.range.end);
      }
      return;
    }
    const id = blockIdOf(loc);
    const el = id == null ? undefined : (this.session.editableOf(id, loc.field) ?? this.session.editableOf(id, 'text'));
    if (!el) return;
    // Without a range (a whole text at fault), the caret goes to its end.
    const start = loc.range?.start ?? Infinity;
    selectChars(el, start, loc.range?.end ?? start);
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
  };

  /** 一键修正: every safe fix of the newest check, previewed. */
  previewAll = (): Promise<void> => this.openPreview(this.outcome?.fix_ids ?? []);

  /** 修正 on one finding: its fix (the whole paragraph's marks), previewed. */
  previewOne = (f: CheckFinding): Promise<void> => this.openPreview(f.fix ? [f.fix] : []);

  /**
   * Fetches the previews of fixes the newest check named (a re-check does not carry them) and
   * shows them; when the text changed since the check they are refused and it checks again.
   */
  private async openPreview(ids: string[]): Promise<void> {
    if (ids.length === 0) {
      notify('没有可以自动修正的问题。');
      return;
    }
    if (this.working) return;
    this.working = true;
    try {
      await this.session.flush();
      this.previewing = await ipc.previewFixes(this.session.reportId, ids);
    } catch (e) {
      notify(messageOf(e), 'error');
      await this.recheck.now();
    } finally {
      this.working = false;
    }
  }

  /** 确认修正: the previewed fixes go to the store; a 批量修改前 version is kept first. */
  confirm = async (): Promise<void> => {
    const fixes = this.previewing;
    if (!fixes || this.working) return;
    this.working = true;
    let applied = 0;
    try {
      const ok = await this.session.storedChange(async () => {
        const out = await ipc.applyFixes(this.session.reportId, { kind: 'ids', ids: fixes.map((p) => p.id) });
        applied = out.applied;
        this.outcome = out.check;
        return out.report;
      });
      this.previewing = null;
      if (ok) {
        const n = fixes.reduce((sum, p) => sum + p.findings, 0);
        notify(`已修正 ${n} 处。修正前的文字已保存在历史版本中（批量修改前），也可以按 Ctrl+Z 撤销。`, 'success', { ms: 8000 });
      }
      if (!ok || applied === 0) await this.recheck.now();
    } finally {
      this.working = false;
    }
  };

  cancelPreview = (): void => {
    this.previewing = null;
  };
}
