//! 检查: the checker over the report as stored, and 一键修正 — its safe fixes applied in one
//! transaction after a 批量修改前 version. A fix is named by a hash of what it changes, so an
//! id the current text no longer yields means the text changed since the check.

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
    /// The id of the fix that corrects it, one of [`CheckOutcome::fixes`].
    pub fix: Option<String>,
}

/// A safe correction as 一键修正 previews it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FixPreview {
    /// What [`apply_fixes`] takes.
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
    /// Every distinct safe fix, in document order.
    pub fixes: Vec<FixPreview>,
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

/// Checks a report: the findings, their distinct fixes with previews, the counts.
pub(crate) fn outcome(report: &Report, today: DocDate) -> CheckOutcome {
    let findings = nianbao_check::check(report, today);
    let (errors, warnings, hints) = nianbao_check::count(&findings);
    let mut fixes: Vec<FixPreview> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let findings = findings
        .into_iter()
        .map(|f| {
            let fix = f.fix.as_ref().map(|fix| {
                let id = fix_id(fix);
                match index.get(&id) {
                    Some(&i) => fixes[i].findings += 1,
                    None => {
                        index.insert(id.clone(), fixes.len());
                        fixes.push(preview(&id, fix, &f.location));
                    }
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
        fixes,
        counts: CheckCounts {
            errors,
            warnings,
            hints,
        },
    }
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
                return Err(IpcError::new(
                    "请先选择要修正的内容。",
                    "apply_fixes without fix ids",
                ));
            }
            let current: HashMap<String, &Fix> = findings
                .iter()
                .filter_map(|f| f.fix.as_ref())
                .map(|fix| (fix_id(fix), fix))
                .collect();
            let mut out: Vec<Fix> = Vec::with_capacity(ids.len());
            for id in ids {
                let Some(fix) = current.get(id) else {
                    return Err(IpcError::new(
                        "内容已变化，请重新检查。",
                        format!("fix {id:?} is not among the current text's fixes"),
                    ));
                };
                if !out.contains(fix) {
                    out.push((*fix).clone());
                }
            }
            Ok(out)
        }
    }
}

/// A fix's id: a hash of its target and texts. The same text yields the same id in this
/// build of the app, which is all the window needs between a check and its fixes.
fn fix_id(fix: &Fix) -> String {
    let mut h = DefaultHasher::new();
    fix.hash(&mut h);
    format!("{:016x}", h.finish())
}

fn preview(id: &str, fix: &Fix, at: &Location) -> FixPreview {
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
        findings: 1,
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
        // Every finding with a fix names one of the previews, and the previews count them.
        let with_fix = o.findings.iter().filter(|f| f.fix.is_some()).count();
        assert_eq!(o.fixes.iter().map(|f| f.findings).sum::<usize>(), with_fix);
        for f in &o.findings {
            if let Some(id) = &f.fix {
                assert!(o.fixes.iter().any(|p| &p.id == id));
            }
        }
        // A punctuation preview: removed and added runs are the half-width and full-width marks.
        let p = o.fixes.iter().find(|p| !p.adds_paragraph).unwrap();
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
        let ids: Vec<String> = o
            .fixes
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
        let fix = o.fixes.iter().find(|p| !p.adds_paragraph).unwrap();
        let block = match fix.location.target {
            nianbao_check::Target::Preface { id, .. }
            | nianbao_check::Target::Part { id, .. }
            | nianbao_check::Target::Block { id, .. } => id.unwrap(),
            _ => panic!("{:?}", fix.location),
        };
        let edited = store.load_report(id).unwrap();
        let text: String = fix
            .text
            .iter()
            .filter(|s| s.kind != SpanKind::Added)
            .map(|s| s.text.as_str())
            .collect();
        let body: String = fix
            .body
            .iter()
            .filter(|s| s.kind != SpanKind::Added)
            .map(|s| s.text.as_str())
            .collect();
        store
            .update_block(block, &format!("{text}又"), &body)
            .unwrap();
        let stored = store.load_report(id).unwrap();
        assert_ne!(stored, edited);
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
        let after: String = v
            .iter()
            .filter(|s| s.kind != SpanKind::Removed)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(after, "无其他需要报告的情况。");
        assert!(v.iter().any(|s| s.kind == SpanKind::Same));
    }

    #[test]
    fn an_empty_part_five_previews_the_added_paragraph() {
        let (_dir, mut store, id) = store_with_sample();
        let mut report = store.load_report(id).unwrap();
        report.parts[4].blocks.clear();
        store.replace_report(id, &report).unwrap();
        let o = outcome(&store.load_report(id).unwrap(), today());
        let add = o.fixes.iter().find(|p| p.adds_paragraph).expect("a fix");
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
        assert!(done.check.fixes.iter().all(|p| !p.adds_paragraph));
    }
}
