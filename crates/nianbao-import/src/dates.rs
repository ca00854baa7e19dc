//! Years and dates as reports write them: `2023年`, `2024年3月28日`, `二〇二四年三月二十八日`.

use nianbao_report::{DocDate, numbering::parse_chinese_numeral};

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The first `{year}年` in `s` with a four-digit year 19xx/20xx: (byte start, year).
pub(crate) fn find_year(s: &str) -> Option<(usize, u16)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && digit(chars[i].1).is_some() {
            i += 1;
        }
        let followed_by_year = chars.get(i).is_some_and(|&(_, c)| c == '年');
        if i - start == 4 && followed_by_year {
            let year = chars[start..i]
                .iter()
                .filter_map(|&(_, c)| digit(c))
                .fold(0u32, |acc, d| acc * 10 + d);
            if (1900..=2099).contains(&year) {
                return u16::try_from(year).ok().map(|y| (chars[start].0, y));
            }
        }
    }
    None
}

/// Reads a 成文日期 in Arabic (`2024年3月28日`) or Chinese numerals (`二〇二四年三月二十八日`).
pub(crate) fn parse_date(s: &str) -> Option<DocDate> {
    DocDate::parse_chinese(s).or_else(|| parse_chinese_numeral_date(s))
}

fn parse_chinese_numeral_date(s: &str) -> Option<DocDate> {
    let s = crate::lines::compact(s);
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    // The year is written digit by digit (二〇二四), month and day as numbers (十二, 二十八).
    let year = y.chars().try_fold(0u32, |acc, c| {
        let d = match c {
            '〇' | '零' | 'Ｏ' | 'O' | '○' => 0,
            _ => u32::try_from(parse_chinese_numeral(&c.to_string())?).ok()?,
        };
        (d < 10).then_some(acc * 10 + d)
    })?;
    let small = |t: &str| u8::try_from(parse_chinese_numeral(t)?).ok();
    DocDate::new(u16::try_from(year).ok()?, small(m)?, small(d)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_report_year() {
        let t = "北京市大兴区长子营镇人民政府2023年法治政府建设年度情况报告";
        let (at, year) = find_year(t).unwrap();
        assert_eq!((&t[..at], year), ("北京市大兴区长子营镇人民政府", 2023));
        assert_eq!(find_year("某局２０２２年度报告").map(|x| x.1), Some(2022));
        assert_eq!(find_year("12023年"), None);
        assert_eq!(find_year("1023年 及 2023 年"), None);
        assert_eq!(find_year("没有年份"), None);
    }

    #[test]
    fn reads_dates_in_both_numeral_systems() {
        let want = DocDate::new(2024, 3, 28).ok();
        assert_eq!(parse_date("2024年3月28日"), want);
        assert_eq!(parse_date("二〇二四年三月二十八日"), want);
        assert_eq!(
            parse_date("二〇二三年十二月一日"),
            DocDate::new(2023, 12, 1).ok()
        );
        assert_eq!(parse_date("2024年3月"), None);
        assert_eq!(parse_date("二〇二四年十三月一日"), None);
    }
}
