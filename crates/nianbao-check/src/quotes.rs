//! Numbers in the text that quote a figure (数据项) and disagree with it: "受理行政复议案件
//! 12件" while 行政复议案件数 is 15 this year.
//!
//! A number quotes a figure when, within its clause, it stands right after a form of the
//! figure's name, in the figure's unit:
//!
//! ```text
//! [lead-in] form [measure] [比|较|与 period [的]] [filler] number unit
//! 其中      行政复议案件                              5       件
//! 共受理    行政复议案件    数                     为  5       件
//! 败诉案件  量  比 去年                                       4  件     (last year's value)
//! ```
//!
//! Forms: the name (`行政复议案件数`), its core without the count word (`行政复议案件`), for a
//! core ending in a verb the verb first (`受理政务服务事项`) or the object alone after that verb
//! earlier in the clause (`受理各类政务服务事项`). What stands before the form must be the
//! clause's start or a plain lead-in (`其中`, `受理`, `2023年`); anything else (`办结`, `被撤销的`,
//! `和`) may make the number a subset or a total, and the number is left alone. So are
//! approximate numbers (`约`, `近`, `余`, `以上`), and numbers in a clause that speaks of another
//! year. A number compared with last year (`比去年15件`), or in a clause about last year
//! (`去年`, `2022年`), is checked against last year's value.

use nianbao_report::{
    Report,
    figures::{Figure, PERCENT, Rational, ascii_digit, token_spans},
    template,
};

use crate::{
    claims::{PERIODS, UNITS},
    finding::{Field, Finding, Fix, FixText, Rule, Severity, Span},
    units::Unit,
};

/// Count words a figure's name ends in (`行政复议案件数` → `行政复议案件`).
const COUNT_WORDS: [&str; 5] = ["次数", "数量", "总数", "总量", "数"];
/// Verbs a figure's core may end in (`政务服务事项受理`).
const VERBS: [&str; 6] = ["受理", "排查", "化解", "审核", "审查", "办理"];

/// Between a form and its number: a measure word, then a comparison, then a filler.
const MEASURES: [&str; 5] = ["数量", "总数", "总量", "数", "量"];
const COMPARATORS: [&str; 3] = ["比", "较", "与"];
const FILLERS: [&str; 10] = [
    "达到", "共计", "合计", "总计", "累计", "共有", "为", "达", "共", "有",
];
/// What may stand right before a form (besides the clause's start).
const LEAD_INS: [&str; 24] = [
    "其中", "受理", "办理", "收到", "接到", "涉及", "涉", "发生", "共", "年", "年度", "各类",
    "开展", "组织", "完成", "新收", "我镇", "我区", "我县", "我市", "本镇", "本区", "本县", "本市",
];
const APPROX_BEFORE: [&str; 9] = [
    "将近", "超过", "不足", "不到", "大约", "近", "约", "超", "逾",
];
const APPROX_AFTER: [&str; 6] = ["左右", "以上", "以下", "以内", "多", "余"];
/// Words that place a clause in the report's own year.
const THIS_YEAR: [&str; 4] = ["今年", "本年", "全年", "当年"];

/// Stands for a placeholder's characters while numbers are read: nothing in one is text.
const MASK: char = '\u{FFFC}';

/// One way the text may name a figure.
#[derive(Debug)]
struct Form {
    figure: usize,
    noun: Vec<char>,
    /// A verb that must come earlier in the clause (`受理` for `政务服务事项`).
    verb: Option<&'static str>,
    /// The name or a form that clearly is it: the number may be fixed without asking.
    sure: bool,
}

/// Which year a quoted number speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Year {
    This,
    Last,
    Other,
}

/// The figures a report's text may quote, with their forms; built once per check.
pub(crate) struct Quotes<'r> {
    figures: &'r [Figure],
    forms: Vec<Form>,
    /// Every unit of a figure with a value, and the units a number may carry, longest first.
    units: Vec<String>,
    /// The first characters of the quotable figures' units: a cheap test on every number.
    unit_starts: Vec<char>,
    year: u16,
}

