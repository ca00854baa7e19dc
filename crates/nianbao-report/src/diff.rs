//! 对比: what changed between two versions of a report, paragraph by paragraph as they print,
//! with the changed characters marked inside a paragraph that was edited rather than replaced.

use std::{collections::HashMap, time::Duration};

use serde::{Deserialize, Serialize};
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use crate::Report;

/// Two paragraphs at the same place count as one edited paragraph when at least this share of
/// their characters is common; below it, the old one is shown removed and the new one added.
const EDITED_RATIO: f32 = 0.4;

/// An unchanged run of at most this many characters between two changes is shown as changed
/// too: a lone shared `的` in a rewritten clause reads better as part of the rewrite.
const SHORT_COMMON: usize = 1;

/// Runs of replaced paragraphs up to this long are paired by similarity (a square of
/// character diffs); longer ones by position.
const PAIRING_LIMIT: usize = 30;

/// Character diffs give up refining after this long (a pathological paragraph is then shown
/// as a coarser change, never a hang).
const CHAR_DIFF_BUDGET: Duration = Duration::from_millis(50);

/// What happened to a run of characters.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    /// In both versions.
    Same,
    /// Only in the newer version (新增).
    Added,
    /// Only in the older version (删除).
    Removed,
}

/// A run of characters of an edited paragraph.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// What happened to it.
    pub kind: SpanKind,
    /// The characters.
    pub text: String,
}

/// One printed paragraph in the comparison.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ParagraphDiff {
    /// Unchanged.
    Same {
        /// Its text.
        text: String,
    },
    /// Only in the newer version.
    Added {
        /// Its text.
        text: String,
    },
    /// Only in the older version.
    Removed {
        /// Its text.
        text: String,
    },
    /// Edited: the older text with removals and the newer with additions, in reading order.
    Changed {
        /// The runs of the paragraph.
        spans: Vec<Span>,
    },
}

/// Two versions compared: every printed paragraph in order, and how many changed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDiff {
    /// The paragraphs in reading order (removed ones where they stood).
    pub paragraphs: Vec<ParagraphDiff>,
    /// Paragraphs only in the newer version.
    pub added: usize,
    /// Paragraphs only in the older version.
    pub removed: usize,
    /// Paragraphs edited.
    pub changed: usize,
}

impl ReportDiff {
    /// Whether the two versions print the same.
    pub fn is_empty(&self) -> bool {
        self.added == 0 && self.removed == 0 && self.changed == 0
    }
}

/// Compares the printed paragraphs (title, 主送机关, body with numbering, sign-off) of an older
/// and a newer version of a report.
pub fn diff_reports(older: &Report, newer: &Report) -> ReportDiff {
    diff_paragraphs(&older.printed_paragraphs(), &newer.printed_paragraphs())
}

