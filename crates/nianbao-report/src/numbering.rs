//! Heading levels and their markers 一、（一）1.（1）, generated from position (GB/T 9704 7.3.3).

use serde::{Deserialize, Serialize};

/// The four heading levels of the report body; a part's own heading is level one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum HeadingLevel {
    /// `一、` 黑体
    One = 1,
    /// `（一）` 楷体
    Two = 2,
    /// `1.` 仿宋
    Three = 3,
    /// `（1）` 仿宋
    Four = 4,
}

impl HeadingLevel {
    /// The level as a number 1–4.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The level below this one, if any.
    pub fn child(self) -> Option<Self> {
        Self::try_from(self as u8 + 1).ok()
    }

    /// The marker of the `n`th heading (1-based) at this level.
    pub fn marker(self, n: usize) -> String {
        match self {
            HeadingLevel::One => format!("{}、", chinese_numeral(n)),
            HeadingLevel::Two => format!("（{}）", chinese_numeral(n)),
            HeadingLevel::Three => format!("{n}."),
            HeadingLevel::Four => format!("（{n}）"),
        }
    }
}

impl From<HeadingLevel> for u8 {
    fn from(l: HeadingLevel) -> u8 {
        l as u8
    }
}

impl TryFrom<u8> for HeadingLevel {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(HeadingLevel::One),
            2 => Ok(HeadingLevel::Two),
            3 => Ok(HeadingLevel::Three),
            4 => Ok(HeadingLevel::Four),
            _ => Err(format!("heading level must be 1–4, not {n}")),
        }
    }
}

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Writes 1–9999 the way document headings count: 一, 十, 十一, 二十, 一百零一.
pub fn chinese_numeral(n: usize) -> String {
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    if (10..20).contains(&n) {
        // 十一, not 一十一, when the number starts with ten.
        let rest = chinese_numeral(n % 10);
        return if n == 10 {
            "十".into()
        } else {
            format!("十{rest}")
        };
    }
    let units = ['千', '百', '十'];
    let mut out = String::new();
    let mut pending_zero = false;
    for (i, div) in [1000, 100, 10, 1].into_iter().enumerate() {
        let d = n / div % 10;
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        out.push(DIGITS[d]);
        if let Some(u) = units.get(i) {
            out.push(*u);
        }
    }
    out
}

/// Reads a Chinese numeral written like [`chinese_numeral`] writes it (一 … 九千九百九十九).
pub fn parse_chinese_numeral(s: &str) -> Option<usize> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0usize;
    let mut digit: Option<usize> = None;
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '零' | '〇' => {
                digit = None;
                continue;
            }
            _ => {
                let d = DIGITS.iter().position(|&x| x == c)?;
                if digit.is_some() {
                    return None;
                }
                digit = Some(d);
                continue;
            }
        };
        total += digit.take().unwrap_or(1) * unit;
    }
    Some(total + digit.unwrap_or(0)).filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_as_headings_count() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1005, "一千零五"),
        ];
        for (n, s) in cases {
            assert_eq!(chinese_numeral(n), s, "{n}");
            assert_eq!(parse_chinese_numeral(s), Some(n), "{s}");
        }
        assert_eq!(parse_chinese_numeral("一二"), None);
        assert_eq!(parse_chinese_numeral("甲"), None);
    }

    #[test]
    fn markers_per_level() {
        assert_eq!(HeadingLevel::One.marker(5), "五、");
        assert_eq!(HeadingLevel::Two.marker(12), "（十二）");
        assert_eq!(HeadingLevel::Three.marker(3), "3.");
        assert_eq!(HeadingLevel::Four.marker(1), "（1）");
        assert_eq!(HeadingLevel::Four.child(), None);
        assert!(HeadingLevel::try_from(5).is_err());
    }
}