fn push_form(
    forms: &mut Vec<Form>,
    figure: usize,
    noun: &str,
    verb: Option<&'static str>,
    sure: bool,
) {
    let noun: Vec<char> = noun.chars().collect();
    if noun.len() >= 2
        && !forms
            .iter()
            .any(|f| f.figure == figure && f.noun == noun && f.verb == verb)
    {
        forms.push(Form {
            figure,
            noun,
            verb,
            sure,
        });
    }
}

impl<'r> Quotes<'r> {
    pub(crate) fn new(report: &'r Report) -> Self {
        let figures = report.figures.as_slice();
        let mut forms = Vec::new();
        for (i, f) in figures.iter().enumerate() {
            if f.unit.is_empty() || (f.value.is_none() && f.last_value.is_none()) {
                continue;
            }
            let name = f.name.trim();
            push_form(&mut forms, i, name, None, true);
            let core = if f.is_rate() {
                name
            } else {
                COUNT_WORDS
                    .iter()
                    .find_map(|w| name.strip_suffix(w))
                    .unwrap_or(name)
            };
            push_form(&mut forms, i, core, None, true);
            for verb in VERBS {
                if let Some(object) = core.strip_suffix(verb) {
                    push_form(&mut forms, i, &format!("{verb}{object}"), None, true);
                    push_form(&mut forms, i, object, Some(verb), false);
                }
            }
            // Short forms no rule derives, as the template declares them (`出庭应诉率`).
            let declared = template::builtin(&report.meta.template)
                .and_then(|t| t.figures.iter().find(|d| d.key == f.key));
            for alias in declared.map_or(&[][..], |d| &d.aliases) {
                push_form(&mut forms, i, alias, None, false);
            }
        }
        let mut units: Vec<String> = UNITS.iter().map(|u| u.to_string()).collect();
        for f in figures {
            if !f.unit.is_empty() && !units.contains(&f.unit) {
                units.push(f.unit.clone());
            }
        }
        units.sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
        let mut unit_starts: Vec<char> = forms
            .iter()
            .filter_map(|f| figures[f.figure].unit.chars().next())
            .collect();
        if unit_starts.contains(&'%') {
            unit_starts.push('％');
        }
        unit_starts.sort_unstable();
        unit_starts.dedup();
        Quotes {
            figures,
            forms,
            units,
            unit_starts,
            year: report.meta.year,
        }
    }

    /// The quote findings of one unit, every safe correction of it in one fix.
    pub(crate) fn check(&self, unit: &Unit<'_>, out: &mut Vec<Finding>) {
        if self.forms.is_empty() {
            return;
        }
        let mut found: Vec<(Field, Mismatch)> = Vec::new();
        for field in [Field::Text, Field::Body] {
            let text = unit.field(field);
            if !text.chars().any(|c| ascii_digit(c).is_some()) {
                continue;
            }
            found.extend(self.mismatches(text).into_iter().map(|m| (field, m)));
        }
        if found.is_empty() {
            return;
        }
        let mut after = FixText {
            text: unit.text.into(),
            body: unit.body.into(),
        };
        let mut fixable = false;
        // From the end, so that earlier spans stay where they were.
        for (field, m) in found.iter().rev().filter(|(_, m)| m.sure) {
            let slot = match field {
                Field::Text => &mut after.text,
                Field::Body => &mut after.body,
            };
            let mut chars: Vec<char> = slot.chars().collect();
            chars.splice(m.number.start..m.number.end, m.value.chars());
            *slot = chars.into_iter().collect();
            fixable = true;
        }
        let fix = fixable.then(|| Fix {
            target: unit.target.clone(),
            before: Some(FixText {
                text: unit.text.into(),
                body: unit.body.into(),
            }),
            after,
        });
        for (field, m) in found {
            let f = &self.figures[m.figure];
            let (value, written) = (f.with_unit(&m.value), m.written.as_str());
            let (en, zh) = match m.year {
                Year::Last => (
                    format!(
                        "{} was {value} last year, but the text says {written}",
                        f.name
                    ),
                    format!(
                        "与数据项不符：{}上年为{value}，文中写作“{written}”。",
                        f.name
                    ),
                ),
                _ => (
                    format!(
                        "{} is {value} this year, but the text says {written}",
                        f.name
                    ),
                    format!(
                        "与数据项不符：{}本年为{value}，文中写作“{written}”。",
                        f.name
                    ),
                ),
            };
            out.push(Finding {
                location: unit.location(field, Some(m.span)),
                severity: Severity::Error,
                rule: Rule::FigureQuote,
                message_en: en,
                message_zh: zh,
                fix: if m.sure { fix.clone() } else { None },
            });
        }
    }

