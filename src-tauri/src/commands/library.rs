//! 报告库: listing, creating, copying, importing and the trash.

use std::path::PathBuf;

use nianbao_report::{Report, template};
use nianbao_store::{ReportSummary, Status};
use tauri::State;

use crate::{
    error::IpcError,
    ipc::{AppInfo, Hint, ImportOutcome, import_warning_message},
    state::AppState,
};

/// The sample report offered on first launch (导入示例): a real published report.
const SAMPLE: &str = include_str!("../../../assets/samples/changziying-2023.txt");

type Result<T> = std::result::Result<T, IpcError>;

/// Version, database path, whether it opened, and the template's hints.
#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let tpl = template::default_template();
    let mut hints = vec![Hint {
        key: "preface".into(),
        text: tpl.preface_hint.clone(),
    }];
    hints.extend(tpl.parts.iter().map(|p| Hint {
        key: p.key.clone(),
        text: p.hint.clone(),
    }));
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        db_path: state
            .db_path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        open_error: state.open_error().map(|e| e.message.clone()),
        hints,
    }
}

/// The reports outside the trash, newest year first.
#[tauri::command]
pub fn list_reports(state: State<'_, AppState>) -> Result<Vec<ReportSummary>> {
    Ok(state.store()?.list_reports()?)
}

/// The reports in the trash.
#[tauri::command]
pub fn list_trash(state: State<'_, AppState>) -> Result<Vec<ReportSummary>> {
    Ok(state.store()?.list_trash()?)
}

/// 新建报告: an empty report with the template's statutory parts.
#[tauri::command]
pub fn create_report(state: State<'_, AppState>, issuer: String, year: u16) -> Result<i64> {
    let report = Report::from_template(template::default_template(), issuer.trim(), year);
    report
        .validate()
        .map_err(|e| IpcError::new("请填写机关全称和有效的年度（1900–9999）。", e.to_string()))?;
    Ok(state.store()?.create_report(&report)?)
}

/// 以上年度报告为基础新建: meta, structure and text of `source_id`, moved to `year`.
#[tauri::command]
pub fn create_from_previous(state: State<'_, AppState>, source_id: i64, year: u16) -> Result<i64> {
    let mut store = state.store()?;
    let source = store.load_report(source_id)?;
    let report = source.carried_to(year);
    report
        .validate()
        .map_err(|e| IpcError::new("年度无效（应为 1900–9999）。", e.to_string()))?;
    Ok(store.create_report(&report)?)
}

/// 复制: an identical new report.
#[tauri::command]
pub fn copy_report(state: State<'_, AppState>, id: i64) -> Result<i64> {
    let mut store = state.store()?;
    let report = store.load_report(id)?;
    Ok(store.create_report(&report)?)
}

/// 删除: moves a report to the 回收站.
#[tauri::command]
pub fn trash_report(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.trash_report(id)?)
}

/// 恢复: brings a report back from the 回收站.
#[tauri::command]
pub fn restore_report(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.restore_report(id)?)
}

/// 彻底删除: destroys a report that is in the 回收站.
#[tauri::command]
pub fn purge_report(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.purge_report(id)?)
}

/// 草稿 / 定稿.
#[tauri::command]
pub fn set_status(state: State<'_, AppState>, id: i64, status: Status) -> Result<()> {
    Ok(state.store()?.set_status(id, status)?)
}

/// 导入: a text file the drafter picked in the open dialog.
#[tauri::command]
pub fn import_file(state: State<'_, AppState>, path: PathBuf) -> Result<ImportOutcome> {
    // Parsed before the store is touched: a refused file changes nothing.
    let imported = nianbao_import::import_file(&path)?;
    let id = state.store()?.create_report(&imported.report)?;
    let warnings = imported
        .warnings
        .iter()
        .map(import_warning_message)
        .collect();
    Ok(ImportOutcome { id, warnings })
}

/// 导入示例: the shipped sample report.
#[tauri::command]
pub fn import_sample(state: State<'_, AppState>) -> Result<i64> {
    let imported = nianbao_import::import_text(SAMPLE)?;
    Ok(state.store()?.create_report(&imported.report)?)
}
