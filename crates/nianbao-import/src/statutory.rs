//! Which part fills which statutory part of the template, by how alike their headings are.
//!
//! Headings are compared after removing years (`2024年度`) and punctuation, as weighted
//! multisets of characters (a weighted Dice coefficient): characters most template headings share
//! (推, 进, 法, 治) count little, characters that set one part apart (举措, 不足, 安排) count much.
//! A part may fill a statutory part when that similarity is fair and clearly its best (see
//! [`acceptable`]); parts and statutory parts are then aligned in order, each used at most once,
//! maximising the total similarity.

use std::collections::HashMap;

use nianbao_report::{Meta, Part, Template};

use crate::warning::ImportWarning;

/// Least similarity (0–1) for a part to count as a statutory part at all.
const MIN_SIMILARITY: f64 = 0.3;
/// Similarity at which a match needs no clear lead over the runner-up.
const SURE_SIMILARITY: f64 = 0.6;
/// How far below its best match a part may still be placed (as a share of the best).
const NEAR_BEST: f64 = 0.8;
/// How far ahead of the runner-up a fair but unsure match must be.
const LEAD: f64 = 2.0;

/// Phrases naming a year relative to the report; they vary freely between reports.
const RELATIVE_YEARS: &[&str] = &["上一年度", "下一年度", "上年度", "下年度", "本年度", "年度"];

/// Sets `statutory` on each part that matches a template part; warns about the rest.
pub(crate) fn map_parts(
    parts: &mut [Part],
    template: &Template,
    meta: &Meta,
    warnings: &mut Vec<ImportWarning>,
) {
    let wanted: Vec<Vec<char>> = template
        .parts
        .iter()
        .map(|p| {
            normalise(&template.render(&p.heading, meta))
                .chars()
                .collect()
        })
        .collect();
    let weights = Weights::new(&wanted);
    let got: Vec<Vec<char>> = parts
        .iter()
        .map(|p| normalise(&p.heading).chars().collect())
        .collect();
    let score: Vec<Vec<Option<f64>>> = got
        .iter()
        .map(|g| {
            let row: Vec<f64> = wanted.iter().map(|w| weights.similarity(g, w)).collect();
            (0..row.len()).map(|j| acceptable(&row, j)).collect()
        })
        .collect();
    for (i, j) in align(&score) {
        parts[i].statutory = Some(template.parts[j].key.clone());
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
        if !parts
            .iter()
            .any(|p| p.statutory.as_deref() == Some(&tp.key))
        {
            warnings.push(ImportWarning::MissingStatutoryPart {
                key: tp.key.clone(),
                heading: template.render(&tp.heading, meta),
            });
        }
    }
}

/// The heading without years, relative-year phrases, punctuation and spacing.
fn normalise(heading: &str) -> String {
    let mut s = String::with_capacity(heading.len());
    let chars: Vec<char> = heading.chars().collect();
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

/// The similarity of a part to statutory part `j`, if good enough to place it there: fair,
/// near the part's best, and (unless high) well ahead of every other statutory part.
fn acceptable(row: &[f64], j: usize) -> Option<f64> {
    let s = row[j];
    let best = row.iter().copied().fold(0.0, f64::max);
    let runner_up = row
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != j)
        .map(|(_, &x)| x)
        .fold(0.0, f64::max);
    let ok = s >= MIN_SIMILARITY
        && s >= NEAR_BEST * best
        && (s >= SURE_SIMILARITY || s >= LEAD * runner_up);
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

/// The order-keeping matching of parts (rows) to template parts (columns) with the greatest
/// total score, using only acceptable pairs.
fn align(score: &[Vec<Option<f64>>]) -> Vec<(usize, usize)> {
    let rows = score.len();
    let cols = score.first().map_or(0, Vec::len);
    // best[i][j]: best total for the first i parts and first j template parts.
    let mut best = vec![vec![0.0f64; cols + 1]; rows + 1];
    for i in 1..=rows {
        for j in 1..=cols {
            let pair = score[i - 1][j - 1].map_or(f64::MIN, |s| best[i - 1][j - 1] + s);
            best[i][j] = pair.max(best[i - 1][j]).max(best[i][j - 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (rows, cols);
    while i > 0 && j > 0 {
        let matched = score[i - 1][j - 1].is_some_and(|s| best[i][j] == best[i - 1][j - 1] + s);
        if matched {
            out.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if best[i][j] == best[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
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
            some(&["measures", "", "leadership", ""])
        );
        // Out of order only one can be kept, and neither is taken for the part it resembles.
        let got = keys(&[
            "推进法治政府建设的主要安排",
            "推进法治政府建设的主要举措和成效",
        ]);
        assert!(
            got == some(&["plans", ""]) || got == some(&["", "measures"]),
            "{got:?}"
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
    }
}
