//! Which part fills which statutory part of the template, by the wording of its heading.
//!
//! Two measures are combined, and the higher one counts:
//!
//! - **Keywords** that name a statutory part whatever the rest of the heading says
//!   (举措/成效/做法 → measures, 不足/问题/原因 → shortcomings, 第一责任人/主要负责人 →
//!   leadership, 下一年度/下一步/主要安排/工作计划 → plans, 其他 → other), each with a weight;
//!   several keywords combine like independent evidence (1 − Π(1 − w)).
//! - **Similarity** to the template's heading after removing years (`2024年度`) and punctuation,
//!   as weighted multisets of characters (a weighted Dice coefficient): characters most template
//!   headings share (推, 进, 法, 治) count little, characters that set one part apart count much.
//!
//! Traditional characters are simplified first. A part may fill a statutory part when that score
//! is fair and clearly its best (see [`acceptable`]); parts and statutory parts are then paired,
//! each used at most once, maximising the total score. Order does not bind (the 第一责任人 part is
//! often placed first) but breaks ties. Statutory parts left without a part are looked for inside
//! the parts (a `（三）` heading, or a `二是…第一责任人…` sentence) and reported as folded there.

use std::collections::HashMap;

use nianbao_report::{Block, HeadingLevel, Meta, Part, Template};

use crate::{hanzi, warning::ImportWarning};

/// Least score (0–1) for a part to count as a statutory part at all.
const MIN_SCORE: f64 = 0.3;
/// Score at which a match needs no clear lead over the runner-up.
const SURE_SCORE: f64 = 0.6;
/// How far below its best match a part may still be placed (as a share of the best).
const NEAR_BEST: f64 = 0.8;
/// How far ahead of the runner-up a fair but unsure match must be.
const LEAD: f64 = 2.0;
/// What placing a part out of the template's order costs, per inversion: enough to break ties.
const INVERSION_COST: f64 = 0.01;
/// Keyword score from which a heading inside a part is taken for a folded statutory part.
const FOLDED_SCORE: f64 = 0.9;
/// Longest excerpt of a sentence quoted in a warning.
const EXCERPT_CHARS: usize = 40;

/// Phrases naming a year relative to the report; they vary freely between reports.
const RELATIVE_YEARS: &[&str] = &["上一年度", "下一年度", "上年度", "下年度", "本年度", "年度"];

/// Keywords of the default template's statutory parts, with their weights (simplified forms).
const KEYWORDS: &[(&str, &[(&str, f64)])] = &[
    (
        "measures",
        &[
            ("举措", 1.0),
            ("成效", 0.8),
            ("做法", 0.8),
            ("主要工作", 0.7),
            ("基本情况", 0.6),
            ("成绩", 0.6),
            ("进展", 0.5),
            ("亮点", 0.5),
        ],
    ),
    (
        "shortcomings",
        &[
            ("不足", 1.0),
            ("问题", 0.9),
            ("原因", 0.7),
            ("短板", 0.8),
            ("差距", 0.7),
            ("困难", 0.6),
            ("薄弱", 0.6),
            ("弱项", 0.6),
        ],
    ),
    (
        "leadership",
        &[
            ("第一责任人", 1.0),
            ("主要负责人", 1.0),
            ("负责人", 0.7),
            ("履职", 0.7),
            ("述法", 0.6),
            ("履行", 0.4),
            ("职责", 0.4),
            ("党政", 0.3),
        ],
    ),
    (
        "plans",
        &[
            ("下一年度", 1.0),
            ("下年度", 1.0),
            ("下一步", 1.0),
            ("主要安排", 0.9),
            ("工作计划", 0.9),
            ("打算", 0.8),
            ("明年", 0.8),
            ("安排", 0.6),
            ("计划", 0.6),
            ("思路", 0.6),
            ("展望", 0.6),
            ("谋划", 0.5),
        ],
    ),
    ("other", &[("其他", 1.0), ("其它", 1.0), ("需要报告", 0.6)]),
];

/// Weight of the following year (`2024年` in a report on 2023) as a sign of the plans part.
const NEXT_YEAR_WEIGHT: f64 = 0.8;

