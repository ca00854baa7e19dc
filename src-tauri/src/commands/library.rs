//! 报告库: listing, creating, copying, importing and the trash.

use std::path::PathBuf;

use nianbao_report::{Report, template};
use nianbao_store::{ReportSummary, Status};
use tauri::State;

use crate::{
    error::IpcError,
    ipc::{AppInfo, Hint, ImportPreview, import_preview},
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

/// 导入 with confirmation, step one: reads the file and says what was found; saves nothing.
#[tauri::command]
pub fn preview_import(path: PathBuf) -> Result<ImportPreview> {
    let imported = nianbao_import::import_file(&path)?;
    Ok(import_preview(imported, template::default_template()))
}

/// 导入 with confirmation, step two: stores the report as the drafter confirmed it.
#[tauri::command]
pub fn save_import(state: State<'_, AppState>, report: Report) -> Result<i64> {
    report
        .validate()
        .map_err(|e| IpcError::new("报告结构不完整：请确认机关全称和年度。", e.to_string()))?;
    let mut seen = std::collections::HashSet::new();
    for key in report.parts.iter().filter_map(|p| p.statutory.as_deref()) {
        if template::default_template().part(key).is_none() || !seen.insert(key) {
            return Err(IpcError::new(
                "同一个法定部分只能对应一个部分，请重新选择。",
                format!("statutory key {key} unknown or used twice"),
            ));
        }
    }
    Ok(state.store()?.create_report(&report)?)
}

/// 导入示例: the shipped sample report.
#[tauri::command]
pub fn import_sample(state: State<'_, AppState>) -> Result<i64> {
    let imported = nianbao_import::import_text(SAMPLE)?;
    Ok(state.store()?.create_report(&imported.report)?)
}
