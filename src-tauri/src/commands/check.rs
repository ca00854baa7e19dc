//! 检查: the checker over the report as stored, and 一键修正 — its safe fixes applied in one
//! transaction after a 批量修改前 version. A fix is named by a hash of what it changes, so an
//! id the current text no longer yields means the text changed since the check. A re-check
//! sends the findings and fix ids only; the previews (whole paragraphs, before → after) are
//! fetched when 一键修正 or 修正… opens.

use std::{
    collections::HashMap,
    hash::{DefaultHasher, Hash, Hasher},
};

use nianbao_check::{Finding, Fix, Location, Rule, Severity};
use nianbao_report::{DocDate, Report, Span, SpanKind, diff::char_spans};
use nianbao_store::{SnapshotReason, Store};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::{error::IpcError, state::AppState};

type Result<T> = std::result::Result<T, IpcError>;

/// The label of the version kept before fixes are applied.
const BEFORE_FIX_LABEL: &str = "一键修正";

/// One finding as the 检查 panel lists it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CheckFinding {
    /// Where it is: the block (by id), which of its texts, the characters.
    pub location: Location,
    /// 错误, 警告 or 提示.
    pub severity: Severity,
    /// Which check found it.
    pub rule: Rule,
    /// The rule's name in the panel (半角标点, 数据核对, …).
    pub rule_label: String,
    /// For the drafter, in Chinese.
    pub message: String,
    /// The id of the fix that corrects it, one of [`CheckOutcome::fix_ids`].
    pub fix: Option<String>,
}

/// A safe correction as 一键修正 previews it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FixPreview {
    /// What [`preview_fixes`] and [`apply_fixes`] take.
    pub id: String,
    /// The text it rewrites (no range: the whole text).
    pub location: Location,
    /// It adds a paragraph at the end of the part instead of rewriting a text.
    pub adds_paragraph: bool,
    /// The text, before and after in one stream of runs: same, removed, added.
    pub text: Vec<Span>,
    /// The run-in body likewise; empty when it has none.
    pub body: Vec<Span>,
    /// How many findings it corrects.
    pub findings: usize,
}

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CheckCounts {
    /// 错误.
    pub errors: usize,
    /// 警告.
    pub warnings: usize,
    /// 提示.
    pub hints: usize,
}

/// A check of the report as stored.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CheckOutcome {
    /// In document order.
    pub findings: Vec<CheckFinding>,
    /// The id of every distinct safe fix, in document order: what 一键修正 previews.
    pub fix_ids: Vec<String>,
    /// The findings counted by severity.
    pub counts: CheckCounts,
}

/// Which fixes to apply.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FixSelection {
    /// These fixes of an earlier [`CheckOutcome`], all of them or none.
    Ids {
        /// Fix ids as the check gave them.
        ids: Vec<String>,
    },
    /// Every safe punctuation fix of the text as it is now.
    Punctuation,
}

/// What applying fixes did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FixOutcome {
    /// How many texts changed.
    pub applied: usize,
    /// The report as stored now (block ids kept).
    pub report: Report,
    /// The check of it.
    pub check: CheckOutcome,
}

/// 检查: the findings of the report as stored (the window saves first). Off the main
/// thread, like [`apply_fixes`]: a re-check never holds up the window's event loop.
#[tauri::command(async)]
pub fn check_report(state: State<'_, AppState>, report_id: i64) -> Result<CheckOutcome> {
    let report = state.store()?.load_report(report_id)?;
    // The store is free again while the report is checked.
    Ok(outcome(&report, nianbao_check::today()))
}

/// 一键修正 and 修正… open: the previews of fixes named by an earlier check, as the text is
/// now; refused like [`apply_fixes`] when the text changed since.
#[tauri::command(async)]
pub fn preview_fixes(
    state: State<'_, AppState>,
    report_id: i64,
    ids: Vec<String>,
) -> Result<Vec<FixPreview>> {
    let report = state.store()?.load_report(report_id)?;
    previews(&report, &ids, nianbao_check::today())
}

/// 一键修正 and single fixes: a 批量修改前 version first, then the fixes in one transaction.
#[tauri::command(async)]
pub fn apply_fixes(
    state: State<'_, AppState>,
    report_id: i64,
    selection: FixSelection,
) -> Result<FixOutcome> {
    let mut store = state.store()?;
    apply(&mut store, report_id, &selection, nianbao_check::today())
}

