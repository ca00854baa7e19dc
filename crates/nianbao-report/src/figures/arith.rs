//! Exact arithmetic: differences, percentage changes and shares as fractions of two
//! `i128`s, never floats (a float prints 59.999%), formatted the way these reports write
//! them: `降低60%`, `增长12.5%`, `持平`, `100%`.

use std::{cmp::Ordering, fmt};

use serde::{Serialize, Serializer};

/// How many decimals a percentage gets by default (`53.33%`).
pub const DEFAULT_DECIMALS: u32 = 2;

/// An exact fraction, always in lowest terms with a positive denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rational {
    num: i128,
    den: i128,
}

fn gcd(a: u128, b: u128) -> u128 {
    let (mut a, mut b) = (a, b);
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `10^n`, when it fits.
fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

impl Rational {
    /// Zero.
    pub const ZERO: Rational = Rational { num: 0, den: 1 };
    /// One hundred: a whole expressed in per cent.
    pub const HUNDRED: Rational = Rational { num: 100, den: 1 };

    /// `num / den` in lowest terms; `None` when `den` is zero or the value does not fit.
    pub fn new(num: i128, den: i128) -> Option<Self> {
        if den == 0 {
            return None;
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        // g ≥ 1 because den ≠ 0; g fits i128 unless both are i128::MIN.
        let g = i128::try_from(g).ok()?;
        let (mut num, mut den) = (num / g, den / g);
        if den < 0 {
            num = num.checked_neg()?;
            den = den.checked_neg()?;
        }
        Some(Rational { num, den })
    }

    /// A whole number.
    pub const fn integer(n: i128) -> Self {
        Rational { num: n, den: 1 }
    }

    /// The numerator (lowest terms, carries the sign).
    pub fn numer(self) -> i128 {
        self.num
    }

    /// The denominator (lowest terms, always positive).
    pub fn denom(self) -> i128 {
        self.den
    }

    /// −1, 0 or 1.
    pub fn signum(self) -> i128 {
        self.num.signum()
    }

    /// Whether the value is zero.
    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    /// Whether the value is a whole number.
    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    /// The absolute value; `None` only for the numerator `i128::MIN`.
    pub fn checked_abs(self) -> Option<Self> {
        Some(Rational {
            num: self.num.checked_abs()?,
            den: self.den,
        })
    }

    /// The negated value; `None` only for the numerator `i128::MIN`.
    pub fn checked_neg(self) -> Option<Self> {
        Some(Rational {
            num: self.num.checked_neg()?,
            den: self.den,
        })
    }

    /// `self + rhs`; `None` on overflow.
    pub fn checked_add(self, rhs: Self) -> Option<Self> {
        let g = i128::try_from(gcd(self.den.unsigned_abs(), rhs.den.unsigned_abs())).ok()?;
        let (a, b) = (self.den / g, rhs.den / g);
        let num = self
            .num
            .checked_mul(b)?
            .checked_add(rhs.num.checked_mul(a)?)?;
        Rational::new(num, self.den.checked_mul(b)?)
    }

    /// `self − rhs`; `None` on overflow.
    pub fn checked_sub(self, rhs: Self) -> Option<Self> {
        self.checked_add(rhs.checked_neg()?)
    }

    /// `self × rhs`; `None` on overflow.
    pub fn checked_mul(self, rhs: Self) -> Option<Self> {
        // Cross-reduce first so that products stay small.
        let g1 = i128::try_from(gcd(self.num.unsigned_abs(), rhs.den.unsigned_abs())).ok()?;
        let g2 = i128::try_from(gcd(rhs.num.unsigned_abs(), self.den.unsigned_abs())).ok()?;
        let (g1, g2) = (g1.max(1), g2.max(1));
        let num = (self.num / g1).checked_mul(rhs.num / g2)?;
        let den = (self.den / g2).checked_mul(rhs.den / g1)?;
        Rational::new(num, den)
    }

    /// `self ÷ rhs`; `None` when `rhs` is zero or on overflow.
    pub fn checked_div(self, rhs: Self) -> Option<Self> {
        if rhs.num == 0 {
            return None;
        }
        self.checked_mul(Rational::new(rhs.den, rhs.num)?)
    }

    /// Rounds to `decimals` decimal places, halves away from zero (`12.345` → `12.35`,
    /// `−12.345` → `−12.35`): "四舍五入" on the magnitude.
    pub fn round_half_up(self, decimals: u32) -> Option<Self> {
        let scale = pow10(decimals)?;
        let scaled = self.checked_mul(Rational::integer(scale))?;
        let (q, r) = (
            scaled.num.unsigned_abs() / scaled.den.unsigned_abs(),
            scaled.num.unsigned_abs() % scaled.den.unsigned_abs(),
        );
        let up = r.checked_mul(2)? >= scaled.den.unsigned_abs();
        let magnitude = i128::try_from(q).ok()?.checked_add(i128::from(up))?;
        Rational::new(magnitude.checked_mul(scaled.num.signum())?, scale)
    }

    /// Cuts to `decimals` decimal places towards zero (`53.339` → `53.33`).
    pub fn truncate(self, decimals: u32) -> Option<Self> {
        let scale = pow10(decimals)?;
        let scaled = self.checked_mul(Rational::integer(scale))?;
        Rational::new(scaled.num / scaled.den, scale)
    }

    /// Reads a decimal number as written in a report: `15`, `12.5`, `-3`, full-width digits
    /// `１２．５`. No exponent, no thousands separators.
    pub fn parse_decimal(s: &str) -> Option<Self> {
        let s = s.trim();
        let (negative, digits) = match s.strip_prefix(['-', '－', '−']) {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let mut num: i128 = 0;
        let mut decimals: Option<u32> = None;
        let mut any = false;
        for c in digits.chars() {
            match c {
                '.' | '．' if decimals.is_none() => decimals = Some(0),
                _ => {
                    let d = ascii_digit(c)?;
                    any = true;
                    num = num.checked_mul(10)?.checked_add(i128::from(d))?;
                    if let Some(n) = &mut decimals {
                        *n += 1;
                    }
                }
            }
        }
        if !any || decimals == Some(0) {
            return None;
        }
        let value = Rational::new(num, pow10(decimals.unwrap_or(0))?)?;
        if negative {
            value.checked_neg()
        } else {
            Some(value)
        }
    }

    /// The value in decimal notation with at most `max_decimals` decimals, rounded half up,
    /// trailing zeros dropped: `60`, `12.5`, `53.33`, `-0.5`.
    pub fn to_decimal(self, max_decimals: u32) -> Option<String> {
        let r = self.round_half_up(max_decimals)?;
        let scale = pow10(max_decimals)?;
        // r × scale is a whole number by construction.
        let scaled = r.checked_mul(Rational::integer(scale))?;
        let n = scaled.num;
        let magnitude = n.unsigned_abs();
        let (int, mut frac) = (
            magnitude / scale.unsigned_abs(),
            magnitude % scale.unsigned_abs(),
        );
        let mut width = max_decimals as usize;
        while width > 0 && frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        let sign = if n < 0 { "-" } else { "" };
        Some(if width == 0 {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}.{frac:0width$}")
        })
    }
}

/// The digit value of an ASCII or full-width digit.
pub fn ascii_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => u8::try_from(c as u32 - '０' as u32).ok(),
        _ => None,
    }
}

