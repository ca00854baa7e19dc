//! Stated changes checked against their counts: "案件总量比去年15件案件,降低了9件 …
//! 分别降低60%和75%" is read as 15 → 6 (−9, −60%) and verified exactly.
//!
//! What is read, within one paragraph:
//! - counts: a number with a unit (`6件`, `8552件`, `34家次`); approximate ones (`50余条`,
//!   `约20人`) are never used;
//! - comparisons: `比|较 去年|上年|上一年度|去年同期|2022年 [的] <count>`, or
//!   `与 去年 <count> 相比`; the subject is the text before them (`案件总量`);
//! - stated changes after a comparison, in its clause or in the clauses right after that
//!   begin with the verb: `降低了9件`, `下降60%`, `增长12.5%`, `降幅为60%`;
//! - `A和B分别降低60%和75%`: each subject matched to the comparison that names it.
//!
//! This year's count of a comparison is, in order: a count in its subject (`行政复议案件5件，
//! 较上年8件…`), the count of the clause just before when the comparison opens its clause
//! (`…8552件，比去年7600件…`), the paragraph's total (`共计6件`) when the subject is a total
//! (`案件总量`), the nearest count whose label names the subject, and last the stated
//! difference (`败诉案件量比去年4件降低了3件` → 1). A percentage agrees when it is the exact
//! change rounded half up or cut to the decimals written.

use serde::Serialize;

use crate::{
    figures::{self, Rational},
    finding::Span,
};

/// A number and its unit as written, with where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quantity {
    pub value: Rational,
    pub unit: String,
    pub span: Span,
}

/// What the text says changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A difference in the count's unit (`降低了9件`).
    Difference,
    /// A percentage change (`降低60%`).
    Percent,
}

/// One stated change and what the counts give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// What is compared, as the text names it (`案件总量`, `败诉率`).
    pub subject: String,
    /// Last year's count (`比去年15件` → 15).
    pub last: Quantity,
    /// This year's count as the text states it; `None` when derived from a stated difference.
    pub current: Option<Quantity>,
    /// This year's value used (stated or derived).
    pub current_value: Rational,
    /// The change as stated, signed (`降低60%` → −60).
    pub stated: Rational,
    /// Decimals written in the stated figure.
    pub decimals: u32,
    /// Difference or percentage.
    pub kind: ChangeKind,
    /// Where the stated figure is (`60%`, `9件`).
    pub span: Span,
    /// The stated figure with its verb, as written (`降低60%`).
    pub written: String,
    /// The exact change the counts give, signed, in the unit or in per cent.
    pub computed: Rational,
    /// Whether the stated figure is a fair rendering of the computed one.
    pub agrees: bool,
}

pub(crate) const UNITS: [&str; 40] = [
    "万人次",
    "平方米",
    "人次",
    "家次",
    "户次",
    "件次",
    "批次",
    "万元",
    "亿元",
    "公里",
    "件",
    "次",
    "家",
    "个",
    "项",
    "人",
    "名",
    "条",
    "份",
    "场",
    "起",
    "宗",
    "户",
    "所",
    "处",
    "元",
    "篇",
    "期",
    "批",
    "本",
    "册",
    "台",
    "辆",
    "套",
    "座",
    "亩",
    "天",
    "例",
    "单",
    "位",
];

/// Words for "last year" after 比/较/与.
pub(crate) const PERIODS: [&str; 10] = [
    "去年同期",
    "上年同期",
    "上一年度",
    "上一年",
    "上年度",
    "去年度",
    "前一年",
    "去年",
    "上年",
    "同期",
];

const DOWN: [&str; 6] = ["下降", "降低", "减少", "降幅", "减幅", "少"];
const UP: [&str; 7] = ["增长", "增加", "上升", "提高", "提升", "增幅", "多"];
const TOTAL_SUBJECT: [&str; 6] = ["总量", "总数", "合计", "总计", "总共", "共计"];
const TOTAL_LABEL: [&str; 5] = ["共计", "合计", "总计", "总共", "共"];

#[derive(Debug, Clone)]
enum TokenKind {
    Count(String),
    Percent(u32),
}

#[derive(Debug, Clone)]
struct Token {
    kind: TokenKind,
    value: Rational,
    start: usize,
    /// End of number and unit.
    end: usize,
    approx: bool,
    clause: usize,
}

