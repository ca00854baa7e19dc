//! 导出为 .nianbao and importing one: a report with its status and named versions, moved to
//! another computer. The file is read and checked whole before the database is touched.

use std::path::PathBuf;

use nianbao_bundle::BundleError;
use tauri::State;

use crate::{error::IpcError, state::AppState};

type Result<T> = std::result::Result<T, IpcError>;

/// Writes report `report_id` to `path` (".nianbao" appended when missing); returns the path.
#[tauri::command]
pub fn export_bundle(state: State<'_, AppState>, report_id: i64, path: PathBuf) -> Result<String> {
    let path = with_extension(path);
    let store = state.store()?;
    nianbao_bundle::export(&store, report_id, &path, env!("CARGO_PKG_VERSION"))
        .map_err(bundle_error)?;
    Ok(path.display().to_string())
}

/// Stores the report of the `.nianbao` file at `path` as a new report; returns its id.
#[tauri::command]
pub fn import_bundle(state: State<'_, AppState>, path: PathBuf) -> Result<i64> {
    // Read and checked before the store's lock is taken: a large file does not stall saves.
    let b = nianbao_bundle::read(&path).map_err(bundle_error)?;
    Ok(state
        .store()?
        .transfer_in(&b.report, b.manifest.status, &b.versions)?)
}

/// "报告.v2" becomes "报告.v2.nianbao": the drafter's name is kept whole.
fn with_extension(path: PathBuf) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(nianbao_bundle::EXTENSION))
    {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(nianbao_bundle::EXTENSION);
    PathBuf::from(name)
}

/// The drafter's sentence for each way a `.nianbao` file can fail.
fn bundle_error(e: BundleError) -> IpcError {
    let detail = e.to_string();
    let message = match e {
        BundleError::Io { path, source } => {
            return IpcError::io("无法读写该文件", &path, &source);
        }
        BundleError::NotBundle { .. } => {
            "这不是年报的报告文件（.nianbao），或文件已损坏，未导入任何内容。".into()
        }
        BundleError::TooNew { .. } => "该文件由更新版本的年报导出，请先升级本程序再导入。".into(),
        BundleError::Damaged { .. } => "报告文件已损坏，无法读取，未导入任何内容。".into(),
        BundleError::Invalid { .. } => {
            "报告文件中的报告不完整（机关全称、年度或标题层级有误），未导入任何内容。".into()
        }
        BundleError::TooLarge { .. } => {
            "文件过大或内容异常，不像年报的报告文件，未导入任何内容。".into()
        }
        BundleError::Store(s) => return IpcError::from(s),
    };
    IpcError { message, detail }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn the_extension_is_added_once() {
        assert_eq!(
            with_extension("/tmp/报告.v2".into()),
            Path::new("/tmp/报告.v2.nianbao")
        );
        assert_eq!(
            with_extension("/tmp/报告.NIANBAO".into()),
            Path::new("/tmp/报告.NIANBAO")
        );
    }

    #[test]
    fn every_refusal_has_its_own_chinese_sentence() {
        let path = Path::new("/tmp/x.nianbao");
        let newer = BundleError::TooNew {
            path: path.into(),
            found: 2,
            known: 1,
        };
        let m = bundle_error(newer);
        assert!(m.message.contains("更新版本"), "{}", m.message);
        assert!(m.detail.contains("newer Nianbao"));
        let missing = nianbao_bundle::read(Path::new("/nonexistent/x.nianbao")).unwrap_err();
        assert!(bundle_error(missing).message.contains("找不到"));
        let not = BundleError::NotBundle {
            path: path.into(),
            reason: "it is not a zip file".into(),
        };
        assert!(bundle_error(not).message.contains("不是年报的报告文件"));
    }
}
