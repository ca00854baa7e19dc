// The only module that calls `invoke`: one typed function per command of
// src-tauri/src/commands. Argument names are camelCase; Tauri maps them to the Rust
// parameters (blockId → block_id). Every rejection is turned into an `IpcError`.

import { invoke } from '@tauri-apps/api/core';
import type { AppInfo } from './bindings/AppInfo';
import type { BackupFile } from './bindings/BackupFile';
import type { Backups } from './bindings/Backups';
import type { Block } from './bindings/Block';
import type { CheckOutcome } from './bindings/CheckOutcome';
import type { DocDate } from './bindings/DocDate';
import type { ExportOutcome } from './bindings/ExportOutcome';
import type { Figure } from './bindings/Figure';
import type { FigureYear } from './bindings/FigureYear';
import type { FixOutcome } from './bindings/FixOutcome';
import type { FixPreview } from './bindings/FixPreview';
import type { FixSelection } from './bindings/FixSelection';
import type { ImportPreview } from './bindings/ImportPreview';
import type { Layout } from './bindings/Layout';
import type { LayoutDelta } from './bindings/LayoutDelta';
import type { Meta } from './bindings/Meta';
import type { Part } from './bindings/Part';
import type { PlanItem } from './bindings/PlanItem';
import type { Position } from './bindings/Position';
import type { RecoveryInfo } from './bindings/RecoveryInfo';
import type { RecoveryOutcome } from './bindings/RecoveryOutcome';
import type { Report } from './bindings/Report';
import type { ReportDiff } from './bindings/ReportDiff';
import type { ReportSummary } from './bindings/ReportSummary';
import type { Review } from './bindings/Review';
import type { ReviewState } from './bindings/ReviewState';
import type { Segment } from './bindings/Segment';
import type { SnapshotReason } from './bindings/SnapshotReason';
import type { SnapshotSummary } from './bindings/SnapshotSummary';
import type { Status } from './bindings/Status';
import type { TextEdit } from './bindings/TextEdit';
import { toIpcError } from './errors';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const error = toIpcError(e);
    // The English detail is for bug reports; the drafter sees `message`.
    console.warn(`${command}: ${error.detail}`);
    throw error;
  }
}

// 报告库
export const appInfo = () => call<AppInfo>('app_info');
export const listReports = () => call<ReportSummary[]>('list_reports');
export const listTrash = () => call<ReportSummary[]>('list_trash');
export const createReport = (issuer: string, year: number) => call<number>('create_report', { issuer, year });
export const createFromPrevious = (sourceId: number, year: number) =>
  call<number>('create_from_previous', { sourceId, year });
export const copyReport = (id: number) => call<number>('copy_report', { id });
export const trashReport = (id: number) => call<void>('trash_report', { id });
export const restoreReport = (id: number) => call<void>('restore_report', { id });
export const purgeReport = (id: number) => call<void>('purge_report', { id });
export const setStatus = (id: number, status: Status) => call<void>('set_status', { id, status });
export const importSample = () => call<number>('import_sample');
export const previewImport = (path: string) => call<ImportPreview>('preview_import', { path });
export const saveImport = (report: Report) => call<number>('save_import', { report });

// 编辑
export const loadReport = (id: number) => call<Report>('load_report', { id });
export const updateMeta = (id: number, meta: Meta) => call<void>('update_meta', { id, meta });
export const updateBlock = (blockId: number, text: string, body: string) =>
  call<void>('update_block', { blockId, text, body });
export const insertBlock = (reportId: number, at: Position, block: Block) =>
  call<Report>('insert_block', { reportId, at, block });
export const moveBlock = (reportId: number, blockId: number, to: Position) =>
  call<Report>('move_block', { reportId, blockId, to });
export const deleteBlock = (reportId: number, blockId: number) =>
  call<Report>('delete_block', { reportId, blockId });
export const insertPart = (reportId: number, index: number, part: Part) =>
  call<Report>('insert_part', { reportId, index, part });
export const movePart = (reportId: number, partId: number, index: number) =>
  call<Report>('move_part', { reportId, partId, index });
export const replaceReport = (reportId: number, report: Report) =>
  call<Report>('replace_report', { reportId, report });

// 导出
export const exportDocx = (reportId: number, path: string) =>
  call<ExportOutcome>('export_docx', { reportId, path });
export const exportPdf = (reportId: number, path: string) =>
  call<ExportOutcome>('export_pdf', { reportId, path });