impl Token {
    fn unit(&self) -> Option<&str> {
        match &self.kind {
            TokenKind::Count(u) => Some(u),
            TokenKind::Percent(_) => None,
        }
    }

    fn quantity(&self) -> Option<Quantity> {
        Some(Quantity {
            value: self.value,
            unit: self.unit()?.to_string(),
            span: Span {
                start: self.start,
                end: self.end,
            },
        })
    }
}

struct Text {
    chars: Vec<char>,
    clauses: Vec<(usize, usize)>,
    tokens: Vec<Token>,
}

fn is_digit(c: char) -> bool {
    figures::ascii_digit(c).is_some()
}

impl Text {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut clauses = Vec::new();
        let mut start = 0;
        for (i, &c) in chars.iter().enumerate() {
            let split = match c {
                '，' | '；' | '。' | '！' | '？' | '：' | '\n' | ';' | '!' | '?' => true,
                ',' | ':' => {
                    !(i > 0
                        && is_digit(chars[i - 1])
                        && chars.get(i + 1).is_some_and(|c| is_digit(*c)))
                }
                _ => false,
            };
            if split {
                clauses.push((start, i));
                start = i + 1;
            }
        }
        clauses.push((start, chars.len()));
        let mut t = Text {
            chars,
            clauses,
            tokens: Vec::new(),
        };
        t.tokens = t.tokenize();
        t
    }

    fn starts_with(&self, at: usize, word: &str) -> bool {
        (at..)
            .zip(word.chars())
            .all(|(i, w)| self.chars.get(i) == Some(&w))
    }

    fn word_at<'w>(&self, at: usize, words: &[&'w str]) -> Option<&'w str> {
        words.iter().copied().find(|w| self.starts_with(at, w))
    }

    fn string(&self, from: usize, to: usize) -> String {
        self.chars[from.min(to)..to].iter().collect()
    }

    fn clause_of(&self, i: usize) -> usize {
        self.clauses
            .iter()
            .position(|&(_, e)| i <= e)
            .unwrap_or(self.clauses.len() - 1)
    }

    fn tokenize(&self) -> Vec<Token> {
        let c = &self.chars;
        let mut out = Vec::new();
        let mut i = 0;
        while i < c.len() {
            let boundary = i == 0 || !(is_digit(c[i - 1]) || matches!(c[i - 1], '.' | '．'));
            if !(is_digit(c[i]) && boundary) {
                i += 1;
                continue;
            }
            let start = i;
            while i < c.len() && is_digit(c[i]) {
                i += 1;
            }
            if matches!(c.get(i), Some('.' | '．')) && c.get(i + 1).is_some_and(|d| is_digit(*d)) {
                i += 1;
                while i < c.len() && is_digit(c[i]) {
                    i += 1;
                }
            }
            let num_end = i;
            let number: String = c[start..num_end].iter().collect();
            let Some(value) = Rational::parse_decimal(&number) else {
                continue;
            };
            let before: String = c[start.saturating_sub(2)..start].iter().collect();
            let mut approx = ["约", "近", "逾", "超"].iter().any(|w| before.ends_with(w))
                || before.ends_with("超过");
            let mut j = num_end;
            if matches!(c.get(j), Some('余' | '多')) {
                approx = true;
                j += 1;
            }
            let decimals = number
                .split_once(['.', '．'])
                .map_or(0, |(_, f)| f.chars().count());
            let kind = if matches!(c.get(j), Some('%' | '％')) {
                j += 1;
                TokenKind::Percent(u32::try_from(decimals).unwrap_or(0))
            } else if let Some(u) = self.word_at(j, &UNITS) {
                // 5个百分点 is a difference of rates, not a count.
                if u == "个" && self.starts_with(j + 1, "百分点") {
                    i = j + 4;
                    continue;
                }
                j += u.chars().count();
                TokenKind::Count(u.to_string())
            } else {
                continue;
            };
            out.push(Token {
                kind,
                value,
                start,
                end: j,
                approx,
                clause: self.clause_of(start),
            });
            i = j;
        }
        out
    }

    /// The text before a count in its clause, back to the previous number: its label.
    fn label(&self, t: &Token) -> String {
        let (cs, _) = self.clauses[t.clause];
        let from = self
            .tokens
            .iter()
            .filter(|o| o.clause == t.clause && o.end <= t.start)
            .map(|o| o.end)
            .max()
            .unwrap_or(cs);
        self.string(from, t.start)
    }
}

