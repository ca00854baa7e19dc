//! 历史版本: snapshots are taken, deduplicated, pruned, listed and restored — and a restore
//! can itself be undone.

mod common;

use common::{full_report, temp_store};
use nianbao_report::Block;
use nianbao_store::{Missing, SnapshotReason, Store, StoreError};

fn first_paragraph_id(store: &Store, id: i64) -> i64 {
    let report = store.load_report(id).unwrap();
    report.preface[0].id.unwrap()
}

fn preface(store: &Store, id: i64) -> String {
    store.load_report(id).unwrap().preface[0].text.clone()
}

#[test]
fn restore_brings_back_the_text_and_can_be_undone() {
    let (_dir, mut store) = temp_store();
    let id = store.create_report(&full_report()).unwrap();
    let original = preface(&store, id);
    let first = store
        .snapshot(id, SnapshotReason::Opened, None)
        .unwrap()
        .expect("first snapshot");

    let pid = first_paragraph_id(&store, id);
    store.update_block(pid, "改写后的导语。", "").unwrap();
    let named = store
        .snapshot(id, SnapshotReason::Named, Some("送审稿"))
        .unwrap()
        .unwrap();

    store.restore_snapshot(id, first).unwrap();
    assert_eq!(preface(&store, id), original);
    // The paragraph keeps its id: the editor's undo entries stay valid.
    assert_eq!(first_paragraph_id(&store, id), pid);

    let list = store.list_snapshots(id).unwrap();
    assert_eq!(
        list[0].reason,
        SnapshotReason::BeforeRestore,
        "the restore snapshotted first"
    );
    assert_eq!(list[1].id, named);
    assert_eq!(list[1].label.as_deref(), Some("送审稿"));
    store.restore_snapshot(id, list[0].id).unwrap();
    assert_eq!(preface(&store, id), "改写后的导语。", "undoing the restore");
}

#[test]
fn identical_automatic_snapshots_are_not_stored_twice() {
    let (_dir, mut store) = temp_store();
    let id = store.create_report(&full_report()).unwrap();
    assert!(
        store
            .snapshot(id, SnapshotReason::Opened, None)
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .snapshot(id, SnapshotReason::Interval, None)
            .unwrap()
            .is_none()
    );
    // An export is worth recording even when nothing changed.
    assert!(
        store
            .snapshot(id, SnapshotReason::Exported, Some("报告.docx"))
            .unwrap()
            .is_some()
    );
    assert_eq!(store.list_snapshots(id).unwrap().len(), 2);
}

#[test]
fn pruning_keeps_recent_and_named_versions() {
    let (_dir, mut store) = temp_store();
    let id = store.create_report(&full_report()).unwrap();
    let pid = first_paragraph_id(&store, id);
    store
        .snapshot(id, SnapshotReason::Named, Some("定稿"))
        .unwrap();
    for i in 0..45 {
        store
            .update_block(pid, &format!("第{i}次修改。"), "")
            .unwrap();
        store.snapshot(id, SnapshotReason::Interval, None).unwrap();
    }
    let list = store.list_snapshots(id).unwrap();
    // Thirty recent ones, plus the named one; all were taken today, whose newest is among them.
    assert_eq!(list.len(), 31, "{list:?}");
    assert!(list.iter().any(|s| s.label.as_deref() == Some("定稿")));
    let restored = list
        .iter()
        .find(|s| s.reason == SnapshotReason::Interval)
        .unwrap();
    assert_eq!(
        store.load_snapshot(id, restored.id).unwrap().preface[0].text,
        "第44次修改。"
    );
}

#[test]
fn snapshots_are_compact_and_go_with_their_report() {
    let (_dir, mut store) = temp_store();
    let report = nianbao_report::synthetic::report(30);
    let id = store.create_report(&report).unwrap();
    store.snapshot(id, SnapshotReason::Opened, None).unwrap();
    let json = serde_json::to_vec(&report).unwrap().len();
    let stored = store.list_snapshots(id).unwrap()[0].clone();
    assert!(stored.chars > 10_000);
    let loaded = store.load_snapshot(id, stored.id).unwrap();
    assert_eq!(loaded.parts.len(), report.parts.len());
    assert!(matches!(loaded.parts[0].blocks[0], Block::Heading(_)));
    eprintln!("30-page report: {json} bytes of JSON");

    store.trash_report(id).unwrap();
    store.purge_report(id).unwrap();
    assert!(
        store.load_snapshot(id, stored.id).is_err(),
        "purging a report removes its history"
    );
}

#[test]
fn a_snapshot_of_another_report_is_neither_shown_nor_restored() {
    let (_dir, mut store) = temp_store();
    let a = store.create_report(&full_report()).unwrap();
    let mut other = full_report();
    other.preface[0].text = "乙报告的导语。".into();
    let b = store.create_report(&other).unwrap();
    let snap = store
        .snapshot(a, SnapshotReason::Named, Some("甲"))
        .unwrap()
        .unwrap();
    let refused =
        |e: StoreError| matches!(e, StoreError::NotFound(Missing::Snapshot(s)) if s == snap);
    assert!(refused(store.load_snapshot(b, snap).unwrap_err()));
    assert!(refused(store.restore_snapshot(b, snap).unwrap_err()));
    assert_eq!(preface(&store, b), "乙报告的导语。");
    assert_eq!(
        store.load_snapshot(a, snap).unwrap().preface[0].text,
        full_report().preface[0].text
    );
}