/// A statutory part a heading could fill, and how well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The template's key of the statutory part (`measures`, `shortcomings` …).
    pub key: String,
    /// How well the heading matches it, 0–100.
    pub score: u8,
}

/// What the importer decided for one first-level part, so that the app can ask the drafter to
/// confirm it (这一部分对应：…？).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartMapping {
    /// Index of the part in `Report::parts` (0 for part 一).
    pub part: usize,
    /// The part's heading as imported.
    pub heading: String,
    /// The statutory key chosen; `None` when the part was kept as an extra part.
    pub statutory: Option<String>,
    /// How well the heading matches the chosen key, 0–100 (0 when none was chosen).
    pub score: u8,
    /// The best key not chosen (for an extra part: its best key, taken by another part or too
    /// weak).
    pub runner_up: Option<Candidate>,
    /// The keywords found in the heading that name a statutory part (simplified forms).
    pub keywords: Vec<String>,
}

/// Sets `statutory` on each part that matches a template part; warns about the rest and
/// returns the decisions.
pub(crate) fn map_parts(
    parts: &mut [Part],
    template: &Template,
    meta: &Meta,
    warnings: &mut Vec<ImportWarning>,
) -> Vec<PartMapping> {
    let scorer = Scorer::new(template, meta);
    let rows: Vec<Row> = parts.iter().map(|p| scorer.row(&p.heading)).collect();
    let acceptable: Vec<Vec<Option<f64>>> = rows
        .iter()
        .map(|r| {
            (0..r.scores.len())
                .map(|j| acceptable(&r.scores, j))
                .collect()
        })
        .collect();
    let chosen = assign(&acceptable);
    let mut mapping = Vec::with_capacity(parts.len());
    for (i, (part, row)) in parts.iter_mut().zip(&rows).enumerate() {
        let pick = chosen[i];
        part.statutory = pick.map(|j| template.parts[j].key.clone());
        let runner_up = row
            .scores
            .iter()
            .enumerate()
            .filter(|&(j, _)| Some(j) != pick)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .filter(|&(_, &s)| s > 0.0)
            .map(|(j, &s)| Candidate {
                key: template.parts[j].key.clone(),
                score: percent(s),
            });
        mapping.push(PartMapping {
            part: i,
            heading: part.heading.clone(),
            statutory: part.statutory.clone(),
            score: pick.map_or(0, |j| percent(row.scores[j])),
            runner_up,
            keywords: row.keywords.clone(),
        });
    }
    for (i, part) in parts.iter().enumerate() {
        if part.statutory.is_none() {
            warnings.push(ImportWarning::ExtraPart {
                number: i + 1,
                heading: part.heading.clone(),
            });
        }
    }
    for tp in &template.parts {
        if parts
            .iter()
            .any(|p| p.statutory.as_deref() == Some(&tp.key))
        {
            continue;
        }
        let heading = template.render(&tp.heading, meta);
        match folded(parts, &tp.key) {
            Some((part, found)) => warnings.push(ImportWarning::StatutoryPartFolded {
                key: tp.key.clone(),
                heading,
                part,
                found,
            }),
            None => warnings.push(ImportWarning::MissingStatutoryPart {
                key: tp.key.clone(),
                heading,
            }),
        }
    }
    mapping
}