/// A comparison with last year's count.
#[derive(Debug)]
struct Comparison {
    clause: usize,
    /// Where 比/较/与 stands.
    marker: usize,
    subject: String,
    last: usize,
    /// Where stated changes may start.
    after: usize,
}

/// A stated change: direction, the token, and the verb's start.
#[derive(Debug, Clone)]
struct Change {
    down: bool,
    token: usize,
    verb_start: usize,
    /// The verb as written, up to the number (`降低了`).
    verb: String,
}

fn strip_subject(s: &str) -> String {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    let mut s = s;
    for filler in ["其中", "全年", "今年", "本年度", "本年"] {
        s = s.strip_prefix(filler).unwrap_or(s);
    }
    s.to_string()
}

impl Text {
    /// `去年` / `2022年度` / `去年同期的` at `at`: where the count would start.
    fn period(&self, at: usize) -> Option<usize> {
        let mut i = if let Some(w) = self.word_at(at, &PERIODS) {
            at + w.chars().count()
        } else if (0..4).all(|k| self.chars.get(at + k).is_some_and(|c| is_digit(*c)))
            && self.chars.get(at + 4) == Some(&'年')
        {
            let mut i = at + 5;
            if self.chars.get(i) == Some(&'度') {
                i += 1;
            }
            if self.starts_with(i, "同期") {
                i += 2;
            }
            i
        } else {
            return None;
        };
        if self.starts_with(i, "全年") {
            i += 2;
        }
        if self.chars.get(i) == Some(&'的') {
            i += 1;
        }
        Some(i)
    }

    fn comparisons(&self) -> Vec<Comparison> {
        let mut out = Vec::new();
        for (k, &c) in self.chars.iter().enumerate() {
            let marker = match c {
                '比' if self.chars.get(k + 1) != Some(&'较') => true,
                '较' => true,
                '与' => true,
                _ => false,
            };
            if !marker {
                continue;
            }
            let Some(at) = self.period(k + 1) else {
                continue;
            };
            let Some(last) = self
                .tokens
                .iter()
                .position(|t| t.start == at && t.unit().is_some() && !t.approx)
            else {
                continue;
            };
            let mut after = self.tokens[last].end;
            if c == '与' {
                // 与去年15件相比
                let rest = self.string(after, self.clauses[self.clause_of(after)].1);
                let Some(pos) = ["相比", "比较"].iter().find_map(|w| rest.find(w)) else {
                    continue;
                };
                after += rest[..pos].chars().count() + 2;
            }
            let clause = self.clause_of(k);
            out.push(Comparison {
                clause,
                marker: k,
                subject: strip_subject(&self.string(self.clauses[clause].0, k)),
                last,
                after,
            });
        }
        out
    }

    /// A change verb at `at` (after optional 同比/了), then a number: the change.
    fn change_at(&self, at: usize, limit: usize) -> Option<Change> {
        let mut i = at;
        while i < limit && self.chars[i].is_whitespace() {
            i += 1;
        }
        let (down, verb) = if let Some(w) = self.word_at(i, &DOWN) {
            (true, w)
        } else if let Some(w) = self.word_at(i, &UP) {
            (false, w)
        } else {
            return None;
        };
        let verb_start = i;
        let mut j = i + verb.chars().count();
        for filler in ["了", "达到", "为", "达"] {
            if self.starts_with(j, filler) {
                j += filler.chars().count();
                break;
            }
        }
        let token = self.tokens.iter().position(|t| t.start == j && !t.approx)?;
        Some(Change {
            down,
            token,
            verb_start,
            verb: self.string(verb_start, j),
        })
    }

    /// Changes stated for a comparison: in its clause after the count, then in following
    /// clauses that begin with a change verb.
    fn changes(&self, cmp: &Comparison, markers: &[usize]) -> Vec<Change> {
        let mut out = Vec::new();
        let (_, end) = self.clauses[cmp.clause];
        for i in cmp.after..end {
            if let Some(ch) = self.change_at(i, end) {
                out.push(ch);
                break;
            }
        }
        for &(cs, ce) in &self.clauses[cmp.clause + 1..] {
            let text = self.string(cs, ce);
            if text.contains("分别") || markers.iter().any(|m| (cs..ce).contains(m)) {
                break;
            }
            match self.change_at(cs, ce) {
                Some(ch) => out.push(ch),
                None => break,
            }
        }
        out
    }

