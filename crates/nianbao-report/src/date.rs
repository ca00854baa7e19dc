//! 成文日期 and 印发日期: a calendar date written the GB/T 9704 way (2024年3月28日).

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date; serialised as `YYYY-MM-DD`, displayed as `2024年3月28日` (7.3.5.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct DocDate {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DateError {
    #[error("not a date: {0:?} (expected YYYY-MM-DD)")]
    Format(String),
    #[error("no such day: {0}-{1}-{2}")]
    Range(u16, u8, u8),
}

impl DocDate {
    /// A checked date between the years 1900 and 9999.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        let ok = (1900..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        if ok {
            Ok(DocDate { year, month, day })
        } else {
            Err(DateError::Range(year, month, day))
        }
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// `2024年3月28日`: Arabic numerals, full year, no leading zeros.
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// Reads `2024年3月28日` (digits may be full-width, spaces are ignored).
    pub fn parse_chinese(s: &str) -> Option<Self> {
        let ascii: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                _ => c,
            })
            .collect();
        let (y, rest) = ascii.split_once('年')?;
        let (m, rest) = rest.split_once('月')?;
        let d = rest.strip_suffix('日')?;
        DocDate::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for DocDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for DocDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        let bad = || DateError::Format(s.to_string());
        let mut it = s.trim().splitn(3, '-');
        let mut next = || it.next().ok_or_else(bad);
        let (y, m, d) = (next()?, next()?, next()?);
        DocDate::new(
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        )
    }
}

impl Serialize for DocDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_without_leading_zeros() {
        assert_eq!(DocDate::new(2024, 3, 8).unwrap().chinese(), "2024年3月8日");
    }

    #[test]
    fn iso_round_trip_and_refusals() {
        let d: DocDate = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(
            "2023-02-29".parse::<DocDate>(),
            Err(DateError::Range(2023, 2, 29))
        );
        assert!("2024/03/01".parse::<DocDate>().is_err());
        assert!("2024-13-01".parse::<DocDate>().is_err());
    }

    #[test]
    fn reads_chinese_dates() {
        assert_eq!(
            DocDate::parse_chinese("2024年3月28日"),
            DocDate::new(2024, 3, 28).ok()
        );
        assert_eq!(
            DocDate::parse_chinese("２０２４年 ３月２８日"),
            DocDate::new(2024, 3, 28).ok()
        );
        assert_eq!(DocDate::parse_chinese("2024年13月28日"), None);
        assert_eq!(DocDate::parse_chinese("二〇二四年三月"), None);
    }
}
