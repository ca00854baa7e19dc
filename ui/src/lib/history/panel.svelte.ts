// The 历史版本 panel's state and actions: the list, the version on view (查看 or 对比), and
// restoring or naming a version. The editor session does the restore itself, so the page,
// the undo history and the autosave stay in step.

import { ask } from '@tauri-apps/plugin-dialog';
import type { Report } from '../ipc/bindings/Report';
import type { ReportDiff } from '../ipc/bindings/ReportDiff';
import type { SnapshotSummary } from '../ipc/bindings/SnapshotSummary';
import * as ipc from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import type { EditorSession } from '../editor/session.svelte';
import { notify } from '../shell/notices.svelte';
import { formatVersionTime, newestBeforeRestore, reasonLabel, sameVersions } from './versions';

/** How often the open panel looks for versions taken elsewhere. */
export const LIVE_REFRESH_MS = 3000;

export type Viewing =
  | { mode: 'view'; snapshot: SnapshotSummary; report: Report }
  | { mode: 'compare'; snapshot: SnapshotSummary; diff: ReportDiff };

export class HistoryPanelState {
  open = $state(false);
  list = $state<SnapshotSummary[]>([]);
  loaded = $state(false);
  working = $state(false);
  viewing = $state<Viewing | null>(null);
  naming = $state(false);

  constructor(private readonly session: EditorSession) {}

  toggle = (): void => {
    this.open = !this.open;
    if (this.open) void this.refresh();
    else this.viewing = null;
  };

  close = (): void => {
    this.open = false;
    this.viewing = null;
  };

  refresh = async (): Promise<void> => {
    try {
      this.list = await ipc.listSnapshots(this.session.reportId);
    } catch (e) {
      notify(messageOf(e), 'error');
    }
    this.loaded = true;
  };

  /**
   * The live refresh while the panel is open: versions taken elsewhere (an export, the
   * ten-minute snapshot, the command line on the same database) appear without reopening it.
   * Silent on failure (the next tick retries) and the list is replaced only when it changed.
   */
  refreshQuietly = async (): Promise<void> => {
    if (!this.open) return;
    try {
      const list = await ipc.listSnapshots(this.session.reportId);
      if (!sameVersions(list, this.list)) this.list = list;
    } catch {
      // A save in progress or a locked database: the next tick tries again.
    }
  };

  /** 查看: the version as it printed, read only. */
  view = (s: SnapshotSummary) =>
    this.run(async () => {
      this.viewing = { mode: 'view', snapshot: s, report: await ipc.loadSnapshot(this.session.reportId, s.id) };
    });

  /** 对比: the version against the current text (saved first, so the comparison is current). */
  compare = (s: SnapshotSummary) =>
    this.run(async () => {
      await this.session.flush();
      this.viewing = { mode: 'compare', snapshot: s, diff: await ipc.compareSnapshot(this.session.reportId, s.id) };
    });

  /** 恢复此版本, after the drafter confirms; a notice offers 撤销. */
  restore = (s: SnapshotSummary) =>
    this.run(async () => {
      const when = `${formatVersionTime(s.created_at)}（${reasonLabel(s)}）`;
      const sure = await ask(
        `正文将恢复为 ${when} 的版本。\n\n恢复之前，现在的文字会自动保存为“恢复前”版本，随时可以撤销。`,
        { title: '恢复此版本', kind: 'warning', okLabel: '恢复此版本', cancelLabel: '取消' },
      );
      if (!sure || !(await this.session.restoreVersion(s.id))) return;
      this.viewing = null;
      await this.refresh();
      const before = newestBeforeRestore(this.list);
      notify(`已恢复为 ${when} 的版本。`, 'success', {
        action: before ? { label: '撤销', testId: 'history-undo-restore', run: () => this.undoRestore(before) } : undefined,
        ms: 15000,
      });
    });

  /** 撤销 of a restore: the 恢复前 version goes back (itself kept as a new 恢复前 version). */
  undoRestore = (before: SnapshotSummary) =>
    this.run(async () => {
      if (!(await this.session.restoreVersion(before.id))) return;
      this.viewing = null;
      if (this.open) await this.refresh();
      notify('已撤销恢复，正文回到恢复之前的样子。', 'success');
    });

  /** 保存为命名版本; returns an error to show in the dialog, or null. */
  nameVersion = async (label: string): Promise<string | null> => {
    try {
      await this.session.flush();
      await ipc.nameVersion(this.session.reportId, label);
    } catch (e) {
      return messageOf(e);
    }
    this.naming = false;
    notify(`已保存为命名版本「${label.trim()}」。`, 'success');
    await this.refresh();
    return null;
  };

  private async run(fn: () => Promise<void>): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      await fn();
    } catch (e) {
      notify(messageOf(e), 'error');
    } finally {
      this.working = false;
    }
  }
}