    /// This year's count for a comparison, and the subject it names.
    fn current(&self, cmp: &Comparison) -> Option<usize> {
        let unit = self.tokens[cmp.last].unit()?;
        let (cs, _) = self.clauses[cmp.clause];
        let usable = |t: &Token| t.unit() == Some(unit) && !t.approx;
        // a. A count in the subject.
        if let Some(i) = self
            .tokens
            .iter()
            .rposition(|t| usable(t) && t.start >= cs && t.end <= cmp.marker)
        {
            return Some(i);
        }
        let before = |t: &Token| t.end <= cs;
        // b. The comparison opens its clause: the count of the clause before.
        if cmp.subject.is_empty() {
            return self
                .tokens
                .iter()
                .rposition(|t| usable(t) && before(t) && t.clause + 1 == cmp.clause);
        }
        // c. A total.
        if TOTAL_SUBJECT.iter().any(|w| cmp.subject.contains(w))
            && let Some(i) = self.tokens.iter().rposition(|t| {
                usable(t) && before(t) && TOTAL_LABEL.iter().any(|w| self.label(t).contains(w))
            })
        {
            return Some(i);
        }
        // d. A count whose label names the subject.
        let mut core = cmp.subject.as_str();
        for suffix in ["数量", "总量", "总数", "量", "数"] {
            if let Some(s) = core.strip_suffix(suffix) {
                core = s;
                break;
            }
        }
        if core.chars().count() >= 2 {
            return self
                .tokens
                .iter()
                .rposition(|t| usable(t) && before(t) && self.label(t).contains(core));
        }
        None
    }

    /// `A和B分别降低60%和75%`: (subject, change) pairs.
    fn respectively(&self) -> Vec<(String, Change)> {
        let mut out = Vec::new();
        for (ci, &(cs, ce)) in self.clauses.iter().enumerate() {
            let text = self.string(cs, ce);
            let Some(pos) = text.find("分别") else {
                continue;
            };
            let at = cs + text[..pos].chars().count();
            let subjects: Vec<String> = text[..pos]
                .split(['和', '及', '与', '、'])
                .map(strip_subject)
                .filter(|s| !s.is_empty())
                .collect();
            let Some(first) = self.change_at(at + 2, ce) else {
                continue;
            };
            let mut changes = vec![first.clone()];
            // Further figures of the same kind, joined by 和、及.
            let mut prev = first.token;
            for (ti, t) in self.tokens.iter().enumerate().skip(prev + 1) {
                if t.clause != ci || t.approx {
                    break;
                }
                let between = self.string(self.tokens[prev].end, t.start);
                let same_kind = std::mem::discriminant(&t.kind)
                    == std::mem::discriminant(&self.tokens[first.token].kind);
                if !same_kind || !matches!(between.trim(), "和" | "、" | "及" | "与" | "以及")
                {
                    break;
                }
                changes.push(Change {
                    token: ti,
                    ..first.clone()
                });
                prev = ti;
            }
            if changes.len() == subjects.len() {
                out.extend(subjects.into_iter().zip(changes));
            }
        }
        out
    }
}

/// The longest run of characters two subjects share.
fn common(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut best = 0;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            best = best.max(k);
        }
    }
    best
}

