//! Placeholders turned into text: the one place where a quote of a figure becomes what the
//! page prints. A placeholder that cannot print a number prints a visible 〔…〕 note instead,
//! which the checker reports as an error.

use serde::{Deserialize, Serialize};

use super::{
    DEFAULT_DECIMALS, Expr, Figure, Form, PERCENT, Rational, Token, format_change, format_percent,
    percent_change, share, token_spans,
};

/// Decimals of a figure's value (values carry at most four; nothing is rounded away).
const VALUE_DECIMALS: u32 = 4;

/// Why a placeholder prints a note instead of a number.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TokenProblem {
    /// The placeholder does not follow the grammar.
    Malformed { reason: String },
    /// No figure has this key.
    Unknown { key: String },
    /// A value the placeholder needs is not filled in.
    Unfilled { name: String, last_year: bool },
    /// A change or share against zero.
    NoBase { name: String },
    /// A sum of figures with different units.
    MixedUnits { names: Vec<String> },
}

impl TokenProblem {
    /// The note printed in place of the number: `〔待填：行政复议案件数〕`.
    pub fn note(&self) -> String {
        match self {
            TokenProblem::Malformed { .. } => "〔数据引用有误〕".into(),
            TokenProblem::Unknown { key } => format!("〔未知数据项：{key}〕"),
            TokenProblem::Unfilled {
                name,
                last_year: false,
            } => format!("〔待填：{name}〕"),
            TokenProblem::Unfilled {
                name,
                last_year: true,
            } => format!("〔待填：{name}（上年）〕"),
            TokenProblem::NoBase { name } => format!("〔无法计算：{name}为0〕"),
            TokenProblem::MixedUnits { names } => format!("〔单位不一致：{}〕", names.join("、")),
        }
    }

    /// One English line, for the command line and logs.
    pub fn describe_en(&self) -> String {
        match self {
            TokenProblem::Malformed { reason } => format!("malformed placeholder: {reason}"),
            TokenProblem::Unknown { key } => format!("no figure has the key {key:?}"),
            TokenProblem::Unfilled { name, last_year } => format!(
                "{name}: {} value not filled in",
                if *last_year {
                    "last year's"
                } else {
                    "this year's"
                }
            ),
            TokenProblem::NoBase { name } => format!("{name} is 0, so no change or share"),
            TokenProblem::MixedUnits { names } => {
                format!("figures with different units added: {}", names.join(", "))
            }
        }
    }
}

/// A piece of a text: literal, or a placeholder with what it prints (for the editor's chips).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Segment {
    /// Text as typed.
    Literal { text: String },
    /// A placeholder.
    Token {
        /// The placeholder as stored (`{{数据：lost_cases|变化}}`).
        source: String,
        /// What it prints: the value, or a 〔…〕 note when `problem` is set.
        rendered: String,
        /// The figure keys it quotes, in order.
        keys: Vec<String>,
        /// Why it prints a note instead of a number.
        problem: Option<TokenProblem>,
    },
}

/// `text` split into literal text and placeholders, each with what it prints.
pub fn segments(text: &str, figures: &[Figure]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for (range, parsed) in token_spans(text) {
        if range.start > at {
            out.push(Segment::Literal {
                text: text[at..range.start].to_string(),
            });
        }
        let (keys, result) = match parsed {
            Ok(token) => (
                token.keys().map(str::to_string).collect(),
                evaluate(&token, figures),
            ),
            Err(reason) => (Vec::new(), Err(TokenProblem::Malformed { reason })),
        };
        let (rendered, problem) = match result {
            Ok(s) => (s, None),
            Err(p) => (p.note(), Some(p)),
        };
        out.push(Segment::Token {
            source: text[range.clone()].to_string(),
            rendered,
            keys,
            problem,
        });
        at = range.end;
    }
    if at < text.len() {
        out.push(Segment::Literal {
            text: text[at..].to_string(),
        });
    }
    out
}

