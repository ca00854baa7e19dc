//! Edits of single blocks: update one row, insert, move and delete with their subtrees,
//! and the structural refusals.

mod common;

use std::{path::Path, thread, time::Duration};

use common::{full_report, shape, temp_store, without_ids};
use nianbao_report::{Block, Heading, Paragraph, Part, Report, synthetic};
use nianbao_store::{Missing, Position, Refusal, Store, StoreError};

type Rows = Vec<(i64, Option<i64>, String, i64, String, String)>;

/// Every block row and every report row, read through a second connection.
fn dump(path: &Path) -> (Rows, Vec<(i64, String, String)>) {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("peek");
    let blocks = conn
        .prepare("SELECT id, parent_id, section, position, text, body FROM blocks ORDER BY id")
        .expect("prepare")
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let reports = conn
        .prepare("SELECT id, issuer, updated_at FROM reports ORDER BY id")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    (blocks, reports)
}

/// Positions run 0, 1, … n-1 in every sibling list.
fn assert_dense(path: &Path) {
    let conn = rusqlite::Connection::open(path).expect("peek");
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM (
                 SELECT count(*) AS n, min(position) AS lo, max(position) AS hi,
                        count(DISTINCT position) AS d
                 FROM blocks GROUP BY report_id, parent_id, section)
             WHERE lo <> 0 OR hi <> n - 1 OR d <> n",
            [],
            |r| r.get(0),
        )
        .expect("check");
    assert_eq!(bad, 0, "every sibling list is numbered 0..n");
}

fn heading_id(blocks: &[Block], text: &str) -> Option<i64> {
    blocks.iter().find_map(|b| match b {
        Block::Heading(h) if h.text == text => h.id,
        Block::Heading(h) => heading_id(&h.children, text),
        Block::Paragraph(p) if p.text == text => p.id,
        Block::Paragraph(_) => None,
    })
}

/// The id of the heading or paragraph with this text, anywhere in the report.
fn id_of(r: &Report, text: &str) -> i64 {
    r.preface
        .iter()
        .find(|p| p.text == text)
        .and_then(|p| p.id)
        .or_else(|| r.parts.iter().find_map(|p| heading_id(&p.blocks, text)))
        .unwrap_or_else(|| panic!("no block {text:?}"))
}

fn setup() -> (tempfile::TempDir, Store, i64, Report) {
    let (dir, mut store) = temp_store();
    let id = store.create_report(&full_report()).expect("create");
    let r = store.load_report(id).expect("load");
    (dir, store, id, r)
}

fn refusal(e: StoreError) -> Refusal {
    match e {
        StoreError::Refused(r) => r,
        other => panic!("expected a refusal, got {other}"),
    }
}

#[test]
fn update_block_changes_exactly_one_row() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("nianbao.db");
    let other = store.create_report(&synthetic::report(10)).expect("other");
    let id = store.create_report(&full_report()).expect("create");
    let r = store.load_report(id).expect("load");
    let target = id_of(&r, "镇党委高度重视。");
    let before = dump(&path);
    thread::sleep(Duration::from_millis(5));

    store
        .update_block(target, "镇党委高度重视法治建设。", "")
        .expect("update");

    let after = dump(&path);
    let changed: Vec<_> = before
        .0
        .iter()
        .zip(&after.0)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0)
        .collect();
    assert_eq!(changed, [target], "one block row");
    assert_eq!(before.0.len(), after.0.len());
    let touched: Vec<_> = before
        .1
        .iter()
        .zip(&after.1)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| {
            assert!(b.2 > a.2, "updated_at moves forward: {} → {}", a.2, b.2);
            a.0
        })
        .collect();
    assert_eq!(touched, [id], "only this report's updated_at");
    assert_ne!(other, id);

    let loaded = store.load_report(id).expect("load");
    assert_eq!(id_of(&loaded, "镇党委高度重视法治建设。"), target);
}

