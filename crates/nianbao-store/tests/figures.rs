//! Figures, planned items and the 保密审查 on real database files: values kept exactly,
//! custom figures, links that follow copies and die with their block, 定稿 refused without a
//! current review, a schema-2 file upgraded with its data, and carry-over over three years.

mod common;

use common::{temp_db, temp_store};
use nianbao_report::{
    Block, DocDate, Heading, Paragraph, Report, ReviewState, figures::render, template,
};
use nianbao_store::{
    FigureYear, Missing, Refusal, SnapshotReason, Status, Store, StoreError, migrations_up_to,
};

fn day() -> DocDate {
    DocDate::new(2024, 3, 20).unwrap()
}

fn report(year: u16) -> Report {
    let mut r = Report::from_template(template::default_template(), "某镇人民政府", year);
    r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(
        "全年受理行政复议案件{{数据：reconsideration_cases}}，比去年{{数据：reconsideration_cases|变化}}。",
    ))];
    r
}

fn first_paragraph_id(r: &Report) -> i64 {
    match &r.parts[0].blocks[0] {
        Block::Paragraph(p) => p.id.unwrap(),
        Block::Heading(h) => h.id.unwrap(),
    }
}

/// Last year's report (2022) with `planned` as part 四's headings, and this year's made from
/// it: their ids.
fn carried_over(store: &mut Store, planned: &[&str]) -> (i64, i64) {
    let mut last = report(2022);
    last.parts[3].blocks = planned
        .iter()
        .map(|t| Block::Heading(Heading::new(*t)))
        .collect();
    let last_id = store.create_report(&last).unwrap();
    (last_id, store.create_from_previous(last_id, 2023).unwrap())
}

#[test]
fn values_are_stored_exactly_and_bad_ones_refused() {
    let (_dir, mut store) = temp_store();
    let id = store.create_report(&report(2023)).unwrap();
    let figures = store.figures(id).unwrap();
    assert_eq!(figures.len(), template::default_template().figures.len());
    assert!(figures.iter().all(|f| f.value.is_none()));

    let key = "reconsideration_cases";
    let f = store
        .set_figure_value(id, key, FigureYear::This, Some("６"))
        .unwrap();
    assert_eq!(f.value.as_deref(), Some("6"));
    store
        .set_figure_value(id, key, FigureYear::Last, Some("15.0"))
        .unwrap();
    let loaded = store.load_report(id).unwrap();
    assert_eq!(
        loaded.figure(key).unwrap().last_value.as_deref(),
        Some("15")
    );
    assert!(
        loaded
            .printed_paragraphs()
            .contains(&"全年受理行政复议案件6件，比去年降低60%。".to_string())
    );

    assert!(matches!(
        store.set_figure_value(id, key, FigureYear::This, Some("六件")),
        Err(StoreError::Refused(Refusal::BadValue(m))) if m.contains("not a number")
    ));
    assert!(matches!(
        store.set_figure_value(id, "nope", FigureYear::This, Some("1")),
        Err(StoreError::Refused(Refusal::UnknownFigure(k))) if k == "nope"
    ));
    assert!(matches!(
        store.set_figure_value(99, key, FigureYear::This, Some("1")),
        Err(StoreError::NotFound(Missing::Report(99)))
    ));
    // Refusals leave the values as they were; an empty input clears.
    assert_eq!(store.figures(id).unwrap()[0].value.as_deref(), Some("6"));
    store
        .set_figure_value(id, key, FigureYear::This, Some(" "))
        .unwrap();
    assert_eq!(store.figures(id).unwrap()[0].value, None);
}

