//! Whole reports: create → load round trips, meta, the list, status and the trash.

mod common;

use std::{thread, time::Duration};

use common::{full_report, temp_store, without_ids};
use nianbao_report::{Block, Meta, Paragraph, Report, synthetic};
use nianbao_store::{Missing, Refusal, Status, StoreError};

/// Every id in the tree, in document order.
fn ids(r: &Report) -> Vec<i64> {
    fn blocks(bs: &[Block], out: &mut Vec<i64>) {
        for b in bs {
            match b {
                Block::Paragraph(p) => out.extend(p.id),
                Block::Heading(h) => {
                    out.extend(h.id);
                    blocks(&h.children, out);
                }
            }
        }
    }
    let mut out: Vec<i64> = r.preface.iter().filter_map(|p| p.id).collect();
    for part in &r.parts {
        out.extend(part.id);
        blocks(&part.blocks, &mut out);
    }
    out
}

fn count_blocks(r: &Report) -> usize {
    fn blocks(bs: &[Block]) -> usize {
        bs.iter()
            .map(|b| match b {
                Block::Paragraph(_) => 1,
                Block::Heading(h) => 1 + blocks(&h.children),
            })
            .sum()
    }
    r.preface.len() + r.parts.iter().map(|p| 1 + blocks(&p.blocks)).sum::<usize>()
}

#[test]
fn a_synthetic_report_round_trips() {
    let (_dir, mut store) = temp_store();
    let report = synthetic::report(30);
    let id = store.create_report(&report).expect("create");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(without_ids(&loaded), report);
    let all = ids(&loaded);
    assert_eq!(all.len(), count_blocks(&report), "every row has its id");
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len());
}

#[test]
fn every_meta_field_round_trips() {
    let (_dir, mut store) = temp_store();
    let report = full_report();
    let id = store.create_report(&report).expect("create");
    assert_eq!(without_ids(&store.load_report(id).expect("load")), report);

    let mut meta = Meta::new("某县司法局", 2024);
    meta.template = report.meta.template.clone();
    store.update_meta(id, &meta).expect("update meta");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(loaded.meta, meta, "cleared fields come back cleared");
    assert_eq!(loaded.parts, store.load_report(id).expect("load").parts);
}

#[test]
fn invalid_reports_and_meta_are_refused() {
    let (_dir, mut store) = temp_store();
    let mut r = full_report();
    r.meta.issuer = "  ".into();
    assert!(matches!(
        store.create_report(&r),
        Err(StoreError::Invalid(_))
    ));
    let id = store.create_report(&full_report()).expect("create");
    let mut meta = full_report().meta;
    meta.year = 1800;
    assert!(matches!(
        store.update_meta(id, &meta),
        Err(StoreError::Invalid(_))
    ));
    assert!(store.list_reports().expect("list").len() == 1);
}

#[test]
fn missing_ids_are_named() {
    let (_dir, mut store) = temp_store();
    let err = store.load_report(42).expect_err("no report");
    assert!(matches!(err, StoreError::NotFound(Missing::Report(42))));
    assert_eq!(err.to_string(), "no report with id 42");
    assert!(matches!(
        store.set_status(42, Status::Final),
        Err(StoreError::NotFound(Missing::Report(42)))
    ));
    assert!(matches!(
        store.update_meta(42, &full_report().meta),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.replace_report(42, &full_report()),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn the_list_is_ordered_and_prints_as_json() {
    let (_dir, mut store) = temp_store();
    let mut old = full_report();
    old.meta.year = 2022;
    let a = store.create_report(&old).expect("a");
    let b = store.create_report(&synthetic::report(2)).expect("b");
    thread::sleep(Duration::from_millis(5));
    let c = store.create_report(&synthetic::report(1)).expect("c");
    let list = store.list_reports().expect("list");
    // 2023 before 2022; within 2023 the most recently edited first.
    assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), [c, b, a]);

    thread::sleep(Duration::from_millis(5));
    let first_paragraph = store.load_report(b).expect("load").preface[0]
        .id
        .expect("id");
    store
        .update_block(first_paragraph, "改过的导语。", "")
        .expect("edit");
    let list = store.list_reports().expect("list");
    assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), [b, c, a]);

    let s = &list[2];
    assert_eq!(s.title, "长子营镇2023年法治政府建设\n年度情况报告");
    assert_eq!(s.issuer, "北京市大兴区长子营镇人民政府");
    assert_eq!((s.year, s.status), (2022, Status::Draft));
    assert!(
        s.updated_at.ends_with('Z') && s.updated_at.contains('T'),
        "{}",
        s.updated_at
    );
    assert!(s.chars > 50, "{}", s.chars);
    assert_eq!(
        list[0].title,
        "某市某区某镇人民政府2023年法治政府建设年度情况报告"
    );

    let json = serde_json::to_value(&list[0]).expect("json");
    for field in [
        "id",
        "issuer",
        "year",
        "title",
        "status",
        "created_at",
        "updated_at",
    ] {
        assert!(json.get(field).is_some(), "{field} in {json}");
    }
    assert_eq!(json["status"], "draft");
    assert!(json.get("deleted_at").is_none());
}