/// Every stated change in `text` that can be checked against its counts, verified.
pub fn claims(text: &str) -> Vec<Claim> {
    if !text.contains(['比', '较', '与']) {
        return Vec::new();
    }
    let t = Text::new(text);
    let comparisons = t.comparisons();
    if comparisons.is_empty() {
        return Vec::new();
    }
    let markers: Vec<usize> = comparisons.iter().map(|c| c.marker).collect();
    let mut per: Vec<Vec<Change>> = comparisons.iter().map(|c| t.changes(c, &markers)).collect();
    for (subject, change) in t.respectively() {
        let best = comparisons
            .iter()
            .enumerate()
            // 分别 refers back to comparisons before it.
            .filter(|(_, c)| c.marker < change.verb_start)
            .map(|(i, c)| (common(&subject, &c.subject), i))
            .filter(|&(score, _)| score >= 2)
            .max_by_key(|&(score, i)| (score, std::cmp::Reverse(i)));
        if let Some((_, i)) = best {
            per[i].push(change);
        }
    }
    let mut out = Vec::new();
    for (cmp, changes) in comparisons.iter().zip(per) {
        let last_tok = &t.tokens[cmp.last];
        let Some(last) = last_tok.quantity() else {
            continue;
        };
        let stated_current = t.current(cmp);
        let subject = match (&cmp.subject, stated_current) {
            (s, Some(i)) if s.is_empty() => strip_subject(&t.label(&t.tokens[i])),
            (s, _) => s.clone(),
        };
        // Without a stated count, this year's value follows from a stated difference.
        let derived = changes.iter().find_map(|ch| {
            let tok = &t.tokens[ch.token];
            (tok.unit() == last_tok.unit()).then(|| {
                if ch.down {
                    last.value.checked_sub(tok.value)
                } else {
                    last.value.checked_add(tok.value)
                }
            })?
        });
        let (current, current_value) = match stated_current {
            Some(i) => (t.tokens[i].quantity(), t.tokens[i].value),
            None => match derived {
                Some(v) => (None, v),
                None => continue,
            },
        };
        for ch in changes {
            let tok = &t.tokens[ch.token];
            let magnitude = tok.value;
            let stated = if ch.down {
                magnitude.checked_neg()
            } else {
                Some(magnitude)
            };
            let Some(stated) = stated else { continue };
            let (kind, decimals, computed) = match &tok.kind {
                TokenKind::Percent(d) => (
                    ChangeKind::Percent,
                    *d,
                    figures::percent_change(last.value, current_value),
                ),
                TokenKind::Count(u) if Some(u.as_str()) == last_tok.unit() => (
                    ChangeKind::Difference,
                    0,
                    current_value.checked_sub(last.value),
                ),
                TokenKind::Count(_) => continue,
            };
            let Some(computed) = computed else { continue };
            let agrees = match kind {
                ChangeKind::Percent => figures::agrees(stated, decimals, computed),
                ChangeKind::Difference => stated == computed,
            };
            out.push(Claim {
                subject: subject.clone(),
                last: last.clone(),
                current: current.clone(),
                current_value,
                stated,
                decimals,
                kind,
                span: Span {
                    start: tok.start,
                    end: tok.end,
                },
                written: format!("{}{}", ch.verb, t.string(tok.start, tok.end)),
                computed,
                agrees,
            });
        }
    }
    out.sort_by_key(|c| c.span.start);
    out
}

