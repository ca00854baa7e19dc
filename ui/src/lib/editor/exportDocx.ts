// 导出 Word: the save dialog, then the store writes the file (temp file + rename).

import { save } from '@tauri-apps/plugin-dialog';
import { exportDocx } from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import { notify } from '../shell/notices.svelte';

/** A file name from a title: no line breaks, none of the characters Windows refuses. */
export function fileNameFor(title: string): string {
  const name = title
    .replace(/[\r\n]+/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .trim()
    .slice(0, 120);
  return `${name || '年度报告'}.docx`;
}

/** Asks where to save, exports, and says how it went. Returns the path written, if any. */
export async function exportReport(reportId: number, title: string, flush: () => Promise<boolean>): Promise<string | null> {
  if (!(await flush())) {
    notify('有修改还没能保存，导出的文件会缺少这些修改。请等“已保存”出现后再导出。', 'error');
    return null;
  }
  let path: string | null;
  try {
    path = await save({
      title: '导出 Word',
      defaultPath: fileNameFor(title),
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    });
  } catch (e) {
    notify(messageOf(e), 'error');
    return null;
  }
  if (!path) return null;
  try {
    const outcome = await exportDocx(reportId, path);
    if (outcome.warnings.length > 0) console.warn('export warnings', outcome.warnings);
    notify(`已导出 Word：${outcome.path}`, 'success', { ms: 12000 });
    return outcome.path;
  } catch (e) {
    notify(messageOf(e), 'error');
    return null;
  }
}