#[test]
fn custom_figures_are_added_renamed_and_removed() {
    let (_dir, mut store) = temp_store();
    let id = store.create_report(&report(2023)).unwrap();
    let a = store
        .add_figure(id, "法律顾问合同审查数", "件", "")
        .unwrap();
    let b = store
        .add_figure(id, "领导干部学法次数", "次", "会前学法")
        .unwrap();
    assert_eq!((a.key.as_str(), b.key.as_str()), ("custom_1", "custom_2"));
    assert!(matches!(
        store.add_figure(id, "败诉案件数", "件", ""),
        Err(StoreError::Refused(Refusal::FigureName(_)))
    ));
    assert!(matches!(
        store.add_figure(id, "  ", "件", ""),
        Err(StoreError::Refused(Refusal::FigureName(_)))
    ));
    store
        .rename_figure(id, "custom_1", "合同审查数", "份", "")
        .unwrap();
    assert!(matches!(
        store.rename_figure(id, "lost_cases", "败诉数", "件", ""),
        Err(StoreError::Refused(Refusal::TemplateFigure(_)))
    ));
    assert!(matches!(
        store.remove_figure(id, "lost_cases"),
        Err(StoreError::Refused(Refusal::TemplateFigure(_)))
    ));
    store.remove_figure(id, "custom_1").unwrap();
    let c = store.add_figure(id, "新数据", "个", "").unwrap();
    assert_eq!(c.key, "custom_3", "a removed key is not handed out again");
    let figures = store.figures(id).unwrap();
    let tail: Vec<_> = figures[figures.len() - 2..]
        .iter()
        .map(|f| (f.key.as_str(), f.name.as_str(), f.custom))
        .collect();
    assert_eq!(
        tail,
        [
            ("custom_2", "领导干部学法次数", true),
            ("custom_3", "新数据", true)
        ]
    );
}

#[test]
fn plan_links_follow_copies_restores_and_die_with_their_block() {
    let (_dir, mut store) = temp_store();
    let (last_id, id) = carried_over(&mut store, &["深化依法行政", "加强普法宣传"]);
    let r = store.load_report(id).unwrap();
    assert_eq!(r.plan.len(), 2);
    let block = first_paragraph_id(&r);
    let item = r.plan[0].id.unwrap();
    store.link_plan_item(item, Some(block)).unwrap();
    assert!(matches!(
        store.link_plan_item(
            item,
            Some(first_paragraph_id(&store.load_report(last_id).unwrap()))
        ),
        Err(StoreError::Refused(Refusal::LinkToOtherReport))
    ));
    assert!(matches!(
        store.link_plan_item(9999, None),
        Err(StoreError::NotFound(Missing::PlanItem(9999)))
    ));

    // A copy links its items to its own copies of the blocks.
    let copy_id = store
        .create_report(&store.load_report(id).unwrap())
        .unwrap();
    let copy = store.load_report(copy_id).unwrap();
    assert_eq!(copy.plan[0].block, Some(first_paragraph_id(&copy)));
    assert_ne!(copy.plan[0].block, Some(block));

    // A snapshot brings the link back after it was removed.
    store
        .snapshot(id, SnapshotReason::Named, Some("送审稿"))
        .unwrap();
    let snap = store.list_snapshots(id).unwrap()[0].id;
    store.link_plan_item(item, None).unwrap();
    assert_eq!(store.load_report(id).unwrap().plan[0].block, None);
    store.restore_snapshot(id, snap).unwrap();
    let restored = store.load_report(id).unwrap();
    assert_eq!(restored.plan[0].block, Some(first_paragraph_id(&restored)));
    assert_eq!(restored.figures, r.figures);

    // Deleting the block unlinks the item (ON DELETE SET NULL), the item stays.
    store.delete_block(first_paragraph_id(&restored)).unwrap();
    let after = store.load_report(id).unwrap();
    assert_eq!(after.plan.len(), 2);
    assert_eq!(after.plan[0].block, None);
}

#[test]
fn final_needs_a_review_of_the_current_text() {
    let (_dir, mut store) = temp_store();
    let id = store.create_report(&report(2023)).unwrap();
    assert!(matches!(
        store.set_status(id, Status::Final),
        Err(StoreError::Refused(Refusal::NotReviewed))
    ));
    let review = store.record_review(id, day()).unwrap();
    assert!(review.no_state_secrets && review.no_personal_info && review.no_internal_figures);
    assert_eq!(store.review_state(id).unwrap(), ReviewState::Current);
    // A value a quote prints changes the text: the review no longer covers it.
    store
        .set_figure_value(id, "reconsideration_cases", FigureYear::This, Some("5"))
        .unwrap();
    assert_eq!(store.review_state(id).unwrap(), ReviewState::Stale);
    assert!(matches!(
        store.set_status(id, Status::Final),
        Err(StoreError::Refused(Refusal::ReviewStale))
    ));
    store.record_review(id, day()).unwrap();
    store.set_status(id, Status::Final).unwrap();
    assert_eq!(store.list_reports().unwrap()[0].status, Status::Final);
    // The review survives a reopen of the file, and can be cleared.
    let path = store.path().to_path_buf();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.load_report(id).unwrap().review.unwrap().date, day());
    store.clear_review(id).unwrap();
    assert_eq!(store.review_state(id).unwrap(), ReviewState::Missing);
    store.set_status(id, Status::Draft).unwrap();
}

