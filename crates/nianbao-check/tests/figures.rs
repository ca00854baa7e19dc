//! Property tests of the exact figure arithmetic: formatting round trips, rounding half up,
//! signs and wording of changes.

use nianbao_check::figures::{
    Rational, agrees, format_change, format_percent, parse_percent, percent_change, share,
};
use proptest::prelude::*;

fn rational() -> impl Strategy<Value = Rational> {
    (-1_000_000_000i128..1_000_000_000, 1i128..1_000_000)
        .prop_map(|(n, d)| Rational::new(n, d).expect("non-zero denominator"))
}

fn half_unit(decimals: u32) -> Rational {
    Rational::new(1, 2 * 10i128.pow(decimals)).expect("non-zero")
}

proptest! {
    /// What format_percent prints, parse_percent reads back as the rounded value, with no
    /// more decimals than allowed.
    #[test]
    fn format_parse_round_trip(p in rational(), decimals in 0u32..=3) {
        let printed = format_percent(p, decimals);
        let (back, written) = parse_percent(&printed).expect("parses");
        prop_assert_eq!(Some(back), p.round_half_up(decimals));
        prop_assert!(written <= decimals, "{} has {} decimals", printed, written);
        // No trailing zeros after the decimal point, no bare point.
        if printed.contains('.') {
            prop_assert!(!printed.ends_with("0%") && !printed.ends_with(".%"), "{}", printed);
        }
        // A value that already has few enough decimals prints exactly.
        let exact = p.round_half_up(decimals).unwrap();
        prop_assert_eq!(parse_percent(&format_percent(exact, decimals)).unwrap().0, exact);
    }

    /// Rounding moves by at most half a unit of the last place, and a tie goes away from
    /// zero.
    #[test]
    fn rounding_is_half_up(p in rational(), decimals in 0u32..=3) {
        let r = p.round_half_up(decimals).unwrap();
        let error = r.checked_sub(p).unwrap().checked_abs().unwrap();
        prop_assert!(error <= half_unit(decimals));
        if error == half_unit(decimals) {
            prop_assert!(r.checked_abs().unwrap() > p.checked_abs().unwrap());
        }
        // The rounded value is a whole number of units.
        let units = r.checked_mul(Rational::integer(10i128.pow(decimals))).unwrap();
        prop_assert!(units.is_integer());
        // Rounding is symmetric about zero.
        prop_assert_eq!(
            p.checked_neg().unwrap().round_half_up(decimals),
            r.checked_neg()
        );
        // And a figure rounded so is accepted as agreeing with the exact one.
        prop_assert!(agrees(r, decimals, p));
    }

    /// The sign of a change is the sign of the difference; the wording follows the rounded
    /// value.
    #[test]
    fn change_signs_and_words(from in 1u32..1_000_000, to in 0u32..1_000_000, decimals in 0u32..=2) {
        let p = percent_change(from, to).unwrap();
        prop_assert_eq!(p.signum(), (i128::from(to) - i128::from(from)).signum());
        // Exact: from × (1 + p/100) = to.
        let back = Rational::from(from)
            .checked_mul(Rational::HUNDRED.checked_add(p).unwrap())
            .unwrap()
            .checked_div(Rational::HUNDRED)
            .unwrap();
        prop_assert_eq!(back, Rational::from(to));
        let words = format_change(p, decimals);
        let rounded = p.round_half_up(decimals).unwrap();
        match rounded.signum() {
            0 => prop_assert_eq!(words, "持平"),
            -1 => {
                prop_assert!(words.starts_with("降低"));
                let (v, _) = parse_percent(words.trim_start_matches("降低")).unwrap();
                prop_assert_eq!(v, rounded.checked_neg().unwrap());
            }
            _ => {
                prop_assert!(words.starts_with("增长"));
                let (v, _) = parse_percent(words.trim_start_matches("增长")).unwrap();
                prop_assert_eq!(v, rounded);
            }
        }
    }

    /// Shares of a whole are between 0 and 100 per cent, and the whole is 100%.
    #[test]
    fn shares(part in 0u32..10_000, extra in 0u32..10_000) {
        let whole = part + extra;
        prop_assume!(whole > 0);
        let s = share(part, whole).unwrap();
        prop_assert!(s >= Rational::ZERO && s <= Rational::HUNDRED);
        prop_assert_eq!(format_percent(share(whole, whole).unwrap(), 2), "100%");
    }

    /// Ordering agrees with cross multiplication where that cannot overflow.
    #[test]
    fn ordering_is_exact(a in rational(), b in rational()) {
        let left = a.numer() * b.denom();
        let right = b.numer() * a.denom();
        prop_assert_eq!(a.cmp(&b), left.cmp(&right));
    }
}

#[test]
fn the_reports_figures() {
    assert_eq!(format_change(percent_change(15, 6).unwrap(), 2), "降低60%");
    assert_eq!(format_change(percent_change(4, 1).unwrap(), 2), "降低75%");
    assert_eq!(format_change(percent_change(8, 9).unwrap(), 2), "增长12.5%");
    assert_eq!(format_change(percent_change(186, 186).unwrap(), 2), "持平");
    assert_eq!(format_percent(share(5, 5).unwrap(), 2), "100%");
    // 1/3 never prints as 33.329999%.
    assert_eq!(format_percent(share(1, 3).unwrap(), 2), "33.33%");
    assert_eq!(format_percent(share(2, 3).unwrap(), 1), "66.7%");
}
