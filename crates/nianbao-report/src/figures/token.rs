//! The placeholder grammar. A quote of a figure is stored in the block's text as
//!
//! ```text
//! token := "{{数据：" expr [ "|" form ] "}}"
//! expr  := sum [ "/" sum ]              a sum, or the share of one sum in another
//! sum   := key { "+" key }              figure keys, added
//! form  := "本年" | "上年" | "差" | "变化"   default 本年
//! ```
//!
//! `{{数据：reconsideration_cases}}` prints `15件`; `{{数据：reconsideration_cases+litigation_cases|变化}}`
//! prints `降低60%`; `{{数据：lost_cases/litigation_cases}}` prints `75%`. Double ASCII braces
//! never occur in a 公文, so no real text is read as a placeholder; and the colon is the
//! full-width one, so that no text rule of the checker (half-width punctuation, pairs,
//! dates) sees anything to flag, or to "fix", inside a placeholder.

use std::ops::Range;

use super::is_key;

/// What opens a placeholder.
pub const TOKEN_OPEN: &str = "{{数据：";
/// What closes a placeholder.
pub const TOKEN_CLOSE: &str = "}}";

/// The longest placeholder read (bytes between the braces); longer is plain text.
const MAX_INNER: usize = 400;

/// Which value of the expression a placeholder prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// This year's value with its unit (`15件`), or this year's share (`75%`).
    ThisYear,
    /// Last year's value with its unit, or last year's share.
    LastYear,
    /// This year minus last year: `增加3件`, `减少9件`, `持平` (rates: `个百分点`).
    Difference,
    /// The change from last year in per cent: `增长12.5%`, `降低60%`, `持平`.
    Change,
}

impl Form {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "本年" => Form::ThisYear,
            "上年" => Form::LastYear,
            "差" => Form::Difference,
            "变化" => Form::Change,
            _ => return None,
        })
    }

    /// The name written after `|`.
    pub fn name(self) -> &'static str {
        match self {
            Form::ThisYear => "本年",
            Form::LastYear => "上年",
            Form::Difference => "差",
            Form::Change => "变化",
        }
    }
}

/// What a placeholder quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// One figure or the sum of several.
    Sum(Vec<String>),
    /// The first sum as a share of the second, in per cent.
    Share(Vec<String>, Vec<String>),
}

/// A parsed placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub expr: Expr,
    pub form: Form,
}

impl Token {
    /// A placeholder quoting one figure in a form.
    pub fn quote(key: &str, form: Form) -> String {
        match form {
            Form::ThisYear => format!("{TOKEN_OPEN}{key}{TOKEN_CLOSE}"),
            _ => format!("{TOKEN_OPEN}{key}|{}{TOKEN_CLOSE}", form.name()),
        }
    }

    /// Every key the placeholder names.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let (a, b): (&[String], &[String]) = match &self.expr {
            Expr::Sum(a) => (a, &[]),
            Expr::Share(a, b) => (a, b),
        };
        a.iter().chain(b).map(String::as_str)
    }

    /// Parses what stands between `{{数据：` and `}}`.
    fn parse(inner: &str) -> Result<Token, String> {
        let (expr, form) = match inner.split_once('|') {
            Some((e, f)) => (
                e,
                Form::parse(f.trim())
                    .ok_or_else(|| format!("unknown form {:?} (本年, 上年, 差, 变化)", f.trim()))?,
            ),
            None => (inner, Form::ThisYear),
        };
        let sum = |s: &str| -> Result<Vec<String>, String> {
            s.split('+')
                .map(|k| {
                    let k = k.trim();
                    if is_key(k) {
                        Ok(k.to_string())
                    } else {
                        Err(format!("{k:?} is not a figure key"))
                    }
                })
                .collect()
        };
        let expr = match expr.split_once('/') {
            Some((a, b)) => {
                if matches!(form, Form::Difference | Form::Change) {
                    return Err(format!("a share has no {}", form.name()));
                }
                Expr::Share(sum(a)?, sum(b)?)
            }
            None => Expr::Sum(sum(expr)?),
        };
        Ok(Token { expr, form })
    }
}

/// The placeholders in `text`: byte range of each (braces included) and its parse, or why
/// it does not parse. An opening without a closing `}}` is plain text.
pub fn token_spans(text: &str) -> Vec<(Range<usize>, Result<Token, String>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(TOKEN_OPEN) {
        let start = from + at;
        let inner_start = start + TOKEN_OPEN.len();
        let Some(len) = text[inner_start..].find(TOKEN_CLOSE) else {
            break;
        };
        if len > MAX_INNER || text[inner_start..inner_start + len].contains(TOKEN_OPEN) {
            from = inner_start;
            continue;
        }
        let end = inner_start + len + TOKEN_CLOSE.len();
        out.push((
            start..end,
            Token::parse(&text[inner_start..inner_start + len]),
        ));
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(ks: &[&str]) -> Vec<String> {
        ks.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn parses_the_grammar() {
        let t = token_spans("共{{数据：a}}，较上年{{数据：a+b|变化}}，占{{数据：a/a+b|上年}}。");
        assert_eq!(t.len(), 3);
        assert_eq!(
            t[0].1,
            Ok(Token {
                expr: Expr::Sum(keys(&["a"])),
                form: Form::ThisYear
            })
        );
        assert_eq!(
            t[1].1,
            Ok(Token {
                expr: Expr::Sum(keys(&["a", "b"])),
                form: Form::Change
            })
        );
        assert_eq!(
            t[2].1,
            Ok(Token {
                expr: Expr::Share(keys(&["a"]), keys(&["a", "b"])),
                form: Form::LastYear
            })
        );
        assert_eq!(
            &"共{{数据：a}}，"[t[0].0.clone()],
            "{{数据：a}}",
            "ranges cover the braces"
        );
        assert_eq!(Token::quote("a", Form::Change), "{{数据：a|变化}}");
        assert_eq!(Token::quote("a", Form::ThisYear), "{{数据：a}}");
    }

    #[test]
    fn bad_placeholders_are_reported_and_plain_text_stays_plain() {
        let t = token_spans("{{数据：A}}{{数据：a|平均}}{{数据：a/b|变化}}{{数据：}}");
        assert_eq!(t.len(), 4);
        assert!(t.iter().all(|(_, r)| r.is_err()), "{t:?}");
        assert!(token_spans("规划（2021-2025年）{{数据：a 未闭合").is_empty());
        assert!(token_spans("{{数据 a}} {a} {{b}}").is_empty());
        // A second opening inside the first: the inner one is the placeholder.
        let t = token_spans("{{数据：{{数据：a}}");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].0.start, "{{数据：".len());
    }
}