/// Checks a report: the findings, the ids of their distinct fixes, the counts.
pub(crate) fn outcome(report: &Report, today: DocDate) -> CheckOutcome {
    let findings = nianbao_check::check(report, today);
    let (errors, warnings, hints) = nianbao_check::count(&findings);
    let mut fix_ids: Vec<String> = Vec::new();
    let findings = findings
        .into_iter()
        .map(|f| {
            let fix = f.fix.as_ref().map(|fix| {
                let id = fix_id(fix);
                // One fix usually corrects several findings in a row (the marks of a text).
                if !fix_ids.contains(&id) {
                    fix_ids.push(id.clone());
                }
                id
            });
            CheckFinding {
                rule_label: f.rule.label().to_string(),
                location: f.location,
                severity: f.severity,
                rule: f.rule,
                message: f.message_zh,
                fix,
            }
        })
        .collect();
    CheckOutcome {
        findings,
        fix_ids,
        counts: CheckCounts {
            errors,
            warnings,
            hints,
        },
    }
}

/// The previews of fixes `ids` as the current text yields them, in the order asked.
pub(crate) fn previews(report: &Report, ids: &[String], today: DocDate) -> Result<Vec<FixPreview>> {
    if ids.is_empty() {
        return Err(nothing_selected());
    }
    let findings = nianbao_check::check(report, today);
    // Each fix with the place of its first finding and how many findings it corrects.
    let mut current: HashMap<String, (&Fix, &Location, usize)> = HashMap::new();
    for f in &findings {
        if let Some(fix) = &f.fix {
            current
                .entry(fix_id(fix))
                .and_modify(|(_, _, n)| *n += 1)
                .or_insert((fix, &f.location, 1));
        }
    }
    let mut out: Vec<FixPreview> = Vec::with_capacity(ids.len());
    for id in ids {
        let &(fix, at, findings) = current.get(id).ok_or_else(|| stale(id))?;
        if !out.iter().any(|p| &p.id == id) {
            out.push(preview(id, fix, at, findings));
        }
    }
    Ok(out)
}

/// Loads, checks, applies the selected fixes after a 批量修改前 version, and checks again.
pub(crate) fn apply(
    store: &mut Store,
    report_id: i64,
    selection: &FixSelection,
    today: DocDate,
) -> Result<FixOutcome> {
    let mut report = store.load_report(report_id)?;
    let findings = nianbao_check::check(&report, today);
    let fixes = select(&findings, selection)?;
    let applied = nianbao_check::apply_fixes(&mut report, &fixes);
    if applied > 0 {
        store.snapshot(
            report_id,
            SnapshotReason::BeforeChange,
            Some(BEFORE_FIX_LABEL),
        )?;
        store.replace_report(report_id, &report)?;
        tracing::info!(report_id, applied, "applied fixes");
    }
    let report = store.load_report(report_id)?;
    let check = outcome(&report, today);
    Ok(FixOutcome {
        applied,
        report,
        check,
    })
}

/// The fixes a selection names, as the current text yields them.
fn select(findings: &[Finding], selection: &FixSelection) -> Result<Vec<Fix>> {
    match selection {
        FixSelection::Punctuation => Ok(nianbao_check::punctuation_fixes(findings).0),
        FixSelection::Ids { ids } => {
            if ids.is_empty() {
                return Err(nothing_selected());
            }
            let current: HashMap<String, &Fix> = findings
                .iter()
                .filter_map(|f| f.fix.as_ref())
                .map(|fix| (fix_id(fix), fix))
                .collect();
            let mut out: Vec<Fix> = Vec::with_capacity(ids.len());
            for id in ids {
                let Some(fix) = current.get(id) else {
                    return Err(stale(id));
                };
                if !out.contains(fix) {
                    out.push((*fix).clone());
                }
            }
            Ok(out)
        }
    }
}

fn nothing_selected() -> IpcError {
    IpcError::new("请先选择要修正的内容。", "no fix ids")
}

/// A fix id the current text does not yield: the text changed since the check.
fn stale(id: &str) -> IpcError {
    IpcError::new(
        "内容已变化，请重新检查。",
        format!("fix {id:?} is not among the current text's fixes"),
    )
}

/// A fix's id: a hash of its target and texts. The same text yields the same id in this
/// build of the app, which is all the window needs between a check and its fixes.
fn fix_id(fix: &Fix) -> String {
    let mut h = DefaultHasher::new();
    fix.hash(&mut h);
    format!("{:016x}", h.finish())
}

