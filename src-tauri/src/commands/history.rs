//! 历史版本: the snapshots of a report — list, view, compare with the current text, restore,
//! name — and the automatic ones the window asks for (opened, every ten minutes).

use nianbao_report::{Report, ReportDiff, diff_reports};
use nianbao_store::{SnapshotReason, SnapshotSummary, Store};
use tauri::State;

use crate::{error::IpcError, state::AppState};

type Result<T> = std::result::Result<T, IpcError>;

/// The longest version name, in characters.
const LABEL_MAX: usize = 40;

/// The snapshots of a report, newest first.
#[tauri::command]
pub fn list_snapshots(state: State<'_, AppState>, report_id: i64) -> Result<Vec<SnapshotSummary>> {
    Ok(state.store()?.list_snapshots(report_id)?)
}

/// A version as it printed (查看): figure placeholders as the values it held; only a version
/// of `report_id` is shown.
#[tauri::command]
pub fn load_snapshot(
    state: State<'_, AppState>,
    report_id: i64,
    snapshot_id: i64,
) -> Result<Report> {
    printed_version(&*state.store()?, report_id, snapshot_id)
}

/// Snapshot `snapshot_id` with every placeholder replaced by the text the export printed.
fn printed_version(store: &Store, report_id: i64, snapshot_id: i64) -> Result<Report> {
    Ok(store.load_snapshot(report_id, snapshot_id)?.resolved())
}

/// 对比: the version against the report's current text, paragraph by paragraph as printed.
#[tauri::command]
pub fn compare_snapshot(
    state: State<'_, AppState>,
    report_id: i64,
    snapshot_id: i64,
) -> Result<ReportDiff> {
    let (older, newer) = {
        let store = state.store()?;
        (
            store.load_snapshot(report_id, snapshot_id)?,
            store.load_report(report_id)?,
        )
    };
    // The store is free again while the paragraphs are compared.
    Ok(diff_reports(&older, &newer))
}

/// 恢复此版本: the current state is snapshotted first (恢复前), then the version replaces it.
#[tauri::command]
pub fn restore_snapshot(
    state: State<'_, AppState>,
    report_id: i64,
    snapshot_id: i64,
) -> Result<Report> {
    let mut store = state.store()?;
    store.restore_snapshot(report_id, snapshot_id)?;
    Ok(store.load_report(report_id)?)
}

/// 保存为命名版本 (送审稿, 定稿, …); returns the new snapshot's id.
#[tauri::command]
pub fn name_version(state: State<'_, AppState>, report_id: i64, label: String) -> Result<i64> {
    let label = version_label(&label)?;
    state
        .store()?
        .snapshot(report_id, SnapshotReason::Named, Some(&label))?
        .ok_or_else(|| IpcError::new("未能保存该版本，请重试。", "a named snapshot was skipped"))
}

/// The automatic snapshots the window takes: when a report is opened and every ten minutes
/// of editing. `None` when nothing changed since the newest snapshot.
#[tauri::command]
pub fn take_snapshot(
    state: State<'_, AppState>,
    report_id: i64,
    reason: SnapshotReason,
) -> Result<Option<i64>> {
    if !is_automatic(reason) {
        return Err(IpcError::new(
            "程序内部出错，请重试；如果反复出现，请联系技术支持。",
            format!("take_snapshot does not take {reason:?} snapshots"),
        ));
    }
    Ok(state.store()?.snapshot(report_id, reason, None)?)
}

/// Snapshots the window may take by itself; named, exported and before-restore ones come
/// with the action that makes them.
fn is_automatic(reason: SnapshotReason) -> bool {
    matches!(
        reason,
        SnapshotReason::Opened | SnapshotReason::Interval | SnapshotReason::BeforeChange
    )
}

/// A version name, trimmed, not empty, at most [`LABEL_MAX`] characters, on one line.
fn version_label(label: &str) -> Result<String> {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.is_empty() {
        return Err(IpcError::new(
            "请填写版本名称，例如“送审稿”。",
            "empty label",
        ));
    }
    if label.chars().count() > LABEL_MAX {
        return Err(IpcError::new(
            format!("版本名称最多 {LABEL_MAX} 个字。"),
            "label too long",
        ));
    }
    Ok(label)
}

#[cfg(test)]
mod tests {
    use nianbao_report::{Block, Paragraph, ParagraphDiff, SpanKind, template};
    use nianbao_store::FigureYear;

    use super::*;

    #[test]
    fn a_version_shows_and_compares_the_values_it_printed() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(
            "全年受理行政复议案件{{数据：reconsideration_cases}}，比去年{{数据：reconsideration_cases|变化}}。",
        ))];
        let id = store.create_report(&r).unwrap();
        let key = "reconsideration_cases";
        store
            .set_figure_value(id, key, FigureYear::Last, Some("15"))
            .unwrap();
        store
            .set_figure_value(id, key, FigureYear::This, Some("6"))
            .unwrap();
        let snap = store
            .snapshot(id, SnapshotReason::Named, Some("送审稿"))
            .unwrap()
            .unwrap();
        store
            .set_figure_value(id, key, FigureYear::This, Some("9"))
            .unwrap();

        let version = printed_version(&store, id, snap).unwrap();
        let Block::Paragraph(p) = &version.parts[0].blocks[0] else {
            panic!("paragraph")
        };
        assert_eq!(p.text, "全年受理行政复议案件6件，比去年降低60%。");

        // 对比 (compare_snapshot's path): the printed texts, the changed value marked.
        let diff = diff_reports(
            &store.load_snapshot(id, snap).unwrap(),
            &store.load_report(id).unwrap(),
        );
        let changed: Vec<(String, String)> = diff
            .paragraphs
            .iter()
            .filter_map(|d| match d {
                ParagraphDiff::Changed { spans } => {
                    let side = |skip: SpanKind| -> String {
                        spans
                            .iter()
                            .filter(|s| s.kind != skip)
                            .map(|s| s.text.as_str())
                            .collect()
                    };
                    Some((side(SpanKind::Added), side(SpanKind::Removed)))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            changed,
            [(
                "全年受理行政复议案件6件，比去年降低60%。".to_string(),
                "全年受理行政复议案件9件，比去年降低40%。".to_string()
            )]
        );
    }

    #[test]
    fn version_names_are_trimmed_and_bounded() {
        assert_eq!(version_label("  送审稿 ").unwrap(), "送审稿");
        assert_eq!(
            version_label("定稿\n（第二次）").unwrap(),
            "定稿 （第二次）"
        );
        assert!(
            version_label(" \t")
                .unwrap_err()
                .message
                .contains("请填写版本名称")
        );
        assert!(version_label(&"稿".repeat(41)).is_err());
        assert!(version_label(&"稿".repeat(40)).is_ok());
    }

    #[test]
    fn only_automatic_snapshots_are_taken_on_request() {
        assert!(is_automatic(SnapshotReason::Opened));
        assert!(is_automatic(SnapshotReason::Interval));
        assert!(!is_automatic(SnapshotReason::Named));
        assert!(!is_automatic(SnapshotReason::Exported));
        assert!(!is_automatic(SnapshotReason::BeforeRestore));
    }
}