/// `text` with every placeholder replaced by what it prints.
pub fn render(text: &str, figures: &[Figure]) -> String {
    if !super::has_tokens(text) {
        return text.to_string();
    }
    segments(text, figures)
        .into_iter()
        .map(|s| match s {
            Segment::Literal { text } => text,
            Segment::Token { rendered, .. } => rendered,
        })
        .collect()
}

/// A sum of figures: its unit, its name for notes, and its value in the chosen year.
struct Sum<'a> {
    figures: Vec<&'a Figure>,
}

impl<'a> Sum<'a> {
    fn of(keys: &[String], all: &'a [Figure]) -> Result<Self, TokenProblem> {
        let figures = keys
            .iter()
            .map(|k| {
                all.iter()
                    .find(|f| &f.key == k)
                    .ok_or_else(|| TokenProblem::Unknown { key: k.clone() })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if figures.iter().any(|f| f.unit != figures[0].unit) {
            return Err(TokenProblem::MixedUnits {
                names: figures.iter().map(|f| f.name.clone()).collect(),
            });
        }
        Ok(Sum { figures })
    }

    fn unit(&self) -> &str {
        self.figures.first().map_or("", |f| f.unit.as_str())
    }

    fn name(&self) -> String {
        let names: Vec<&str> = self.figures.iter().map(|f| f.name.as_str()).collect();
        names.join("与")
    }

    fn value(&self, last_year: bool) -> Result<Rational, TokenProblem> {
        let mut total = Rational::ZERO;
        for f in &self.figures {
            let v = if last_year {
                f.last_year()
            } else {
                f.this_year()
            };
            let v = v.ok_or_else(|| TokenProblem::Unfilled {
                name: f.name.clone(),
                last_year,
            })?;
            // Values carry four decimals and fit easily; an overflow would be a damaged file.
            total = total.checked_add(v).unwrap_or(total);
        }
        Ok(total)
    }
}

fn decimal(v: Rational) -> String {
    v.to_decimal(VALUE_DECIMALS)
        .unwrap_or_else(|| v.to_string())
}

/// What a placeholder prints, or why it cannot.
fn evaluate(token: &Token, figures: &[Figure]) -> Result<String, TokenProblem> {
    match &token.expr {
        Expr::Sum(keys) => {
            let sum = Sum::of(keys, figures)?;
            let unit = sum.unit();
            Ok(match token.form {
                Form::ThisYear => format!("{}{unit}", decimal(sum.value(false)?)),
                Form::LastYear => format!("{}{unit}", decimal(sum.value(true)?)),
                Form::Difference => {
                    let (this, last) = (sum.value(false)?, sum.value(true)?);
                    let d = this.checked_sub(last).unwrap_or(Rational::ZERO);
                    let magnitude = decimal(d.checked_abs().unwrap_or(d));
                    let rate = unit == PERCENT;
                    match (d.signum(), rate) {
                        (0, _) => "持平".into(),
                        (1, false) => format!("增加{magnitude}{unit}"),
                        (_, false) => format!("减少{magnitude}{unit}"),
                        (1, true) => format!("提高{magnitude}个百分点"),
                        (_, true) => format!("降低{magnitude}个百分点"),
                    }
                }
                Form::Change => {
                    let (this, last) = (sum.value(false)?, sum.value(true)?);
                    let p = percent_change(last, this)
                        .ok_or_else(|| TokenProblem::NoBase { name: sum.name() })?;
                    format_change(p, DEFAULT_DECIMALS)
                }
            })
        }
        Expr::Share(part, whole) => {
            let (part, whole) = (Sum::of(part, figures)?, Sum::of(whole, figures)?);
            let last_year = token.form == Form::LastYear;
            let s = share(part.value(last_year)?, whole.value(last_year)?)
                .ok_or_else(|| TokenProblem::NoBase { name: whole.name() })?;
            Ok(format_percent(s, DEFAULT_DECIMALS))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(key: &str, name: &str, unit: &str, value: Option<&str>, last: Option<&str>) -> Figure {
        Figure {
            value: value.map(str::to_string),
            last_value: last.map(str::to_string),
            custom: false,
            ..Figure::custom(key, name, unit)
        }
    }

    /// The sample's figures: 复议 5 + 诉讼 1 (last year 15 in total), 败诉 1 (last year 4).
    fn sample() -> Vec<Figure> {
        vec![
            fig("fy", "行政复议案件数", "件", Some("5"), Some("11")),
            fig("ss", "行政诉讼案件数", "件", Some("1"), Some("4")),
            fig("bs", "败诉案件数", "件", Some("1"), Some("4")),
            fig("cs", "出庭应诉率", "%", Some("100"), Some("92.5")),
            fig("pf", "普法活动次数", "次", None, Some("30")),
            fig("zero", "零", "件", Some("3"), Some("0")),
        ]
    }

    #[test]
    fn renders_every_form() {
        let f = sample();
        let r = |t: &str| render(t, &f);
        assert_eq!(r("受理{{数据：fy}}"), "受理5件");
        assert_eq!(r("去年{{数据：fy|上年}}"), "去年11件");
        assert_eq!(r("{{数据：fy+ss}}"), "6件");
        assert_eq!(
            r("比去年{{数据：fy+ss|上年}}，{{数据：fy+ss|差}}"),
            "比去年15件，减少9件"
        );
        assert_eq!(
            r("{{数据：fy+ss|变化}}和{{数据：bs|变化}}"),
            "降低60%和降低75%"
        );
        assert_eq!(r("{{数据：bs|差}}"), "减少3件");
        assert_eq!(r("{{数据：bs/ss}}"), "100%");
        assert_eq!(r("{{数据：bs/bs+fy|上年}}"), "26.67%");
        assert_eq!(r("{{数据：cs}}，{{数据：cs|差}}"), "100%，提高7.5个百分点");
        assert_eq!(r("{{数据：zero|差}}"), "增加3件");
        assert_eq!(r("{{数据：bs/ss|本年}}"), "100%");
        assert_eq!(r("没有占位符，原样。"), "没有占位符，原样。");
    }

    #[test]
    fn problems_print_visibly() {
        let f = sample();
        let r = |t: &str| render(t, &f);
        assert_eq!(r("开展{{数据：pf}}"), "开展〔待填：普法活动次数〕");
        assert_eq!(r("{{数据：nope}}"), "〔未知数据项：nope〕");
        assert_eq!(r("{{数据：zero|变化}}"), "〔无法计算：零为0〕");
        assert_eq!(
            r("{{数据：fy+pf}}"),
            "〔单位不一致：行政复议案件数、普法活动次数〕"
        );
        assert_eq!(r("{{数据：fy|平均}}"), "〔数据引用有误〕");
        let mut unfilled_last = sample();
        unfilled_last[0].last_value = None;
        assert_eq!(
            render("{{数据：fy|变化}}", &unfilled_last),
            "〔待填：行政复议案件数（上年）〕"
        );
    }

    #[test]
    fn changing_a_value_changes_every_quote() {
        let mut f = sample();
        let text = "共{{数据：fy+ss}}，{{数据：fy+ss|变化}}。";
        assert_eq!(render(text, &f), "共6件，降低60%。");
        f[0].value = Some("6".into());
        assert_eq!(render(text, &f), "共7件，降低53.33%。");
    }

    #[test]
    fn segments_split_literals_and_chips() {
        let s = segments("共{{数据：fy}}，{{数据：x}}", &sample());
        assert_eq!(s.len(), 4);
        assert_eq!(s[0], Segment::Literal { text: "共".into() });
        assert_eq!(
            s[1],
            Segment::Token {
                source: "{{数据：fy}}".into(),
                rendered: "5件".into(),
                keys: vec!["fy".into()],
                problem: None
            }
        );
        assert!(matches!(
            &s[3],
            Segment::Token { problem: Some(TokenProblem::Unknown { key }), .. } if key == "x"
        ));
        let json = serde_json::to_value(&s[1]).unwrap();
        assert_eq!(json["kind"], "token");
        assert_eq!(json["problem"], serde_json::Value::Null);
    }
}