fn percent(score: f64) -> u8 {
    // Clamped to 0–100 first, so the cast cannot truncate.
    (score.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// The best keyword score of a heading for any statutory part (without year signals): whether
/// it reads like the heading of a statutory part.
pub(crate) fn keyword_strength(heading: &str) -> f64 {
    let h = hanzi::simplified(heading);
    KEYWORDS
        .iter()
        .map(|(_, words)| keyword_score(&h, words, None).0)
        .fold(0.0, f64::max)
}

/// Noisy-or of the weights of the keywords `h` holds; the following year (if given and written
/// as `2024年`) counts like a keyword of plans. Returns the score and the words found.
fn keyword_score(h: &str, words: &[(&str, f64)], next_year: Option<&str>) -> (f64, Vec<String>) {
    let mut miss = 1.0;
    let mut found = Vec::new();
    for &(w, weight) in words {
        if h.contains(w) {
            miss *= 1.0 - weight;
            found.push(w.to_string());
        }
    }
    if let Some(y) = next_year
        && h.contains(y)
    {
        miss *= 1.0 - NEXT_YEAR_WEIGHT;
        found.push(y.to_string());
    }
    (1.0 - miss, found)
}

/// Scores of one heading against every statutory part.
struct Row {
    scores: Vec<f64>,
    keywords: Vec<String>,
}

/// Scores headings against one template.
struct Scorer<'t> {
    /// Each statutory part's heading, normalised.
    wanted: Vec<Vec<char>>,
    /// Each statutory part's keywords (none for a key the table does not know).
    keywords: Vec<&'t [(&'t str, f64)]>,
    /// Index of the plans part, which the following year points to.
    plans: Option<usize>,
    next_year: String,
    weights: Weights,
}

impl<'t> Scorer<'t> {
    fn new(template: &'t Template, meta: &Meta) -> Self {
        let wanted: Vec<Vec<char>> = template
            .parts
            .iter()
            .map(|p| {
                normalise(&template.render(&p.heading, meta))
                    .chars()
                    .collect()
            })
            .collect();
        let keywords = template
            .parts
            .iter()
            .map(|p| {
                KEYWORDS
                    .iter()
                    .find(|(k, _)| *k == p.key)
                    .map_or(&[][..], |(_, w)| *w)
            })
            .collect();
        Scorer {
            weights: Weights::new(&wanted),
            wanted,
            keywords,
            plans: template.parts.iter().position(|p| p.key == "plans"),
            next_year: format!("{}年", u32::from(meta.year) + 1),
        }
    }

    fn row(&self, heading: &str) -> Row {
        let simple = hanzi::simplified(heading);
        let got: Vec<char> = normalise(&simple).chars().collect();
        let mut keywords: Vec<String> = Vec::new();
        let scores = self
            .wanted
            .iter()
            .enumerate()
            .map(|(j, w)| {
                let next_year = (Some(j) == self.plans).then_some(self.next_year.as_str());
                let (kw, found) = keyword_score(&simple, self.keywords[j], next_year);
                for f in found {
                    if !keywords.contains(&f) {
                        keywords.push(f);
                    }
                }
                kw.max(self.weights.similarity(&got, w))
            })
            .collect();
        Row { scores, keywords }
    }
}

/// The heading without years, relative-year phrases, punctuation and spacing.
fn normalise(heading: &str) -> String {
    let mut s = String::with_capacity(heading.len());
    let chars: Vec<char> = heading.chars().map(hanzi::simplify).collect();
    let mut i = 0;
    while i < chars.len() {
        let digits = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .count();
        if digits > 0 {
            i += digits;
            // 2024年 / 2024年度: 年 and 度 go with the number.
            if chars.get(i) == Some(&'年') {
                i += 1;
                if chars.get(i) == Some(&'度') {
                    i += 1;
                }
            }
            continue;
        }
        s.push(chars[i]);
        i += 1;
    }
    for phrase in RELATIVE_YEARS {
        s = s.replace(phrase, "");
    }
    s.retain(char::is_alphanumeric);
    s
}

/// The score of a part for statutory part `j`, if good enough to place it there: fair, near
/// the part's best, and (unless high) well ahead of every other statutory part.
fn acceptable(row: &[f64], j: usize) -> Option<f64> {
    let s = row[j];
    let best = row.iter().copied().fold(0.0, f64::max);
    let runner_up = row
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != j)
        .map(|(_, &x)| x)
        .fold(0.0, f64::max);
    let ok = s >= MIN_SCORE && s >= NEAR_BEST * best && (s >= SURE_SCORE || s >= LEAD * runner_up);
    ok.then_some(s)
}

/// Character weights from how many template headings hold each character (inverse document
/// frequency).
struct Weights {
    df: HashMap<char, usize>,
    n: f64,
}

