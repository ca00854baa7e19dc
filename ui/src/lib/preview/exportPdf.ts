// 导出 PDF: the save dialog, then LibreOffice converts the report's .docx (a few seconds).

import { save } from '@tauri-apps/plugin-dialog';
import { fileNameFor } from '../editor/exportDocx';
import { exportPdf } from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import { notify } from '../shell/notices.svelte';

/** The suggested PDF name for a report title. */
export function pdfNameFor(title: string): string {
  return fileNameFor(title).replace(/\.docx$/, '.pdf');
}

/** Asks where to save, exports, and says how it went. Returns the path written, if any. */
export async function exportReportPdf(reportId: number, title: string, flush: () => Promise<boolean>, onStart: () => void = () => {}): Promise<string | null> {
  if (!(await flush())) {
    notify('有修改还没能保存，导出的 PDF 会缺少这些修改。请等“已保存”出现后再导出。', 'error');
    return null;
  }
  let path: string | null;
  try {
    path = await save({
      title: '导出 PDF',
      defaultPath: pdfNameFor(title),
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    });
  } catch (e) {
    notify(messageOf(e), 'error');
    return null;
  }
  if (!path) return null;
  onStart();
  try {
    const outcome = await exportPdf(reportId, path);
    if (outcome.warnings.length > 0) console.warn('export warnings', outcome.warnings);
    notify(`已导出 PDF：${outcome.path}`, 'success', { ms: 12000 });
    return outcome.path;
  } catch (e) {
    notify(messageOf(e), 'error');
    return null;
  }
}