#[test]
fn update_block_writes_as_many_pages_for_10_as_for_100_pages() {
    let (dir, mut store) = temp_store();
    let peek = rusqlite::Connection::open(dir.path().join("nianbao.db")).expect("peek");
    // A FULL checkpoint reports the frames (pages) in the -wal; TRUNCATE then empties it, so
    // the next count holds only what one update wrote.
    let frames = || -> i64 {
        let log = peek
            .query_row("PRAGMA wal_checkpoint(FULL)", [], |r| r.get(1))
            .expect("checkpoint");
        peek.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .expect("truncate");
        log
    };
    let mut written = Vec::new();
    for pages in [10, 100] {
        let id = store
            .create_report(&synthetic::report(pages))
            .expect("create");
        let r = store.load_report(id).expect("load");
        let Some(Block::Heading(item)) = r.parts[0].blocks.get(r.parts[0].blocks.len() / 2) else {
            panic!("items");
        };
        let Some(Block::Paragraph(p)) = item.children.first() else {
            panic!("paragraph")
        };
        // Same length as before, so no page has to split or merge.
        let text = p.text.replacen("坚持", "始终", 1);
        frames();
        store
            .update_block(p.id.expect("id"), &text, "")
            .expect("update");
        written.push(frames());
    }
    eprintln!("pages written per update_block (10, 100 pages): {written:?}");
    assert_eq!(
        written[0], written[1],
        "pages written per update: {written:?}"
    );
    assert!(
        written[0] <= 3,
        "the block's page and the report's page: {written:?}"
    );
}

#[test]
fn update_block_sets_heading_and_part_bodies() {
    let (_dir, mut store, id, r) = setup();
    let heading = id_of(&r, "积极走访企业，稳企解困。");
    store
        .update_block(heading, "走访企业。", "新的正文。")
        .expect("heading");
    let part = r.parts[0].id.expect("part id");
    store
        .update_block(part, "主要举措和成效", "")
        .expect("part");
    let preface = r.preface[0].id.expect("preface id");
    store
        .update_block(preface, "新导语。", "")
        .expect("preface");

    let loaded = store.load_report(id).expect("load");
    assert_eq!(loaded.parts[0].heading, "主要举措和成效");
    assert_eq!(loaded.parts[0].body, "");
    assert_eq!(loaded.preface[0].text, "新导语。");
    let Block::Heading(l2) = &loaded.parts[0].blocks[0] else {
        panic!("heading")
    };
    let Block::Heading(l3) = &l2.children[1] else {
        panic!("heading")
    };
    assert_eq!(
        (l3.text.as_str(), l3.body.as_str()),
        ("走访企业。", "新的正文。")
    );
    assert_eq!(l3.children.len(), 1, "children stay");
}

#[test]
fn update_block_refuses_a_body_for_a_paragraph_and_unknown_ids() {
    let (_dir, mut store, id, r) = setup();
    let p = id_of(&r, "镇党委高度重视。");
    let e = store
        .update_block(p, "改了", "正文")
        .expect_err("paragraph body");
    assert_eq!(refusal(e), Refusal::ParagraphBody);
    assert_eq!(store.load_report(id).expect("load"), r, "nothing changed");
    assert!(matches!(
        store.update_block(999_999, "x", ""),
        Err(StoreError::NotFound(Missing::Block(999_999)))
    ));
}

#[test]
fn insert_places_blocks_with_their_subtrees() {
    let (dir, mut store, id, r) = setup();
    let part0 = r.parts[0].id.expect("part");
    let l2 = id_of(&r, "强化组织领导，引领政治建设");

    store
        .insert_block(
            Position::Preface {
                report_id: id,
                index: 1,
            },
            &Block::Paragraph(Paragraph::new("插入的导语。")),
        )
        .expect("preface");
    let mut item = Heading::new("新的二级标题");
    let mut sub = Heading::new("新的三级标题。");
    sub.children
        .push(Block::Heading(Heading::new("新的四级标题。")));
    item.children.push(Block::Heading(sub));
    item.children
        .push(Block::Paragraph(Paragraph::new("新段落。")));
    let new = store
        .insert_block(
            Position::InPart {
                part_id: part0,
                index: 0,
            },
            &Block::Heading(item),
        )
        .expect("heading with subtree");
    store
        .insert_block(
            Position::InHeading {
                heading_id: l2,
                index: 2,
            },
            &Block::Paragraph(Paragraph::new("末尾段落。")),
        )
        .expect("append under a heading");

    let loaded = store.load_report(id).expect("load");
    let texts: Vec<_> = loaded.preface.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "2023年，长子营镇坚持以习近平法治思想为指导。",
            "插入的导语。",
            "现将有关情况报告如下："
        ]
    );
    assert_eq!(
        shape(&loaded.parts[0].blocks),
        "新的二级标题(新的三级标题。(新的四级标题。) 新段落。) \
         强化组织领导，引领政治建设(镇党委高度重视。 积极走访企业，稳企解困。(建立台账。) 末尾段落。)"
    );
    assert_eq!(id_of(&loaded, "新的二级标题"), new);
    assert_dense(&dir.path().join("nianbao.db"));
}