    /// Every number of `text` that quotes a figure and disagrees with it.
    fn mismatches(&self, text: &str) -> Vec<Mismatch> {
        let mut chars: Vec<char> = text.chars().collect();
        for (range, _) in token_spans(text) {
            let start = text[..range.start].chars().count();
            let len = text[range].chars().count();
            chars[start..start + len].fill(MASK);
        }
        let t = Chars(&chars);
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if ascii_digit(chars[i]).is_none() || (i > 0 && t.is_number_char(i - 1)) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && ascii_digit(chars[i]).is_some() {
                i += 1;
            }
            if i + 1 < chars.len()
                && matches!(chars[i], '.' | '．')
                && ascii_digit(chars[i + 1]).is_some()
            {
                i += 1;
                while i < chars.len() && ascii_digit(chars[i]).is_some() {
                    i += 1;
                }
            }
            if let Some(m) = self.quote(&t, start, i) {
                out.push(m);
            }
        }
        out
    }

    /// The number at `start..end` if it quotes a figure and disagrees with it.
    fn quote(&self, t: &Chars<'_>, start: usize, end: usize) -> Option<Mismatch> {
        if !self.unit_starts.contains(t.0.get(end)?) {
            return None;
        }
        let unit = self.unit_at(t, end)?;
        let unit_end = end + unit.chars().count();
        let unit = if unit == "％" { PERCENT } else { unit };
        if APPROX_AFTER.iter().any(|w| t.starts_with(unit_end, w))
            || APPROX_BEFORE.iter().any(|w| t.ends_with(start, w))
            || t.ends_with(start, "第")
        {
            return None;
        }
        // Read back from the number: filler, comparison with last year, measure word.
        let mut p = t.strip(start, &FILLERS);
        let mut compared = false;
        let q = t.strip(p, &["的"]);
        if let Some(period) = PERIODS.iter().find(|w| t.ends_with(q, w)) {
            p = t.strip(q - period.chars().count(), &COMPARATORS);
            compared = true;
        }
        p = t.strip(p, &MEASURES);
        let clause = t.clause_start(p);
        // The longest form that ends here, in the number's unit; two figures alike: unclear.
        let candidates: Vec<&Form> = self
            .forms
            .iter()
            .filter(|f| self.figures[f.figure].unit == unit)
            .filter(|f| p >= clause + f.noun.len() && t.0[p - f.noun.len()..p] == f.noun[..])
            .filter(|f| f.verb.is_none_or(|v| t.find(clause, p - f.noun.len(), v)))
            .collect();
        let longest = candidates.iter().map(|f| f.noun.len()).max()?;
        let best: Vec<&&Form> = candidates
            .iter()
            .filter(|f| f.noun.len() == longest)
            .collect();
        if best.iter().any(|f| f.figure != best[0].figure) {
            return None;
        }
        let form = best[0];
        let noun_start = p - form.noun.len();
        let listed =
            noun_start > 0 && matches!(t.0[noun_start - 1], '和' | '与' | '及' | '、' | '或');
        if listed {
            // `A和B共计6件` is a total; `A15件、B1件` is two counts.
            if !self.quantity_before(t, noun_start - 1) {
                return None;
            }
        } else if noun_start > clause && !LEAD_INS.iter().any(|w| t.ends_with(noun_start, w)) {
            return None;
        }
        let year = if compared {
            Year::Last
        } else {
            self.clause_year(t, clause, noun_start)
        };
        let figure = &self.figures[form.figure];
        let expected = match year {
            Year::This => figure.this_year(),
            Year::Last => figure.last_year(),
            Year::Other => None,
        }?;
        let digits: String = t.0[start..end]
            .iter()
            .map(|&c| match ascii_digit(c) {
                Some(d) => char::from(b'0' + d),
                None => '.',
            })
            .collect();
        let written = Rational::parse_decimal(&digits)?;
        if written.cmp(&expected).is_eq() {
            return None;
        }
        let value = match year {
            Year::Last => figure.last_value.clone(),
            _ => figure.value.clone(),
        }?;
        Some(Mismatch {
            figure: form.figure,
            year,
            number: Span { start, end },
            span: Span {
                start,
                end: unit_end,
            },
            written: t.0[start..unit_end].iter().collect(),
            value,
            sure: form.sure,
        })
    }

    /// The unit written at `at`: the longest known one, or none.
    fn unit_at<'a>(&'a self, t: &Chars<'_>, at: usize) -> Option<&'a str> {
        if t.starts_with(at, "%") || t.starts_with(at, "％") {
            return Some(if t.0[at] == '%' { PERCENT } else { "％" });
        }
        self.units
            .iter()
            .find(|u| t.starts_with(at, u))
            .map(String::as_str)
    }

    /// Whether a number with its unit ends at `at`.
    fn quantity_before(&self, t: &Chars<'_>, at: usize) -> bool {
        (1..=3).any(|k| {
            at > k
                && ascii_digit(t.0[at - k - 1]).is_some()
                && self
                    .unit_at(t, at - k)
                    .is_some_and(|u| u.chars().count() == k)
        })
    }

    /// Which year the clause speaks of before `to`: the last year or marker word in it.
    fn clause_year(&self, t: &Chars<'_>, from: usize, to: usize) -> Year {
        let mut year = Year::This;
        let mut i = from;
        while i < to {
            if PERIODS.iter().any(|w| t.starts_with(i, w)) {
                year = Year::Last;
            } else if THIS_YEAR.iter().any(|w| t.starts_with(i, w)) {
                year = Year::This;
            } else if i + 4 < t.0.len()
                && t.0[i + 4] == '年'
                && (i == 0 || ascii_digit(t.0[i - 1]).is_none())
                && t.0[i..i + 4].iter().all(|c| ascii_digit(*c).is_some())
            {
                let n = t.0[i..i + 4].iter().fold(0u32, |n, c| {
                    n * 10 + u32::from(ascii_digit(*c).unwrap_or(0))
                });
                year = if n == u32::from(self.year) {
                    Year::This
                } else if n + 1 == u32::from(self.year) {
                    Year::Last
                } else {
                    Year::Other
                };
            }
            i += 1;
        }
        year
    }
}

