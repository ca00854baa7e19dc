//! Property tests of the exact figure arithmetic: formatting round trips, rounding half up,
//! signs and wording of changes.

use nianbao_report::figures::{
    Figure, Rational, agrees, format_change, format_percent, parse_percent, percent_change, render,
    share,
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

    /// A placeholder prints what the arithmetic says: the change, worded and rounded like
    /// `format_change`, reads back within rounding of the exact value, never as 59.999%; the
    /// difference carries the right verb and magnitude.
    #[test]
    fn placeholders_print_the_exact_arithmetic(last in 1u32..100_000, this in 0u32..100_000) {
        let mut f = Figure::custom("cases", "案件数", "件");
        f.value = Some(this.to_string());
        f.last_value = Some(last.to_string());
        let figures = [f];
        let change = render("{{数据：cases|变化}}", &figures);
        let exact = percent_change(last, this).unwrap();
        prop_assert_eq!(&change, &format_change(exact, 2));
        if change != "持平" {
            let (verb, number) = change.split_at(change.char_indices().nth(2).unwrap().0);
            let (stated, decimals) = parse_percent(number).unwrap();
            prop_assert!(decimals <= 2, "{}", change);
            let signed = if verb == "降低" { stated.checked_neg().unwrap() } else { stated };
            prop_assert!(agrees(signed, decimals, exact), "{} for {} → {}", change, last, this);
        }
        let diff = render("{{数据：cases|差}}", &figures);
        let expected = match this.cmp(&last) {
            std::cmp::Ordering::Equal => "持平".to_string(),
            std::cmp::Ordering::Greater => format!("增加{}件", this - last),
            std::cmp::Ordering::Less => format!("减少{}件", last - this),
        };
        prop_assert_eq!(diff, expected);
        prop_assert_eq!(render("{{数据：cases}}", &figures), format!("{this}件"));
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