#[test]
fn insert_refuses_what_cannot_be_numbered() {
    let (_dir, mut store, id, r) = setup();
    let part0 = r.parts[0].id.expect("part");
    let l3 = id_of(&r, "积极走访企业，稳企解困。");
    let l4 = id_of(&r, "建立台账。");
    let para = id_of(&r, "镇党委高度重视。");
    let heading = Block::Heading(Heading::new("标题"));
    let mut two_levels = Heading::new("标题");
    two_levels
        .children
        .push(Block::Heading(Heading::new("子标题")));
    let two_levels = Block::Heading(two_levels);

    let at = |heading_id, index| Position::InHeading { heading_id, index };
    // A heading under level 4 would be level 5.
    assert_eq!(
        refusal(store.insert_block(at(l4, 0), &heading).expect_err("5")),
        Refusal::TooDeep
    );
    // Level 4 itself is fine, but not with a child.
    store.insert_block(at(l3, 0), &heading).expect("level 4");
    assert_eq!(
        refusal(store.insert_block(at(l3, 0), &two_levels).expect_err("5")),
        Refusal::TooDeep
    );
    assert_eq!(
        refusal(
            store
                .insert_block(at(para, 0), &heading)
                .expect_err("under a paragraph")
        ),
        Refusal::UnderParagraph(para)
    );
    assert_eq!(
        refusal(
            store
                .insert_block(
                    Position::Preface {
                        report_id: id,
                        index: 0
                    },
                    &heading
                )
                .expect_err("heading in preface")
        ),
        Refusal::HeadingInPreface
    );
    assert_eq!(
        refusal(
            store
                .insert_block(
                    Position::InPart {
                        part_id: part0,
                        index: 9
                    },
                    &heading
                )
                .expect_err("index")
        ),
        Refusal::IndexOutOfRange { index: 9, len: 1 }
    );
    assert_eq!(
        refusal(
            store
                .insert_block(
                    Position::InPart {
                        part_id: l3,
                        index: 0
                    },
                    &heading
                )
                .expect_err("not a part")
        ),
        Refusal::WrongKind {
            id: l3,
            expected: "part"
        }
    );
    assert!(matches!(
        store.insert_block(
            Position::Preface {
                report_id: 999,
                index: 0
            },
            &heading
        ),
        Err(StoreError::NotFound(Missing::Report(999)))
    ));
    let loaded = store.load_report(id).expect("load");
    assert_eq!(
        shape(&loaded.parts[0].blocks),
        "强化组织领导，引领政治建设(镇党委高度重视。 积极走访企业，稳企解困。(标题 建立台账。))",
        "only the allowed insert happened"
    );
}