/// A number that quotes a figure and disagrees with it.
#[derive(Debug)]
struct Mismatch {
    figure: usize,
    year: Year,
    /// The digits.
    number: Span,
    /// The digits and the unit.
    span: Span,
    written: String,
    /// The figure's value in that year, as the fix writes it.
    value: String,
    sure: bool,
}

/// A text as characters, with the few look-ups the reading needs.
struct Chars<'a>(&'a [char]);

impl Chars<'_> {
    fn starts_with(&self, at: usize, word: &str) -> bool {
        (at..)
            .zip(word.chars())
            .all(|(i, w)| self.0.get(i) == Some(&w))
    }

    fn ends_with(&self, at: usize, word: &str) -> bool {
        let n = word.chars().count();
        at >= n && self.starts_with(at - n, word)
    }

    /// `at` moved back over the first of `words` that ends there.
    fn strip(&self, at: usize, words: &[&str]) -> usize {
        words
            .iter()
            .find(|w| self.ends_with(at, w))
            .map_or(at, |w| at - w.chars().count())
    }

    fn find(&self, from: usize, to: usize, word: &str) -> bool {
        (from..to).any(|i| self.starts_with(i, word) && i + word.chars().count() <= to)
    }

    fn is_number_char(&self, i: usize) -> bool {
        ascii_digit(self.0[i]).is_some() || matches!(self.0[i], '.' | '．')
    }

    /// Where the clause holding `at` starts: after the last stop, comma, colon, list mark,
    /// opening bracket or quote before it.
    fn clause_start(&self, at: usize) -> usize {
        self.0[..at]
            .iter()
            .rposition(|&c| {
                matches!(
                    c,
                    '，' | '。'
                        | '；'
                        | '：'
                        | '！'
                        | '？'
                        | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | '（'
                        | '('
                        | '“'
                        | '"'
                        | '、'
                        | '\n'
                        | ' '
                        | '　'
                        | MASK
                )
            })
            .map_or(0, |i| i + 1)
    }
}

