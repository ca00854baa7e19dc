//! 导出 Word: the file the drafter chose in the save dialog, written atomically; the version
//! exported is kept in 历史版本 under the file's name.

use std::path::PathBuf;

use nianbao_store::SnapshotReason;
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
    // The file is written: a failed snapshot is logged, never reported as a failed export.
    let label = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let snapshot = state.store().and_then(|mut store| {
        store
            .snapshot(report_id, SnapshotReason::Exported, label.as_deref())
            .map_err(IpcError::from)
    });
    if let Err(e) = snapshot {
        tracing::warn!("no snapshot of the export: {}", e.detail);
    }
    Ok(ExportOutcome {
        path: path.display().to_string(),
        warnings,
    })
}