#[test]
fn a_schema_2_database_keeps_its_data_and_gains_the_template_figures() {
    let (_dir, path) = temp_db();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations_up_to(2).to_latest(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO reports (id, template, issuer, year, attachments, status, created_at, updated_at)
               VALUES (7, 'fazhi-zhengfu', '某镇人民政府', 2023, '[\"统计表\"]', 'final',
                       '2024-03-01T00:00:00.000Z', '2024-03-02T00:00:00.000Z');
             INSERT INTO blocks (id, report_id, parent_id, section, position, kind, statutory, text, body)
               VALUES (1, 7, NULL, 'preface', 0, 'paragraph', NULL, '现将有关情况报告如下：', ''),
                      (2, 7, NULL, 'part', 0, 'part', 'measures', '推进法治政府建设的主要举措和成效', ''),
                      (3, 7, 2, 'body', 0, 'heading', NULL, '强化组织领导', ''),
                      (4, 7, 3, 'body', 0, 'paragraph', NULL, '全年受理行政复议案件5件。', '');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 3);
    let r = store.load_report(7).unwrap();
    assert_eq!(r.meta.attachments, ["统计表"]);
    assert_eq!(r.preface[0].text, "现将有关情况报告如下：");
    let Block::Heading(h) = &r.parts[0].blocks[0] else {
        panic!("heading")
    };
    assert_eq!(h.children.len(), 1);
    assert_eq!(store.list_reports().unwrap()[0].status, Status::Final);
    assert_eq!(
        r.figures.len(),
        template::default_template().figures.len(),
        "the template's figures are added to reports written before them"
    );
    assert!(r.plan.is_empty() && r.review.is_none());
}

#[test]
fn carry_over_across_three_years_in_one_file() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut r2022 = report(2022);
    r2022.parts[3].blocks = vec![
        Block::Paragraph(Paragraph::new("一是深化行政复议体制改革。")),
        Block::Paragraph(Paragraph::new("二是加强普法宣传。")),
    ];
    let id2022 = store.create_report(&r2022).unwrap();
    let key = "reconsideration_cases";
    store
        .set_figure_value(id2022, key, FigureYear::This, Some("15"))
        .unwrap();

    let id2023 = store.create_from_previous(id2022, 2023).unwrap();
    let r2023 = store.load_report(id2023).unwrap();
    let f = r2023.figure(key).unwrap();
    assert_eq!(
        (f.value.as_deref(), f.last_value.as_deref()),
        (None, Some("15"))
    );
    let plan: Vec<_> = r2023
        .plan
        .iter()
        .map(|p| (p.text.as_str(), p.source.as_str()))
        .collect();
    assert_eq!(
        plan,
        [
            ("一是深化行政复议体制改革", "2022年度报告 四、¶1"),
            ("二是加强普法宣传", "2022年度报告 四、¶2")
        ]
    );
    assert_eq!(r2023.parts[3].heading, "2024年度推进法治政府建设的主要安排");
    // The quote prints the unfilled value visibly until the drafter fills it in.
    assert!(
        r2023
            .printed_paragraphs()
            .iter()
            .any(|p| p.contains("〔待填：行政复议案件数〕"))
    );
    store
        .set_figure_value(id2023, key, FigureYear::This, Some("6"))
        .unwrap();
    let r2023 = store.load_report(id2023).unwrap();
    let Block::Paragraph(p) = &r2023.parts[0].blocks[0] else {
        panic!("paragraph")
    };
    assert_eq!(
        render(&p.text, &r2023.figures),
        "全年受理行政复议案件6件，比去年降低60%。"
    );
    let mut with_plans = r2023.clone();
    with_plans.parts[3].blocks = vec![Block::Heading(Heading::new("推进严格规范公正文明执法"))];
    store.replace_report(id2023, &with_plans).unwrap();

    let id2024 = store.create_from_previous(id2023, 2024).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let r2024 = store.load_report(id2024).unwrap();
    let f = r2024.figure(key).unwrap();
    assert_eq!(
        (f.value.as_deref(), f.last_value.as_deref()),
        (None, Some("6"))
    );
    assert_eq!(r2024.plan.len(), 1);
    assert_eq!(r2024.plan[0].text, "推进严格规范公正文明执法");
    assert_eq!(r2024.plan[0].source, "2023年度报告 四、（一）");
    assert_eq!(r2024.parts[3].heading, "2025年度推进法治政府建设的主要安排");
    // Earlier years are untouched.
    assert_eq!(
        store
            .load_report(id2022)
            .unwrap()
            .figure(key)
            .unwrap()
            .value
            .as_deref(),
        Some("15")
    );
    assert_eq!(store.list_reports().unwrap().len(), 3);
}