#[test]
fn move_reorders_and_reparents() {
    let (dir, mut store, id, r) = setup();
    let path = dir.path().join("nianbao.db");
    let part0 = r.parts[0].id.expect("part 0");
    let part1 = r.parts[1].id.expect("part 1");
    let l2 = id_of(&r, "强化组织领导，引领政治建设");
    let l3 = id_of(&r, "积极走访企业，稳企解困。");
    let para = id_of(&r, "镇党委高度重视。");

    // Reorder within one heading: the paragraph goes after the level-3 heading.
    store
        .move_block(
            para,
            Position::InHeading {
                heading_id: l2,
                index: 1,
            },
        )
        .expect("reorder");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(
        shape(&loaded.parts[0].blocks),
        "强化组织领导，引领政治建设(积极走访企业，稳企解困。(建立台账。) 镇党委高度重视。)"
    );
    assert_dense(&path);

    // Up a level: the level-3 heading (with its level-4 child) becomes level 2 in part 二.
    store
        .move_block(
            l3,
            Position::InPart {
                part_id: part1,
                index: 1,
            },
        )
        .expect("reparent");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(
        shape(&loaded.parts[0].blocks),
        "强化组织领导，引领政治建设(镇党委高度重视。)"
    );
    assert_eq!(
        shape(&loaded.parts[1].blocks),
        "一是……二是…… 积极走访企业，稳企解困。(建立台账。)"
    );
    assert_dense(&path);

    // A paragraph into the preface, at its end.
    store
        .move_block(
            para,
            Position::Preface {
                report_id: id,
                index: 2,
            },
        )
        .expect("to preface");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(
        loaded.preface.last().map(|p| p.text.as_str()),
        Some("镇党委高度重视。")
    );
    assert_eq!(shape(&loaded.parts[0].blocks), "强化组织领导，引领政治建设");
    assert_dense(&path);

    // And back down: the heading goes under the level-2 heading of part 一 again.
    store
        .move_block(
            l3,
            Position::InHeading {
                heading_id: l2,
                index: 0,
            },
        )
        .expect("down again");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(
        shape(&loaded.parts[0].blocks),
        "强化组织领导，引领政治建设(积极走访企业，稳企解困。(建立台账。))"
    );
    assert_eq!(
        id_of(&loaded, "积极走访企业，稳企解困。"),
        l3,
        "ids survive moves"
    );
    assert_eq!(part0, loaded.parts[0].id.expect("id"));
    assert_dense(&path);
}

#[test]
fn move_refuses_cycles_depth_and_misplacement() {
    let (_dir, mut store, id, r) = setup();
    let part0 = r.parts[0].id.expect("part");
    let l2 = id_of(&r, "强化组织领导，引领政治建设");
    let l3 = id_of(&r, "积极走访企业，稳企解困。");
    let l4 = id_of(&r, "建立台账。");
    let para = id_of(&r, "镇党委高度重视。");
    let at = |heading_id, index| Position::InHeading { heading_id, index };

    assert_eq!(
        refusal(
            store
                .move_block(l2, at(l4, 0))
                .expect_err("into own subtree")
        ),
        Refusal::IntoOwnSubtree
    );
    assert_eq!(
        refusal(store.move_block(l2, at(l2, 0)).expect_err("into itself")),
        Refusal::IntoOwnSubtree
    );
    // l2 spans three levels (2, 3, 4); under another level-2 heading it would reach 5.
    let sibling = store
        .insert_block(
            Position::InPart {
                part_id: part0,
                index: 1,
            },
            &Block::Heading(Heading::new("另一个")),
        )
        .expect("sibling");
    assert_eq!(
        refusal(store.move_block(l2, at(sibling, 0)).expect_err("too deep")),
        Refusal::TooDeep
    );
    store.delete_block(sibling).expect("delete sibling");
    // l3 spans two levels (3, 4); under another level-3 heading it would reach 5.
    let cousin = store
        .insert_block(at(l2, 0), &Block::Heading(Heading::new("另一个三级")))
        .expect("cousin");
    assert_eq!(
        refusal(store.move_block(l3, at(cousin, 0)).expect_err("too deep")),
        Refusal::TooDeep
    );
    store.delete_block(cousin).expect("delete cousin");
    assert_eq!(
        refusal(store.move_block(l3, at(l3, 0)).expect_err("self")),
        Refusal::IntoOwnSubtree
    );
    assert_eq!(
        refusal(store.move_block(l2, at(para, 0)).expect_err("under ¶")),
        Refusal::UnderParagraph(para)
    );
    assert_eq!(
        refusal(
            store
                .move_block(
                    l3,
                    Position::Preface {
                        report_id: id,
                        index: 0
                    }
                )
                .expect_err("preface")
        ),
        Refusal::HeadingInPreface
    );
    assert_eq!(
        refusal(store.move_block(part0, at(l2, 0)).expect_err("part")),
        Refusal::PartAsBlock(part0)
    );
    assert_eq!(
        refusal(store.move_block(para, at(l2, 2)).expect_err("index")),
        Refusal::IndexOutOfRange { index: 2, len: 1 }
    );
    let other = store.create_report(&full_report()).expect("other");
    assert_eq!(
        refusal(
            store
                .move_block(
                    para,
                    Position::Preface {
                        report_id: other,
                        index: 0
                    }
                )
                .expect_err("other")
        ),
        Refusal::OtherReport
    );
    assert_eq!(store.load_report(id).expect("load"), r, "nothing moved");
}