/// The messages of a claim that does not agree: (English, Chinese).
pub(crate) fn describe(claim: &Claim) -> (String, String) {
    let unit = &claim.last.unit;
    let (last, now) = (claim.last.value, claim.current_value);
    let now_note_en = if claim.current.is_none() {
        " (as the stated difference gives)"
    } else {
        ""
    };
    let magnitude = claim.computed.checked_abs().unwrap_or(claim.computed);
    let sign = claim.computed.signum();
    let (computed_en, computed_zh) = match claim.kind {
        ChangeKind::Percent => {
            let pct = figures::format_percent(magnitude, figures::DEFAULT_DECIMALS);
            let en = match sign {
                0 => "no change".to_string(),
                s if s < 0 => format!("a fall of {pct}"),
                _ => format!("a rise of {pct}"),
            };
            (
                en,
                figures::format_change(claim.computed, figures::DEFAULT_DECIMALS),
            )
        }
        ChangeKind::Difference => match sign {
            0 => ("no change".to_string(), "持平".to_string()),
            s if s < 0 => (
                format!("a fall of {magnitude}{unit}"),
                format!("减少{magnitude}{unit}"),
            ),
            _ => (
                format!("a rise of {magnitude}{unit}"),
                format!("增加{magnitude}{unit}"),
            ),
        },
    };
    let subject = if claim.subject.is_empty() {
        String::new()
    } else {
        format!("{}: ", claim.subject)
    };
    let en = format!(
        "{subject}{last}{unit} last year → {now}{unit} this year{now_note_en} is {computed_en}, but the text says {}",
        claim.written
    );
    let zh = format!(
        "数据不符：{}去年{last}{unit}、今年{now}{unit}，应为“{computed_zh}”，文中写作“{}”。",
        claim.subject, claim.written
    );
    (en, zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "2023年度,我镇共涉行政复议案件和行政诉讼案件共计6件,其中,行政复议案件5件,5件均为维持原判,胜诉率100%,行政诉讼案件1件,已确认政府强拆行为违法。案件总量比去年15件案件,降低了9件,败诉案件量比去年4件降低了3件,案件总量和败诉率分别降低60%和75%。本镇全年案件均按要求落实行政机关负责人出庭制度,全部复议决定或判决裁定均已认真严格履行。";

    fn summary(text: &str) -> Vec<(String, String, String, bool)> {
        claims(text)
            .into_iter()
            .map(|c| {
                (
                    c.subject,
                    format!("{}→{}", c.last.value, c.current_value),
                    c.written,
                    c.agrees,
                )
            })
            .collect()
    }

    fn row(s: &str, counts: &str, written: &str, ok: bool) -> (String, String, String, bool) {
        (s.into(), counts.into(), written.into(), ok)
    }

    #[test]
    fn the_samples_claims_verify() {
        assert_eq!(
            summary(SAMPLE),
            [
                row("案件总量", "15→6", "降低了9件", true),
                row("败诉案件量", "4→1", "降低了3件", true),
                row("案件总量", "15→6", "降低60%", true),
                row("败诉案件量", "4→1", "降低75%", true),
            ]
        );
        let c = claims(SAMPLE);
        assert_eq!(c[0].current.as_ref().unwrap().value, Rational::integer(6));
        assert_eq!(c[1].current, None, "败诉 this year follows from 4 − 3");
        assert_eq!(c[2].computed, Rational::integer(-60));
        let chars: Vec<char> = SAMPLE.chars().collect();
        let at = |s: Span| chars[s.start..s.end].iter().collect::<String>();
        assert_eq!(at(c[2].span), "60%");
        assert_eq!(at(c[3].span), "75%");
    }

    #[test]
    fn a_changed_count_is_caught() {
        let text = SAMPLE.replace("共计6件", "共计7件");
        assert_eq!(
            summary(&text),
            [
                row("案件总量", "15→7", "降低了9件", false),
                row("败诉案件量", "4→1", "降低了3件", true),
                row("案件总量", "15→7", "降低60%", false),
                row("败诉案件量", "4→1", "降低75%", true),
            ]
        );
        let c = claims(&text);
        let (en, zh) = describe(&c[2]);
        assert_eq!(
            en,
            "案件总量: 15件 last year → 7件 this year is a fall of 53.33%, but the text says 降低60%"
        );
        assert!(zh.contains("应为“降低53.33%”"), "{zh}");
        // A changed percentage alone.
        let text = SAMPLE.replace("分别降低60%和75%", "分别降低60%和70%");
        assert_eq!(
            claims(&text).iter().map(|c| c.agrees).collect::<Vec<_>>(),
            [true, true, true, false]
        );
    }

    #[test]
    fn counts_before_the_comparison() {
        assert_eq!(
            summary("全年受理政务服务事项8552件,比去年7602件增长12.5%。"),
            [row("受理政务服务事项", "7602→8552", "增长12.5%", true)]
        );
        assert_eq!(
            summary("其中行政复议案件5件，较上年8件下降37.5%，行政诉讼案件1件。"),
            [row("行政复议案件", "8→5", "下降37.5%", true)]
        );
        assert_eq!(
            summary("开展法制审核186件，与去年同期的200件相比，减少了14件，降幅为7%。"),
            [
                row("开展法制审核", "200→186", "减少了14件", true),
                row("开展法制审核", "200→186", "降幅为7%", true),
            ]
        );
        // 2/3: 66.67% rounded or 66.6% cut both pass; 66.5% does not.
        let ok = summary("化解矛盾纠纷2件，比去年6件下降66.67%。");
        assert!(ok[0].3);
        assert!(summary("化解矛盾纠纷2件，比去年6件下降66.6%。")[0].3);
        assert!(!summary("化解矛盾纠纷2件，比去年6件下降66.5%。")[0].3);
        // The wrong direction.
        assert!(!summary("化解矛盾纠纷8件，比去年6件下降33.33%。")[0].3);
    }

    #[test]
    fn what_cannot_be_checked_is_left_alone() {
        for text in [
            // No last-year count.
            "全年受理行政复议案件5件，行政诉讼案件1件，较上年下降60%，",
            // Rates, not counts.
            "与去年同期A岗参与率85.2%和违法行为纳入检查率97.21%均有明显提升",
            // Approximate figures.
            "开展排查工作50余次，比去年40余次增长25%。",
            // 比较 is not a comparison with last year.
            "目前现有法治宣传手段比较单一,普法形式缺乏创新。",
            // Nothing to say how many this year.
            "比去年15件有所下降。",
        ] {
            assert_eq!(summary(text), [], "{text}");
        }
    }
}
