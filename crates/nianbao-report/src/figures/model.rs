//! One figure of a report and the values the drafter types into it.

use serde::{Deserialize, Serialize};

use super::Rational;

/// The unit of a rate: its values are per cent, and its difference is in 个百分点.
pub const PERCENT: &str = "%";

/// Decimals a value may carry (a rate like 97.215% is as fine as reports get).
const MAX_DECIMALS: usize = 4;

/// A figure (数据项): a count or rate the report quotes, with this year's and last year's
/// value. Values are exact decimals kept as text (`"15"`, `"97.5"`), never floats.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// Stable key, quoted by placeholders: `a-z`, `0-9` and `_` (`reconsideration_cases`).
    pub key: String,
    /// The name the drafter sees (`行政复议案件数`).
    pub name: String,
    /// The unit printed after a value (`件`, `次`, `%`).
    pub unit: String,
    /// What is counted, for the drafter who fills it in.
    #[serde(default)]
    pub meaning: String,
    /// This year's value, a canonical decimal; `None` while not filled in.
    #[serde(default)]
    pub value: Option<String>,
    /// Last year's value, a canonical decimal; `None` while not known.
    #[serde(default)]
    pub last_value: Option<String>,
    /// Added by the drafter rather than declared by the template (can be renamed, removed).
    #[serde(default)]
    pub custom: bool,
}

/// A value that is not a figure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// Not a decimal number (`abc`, `1,5`, `1e3`).
    #[error("{0:?} is not a number (write it like 15 or 12.5)")]
    NotANumber(String),
    /// Below zero: figures are counts and rates.
    #[error("{0:?} is negative; a figure is a count or a rate")]
    Negative(String),
    /// More decimals than any report prints.
    #[error("{0:?} has more than {MAX_DECIMALS} decimals")]
    TooPrecise(String),
}

/// Whether `key` is a valid figure key: 1–64 of `a-z`, `0-9`, `_`, starting with a letter.
pub fn is_key(key: &str) -> bool {
    (1..=64).contains(&key.len())
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Reads a value as the drafter types it (`15`, `12.50`, `１５`, `100%` for a rate) and
/// returns its canonical text (`15`, `12.5`, `100`).
pub fn parse_value(input: &str, unit: &str) -> Result<String, ValueError> {
    let trimmed = input.trim();
    let number = if unit == PERCENT {
        trimmed.trim_end_matches(['%', '％']).trim_end()
    } else {
        trimmed
            .strip_suffix(unit)
            .filter(|_| !unit.is_empty())
            .unwrap_or(trimmed)
            .trim_end()
    };
    let value = Rational::parse_decimal(number)
        .ok_or_else(|| ValueError::NotANumber(input.trim().to_string()))?;
    if value.signum() < 0 {
        return Err(ValueError::Negative(input.trim().to_string()));
    }
    let decimals = number
        .split_once(['.', '．'])
        .map_or(0, |(_, frac)| frac.chars().count());
    if decimals > MAX_DECIMALS {
        return Err(ValueError::TooPrecise(input.trim().to_string()));
    }
    // Exact: the value has at most MAX_DECIMALS decimals, so nothing is rounded here.
    value
        .to_decimal(MAX_DECIMALS as u32)
        .ok_or_else(|| ValueError::NotANumber(input.trim().to_string()))
}

impl Figure {
    /// A figure the drafter adds (custom), with no values yet.
    pub fn custom(
        key: impl Into<String>,
        name: impl Into<String>,
        unit: impl Into<String>,
    ) -> Self {
        Figure {
            key: key.into(),
            name: name.into(),
            unit: unit.into(),
            meaning: String::new(),
            value: None,
            last_value: None,
            custom: true,
        }
    }

    /// This year's value as an exact number.
    pub fn this_year(&self) -> Option<Rational> {
        self.value.as_deref().and_then(Rational::parse_decimal)
    }

    /// Last year's value as an exact number.
    pub fn last_year(&self) -> Option<Rational> {
        self.last_value.as_deref().and_then(Rational::parse_decimal)
    }

    /// Whether the figure is a rate (unit `%`).
    pub fn is_rate(&self) -> bool {
        self.unit == PERCENT
    }

    /// A value with the unit, as printed: `15件`, `100%`.
    pub fn with_unit(&self, value: &str) -> String {
        format!("{value}{}", self.unit)
    }

    /// The figure for the next year: last year's value ← this year's, this year's cleared.
    pub fn carried(&self) -> Figure {
        Figure {
            value: None,
            last_value: self.value.clone(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_exactly() {
        assert_eq!(parse_value("15", "件").as_deref(), Ok("15"));
        assert_eq!(parse_value(" 12.50 ", "件").as_deref(), Ok("12.5"));
        assert_eq!(parse_value("１５件", "件").as_deref(), Ok("15"));
        assert_eq!(parse_value("100%", PERCENT).as_deref(), Ok("100"));
        assert_eq!(parse_value("97.215％", PERCENT).as_deref(), Ok("97.215"));
        assert_eq!(parse_value("0", "件").as_deref(), Ok("0"));
        assert!(matches!(
            parse_value("十五", "件"),
            Err(ValueError::NotANumber(_))
        ));
        assert!(matches!(
            parse_value("1,500", "件"),
            Err(ValueError::NotANumber(_))
        ));
        assert!(matches!(
            parse_value("-3", "件"),
            Err(ValueError::Negative(_))
        ));
        assert!(matches!(
            parse_value("0.12345", "件"),
            Err(ValueError::TooPrecise(_))
        ));
        assert!(matches!(
            parse_value("", "件"),
            Err(ValueError::NotANumber(_))
        ));
    }

    #[test]
    fn keys() {
        assert!(is_key("reconsideration_cases"));
        assert!(is_key("c2"));
        assert!(!is_key("2c"));
        assert!(!is_key("Cases"));
        assert!(!is_key("案件"));
        assert!(!is_key(""));
        assert!(!is_key("a-b"));
    }

    #[test]
    fn carrying_moves_this_year_to_last() {
        let mut f = Figure::custom("x", "某数", "件");
        f.value = Some("6".into());
        f.last_value = Some("15".into());
        let next = f.carried();
        assert_eq!((next.value, next.last_value.as_deref()), (None, Some("6")));
    }
}