#[test]
fn delete_removes_the_subtree_and_closes_the_gap() {
    let (dir, mut store, id, r) = setup();
    let path = dir.path().join("nianbao.db");
    let l3 = id_of(&r, "积极走访企业，稳企解困。");
    let l4 = id_of(&r, "建立台账。");
    store.delete_block(l3).expect("delete");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(
        shape(&loaded.parts[0].blocks),
        "强化组织领导，引领政治建设(镇党委高度重视。)"
    );
    for gone in [l3, l4] {
        assert!(matches!(
            store.delete_block(gone),
            Err(StoreError::NotFound(Missing::Block(_)))
        ));
    }
    store
        .delete_block(r.preface[0].id.expect("id"))
        .expect("preface");
    let part2 = r.parts[2].id.expect("part 三");
    store.delete_block(part2).expect("a whole part");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(loaded.preface.len(), 1);
    assert_eq!(loaded.parts.len(), r.parts.len() - 1);
    assert_eq!(loaded.parts[2].heading, r.parts[3].heading);
    assert_dense(&path);
}

#[test]
fn parts_insert_and_move() {
    let (dir, mut store, id, r) = setup();
    let mut part = Part::new("专项工作情况");
    let mut h = Heading::new("二级");
    let mut h3 = Heading::new("三级");
    h3.children.push(Block::Heading(Heading::new("四级")));
    h.children.push(Block::Heading(h3));
    part.blocks.push(Block::Heading(h));
    let new = store.insert_part(id, 1, &part).expect("insert part");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(without_ids(&loaded.clone()).parts[1], part);
    assert_eq!(loaded.parts[1].id, Some(new));
    assert_eq!(loaded.parts.len(), r.parts.len() + 1);

    store
        .move_part(new, loaded.parts.len() - 1)
        .expect("to the end");
    let loaded = store.load_report(id).expect("load");
    assert_eq!(loaded.parts.last().and_then(|p| p.id), Some(new));
    assert_eq!(loaded.parts[1].heading, r.parts[1].heading);
    store.move_part(new, 0).expect("to the front");
    assert_eq!(store.load_report(id).expect("load").parts[0].id, Some(new));
    assert_dense(&dir.path().join("nianbao.db"));

    // A part's blocks may span levels 2–4 only.
    let mut deep = part.clone();
    let Block::Heading(h) = &mut deep.blocks[0] else {
        panic!("heading")
    };
    let Block::Heading(h3) = &mut h.children[0] else {
        panic!("heading")
    };
    let Block::Heading(h4) = &mut h3.children[0] else {
        panic!("heading")
    };
    h4.children.push(Block::Heading(Heading::new("五级")));
    assert_eq!(
        refusal(store.insert_part(id, 0, &deep).expect_err("deep")),
        Refusal::TooDeep
    );
    assert_eq!(
        refusal(store.insert_part(id, 99, &part).expect_err("index")),
        Refusal::IndexOutOfRange {
            index: 99,
            len: r.parts.len() + 1
        }
    );
    let l2 = id_of(&r, "强化组织领导，引领政治建设");
    assert_eq!(
        refusal(store.move_part(l2, 0).expect_err("not a part")),
        Refusal::WrongKind {
            id: l2,
            expected: "part"
        }
    );
}
