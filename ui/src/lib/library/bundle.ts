// The .nianbao file in the library: 导出为 .nianbao (save dialog) and the import of one through
// 导入…, straight in — the file holds a report Nianbao wrote, so there is nothing to confirm.

import { save } from '@tauri-apps/plugin-dialog';
import { fileNameFor } from '../editor/exportDocx';
import type { ReportSummary } from '../ipc/bindings/ReportSummary';
import * as ipc from '../ipc/commands';
import { notify } from '../shell/notices.svelte';

/** The extensions 导入… offers, .nianbao included. */
export const IMPORT_FILTER = { name: 'Word 文档、纯文本或年报文件', extensions: ['docx', 'txt', 'nianbao'] };

/** Whether the chosen file is a .nianbao report file (any case). */
export function isBundlePath(path: string): boolean {
  return /\.nianbao$/i.test(path);
}

/** The save dialog's proposal: the title, made safe for a file name. */
export function bundleNameFor(title: string): string {
  return fileNameFor(title).replace(/\.docx$/, '.nianbao');
}

/** 导出为 .nianbao: asks where, writes; `false` when the drafter cancelled. Errors propagate. */
export async function exportBundle(r: ReportSummary): Promise<boolean> {
  const path = await save({
    title: '导出为 .nianbao',
    defaultPath: bundleNameFor(r.title),
    filters: [{ name: '年报报告文件', extensions: ['nianbao'] }],
  });
  if (typeof path !== 'string') return false;
  const written = await ipc.exportBundle(r.id, path);
  notify(`已导出到 ${written}。在另一台电脑上用“导入…”打开它即可。`, 'success');
  return true;
}

/** Imports a .nianbao file as a new report; returns its id. Errors propagate. */
export async function importBundle(path: string): Promise<number> {
  const id = await ipc.importBundle(path);
  notify('已导入报告文件（含状态和命名版本）。点击报告即可打开编辑。', 'success');
  return id;
}