#[test]
fn status_moves_between_draft_and_final() {
    let (_dir, mut store) = temp_store();
    let id = store.create_report(&full_report()).expect("create");
    // 定稿 needs the 保密审查 first (tests/figures.rs covers the refusals).
    store
        .record_review(id, nianbao_report::DocDate::new(2024, 3, 20).expect("date"))
        .expect("review");
    store.set_status(id, Status::Final).expect("final");
    assert_eq!(store.list_reports().expect("list")[0].status, Status::Final);
    assert_eq!(
        serde_json::to_string(&Status::Final).expect("json"),
        "\"final\""
    );
    assert_eq!(Status::Final.label(), "定稿");
    store.set_status(id, Status::Draft).expect("draft");
    assert_eq!(store.list_reports().expect("list")[0].status, Status::Draft);
}

#[test]
fn the_trash_holds_reports_until_purged() {
    let (_dir, mut store) = temp_store();
    let keep = store.create_report(&synthetic::report(1)).expect("keep");
    let gone = store.create_report(&full_report()).expect("gone");

    assert!(matches!(
        store.purge_report(gone),
        Err(StoreError::Refused(Refusal::NotInTrash(_)))
    ));
    store.trash_report(gone).expect("trash");
    store
        .trash_report(gone)
        .expect("trashing twice is harmless");
    assert_eq!(store.list_reports().expect("list").len(), 1);
    let trash = store.list_trash().expect("trash");
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, gone);
    assert!(trash[0].deleted_at.is_some());
    // A report in the trash can still be opened (to look before restoring).
    store.load_report(gone).expect("load from trash");

    store.restore_report(gone).expect("restore");
    assert_eq!(store.list_reports().expect("list").len(), 2);
    assert!(store.list_trash().expect("trash").is_empty());

    store.trash_report(gone).expect("trash");
    store.purge_report(gone).expect("purge");
    assert!(matches!(
        store.load_report(gone),
        Err(StoreError::NotFound(Missing::Report(_)))
    ));
    assert!(matches!(
        store.purge_report(gone),
        Err(StoreError::NotFound(_))
    ));
    assert!(store.list_trash().expect("trash").is_empty());
    store
        .load_report(keep)
        .expect("the other report is untouched");
}

#[test]
fn purging_removes_every_row_of_the_report() {
    let (dir, mut store) = temp_store();
    let id = store.create_report(&synthetic::report(5)).expect("create");
    let other = store.create_report(&full_report()).expect("other");
    store.trash_report(id).expect("trash");
    store.purge_report(id).expect("purge");
    let conn = rusqlite::Connection::open(dir.path().join("nianbao.db")).expect("peek");
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM blocks WHERE report_id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(left, 0);
    let others: i64 = conn
        .query_row(
            "SELECT count(*) FROM blocks WHERE report_id = ?1",
            [other],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(others as usize, count_blocks(&full_report()));
}

#[test]
fn replace_swaps_the_whole_tree_and_keeps_free_ids() {
    let (_dir, mut store) = temp_store();
    let id = store.create_report(&full_report()).expect("create");
    let before = store.load_report(id).expect("load");

    // A big edit, then its undo with the snapshot taken before it.
    let mut edited = synthetic::report(3);
    edited.meta.issuer = "另一机关".into();
    store.replace_report(id, &edited).expect("replace");
    let after = store.load_report(id).expect("load");
    assert_eq!(without_ids(&after), edited);

    store.replace_report(id, &before).expect("undo");
    let undone = store.load_report(id).expect("load");
    assert_eq!(undone, before, "the snapshot comes back with its own ids");

    // A copy of another report cannot take that report's ids.
    let copy = store.create_report(&before).expect("copy");
    let copied = store.load_report(copy).expect("load copy");
    assert_eq!(without_ids(&copied), without_ids(&before));
    assert!(ids(&copied).iter().all(|i| !ids(&before).contains(i)));
    // An id used twice in one tree is kept once; the second block gets a new one.
    let mut twice = before.clone();
    twice.preface.push(Paragraph {
        id: before.preface[0].id,
        text: "同号段落".into(),
    });
    store
        .replace_report(id, &twice)
        .expect("replace with a repeated id");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(without_ids(&loaded), without_ids(&twice));
    assert_eq!(loaded.preface[0].id, before.preface[0].id);
    assert_ne!(loaded.preface[2].id, before.preface[0].id);
    assert_eq!(
        store.load_report(copy).expect("load"),
        copied,
        "the copy is untouched"
    );
}