/// Each planned item's id and the block it is linked to.
fn links(r: &Report) -> Vec<(i64, Option<i64>)> {
    r.plan.iter().map(|p| (p.id.unwrap(), p.block)).collect()
}

/// What undo of a structure edit, 一键修正 and `fix --punctuation` do: replace the report with
/// a copy loaded earlier (ids kept). Links, values and ids set since stay; a link to a block
/// the new content lacks is cleared, its item kept.
#[test]
fn replacing_the_text_keeps_plan_links_figures_and_item_ids() {
    let (_dir, mut store) = temp_store();
    let (_, id) = carried_over(&mut store, &["深化依法行政", "加强普法宣传"]);
    let mut two = store.load_report(id).unwrap();
    two.parts[0]
        .blocks
        .push(Block::Paragraph(Paragraph::new("开展普法活动。")));
    store.replace_report(id, &two).unwrap();
    let earlier = store.load_report(id).unwrap();
    let kept = first_paragraph_id(&earlier);
    let Block::Paragraph(second) = &earlier.parts[0].blocks[1] else {
        panic!("paragraph")
    };
    let gone = second.id.unwrap();
    let items: Vec<i64> = earlier.plan.iter().map(|p| p.id.unwrap()).collect();

    // Linked and filled in after `earlier` was loaded (as an undo stack holds it).
    store.link_plan_item(items[0], Some(kept)).unwrap();
    store.link_plan_item(items[1], Some(gone)).unwrap();
    store
        .set_figure_value(id, "reconsideration_cases", FigureYear::This, Some("6"))
        .unwrap();

    store.replace_report(id, &earlier).unwrap();
    let after = store.load_report(id).unwrap();
    assert_eq!(
        links(&after),
        [(items[0], Some(kept)), (items[1], Some(gone))]
    );
    assert_eq!(
        after
            .figure("reconsideration_cases")
            .unwrap()
            .value
            .as_deref(),
        Some("6")
    );

    // Without the second paragraph: its link is cleared, the item and the other link stay.
    let mut shorter = earlier.clone();
    shorter.parts[0].blocks.truncate(1);
    store.replace_report(id, &shorter).unwrap();
    let after = store.load_report(id).unwrap();
    assert_eq!(links(&after), [(items[0], Some(kept)), (items[1], None)]);
    // Its id comes back with it: undoing the deletion does not bring the link back, but the
    // item can be linked to it again.
    store.replace_report(id, &earlier).unwrap();
    store.link_plan_item(items[1], Some(gone)).unwrap();
    assert_eq!(store.load_report(id).unwrap().plan[1].block, Some(gone));
}

/// A version saved before 数据项 existed holds no figures and no plan: restoring its text
/// must not take the report's figures, planned items or their links away.
#[test]
fn restoring_a_version_from_before_figures_keeps_them() {
    use std::io::Write;

    let (_dir, mut store) = temp_store();
    let (_, id) = carried_over(&mut store, &["深化依法行政"]);
    let r = store.load_report(id).unwrap();
    let block = first_paragraph_id(&r);
    store
        .link_plan_item(r.plan[0].id.unwrap(), Some(block))
        .unwrap();
    store
        .set_figure_value(id, "reconsideration_cases", FigureYear::This, Some("6"))
        .unwrap();
    let now = store.load_report(id).unwrap();

    // The version as an app of schema 2 wrote it: the report's JSON without the three fields.
    let mut json = serde_json::to_value(&now).unwrap();
    for field in ["figures", "plan", "review"] {
        json.as_object_mut().unwrap().remove(field);
    }
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(json.to_string().as_bytes()).unwrap();
    let content = enc.finish().unwrap();
    rusqlite::Connection::open(store.path())
        .unwrap()
        .execute(
            "INSERT INTO snapshots (report_id, reason, label, chars, content)
             VALUES (?1, 'named', '旧版', 0, ?2)",
            rusqlite::params![id, content],
        )
        .unwrap();
    let snap = store.list_snapshots(id).unwrap()[0].id;
    assert!(store.load_snapshot(id, snap).unwrap().figures.is_empty());

    store.restore_snapshot(id, snap).unwrap();
    assert_eq!(store.load_report(id).unwrap(), now);
}
