//! A report with its status and named versions leaves one database and arrives whole in
//! another, under new ids, in one transaction.

mod common;

use common::{full_report, temp_store, without_ids};
use nianbao_store::{KeptVersion, SnapshotReason, Status};

#[test]
fn a_report_moves_with_status_and_named_versions_only() {
    let (_a, mut from) = temp_store();
    // 定稿 from the start (set_status would ask for the 保密审查 first).
    let id = from
        .transfer_in(&full_report(), Status::Final, &[])
        .unwrap();
    from.snapshot(id, SnapshotReason::Opened, None).unwrap();
    from.snapshot(id, SnapshotReason::Named, Some("送审稿"))
        .unwrap();
    let pid = from.load_report(id).unwrap().preface[0].id.unwrap();
    from.update_block(pid, "定稿时改过的导语。", "").unwrap();
    from.snapshot(id, SnapshotReason::Named, Some("定稿"))
        .unwrap();
    from.snapshot(id, SnapshotReason::Exported, Some("报告.docx"))
        .unwrap();

    let out = from.transfer_out(id).unwrap();
    assert_eq!(out.status, Status::Final);
    let labels: Vec<_> = out.versions.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(
        labels,
        ["送审稿", "定稿"],
        "named versions only, oldest first"
    );
    assert_eq!(
        out.versions[0].report.preface[0].text,
        full_report().preface[0].text
    );
    assert!(
        out.read_at.ends_with('Z') && out.read_at.len() >= 20,
        "{}",
        out.read_at
    );

    let (_b, mut to) = temp_store();
    to.create_report(&full_report()).unwrap();
    let new_id = to
        .transfer_in(&out.report, out.status, &out.versions)
        .unwrap();
    let back = to.load_report(new_id).unwrap();
    assert_eq!(without_ids(&back), without_ids(&out.report));
    assert_eq!(to.list_reports().unwrap()[0].status, Status::Final);
    let listed = to.list_snapshots(new_id).unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|s| s.reason == SnapshotReason::Named));
    assert_eq!(listed[1].created_at, out.versions[0].created_at);
    let again = to.transfer_out(new_id).unwrap();
    assert_eq!(again.versions, out.versions);
}

#[test]
fn an_invalid_version_stores_nothing() {
    let (_dir, mut store) = temp_store();
    let mut broken = full_report();
    broken.meta.issuer = " ".into();
    let versions = [KeptVersion {
        label: "送审稿".into(),
        created_at: "2024-03-01T08:00:00.000Z".into(),
        report: broken,
    }];
    assert!(
        store
            .transfer_in(&full_report(), Status::Draft, &versions)
            .is_err()
    );
    assert!(store.list_reports().unwrap().is_empty());
}
