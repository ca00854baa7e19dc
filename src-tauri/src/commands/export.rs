//! 导出 Word: the file the drafter chose in the save dialog, written atomically.

use std::path::PathBuf;

use tauri::State;

use crate::{error::IpcError, ipc::ExportOutcome, state::AppState};

/// Exports a report to `path` (temp file, then rename: nothing half-written is left).
#[tauri::command]
pub fn export_docx(
    state: State<'_, AppState>,
    report_id: i64,
    path: PathBuf,
) -> Result<ExportOutcome, IpcError> {
    let path = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    {
        path
    } else {
        // "报告.v2" becomes "报告.v2.docx": the drafter's name is kept whole.
        let mut name = path.into_os_string();
        name.push(".docx");
        PathBuf::from(name)
    };
    let report = state.store()?.load_report(report_id)?;
    // The store's lock is released before the file is written: a slow disk does not stall saves.
    let warnings = nianbao_docx::write_docx(&report, &path)?;
    Ok(ExportOutcome {
        path: path.display().to_string(),
        warnings,
    })
}