impl Weights {
    fn new(headings: &[Vec<char>]) -> Self {
        let mut df = HashMap::new();
        for h in headings {
            let mut seen: Vec<char> = h.clone();
            seen.sort_unstable();
            seen.dedup();
            for p in seen {
                *df.entry(p).or_insert(0) += 1;
            }
        }
        Weights {
            df,
            n: headings.len() as f64,
        }
    }

    fn weight(&self, c: char) -> f64 {
        // A character no template heading has is as telling as one only one heading has.
        let df = self.df.get(&c).copied().unwrap_or(1).max(1) as f64;
        (1.0 + self.n / df).ln()
    }

    /// Weighted Dice coefficient of two character multisets, 0–1.
    fn similarity(&self, a: &[char], b: &[char]) -> f64 {
        let total: f64 = a.iter().chain(b).map(|&c| self.weight(c)).sum();
        if total == 0.0 {
            return 0.0;
        }
        let mut rest: Vec<char> = b.to_vec();
        let mut common = 0.0;
        for &c in a {
            if let Some(k) = rest.iter().position(|&d| d == c) {
                rest.swap_remove(k);
                common += self.weight(c);
            }
        }
        2.0 * common / total
    }
}

/// Most statutory parts the exact pairing handles (its table has 2^n columns per part).
const MAX_EXACT_KEYS: usize = 12;

/// Pairs parts (rows) with statutory parts (columns), each at most once, maximising the total
/// score of acceptable pairs less a small cost per pair placed out of order. Returns each
/// part's column.
fn assign(score: &[Vec<Option<f64>>]) -> Vec<Option<usize>> {
    let rows = score.len();
    let cols = score.first().map_or(0, Vec::len).min(MAX_EXACT_KEYS);
    let states = 1usize << cols;
    // best[i][mask]: best total for the first i parts using the columns in mask.
    let mut best = vec![vec![f64::NEG_INFINITY; states]; rows + 1];
    // How state (i + 1, mask) was reached: the column part i took, if any.
    let mut took: Vec<Vec<Option<usize>>> = vec![vec![None; states]; rows + 1];
    best[0][0] = 0.0;
    for i in 0..rows {
        for mask in 0..states {
            let here = best[i][mask];
            if here == f64::NEG_INFINITY {
                continue;
            }
            if here > best[i + 1][mask] {
                best[i + 1][mask] = here;
                took[i + 1][mask] = None;
            }
            for (j, s) in score[i].iter().enumerate().take(cols) {
                let Some(s) = *s else { continue };
                if mask & (1 << j) != 0 {
                    continue;
                }
                // Columns already used that come after j: each is one inversion.
                let inversions = (mask >> (j + 1)).count_ones();
                let total = here + s - INVERSION_COST * f64::from(inversions);
                let next = mask | (1 << j);
                if total > best[i + 1][next] {
                    best[i + 1][next] = total;
                    took[i + 1][next] = Some(j);
                }
            }
        }
    }
    let mut mask = (0..states)
        .max_by(|&a, &b| best[rows][a].total_cmp(&best[rows][b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![None; rows];
    for i in (0..rows).rev() {
        if let Some(j) = took[i + 1][mask] {
            out[i] = Some(j);
            mask &= !(1 << j);
        }
    }
    out
}

/// Where the content of statutory part `key` sits when no part holds it: a second-level heading
/// naming it, or (for the leadership part) a sentence naming 第一责任人. Returns the part's number
/// (1 for 一、) and the heading with its marker, or an excerpt of the sentence.
fn folded(parts: &[Part], key: &str) -> Option<(usize, String)> {
    let words = KEYWORDS.iter().find(|(k, _)| *k == key)?.1;
    for (i, part) in parts.iter().enumerate() {
        let headings = part.blocks.iter().filter_map(|b| match b {
            Block::Heading(h) => Some(h),
            Block::Paragraph(_) => None,
        });
        for (n, h) in headings.enumerate() {
            let (score, _) = keyword_score(&hanzi::simplified(&h.text), words, None);
            if score >= FOLDED_SCORE {
                return Some((
                    i + 1,
                    format!("{}{}", HeadingLevel::Two.marker(n + 1), h.text),
                ));
            }
        }
    }
    if key != "leadership" {
        return None;
    }
    for (i, part) in parts.iter().enumerate() {
        let mut texts = vec![part.body.as_str()];
        collect_texts(&part.blocks, &mut texts);
        for t in texts {
            if let Some(excerpt) = sentence_with(t, "第一责任人") {
                return Some((i + 1, excerpt));
            }
        }
    }
    None
}

fn collect_texts<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(&p.text),
            Block::Heading(h) => {
                out.push(&h.text);
                out.push(&h.body);
                collect_texts(&h.children, out);
            }
        }
    }
}

