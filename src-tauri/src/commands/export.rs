//! 导出 Word and 导出 PDF: the file the drafter chose in the save dialog, written atomically;
//! the version exported is kept in 历史版本 under the file's name.

use std::path::{Path, PathBuf};

use nianbao_pdf::{Finder, PdfError};
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
    let path = with_extension(path, "docx");
    let report = state.store()?.load_report(report_id)?;
    // The store's lock is released before the file is written: a slow disk does not stall saves.
    let warnings = nianbao_docx::write_docx(&report, &path)?;
    record_export(&state, report_id, &path);
    Ok(ExportOutcome {
        path: path.display().to_string(),
        warnings,
    })
}

/// Exports a report as PDF: its .docx converted by LibreOffice, off the window's thread (a
/// conversion takes seconds), then renamed into place.
#[tauri::command]
pub async fn export_pdf(
    state: State<'_, AppState>,
    report_id: i64,
    path: PathBuf,
) -> Result<ExportOutcome, IpcError> {
    let path = with_extension(path, "pdf");
    let report = state.store()?.load_report(report_id)?;
    let target = path.clone();
    let converted = tauri::async_runtime::spawn_blocking(move || {
        let office = Finder::system().find()?;
        nianbao_pdf::export_pdf(&report, &target, &office)
    })
    .await
    .map_err(|e| IpcError::new("导出 PDF 失败：转换意外中断，请重试。", e.to_string()))?;
    let warnings = converted.map_err(pdf_error)?;
    record_export(&state, report_id, &path);
    Ok(ExportOutcome {
        path: path.display().to_string(),
        warnings,
    })
}

/// "报告.v2" becomes "报告.v2.docx": the drafter's name is kept whole.
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
    {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// Keeps the exported text in 历史版本 under the file's name. The file is written by now: a
/// failed snapshot is logged, never reported as a failed export.
fn record_export(state: &AppState, report_id: i64, path: &Path) {
    let label = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let snapshot = state.store().and_then(|mut store| {
        store
            .snapshot(report_id, SnapshotReason::Exported, label.as_deref())
            .map_err(IpcError::from)
    });
    if let Err(e) = snapshot {
        tracing::warn!("no snapshot of the export: {}", e.detail);
    }
}

/// The drafter's words for a failed PDF export: what happened and what to do.
fn pdf_error(e: PdfError) -> IpcError {
    let detail = e.to_string();
    let message = match &e {
        PdfError::NotInstalled { .. } => {
            let apt = if cfg!(target_os = "linux") {
                "；Debian/Ubuntu 上也可运行 sudo apt install libreoffice-writer 安装"
            } else {
                ""
            };
            format!("导出 PDF 需要 LibreOffice，本机未找到。请安装 LibreOffice（https://www.libreoffice.org）后重试{apt}。")
        }
        PdfError::ConversionFailed { .. } => "LibreOffice 未能生成 PDF，原有文件未被改动。请重试；仍不行时可先导出 Word，再用 Word 或 WPS 另存为 PDF。".into(),
        PdfError::Timeout { after } => format!(
            "LibreOffice 在 {} 秒内没有完成转换，已停止，原有文件未被改动。请关闭其他大型程序后重试。",
            after.as_secs()
        ),
        PdfError::Export(e) => format!("导出 PDF 失败：{}", crate::ipc::export_error_message(e)),
        PdfError::Io { path, source } => return IpcError::io("无法写入 PDF", path, source),
    };
    IpcError::new(message, detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_unless_present_in_any_case() {
        assert_eq!(
            with_extension("a/报告.v2".into(), "pdf"),
            PathBuf::from("a/报告.v2.pdf")
        );
        assert_eq!(
            with_extension("a/报告.PDF".into(), "pdf"),
            PathBuf::from("a/报告.PDF")
        );
        assert_eq!(
            with_extension("报告.docx".into(), "pdf"),
            PathBuf::from("报告.docx.pdf")
        );
    }

    #[test]
    fn a_missing_libreoffice_says_in_chinese_where_to_get_it() {
        let empty = tempfile::tempdir().unwrap();
        let e = pdf_error(Finder::in_dirs([empty.path()]).find().unwrap_err());
        assert!(
            e.message
                .contains("请安装 LibreOffice（https://www.libreoffice.org）后重试"),
            "{}",
            e.message
        );
        assert!(e.detail.contains("not installed"), "{}", e.detail);
    }
}