/// Compares two lists of paragraphs.
pub fn diff_paragraphs(older: &[String], newer: &[String]) -> ReportDiff {
    let mut out = ReportDiff {
        paragraphs: Vec::new(),
        added: 0,
        removed: 0,
        changed: 0,
    };
    for op in capture_diff_slices(Algorithm::Myers, older, newer) {
        match op {
            DiffOp::Equal { old_index, len, .. } => out.paragraphs.extend(
                older[old_index..old_index + len]
                    .iter()
                    .map(|t| ParagraphDiff::Same { text: t.clone() }),
            ),
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.push_removed(&older[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.push_added(&newer[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => out.push_replaced(
                &older[old_index..old_index + old_len],
                &newer[new_index..new_index + new_len],
            ),
        }
    }
    out
}

impl ReportDiff {
    fn push_removed(&mut self, texts: &[String]) {
        self.removed += texts.len();
        self.paragraphs.extend(
            texts
                .iter()
                .map(|t| ParagraphDiff::Removed { text: t.clone() }),
        );
    }

    fn push_added(&mut self, texts: &[String]) {
        self.added += texts.len();
        self.paragraphs.extend(
            texts
                .iter()
                .map(|t| ParagraphDiff::Added { text: t.clone() }),
        );
    }

    /// A run of old paragraphs replaced by a run of new ones: edited paragraphs are paired with
    /// their new text (in order, the pairing that keeps the most in common); the rest are
    /// removed or added where they stand.
    fn push_replaced(&mut self, older: &[String], newer: &[String]) {
        let mut next_new = 0;
        let pairs = pair_edited(older, newer);
        let mut pairs = pairs.iter().peekable();
        for (i, old) in older.iter().enumerate() {
            match pairs.next_if(|(pi, _)| *pi == i) {
                Some(&(_, j)) => {
                    self.push_added(&newer[next_new..j]);
                    self.changed += 1;
                    self.paragraphs.push(ParagraphDiff::Changed {
                        spans: char_spans(old, &newer[j]),
                    });
                    next_new = j + 1;
                }
                None => self.push_removed(std::slice::from_ref(old)),
            }
        }
        self.push_added(&newer[next_new..]);
    }
}

/// Pairs of (old, new) indices, both increasing, whose similarity adds up to the most, among
/// pairs at least [`EDITED_RATIO`] alike. Runs longer than [`PAIRING_LIMIT`] are paired by
/// position only.
fn pair_edited(older: &[String], newer: &[String]) -> Vec<(usize, usize)> {
    let (m, n) = (older.len(), newer.len());
    if m > PAIRING_LIMIT || n > PAIRING_LIMIT {
        return (0..m.min(n))
            .filter(|&i| similarity(&older[i], &newer[i]) >= EDITED_RATIO)
            .map(|i| (i, i))
            .collect();
    }
    let score: Vec<Vec<f32>> = older
        .iter()
        .map(|o| {
            newer
                .iter()
                .map(|n| {
                    Some(similarity(o, n))
                        .filter(|r| *r >= EDITED_RATIO)
                        .unwrap_or(0.0)
                })
                .collect()
        })
        .collect();
    // best[i][j]: the most similarity over older[..i] and newer[..j].
    let mut best = vec![vec![0.0f32; n + 1]; m + 1];
    for i in 1..=m {
        for j in 1..=n {
            let pair = if score[i - 1][j - 1] > 0.0 {
                best[i - 1][j - 1] + score[i - 1][j - 1]
            } else {
                0.0
            };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(pair);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (m, n);
    while i > 0 && j > 0 {
        if best[i][j] == best[i - 1][j] {
            i -= 1;
        } else if best[i][j] == best[i][j - 1] {
            j -= 1;
        } else {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

fn char_diff<'a>(older: &'a str, newer: &'a str) -> TextDiff<'a, 'a, 'a, str> {
    TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(CHAR_DIFF_BUDGET)
        .diff_chars(older, newer)
}

/// The share of characters two texts have in common, in order; 0 when even their characters
/// taken in any order fall short of [`EDITED_RATIO`] (a cheap bound that spares most diffs).
fn similarity(older: &str, newer: &str) -> f32 {
    let (a, b) = (older.chars().count(), newer.chars().count());
    if a + b == 0 {
        return 1.0;
    }
    let mut counts: HashMap<char, i32> = HashMap::new();
    for c in older.chars() {
        *counts.entry(c).or_default() += 1;
    }
    let mut common = 0usize;
    for c in newer.chars() {
        if let Some(n) = counts.get_mut(&c).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    if (2 * common) as f32 / ((a + b) as f32) < EDITED_RATIO {
        return 0.0;
    }
    char_diff(older, newer).ratio()
}

/// The runs of an edited paragraph: within each stretch of change, what was removed comes
/// before what was added, and short common runs inside a change are folded into it.
pub fn char_spans(older: &str, newer: &str) -> Vec<Span> {
    let diff = char_diff(older, newer);
    // Runs of one tag, in order.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    let mut spans = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    let last = runs.len().saturating_sub(1);
    for (i, (tag, text)) in runs.iter().enumerate() {
        match tag {
            ChangeTag::Delete => removed.push_str(text),
            ChangeTag::Insert => added.push_str(text),
            ChangeTag::Equal => {
                let inside_change = i > 0 && i < last;
                if inside_change && text.chars().count() <= SHORT_COMMON {
                    removed.push_str(text);
                    added.push_str(text);
                } else {
                    flush_change(&mut spans, &mut removed, &mut added);
                    spans.push(Span {
                        kind: SpanKind::Same,
                        text: text.clone(),
                    });
                }
            }
        }
    }
    flush_change(&mut spans, &mut removed, &mut added);
    spans
}

fn flush_change(spans: &mut Vec<Span>, removed: &mut String, added: &mut String) {
    for (kind, text) in [(SpanKind::Removed, removed), (SpanKind::Added, added)] {
        if !text.is_empty() {
            spans.push(Span {
                kind,
                text: std::mem::take(text),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn span(kind: SpanKind, text: &str) -> Span {
        Span {
            kind,
            text: text.into(),
        }
    }

    #[test]
    fn identical_versions_have_no_changes() {
        let p = strings(&["甲", "乙"]);
        let d = diff_paragraphs(&p, &p);
        assert!(d.is_empty());
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn added_and_removed_paragraphs_stand_where_they_were() {
        let d = diff_paragraphs(
            &strings(&["标题", "第一段。", "第二段。"]),
            &strings(&["标题", "第二段。", "新增的第三段。"]),
        );
        assert_eq!(
            d.paragraphs,
            vec![
                ParagraphDiff::Same {
                    text: "标题".into()
                },
                ParagraphDiff::Removed {
                    text: "第一段。".into()
                },
                ParagraphDiff::Same {
                    text: "第二段。".into()
                },
                ParagraphDiff::Added {
                    text: "新增的第三段。".into()
                },
            ]
        );
        assert_eq!((d.added, d.removed, d.changed), (1, 1, 0));
    }

    #[test]
    fn an_edited_paragraph_marks_the_characters() {
        let d = diff_paragraphs(
            &strings(&["2023年，我局走访企业34家。"]),
            &strings(&["2023年，我局走访企业52家，解决问题12个。"]),
        );
        assert_eq!((d.added, d.removed, d.changed), (0, 0, 1));
        let ParagraphDiff::Changed { spans } = &d.paragraphs[0] else {
            panic!("{:?}", d.paragraphs)
        };
        assert_eq!(
            spans,
            &vec![
                span(SpanKind::Same, "2023年，我局走访企业"),
                // The lone common 家 between two changes reads as part of the change.
                span(SpanKind::Removed, "34家"),
                span(SpanKind::Added, "52家，解决问题12个"),
                span(SpanKind::Same, "。"),
            ]
        );
        // Reading the removed runs gives the old text, the added ones the new.
        let side = |keep: SpanKind| -> String {
            spans
                .iter()
                .filter(|s| s.kind == SpanKind::Same || s.kind == keep)
                .map(|s| s.text.as_str())
                .collect()
        };
        assert_eq!(side(SpanKind::Removed), "2023年，我局走访企业34家。");
        assert_eq!(
            side(SpanKind::Added),
            "2023年，我局走访企业52家，解决问题12个。"
        );
    }

    #[test]
    fn a_rewritten_paragraph_is_removed_and_added() {
        let d = diff_paragraphs(
            &strings(&["甲", "坚持依法行政。", "乙"]),
            &strings(&["甲", "全年办理行政复议案件十二件。", "乙"]),
        );
        assert_eq!((d.added, d.removed, d.changed), (1, 1, 0));
        assert!(matches!(d.paragraphs[1], ParagraphDiff::Removed { .. }));
        assert!(matches!(d.paragraphs[2], ParagraphDiff::Added { .. }));
    }

    #[test]
    fn in_a_block_of_changes_edits_pair_with_their_own_paragraph() {
        let d = diff_paragraphs(
            &strings(&["一、主要举措", "走访企业34家。"]),
            &strings(&[
                "插入的新段落全部是新的文字",
                "一、主要举措和成效",
                "走访企业52家。",
            ]),
        );
        let kinds: Vec<&str> = d
            .paragraphs
            .iter()
            .map(|p| match p {
                ParagraphDiff::Same { .. } => "same",
                ParagraphDiff::Added { .. } => "added",
                ParagraphDiff::Removed { .. } => "removed",
                ParagraphDiff::Changed { .. } => "changed",
            })
            .collect();
        assert_eq!(kinds, ["added", "changed", "changed"]);
    }

    #[test]
    fn a_lone_common_character_inside_a_change_is_folded_in() {
        let spans = char_spans("加强的组织", "完善的制度");
        assert_eq!(
            spans,
            vec![
                span(SpanKind::Removed, "加强的组织"),
                span(SpanKind::Added, "完善的制度")
            ]
        );
    }

    #[test]
    fn a_large_rewrite_compares_quickly() {
        // Thirty long paragraphs replaced by thirty others: a square of candidate pairs.
        let para = |seed: usize| -> String {
            (0..400)
                .map(|i| {
                    char::from_u32(0x4E00 + ((i * 7919 + seed * 104_729) % 2000) as u32).unwrap()
                })
                .collect()
        };
        let older: Vec<String> = (0..30).map(para).collect();
        let mut newer: Vec<String> = (100..130).map(para).collect();
        newer[10] = format!("{}改", older[10]);
        let started = std::time::Instant::now();
        let d = diff_paragraphs(&older, &newer);
        assert_eq!(d.changed, 1, "only the edited one pairs");
        assert_eq!((d.added, d.removed), (29, 29));
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn reports_compare_as_printed_with_numbering() {
        let mut older = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        older.preface = vec![crate::Paragraph {
            id: None,
            text: "2023年，我镇坚持依法行政。".into(),
        }];
        let mut newer = older.clone();
        newer.preface[0].text = "2023年，我镇坚持依法行政，建设法治政府。".into();
        newer.parts.remove(1);
        let d = diff_reports(&older, &newer);
        // The preface, and the three parts after the removed one, renumbered.
        assert_eq!((d.added, d.removed, d.changed), (0, 1, 4), "{d:#?}");
        assert!(d.paragraphs.iter().any(|p| matches!(
            p,
            ParagraphDiff::Changed { spans } if spans.iter().any(|s| s.kind == SpanKind::Added && s.text == "二")
        )));
    }
}