impl Ord for Rational {
    /// Exact comparison by continued fractions: no products, so no overflow.
    fn cmp(&self, other: &Self) -> Ordering {
        let (mut a, mut b, mut c, mut d) = (self.num, self.den, other.num, other.den);
        let mut flipped = false;
        loop {
            let (q1, q2) = (a.div_euclid(b), c.div_euclid(d));
            if q1 != q2 {
                let o = q1.cmp(&q2);
                return if flipped { o.reverse() } else { o };
            }
            let (r1, r2) = (a.rem_euclid(b), c.rem_euclid(d));
            let o = match (r1 == 0, r2 == 0) {
                (true, true) => return Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                (false, false) => {
                    // r1/b vs r2/d, both in (0, 1): compare b/r1 vs d/r2 reversed.
                    (a, b, c, d) = (b, r1, d, r2);
                    flipped = !flipped;
                    continue;
                }
            };
            return if flipped { o.reverse() } else { o };
        }
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Rational {
    /// `15`, `-9` or `2/3`: the exact value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

impl Serialize for Rational {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Rational {
            fn from(n: $t) -> Self {
                Rational::integer(i128::from(n))
            }
        }
    )*};
}
from_int!(i8, i16, i32, i64, u8, u16, u32, u64, i128);

impl From<usize> for Rational {
    fn from(n: usize) -> Self {
        // usize is at most 64 bits on every supported target.
        Rational::integer(i128::try_from(n).unwrap_or(i128::MAX))
    }
}

/// `to − from`.
pub fn difference(from: impl Into<Rational>, to: impl Into<Rational>) -> Option<Rational> {
    to.into().checked_sub(from.into())
}

/// The change from `from` to `to` in per cent: `(to − from) × 100 / from`, exact
/// (15 → 6 is −60). `None` when `from` is zero or negative: a change from nothing has no
/// percentage, and the reports never compare against a negative count.
pub fn percent_change(from: impl Into<Rational>, to: impl Into<Rational>) -> Option<Rational> {
    let (from, to) = (from.into(), to.into());
    if from.signum() <= 0 {
        return None;
    }
    to.checked_sub(from)?
        .checked_mul(Rational::HUNDRED)?
        .checked_div(from)
}

/// `part` as a share of `whole` in per cent (5 of 5 is 100); `None` when `whole` is zero.
pub fn share(part: impl Into<Rational>, whole: impl Into<Rational>) -> Option<Rational> {
    part.into()
        .checked_mul(Rational::HUNDRED)?
        .checked_div(whole.into())
}

/// A percentage as the reports print it: `60%`, `12.5%`, `53.33%`, `-60%`; at most
/// `max_decimals` decimals, rounded half up, trailing zeros dropped.
pub fn format_percent(percent: Rational, max_decimals: u32) -> String {
    match percent.to_decimal(max_decimals) {
        Some(s) if s == "-0" => "0%".into(),
        Some(s) => format!("{s}%"),
        // Only a value near i128::MAX gets here; print it exactly rather than panic.
        None => format!("{percent}%"),
    }
}

/// A percentage change as the reports word it: `降低60%`, `增长12.5%`, or `持平` when it
/// rounds to zero.
pub fn format_change(percent: Rational, max_decimals: u32) -> String {
    let rounded = percent.round_half_up(max_decimals).unwrap_or(percent);
    match rounded.signum() {
        0 => "持平".into(),
        s => {
            let magnitude = rounded.checked_abs().unwrap_or(rounded);
            let verb = if s < 0 { "降低" } else { "增长" };
            format!("{verb}{}", format_percent(magnitude, max_decimals))
        }
    }
}

/// Reads a percentage as written: `60%`, `12.5％`, `-3%`; returns the value in per cent and
/// the number of decimals written.
pub fn parse_percent(s: &str) -> Option<(Rational, u32)> {
    let s = s.trim();
    let number = s.strip_suffix(['%', '％'])?;
    let decimals = number
        .split_once(['.', '．'])
        .map_or(0, |(_, frac)| frac.chars().count());
    Some((
        Rational::parse_decimal(number)?,
        u32::try_from(decimals).ok()?,
    ))
}

/// Whether a figure written with `decimals` decimals is a fair rendering of `exact`: it is
/// `exact` rounded half up or cut off at that many decimals (clerks do both).
pub fn agrees(stated: Rational, decimals: u32, exact: Rational) -> bool {
    exact.round_half_up(decimals) == Some(stated) || exact.truncate(decimals) == Some(stated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i128, d: i128) -> Rational {
        Rational::new(n, d).unwrap()
    }

    #[test]
    fn the_samples_figures() {
        // 案件总量 15 → 6, 败诉 4 → 1.
        assert_eq!(percent_change(15, 6), Some(Rational::integer(-60)));
        assert_eq!(percent_change(4, 1), Some(Rational::integer(-75)));
        assert_eq!(format_change(percent_change(15, 6).unwrap(), 2), "降低60%");
        assert_eq!(format_change(percent_change(4, 1).unwrap(), 2), "降低75%");
        assert_eq!(difference(15, 6), Some(Rational::integer(-9)));
        assert_eq!(format_percent(share(5, 5).unwrap(), 2), "100%");
        // With 7 instead of 6: 53.33%, not 60%.
        assert_eq!(
            format_change(percent_change(15, 7).unwrap(), 2),
            "降低53.33%"
        );
    }

    #[test]
    fn formats_like_the_reports() {
        assert_eq!(format_change(percent_change(8, 9).unwrap(), 2), "增长12.5%");
        assert_eq!(format_change(percent_change(8, 8).unwrap(), 2), "持平");
        assert_eq!(format_change(q(1, 1000), 2), "持平");
        assert_eq!(format_percent(q(200, 3), 2), "66.67%");
        assert_eq!(format_percent(q(200, 3), 1), "66.7%");
        assert_eq!(format_percent(q(200, 3), 0), "67%");
        assert_eq!(format_percent(q(-1, 1000), 2), "0%");
        assert_eq!(format_percent(q(-5, 2), 0), "-3%");
        assert_eq!(percent_change(0, 5), None);
        assert_eq!(share(1, 0), None);
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(q(12345, 1000).round_half_up(2), Some(q(1235, 100)));
        assert_eq!(q(-12345, 1000).round_half_up(2), Some(q(-1235, 100)));
        assert_eq!(q(12344, 1000).round_half_up(2), Some(q(1234, 100)));
        assert_eq!(q(5, 10).round_half_up(0), Some(Rational::integer(1)));
        assert_eq!(q(53339, 1000).truncate(2), Some(q(5333, 100)));
        assert_eq!(q(-53339, 1000).truncate(2), Some(q(-5333, 100)));
    }

    #[test]
    fn parses_what_it_prints() {
        assert_eq!(parse_percent("60%"), Some((Rational::integer(60), 0)));
        assert_eq!(parse_percent("12.5％"), Some((q(25, 2), 1)));
        assert_eq!(parse_percent("97.21%"), Some((q(9721, 100), 2)));
        assert_eq!(parse_percent("１００％"), Some((Rational::integer(100), 0)));
        assert_eq!(parse_percent("12.%"), None);
        assert_eq!(parse_percent("%"), None);
        assert_eq!(parse_percent("60"), None);
        assert_eq!(Rational::parse_decimal("-3.50"), Some(q(-7, 2)));
        assert_eq!(Rational::parse_decimal("1.2.3"), None);
    }

    #[test]
    fn compares_exactly() {
        assert!(q(1, 3) < q(34, 100));
        assert!(q(-1, 3) > q(-34, 100));
        assert!(q(i128::MAX, 3) > q(i128::MAX - 1, 3));
        assert_eq!(q(2, 4).cmp(&q(1, 2)), Ordering::Equal);
        assert!(q(7, 2) > Rational::integer(3));
    }

    #[test]
    fn agreement_accepts_rounding_and_cutting() {
        let exact = percent_change(15, 7).unwrap(); // −53.333…
        assert!(agrees(q(-5333, 100), 2, exact));
        assert!(agrees(q(-533, 10), 1, exact));
        assert!(agrees(Rational::integer(-53), 0, exact));
        assert!(!agrees(Rational::integer(-60), 0, exact));
        assert!(!agrees(Rational::integer(-54), 0, exact));
    }
}