/** 导出为 .nianbao: returns the path written (".nianbao" appended when missing). */
export const exportBundle = (reportId: number, path: string) => call<string>('export_bundle', { reportId, path });
/** 导入 a .nianbao file as a new report; returns its id. */
export const importBundle = (path: string) => call<number>('import_bundle', { path });

// 历史版本
export const listSnapshots = (reportId: number) => call<SnapshotSummary[]>('list_snapshots', { reportId });
export const loadSnapshot = (reportId: number, snapshotId: number) =>
  call<Report>('load_snapshot', { reportId, snapshotId });
export const compareSnapshot = (reportId: number, snapshotId: number) =>
  call<ReportDiff>('compare_snapshot', { reportId, snapshotId });
export const restoreSnapshot = (reportId: number, snapshotId: number) =>
  call<Report>('restore_snapshot', { reportId, snapshotId });
export const nameVersion = (reportId: number, label: string) => call<number>('name_version', { reportId, label });
export const takeSnapshot = (reportId: number, reason: SnapshotReason) =>
  call<number | null>('take_snapshot', { reportId, reason });

// 检查
export const checkReport = (reportId: number) => call<CheckOutcome>('check_report', { reportId });
/** The previews of fixes an earlier check named; refused when the text changed since. */
export const previewFixes = (reportId: number, ids: string[]) =>
  call<FixPreview[]>('preview_fixes', { reportId, ids });
/** Applies fixes after a 批量修改前 version; refused when the text changed since the check. */
export const applyFixes = (reportId: number, selection: FixSelection) =>
  call<FixOutcome>('apply_fixes', { reportId, selection });

// 备份与恢复
export const listBackups = () => call<Backups>('list_backups');
export const backupNow = () => call<BackupFile>('backup_now');
/** Replaces the whole database with a backup; returns the safety copy of the state before. */
export const restoreBackup = (path: string) => call<string>('restore_backup', { path });
export const recoveryInfo = () => call<RecoveryInfo>('recovery_info');
export const recoverFromBackup = () => call<RecoveryOutcome>('recover_from_backup');
export const recoverWithBlankDatabase = () => call<RecoveryOutcome>('recover_with_blank_database');

// 版面预览
/** The report's printed pages; repeated calls re-lay out only what changed. */
export const paginate = (reportId: number) => call<Layout>('paginate', { reportId });
/** The pages that changed since the layout of revision `base` (every page when the engine
 *  holds another), with the window's unsaved text (`edits`) laid over the stored report. */
export const repaginate = (reportId: number, base: number | null, edits: TextEdit[]) =>
  call<LayoutDelta>('repaginate', { reportId, base, edits });

// 数据项, 上年安排, 保密审查 (src-tauri/src/commands/figures.rs)
export const listFigures = (reportId: number) => call<Figure[]>('list_figures', { reportId });
/** Sets this or last year's value as typed (`15`, `12.5`, `100%`); `null` or empty clears. */
export const setFigureValue = (reportId: number, key: string, year: FigureYear, value: string | null) =>
  call<Figure>('set_figure_value', { reportId, key, year, value });
export const addFigure = (reportId: number, name: string, unit: string, meaning: string) =>
  call<Figure>('add_figure', { reportId, name, unit, meaning });
export const renameFigure = (reportId: number, key: string, name: string, unit: string, meaning: string) =>
  call<Figure>('rename_figure', { reportId, key, name, unit, meaning });
export const removeFigure = (reportId: number, key: string) => call<void>('remove_figure', { reportId, key });
/** A text as literal pieces and `{{数据：…}}` chips with what each prints. */
export const textSegments = (reportId: number, text: string) =>
  call<Segment[]>('text_segments', { reportId, text });
export const listPlanItems = (reportId: number) => call<PlanItem[]>('list_plan_items', { reportId });
export const linkPlanItem = (itemId: number, blockId: number) => call<void>('link_plan_item', { itemId, blockId });
export const unlinkPlanItem = (itemId: number) => call<void>('unlink_plan_item', { itemId });
/** Records the 保密审查 (the three ticks) for the text as it is now. */
export const recordReview = (reportId: number, date: DocDate) => call<Review>('record_review', { reportId, date });
export const clearReview = (reportId: number) => call<void>('clear_review', { reportId });
export const reviewState = (reportId: number) => call<ReviewState>('review_state', { reportId });