fn preview(id: &str, fix: &Fix, at: &Location, findings: usize) -> FixPreview {
    let (before_text, before_body) = fix
        .before
        .as_ref()
        .map_or(("", ""), |b| (b.text.as_str(), b.body.as_str()));
    FixPreview {
        id: id.to_string(),
        location: Location {
            range: None,
            field: nianbao_check::Field::Text,
            ..at.clone()
        },
        adds_paragraph: fix.before.is_none(),
        text: runs(before_text, &fix.after.text),
        body: runs(before_body, &fix.after.body),
        findings,
    }
}

/// The runs of a fix's text. A fix that only replaces characters (punctuation: most of them)
/// is compared position by position, which is exact for it and spares every re-check a
/// diff per paragraph; anything else goes through the character diff of 对比.
fn runs(before: &str, after: &str) -> Vec<Span> {
    if before.is_empty() && after.is_empty() {
        return Vec::new();
    }
    if before.chars().count() != after.chars().count() {
        return char_spans(before, after);
    }
    let mut out: Vec<Span> = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    let flush = |out: &mut Vec<Span>, removed: &mut String, added: &mut String| {
        for (kind, text) in [(SpanKind::Removed, removed), (SpanKind::Added, added)] {
            if !text.is_empty() {
                out.push(Span {
                    kind,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (b, a) in before.chars().zip(after.chars()) {
        if a == b {
            flush(&mut out, &mut removed, &mut added);
            match out.last_mut() {
                Some(Span {
                    kind: SpanKind::Same,
                    text,
                }) => text.push(a),
                _ => out.push(Span {
                    kind: SpanKind::Same,
                    text: a.to_string(),
                }),
            }
        } else {
            removed.push(b);
            added.push(a);
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

#[cfg(test)]
mod tests {
    use nianbao_report::Block;

    use super::*;

    const SAMPLE: &str = include_str!("../../../assets/samples/changziying-2023.txt");

    fn today() -> DocDate {
        DocDate::new(2024, 2, 18).unwrap()
    }

    fn store_with_sample() -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let report = nianbao_import::import_text(SAMPLE).unwrap().report;
        let id = store.create_report(&report).unwrap();
        (dir, store, id)
    }

    /// One side of a preview's runs: the text before (`skip` Added) or after (`skip` Removed).
    fn side(spans: &[Span], skip: SpanKind) -> String {
        spans
            .iter()
            .filter(|s| s.kind != skip)
            .map(|s| s.text.as_str())
            .collect()
    }

    fn punctuation_errors(o: &CheckOutcome) -> usize {
        o.findings
            .iter()
            .filter(|f| f.rule == Rule::Punctuation)
            .count()
    }

    /// Every text of the report, in order.
    fn texts(r: &Report) -> Vec<String> {
        fn walk(blocks: &[Block], out: &mut Vec<String>) {
            for b in blocks {
                match b {
                    Block::Paragraph(p) => out.push(p.text.clone()),
                    Block::Heading(h) => {
                        out.push(format!("{}|{}", h.text, h.body));
                        walk(&h.children, out);
                    }
                }
            }
        }
        let mut out: Vec<String> = r.preface.iter().map(|p| p.text.clone()).collect();
        for part in &r.parts {
            out.push(format!("{}|{}", part.heading, part.body));
            walk(&part.blocks, &mut out);
        }
        out
    }

    #[test]
    fn the_sample_checks_with_previews_that_mark_only_the_marks() {
        let (_dir, store, id) = store_with_sample();
        let report = store.load_report(id).unwrap();
        let o = outcome(&report, today());
        let expected = nianbao_check::check(&report, today());
        assert_eq!(o.findings.len(), expected.len());
        let (e, w, h) = nianbao_check::count(&expected);
        assert_eq!(
            o.counts,
            CheckCounts {
                errors: e,
                warnings: w,
                hints: h
            }
        );
        assert!(punctuation_errors(&o) > 100, "{}", punctuation_errors(&o));
        // Every finding with a fix names one of the fix ids; their previews count them.
        let with_fix = o.findings.iter().filter(|f| f.fix.is_some()).count();
        for f in &o.findings {
            if let Some(id) = &f.fix {
                assert!(o.fix_ids.contains(id));
            }
        }
        let fixes = previews(&report, &o.fix_ids, today()).unwrap();
        let ids: Vec<&String> = fixes.iter().map(|p| &p.id).collect();
        assert_eq!(ids, o.fix_ids.iter().collect::<Vec<_>>());
        assert_eq!(fixes.iter().map(|f| f.findings).sum::<usize>(), with_fix);
        // A punctuation preview: removed and added runs are the half-width and full-width marks.
        let p = fixes.iter().find(|p| !p.adds_paragraph).unwrap();
        for s in p.text.iter().chain(&p.body) {
            match s.kind {
                SpanKind::Same => {}
                SpanKind::Removed => {
                    assert!(s.text.chars().any(|c| ",:;()?!\"'".contains(c)), "{s:?}")
                }
                SpanKind::Added => assert!(
                    s.text.chars().any(|c| "，：；（）？！“”‘’".contains(c)),
                    "{s:?}"
                ),
            }
        }
        // Block findings carry the stored id the editor jumps to.
        assert!(o.findings.iter().any(|f| matches!(
            f.location.target,
            nianbao_check::Target::Block { id: Some(_), .. }
        )));
    }

    #[test]
    fn fixes_by_id_keep_a_version_and_the_ids_and_change_only_the_marks() {
        let (_dir, mut store, id) = store_with_sample();
        let before = store.load_report(id).unwrap();
        let o = outcome(&before, today());
        let ids: Vec<String> = previews(&before, &o.fix_ids, today())
            .unwrap()
            .iter()
            .filter(|p| !p.adds_paragraph)
            .map(|p| p.id.clone())
            .collect();
        let snapshots = store.list_snapshots(id).unwrap().len();
        let done = apply(
            &mut store,
            id,
            &FixSelection::Ids { ids: ids.clone() },
            today(),
        )
        .unwrap();
        assert_eq!(done.applied, ids.len());
        assert_eq!(punctuation_errors(&done.check), 0);
        // The state before is the newest version, labelled.
        let list = store.list_snapshots(id).unwrap();
        assert_eq!(list.len(), snapshots + 1);
        assert_eq!(list[0].reason, SnapshotReason::BeforeChange);
        assert_eq!(list[0].label.as_deref(), Some(BEFORE_FIX_LABEL));
        // Same structure and ids; the texts differ only where a mark became full-width.
        let after = store.load_report(id).unwrap();
        assert_eq!(after, done.report);
        assert_eq!(after.preface.len(), before.preface.len());
        assert_eq!(after.parts[0].id, before.parts[0].id);
        let (old, new) = (texts(&before), texts(&after));
        assert_eq!(old.len(), new.len());
        let mut changed = 0;
        for (a, b) in old.iter().zip(&new) {
            assert_eq!(a.chars().count(), b.chars().count());
            for (x, y) in a.chars().zip(b.chars()) {
                if x != y {
                    changed += 1;
                    assert!(",:;()?!\"'".contains(x) && !y.is_ascii(), "{x} → {y}");
                }
            }
        }
        assert_eq!(changed, punctuation_errors(&o));
        // The same ids again: the text they were made for is gone.
        let err = apply(&mut store, id, &FixSelection::Ids { ids }, today()).unwrap_err();
        assert_eq!(err.message, "内容已变化，请重新检查。");
        assert_eq!(store.list_snapshots(id).unwrap().len(), snapshots + 1);
        // The version holds the text before the fixes.
        store.restore_snapshot(id, list[0].id).unwrap();
        assert_eq!(store.load_report(id).unwrap(), before);
    }

    #[test]
    fn a_text_edited_since_the_check_refuses_its_fix_and_changes_nothing() {
        let (_dir, mut store, id) = store_with_sample();
        let report = store.load_report(id).unwrap();
        let o = outcome(&report, today());
        let fixes = previews(&report, &o.fix_ids, today()).unwrap();
        let fix = fixes.iter().find(|p| !p.adds_paragraph).unwrap();
        let block = match fix.location.target {
            nianbao_check::Target::Preface { id, .. }
            | nianbao_check::Target::Part { id, .. }
            | nianbao_check::Target::Block { id, .. } => id.unwrap(),
            _ => panic!("{:?}", fix.location),
        };
        let edited = store.load_report(id).unwrap();
        let text = side(&fix.text, SpanKind::Added);
        let body = side(&fix.body, SpanKind::Added);
        store
            .update_block(block, &format!("{text}又"), &body)
            .unwrap();
        let stored = store.load_report(id).unwrap();
        assert_ne!(stored, edited);
        // Neither its preview nor the fix: both say the text changed.
        let err = previews(&stored, &o.fix_ids, today()).unwrap_err();
        assert_eq!(err.message, "内容已变化，请重新检查。");
        let err = apply(
            &mut store,
            id,
            &FixSelection::Ids {
                ids: vec![fix.id.clone()],
            },
            today(),
        )
        .unwrap_err();
        assert_eq!(err.message, "内容已变化，请重新检查。");
        assert_eq!(store.load_report(id).unwrap(), stored);
    }

    #[test]
    fn all_punctuation_fixes_and_bad_selections() {
        let (_dir, mut store, id) = store_with_sample();
        let err = apply(&mut store, id, &FixSelection::Ids { ids: vec![] }, today()).unwrap_err();
        assert!(err.message.contains("请先选择"), "{}", err.message);
        let err = apply(&mut store, id + 99, &FixSelection::Punctuation, today()).unwrap_err();
        assert!(err.message.contains("找不到该报告"), "{}", err.message);

        let done = apply(&mut store, id, &FixSelection::Punctuation, today()).unwrap();
        assert!(done.applied > 10);
        assert_eq!(punctuation_errors(&done.check), 0);
        // Nothing left: nothing applied, no version taken.
        let versions = store.list_snapshots(id).unwrap().len();
        let again = apply(&mut store, id, &FixSelection::Punctuation, today()).unwrap();
        assert_eq!(again.applied, 0);
        assert_eq!(store.list_snapshots(id).unwrap().len(), versions);
    }

    #[test]
    fn a_recheck_sends_no_previews_and_they_come_on_request() {
        let (_dir, store, id) = store_with_sample();
        let report = store.load_report(id).unwrap();
        let o = outcome(&report, today());
        let recheck = serde_json::to_string(&o).unwrap();
        let fixes = previews(&report, &o.fix_ids, today()).unwrap();
        let all = serde_json::to_string(&fixes).unwrap();
        eprintln!(
            "sample: re-check {} bytes, previews on request {} bytes",
            recheck.len(),
            all.len()
        );
        // No text a fix rewrites travels with a re-check: ids, places and messages only.
        for p in &fixes {
            let after = side(&p.text, SpanKind::Removed);
            assert!(!recheck.contains(&after), "{after}");
        }
        // One fix asked for: its preview alone, counting every finding it corrects.
        let first = &o.fix_ids[..1];
        let one = previews(&report, first, today()).unwrap();
        assert_eq!(one.len(), 1);
        let corrected = o
            .findings
            .iter()
            .filter(|f| f.fix.as_ref() == Some(&first[0]));
        assert_eq!(one[0].findings, corrected.count());
        let err = previews(&report, &[], today()).unwrap_err();
        assert!(err.message.contains("请先选择"), "{}", err.message);
    }

    #[test]
    fn replacements_are_marked_where_they_stand_and_other_edits_by_the_diff() {
        fn kinds(v: &[Span]) -> Vec<(SpanKind, &str)> {
            v.iter().map(|s| (s.kind, s.text.as_str())).collect()
        }
        assert_eq!(
            kinds(&runs("年,在(区)委", "年，在（区）委")),
            [
                (SpanKind::Same, "年"),
                (SpanKind::Removed, ","),
                (SpanKind::Added, "，"),
                (SpanKind::Same, "在"),
                (SpanKind::Removed, "("),
                (SpanKind::Added, "（"),
                (SpanKind::Same, "区"),
                (SpanKind::Removed, ")"),
                (SpanKind::Added, "）"),
                (SpanKind::Same, "委"),
            ]
        );
        assert_eq!(kinds(&runs("", "")), []);
        // Different lengths: the character diff, which keeps what is common.
        let v = runs("无。", "无其他需要报告的情况。");
        assert_eq!(side(&v, SpanKind::Removed), "无其他需要报告的情况。");
        assert!(v.iter().any(|s| s.kind == SpanKind::Same));
    }

    #[test]
    fn an_empty_part_five_previews_the_added_paragraph() {
        let (_dir, mut store, id) = store_with_sample();
        let mut report = store.load_report(id).unwrap();
        report.parts[4].blocks.clear();
        store.replace_report(id, &report).unwrap();
        let report = store.load_report(id).unwrap();
        let o = outcome(&report, today());
        let fixes = previews(&report, &o.fix_ids, today()).unwrap();
        let add = fixes.iter().find(|p| p.adds_paragraph).expect("a fix");
        assert_eq!(
            add.text,
            [Span {
                kind: SpanKind::Added,
                text: nianbao_check::NOTHING_ELSE.into()
            }]
        );
        let done = apply(
            &mut store,
            id,
            &FixSelection::Ids {
                ids: vec![add.id.clone()],
            },
            today(),
        )
        .unwrap();
        assert_eq!(done.applied, 1);
        let left = previews(&done.report, &done.check.fix_ids, today()).unwrap();
        assert!(left.iter().all(|p| !p.adds_paragraph));
    }
}