/// The sentence (or clause between `。` and `；`) of `text` holding `word` (traditional forms
/// too), shortened to [`EXCERPT_CHARS`].
fn sentence_with(text: &str, word: &str) -> Option<String> {
    let simple = hanzi::simplified(text);
    let at = simple.find(word)?;
    // Simplifying keeps character boundaries where they were (one char for one char), but not
    // byte offsets: map back by character index.
    let char_at = simple[..at].chars().count();
    let chars: Vec<char> = text.chars().collect();
    let is_stop = |c: &char| matches!(c, '。' | '；' | ';' | '！' | '？');
    let start = chars[..char_at]
        .iter()
        .rposition(is_stop)
        .map_or(0, |k| k + 1);
    let end = chars[char_at..]
        .iter()
        .position(is_stop)
        .map_or(chars.len(), |k| char_at + k + 1);
    let sentence: String = chars[start..end].iter().collect();
    let sentence = crate::lines::trim(&sentence);
    let mut excerpt: String = sentence.chars().take(EXCERPT_CHARS).collect();
    if sentence.chars().count() > EXCERPT_CHARS {
        excerpt.push('…');
    }
    Some(excerpt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::template::default_template;

    fn keys(headings: &[&str]) -> Vec<Option<String>> {
        let mut parts: Vec<Part> = headings.iter().map(|h| Part::new(*h)).collect();
        let meta = Meta::new("某镇人民政府", 2023);
        map_parts(&mut parts, default_template(), &meta, &mut Vec::new());
        parts.into_iter().map(|p| p.statutory).collect()
    }

    fn some(ks: &[&str]) -> Vec<Option<String>> {
        ks.iter()
            .map(|k| (!k.is_empty()).then(|| k.to_string()))
            .collect()
    }

    #[test]
    fn the_usual_headings_map_in_order() {
        assert_eq!(
            keys(&[
                "推进法治政府建设的主要举措和成效",
                "推进法治政府建设存在的不足和原因",
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "2024年度推进法治政府建设的主要安排",
                "其他需要报告的情况",
            ]),
            some(&["measures", "shortcomings", "leadership", "plans", "other"])
        );
    }

    #[test]
    fn reworded_headings_still_map() {
        assert_eq!(
            keys(&[
                "2023年度推进法治政府建设的主要举措和成效。",
                "存在的不足和原因",
                "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
                "下一年度推进法治政府建设的主要安排",
                "其他需要报告的事项",
            ]),
            some(&["measures", "shortcomings", "leadership", "plans", "other"])
        );
        assert_eq!(
            keys(&[
                "主要举措和成效",
                "存在的问题和不足",
                "2024年工作安排",
                "其他情况"
            ]),
            some(&["measures", "shortcomings", "plans", "other"])
        );
    }

    #[test]
    fn extra_and_repeated_parts_stay_unmapped() {
        assert_eq!(
            keys(&[
                "推进法治政府建设的主要举措和成效",
                "加强法治宣传教育",
                "推进法治政府建设的主要举措和成效（续）",
                "推进法治政府建设的主要安排",
            ]),
            some(&["measures", "", "", "plans"])
        );
        assert_eq!(
            keys(&[
                "法治政府建设主要成效",
                "推进依法行政工作情况",
                "主要负责人履职情况",
                "下一步工作打算",
            ]),
            some(&["measures", "", "leadership", "plans"])
        );
    }

    #[test]
    fn order_does_not_bind_but_breaks_ties() {
        // The 第一责任人 part first, as some offices place it.
        assert_eq!(
            keys(&[
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "主要做法及成效",
                "存在的问题和原因",
                "2024年工作打算",
            ]),
            some(&["leadership", "measures", "shortcomings", "plans"])
        );
        assert_eq!(
            keys(&[
                "推进法治政府建设的主要安排",
                "推进法治政府建设的主要举措和成效",
            ]),
            some(&["plans", "measures"])
        );
        // Two headings equally good for the same two parts: taken in the template's order.
        assert_eq!(
            keys(&["存在的不足和下一步打算", "存在的不足和下一步打算"]),
            some(&["shortcomings", "plans"])
        );
    }

    #[test]
    fn renamed_parts_and_traditional_characters() {
        assert_eq!(
            keys(&[
                "基本情况和主要成效",
                "存在的不足",
                "主要負責人履職情況",
                "2024年度工作計劃",
                "其它事項",
            ]),
            some(&["measures", "shortcomings", "leadership", "plans", "other"])
        );
        assert_eq!(
            keys(&["主要工作和成效", "推進法治政府建設存在的問題"]),
            some(&["measures", "shortcomings"])
        );
    }

    #[test]
    fn decisions_are_reported_with_runner_up_and_keywords() {
        let mut parts = vec![Part::new("主要做法及成效"), Part::new("加强法治宣传教育")];
        let meta = Meta::new("某镇人民政府", 2023);
        let mut warnings = Vec::new();
        let mapping = map_parts(&mut parts, default_template(), &meta, &mut warnings);
        assert_eq!(mapping[0].statutory.as_deref(), Some("measures"));
        assert_eq!(mapping[0].keywords, ["成效", "做法"]);
        assert!(mapping[0].score >= 90, "{mapping:?}");
        assert_eq!(mapping[1].statutory, None);
        assert_eq!(mapping[1].score, 0);
        assert!(mapping[0].runner_up.as_ref().unwrap().score < 50);
    }

    #[test]
    fn folded_statutory_parts_are_found_inside_parts() {
        let mut measures = Part::new("主要举措和成效");
        measures
            .blocks
            .push(Block::Heading(nianbao_report::Heading::new("强化组织领导")));
        measures
            .blocks
            .push(Block::Heading(nianbao_report::Heading::new(
                "党政主要负责人履行推进法治建设第一责任人职责情况",
            )));
        let mut parts = vec![measures, Part::new("存在的不足和原因")];
        let meta = Meta::new("某镇人民政府", 2023);
        let mut warnings = Vec::new();
        map_parts(&mut parts, default_template(), &meta, &mut warnings);
        let folded: Vec<_> = warnings
            .iter()
            .filter_map(|w| match w {
                ImportWarning::StatutoryPartFolded {
                    key, part, found, ..
                } => Some((key.as_str(), *part, found.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            folded,
            [(
                "leadership",
                1,
                "（二）党政主要负责人履行推进法治建设第一责任人职责情况"
            )]
        );

        let mut measures = Part::new("主要举措和成效");
        measures.blocks.push(Block::Paragraph(nianbao_report::Paragraph::new(
            "一是加强领导。二是镇党委书记切实履行推进法治建设第一责任人职责，带头学法。三是其他。",
        )));
        let mut parts = vec![measures];
        let mut warnings = Vec::new();
        map_parts(&mut parts, default_template(), &meta, &mut warnings);
        assert!(
            warnings.contains(&ImportWarning::StatutoryPartFolded {
                key: "leadership".into(),
                heading: "党政主要负责人履行推进法治建设第一责任人职责情况".into(),
                part: 1,
                found: "二是镇党委书记切实履行推进法治建设第一责任人职责，带头学法。".into(),
            }),
            "{warnings:?}"
        );
    }

    #[test]
    fn normalising_drops_years_and_punctuation() {
        assert_eq!(
            normalise("四、2024年度推进，法治（政府）建设"),
            "四推进法治政府建设"
        );
        assert_eq!(normalise("上一年度主要举措"), "主要举措");
        assert_eq!(normalise("2023年推进"), "推进");
        assert_eq!(normalise("主要舉措"), "主要举措");
    }
}