#[cfg(test)]
mod tests {
    use nianbao_report::{Block, DocDate, Paragraph, Report, template};

    use crate::{Finding, Rule, apply_fixes, check};

    /// A 2023 report whose figures hold the sample's values.
    fn report(text: &str) -> Report {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(text))];
        for (key, value, last) in [
            ("reconsideration_cases", "15", Some("11")),
            ("litigation_cases", "1", Some("4")),
            ("lost_cases", "1", Some("4")),
            ("head_appearance_rate", "100", Some("92.5")),
            ("service_items", "8552", Some("7602")),
            ("dispute_screenings", "50", None),
            ("disputes_resolved", "13", None),
        ] {
            let f = r.figures.iter_mut().find(|f| f.key == key).unwrap();
            f.value = Some(value.into());
            f.last_value = last.map(Into::into);
        }
        r
    }

    fn quotes(text: &str) -> Vec<Finding> {
        check(&report(text), DocDate::new(2024, 2, 18).unwrap())
            .into_iter()
            .filter(|f| f.rule == Rule::FigureQuote)
            .collect()
    }

    fn flagged(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        quotes(text)
            .iter()
            .map(|f| {
                let r = f.location.range.unwrap();
                chars[r.start..r.end].iter().collect()
            })
            .collect()
    }

    #[test]
    fn a_number_that_disagrees_with_its_figure_is_an_error_with_a_fix() {
        let text = "2023年，全年受理行政复议案件12件，均已依法办结。";
        let f = quotes(text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, crate::Severity::Error);
        assert_eq!(
            f[0].message_en,
            "行政复议案件数 is 15件 this year, but the text says 12件"
        );
        assert_eq!(
            f[0].message_zh,
            "与数据项不符：行政复议案件数本年为15件，文中写作“12件”。"
        );
        let fix = f[0].fix.clone().expect("an unambiguous quote is fixed");
        assert_eq!(
            fix.after.text,
            "2023年，全年受理行政复议案件15件，均已依法办结。"
        );
        let mut r = report(text);
        assert_eq!(apply_fixes(&mut r, &[fix]), 1);
        assert_eq!(
            check(&r, DocDate::new(2024, 2, 18).unwrap())
                .iter()
                .filter(|f| f.rule == Rule::FigureQuote)
                .count(),
            0
        );
    }

    #[test]
    fn agreeing_numbers_and_forms_of_the_name() {
        for text in [
            "全年受理行政复议案件15件，行政诉讼案件1件。",
            "其中，行政复议案件数为15件。",
            "行政机关负责人出庭应诉率达100%。",
            "出庭应诉率达到100％。",
            "共受理各类政务服务事项8552件，受理群众咨询2214人次。",
            "化解矛盾纠纷13件，开展矛盾纠纷排查50次。",
        ] {
            assert_eq!(flagged(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(flagged("出庭应诉率为92.5%。"), ["92.5%"]);
        assert_eq!(flagged("共受理各类政务服务事项8500件。"), ["8500件"]);
        assert_eq!(
            flagged("化解矛盾纠纷12件，排查矛盾纠纷40次。"),
            ["12件", "40次"]
        );
        // Two counts in a list, each after its own name.
        assert_eq!(flagged("受理行政复议案件15件、行政诉讼案件2件。"), ["2件"]);
        assert_eq!(flagged("受理行政复议案件15件和行政诉讼案件2件。"), ["2件"]);
    }

    #[test]
    fn last_years_numbers_are_checked_against_last_years_value() {
        // 比去年4件: last year's value, which agrees.
        assert_eq!(
            flagged("败诉案件量比去年4件降低了3件。"),
            Vec::<String>::new()
        );
        assert_eq!(
            flagged("行政诉讼案件1件，较上年的4件有所下降。"),
            Vec::<String>::new()
        );
        assert_eq!(
            flagged("2022年受理行政复议案件11件。"),
            Vec::<String>::new()
        );
        assert_eq!(
            flagged("去年行政复议案件11件，今年行政复议案件15件。"),
            Vec::<String>::new()
        );
        // Last year's number matched against this year's 1 would be a false alarm; against
        // last year's 4 it is wrong.
        let f = quotes("败诉案件量比去年5件降低了4件。");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message_en,
            "败诉案件数 was 4件 last year, but the text says 5件"
        );
        assert!(f[0].message_zh.contains("上年为4件"));
        assert_eq!(
            f[0].fix.as_ref().unwrap().after.text,
            "败诉案件量比去年4件降低了4件。"
        );
        // A year that is neither: left alone; so is last year's number without last year's value.
        assert_eq!(
            flagged("2021年受理行政复议案件20件。"),
            Vec::<String>::new()
        );
        assert_eq!(flagged("去年化解矛盾纠纷9件。"), Vec::<String>::new());
    }

    #[test]
    fn what_may_not_be_the_figure_is_left_alone() {
        for text in [
            // A total of two figures.
            "我镇共涉行政复议案件和行政诉讼案件共计6件。",
            "行政复议、行政诉讼案件3件。",
            "排查化解矛盾纠纷20件。",
            // A subset, or another count of the same cases.
            "办结行政复议案件12件。",
            "被撤销的行政复议案件2件。",
            "行政复议案件中维持原决定12件。",
            // Approximate.
            "受理行政复议案件约12件。",
            "受理行政复议案件近20件。",
            "受理行政复议案件12件左右。",
            "受理行政复议案件10余件。",
            // Another unit, an ordinal, or a number inside a placeholder.
            "受理行政复议案件12次。",
            "第3件行政复议案件。",
            "行政复议案件{{数据：reconsideration_cases}}。",
            // Not the figure's name.
            "受理行政复议申请12件。",
        ] {
            assert_eq!(flagged(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn forms_two_figures_share_are_not_used() {
        let mut r = report("经排查并化解各类矛盾纠纷20件。");
        // Both figures in 件, both verbs before 矛盾纠纷: which one the number is, is unclear.
        r.figures
            .iter_mut()
            .find(|f| f.key == "dispute_screenings")
            .unwrap()
            .unit = "件".into();
        let today = DocDate::new(2024, 2, 18).unwrap();
        assert!(check(&r, today).iter().all(|f| f.rule != Rule::FigureQuote));
        // The object alone after its verb is a guess: an error, but no fix.
        let f = quotes("受理各类政务服务事项8500件。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].fix, None);
    }

    #[test]
    fn two_mismatches_in_one_text_share_one_fix() {
        let text = "全年受理行政复议案件12件，行政诉讼案件2件，败诉案件量比去年4件减少3件。";
        assert_eq!(flagged(text), ["12件", "2件"]);
        let f = quotes(text);
        assert_eq!(f[0].fix, f[1].fix);
        assert_eq!(
            f[0].fix.as_ref().unwrap().after.text,
            "全年受理行政复议案件15件，行政诉讼案件1件，败诉案件量比去年4件减少3件。"
        );
    }

    #[test]
    fn numbers_at_the_edges_of_a_text() {
        for text in [
            "12",
            "件12",
            "12.",
            ".5件",
            "行政复议案件12",
            "行政复议案件",
            "12件",
            "%",
            "行政复议案件.5件",
            "行政复议案件{{数据：reconsideration_cases}}12件",
        ] {
            assert_eq!(flagged(text), Vec::<String>::new(), "{text}");
        }
        // Full-width digits are numbers too; the fix writes the value in ASCII digits.
        let f = quotes("行政复议案件１２件");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].fix.as_ref().unwrap().after.text, "行政复议案件15件");
        assert_eq!(flagged("行政复议案件12件"), ["12件"]);
    }

    #[test]
    fn figures_without_values_quote_nothing() {
        let mut r = report("全年受理行政复议案件12件。");
        for f in &mut r.figures {
            f.value = None;
            f.last_value = None;
        }
        let today = DocDate::new(2024, 2, 18).unwrap();
        assert!(check(&r, today).iter().all(|f| f.rule != Rule::FigureQuote));
    }
}
