//! Heading markers typed at the start of a line: `一、` `（一）` `1.` `（1）`, full- or half-width.
//! They are read to learn the level and then thrown away: numbering is regenerated.

use nianbao_report::numbering::parse_chinese_numeral;

/// A heading marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker<'a> {
    /// Level 1–4 as typed (`一、` 1, `（一）` 2, `1.` 3, `（1）` 4).
    pub level: u8,
    /// The number the drafter typed.
    pub number: usize,
    /// The marker exactly as typed, for warnings.
    pub typed: &'a str,
    /// What follows the marker, leading padding removed.
    pub rest: &'a str,
}

/// Characters of a Chinese numeral as headings write them.
fn is_numeral_char(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '零' | '〇'
    )
}

/// The value of an ASCII or full-width digit.
fn digit_value(c: char) -> Option<usize> {
    match c {
        '0'..='9' => Some(c as usize - '0' as usize),
        '０'..='９' => Some(c as usize - '０' as usize),
        _ => None,
    }
}

/// Longest numeral read as a marker; longer runs are prose (years, amounts).
const MAX_NUMERAL_CHARS: usize = 4;
const MAX_DIGITS: usize = 2;

/// Splits the leading run of characters satisfying `pred` (at most `max` of them).
fn leading(s: &str, max: usize, pred: impl Fn(char) -> bool) -> Option<(&str, &str)> {
    let end = s
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(s.len(), |(i, _)| i);
    let run = &s[..end];
    let n = run.chars().count();
    (n >= 1 && n <= max).then(|| (run, &s[end..]))
}

fn digits_value(run: &str) -> Option<usize> {
    run.chars()
        .try_fold(0usize, |acc, c| Some(acc * 10 + digit_value(c)?))
        .filter(|&n| n > 0)
}

/// Reads the marker at the start of a trimmed line, if there is one.
///
/// `一是…` is prose (no `、`); `2023年…` and `1.5亿元…` are prose too (a digit run longer than two,
/// or a number right after the point that is not a year: `1.2023年度…` is a heading).
pub(crate) fn parse(line: &str) -> Option<Marker<'_>> {
    if let Some(inner) = line.strip_prefix(['（', '(']) {
        if let Some((run, after)) = leading(inner, MAX_NUMERAL_CHARS, is_numeral_char)
            && let Some(after) = after.strip_prefix(['）', ')'])
        {
            return marker(line, 2, parse_chinese_numeral(run)?, after);
        }
        if let Some((run, after)) = leading(inner, MAX_DIGITS, |c| digit_value(c).is_some())
            && let Some(after) = after.strip_prefix(['）', ')'])
        {
            return marker(line, 4, digits_value(run)?, after);
        }
        return None;
    }
    if let Some((run, after)) = leading(line, MAX_NUMERAL_CHARS, is_numeral_char) {
        let after = after.strip_prefix('、')?;
        return marker(line, 1, parse_chinese_numeral(run)?, after);
    }
    let (run, after) = leading(line, MAX_DIGITS, |c| digit_value(c).is_some())?;
    let after = after.strip_prefix(['.', '．', '、'])?;
    if starts_with_digit(after) && !starts_with_year(after) {
        return None;
    }
    marker(line, 3, digits_value(run)?, after)
}

fn starts_with_digit(s: &str) -> bool {
    s.chars().next().and_then(digit_value).is_some()
}

/// `2023年…`: after `1.` a year starts a heading, where `1.5亿` is a decimal number.
fn starts_with_year(s: &str) -> bool {
    let digits = s.chars().take_while(|&c| digit_value(c).is_some()).count();
    digits == 4 && s.chars().nth(4) == Some('年')
}

/// A marker whose typed text is what `line` holds before `after`.
fn marker<'a>(line: &'a str, level: u8, number: usize, after: &'a str) -> Option<Marker<'a>> {
    let typed = &line[..line.len() - after.len()];
    Some(Marker {
        level,
        number,
        typed,
        rest: crate::lines::trim(after),
    })
}

/// Splits a heading line at its first `。`: the heading sentence (keeping the `。`) and the
/// run-in body that follows in the same paragraph (empty when there is none).
pub(crate) fn split_run_in(rest: &str) -> (&str, &str) {
    match rest.find('。') {
        Some(i) => rest.split_at(i + '。'.len_utf8()),
        None => (rest, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(u8, usize, &str, &str)> {
        parse(line).map(|m| (m.level, m.number, m.typed, m.rest))
    }

    #[test]
    fn reads_all_four_levels_in_both_widths() {
        assert_eq!(read("一、推进"), Some((1, 1, "一、", "推进")));
        assert_eq!(read("十二、其他"), Some((1, 12, "十二、", "其他")));
        assert_eq!(read("（三）加快"), Some((2, 3, "（三）", "加快")));
        assert_eq!(read("(三)加快"), Some((2, 3, "(三)", "加快")));
        assert_eq!(read("（三)加快"), Some((2, 3, "（三)", "加快")));
        assert_eq!(read("(十一）加快"), Some((2, 11, "(十一）", "加快")));
        assert_eq!(read("1.积极"), Some((3, 1, "1.", "积极")));
        assert_eq!(read("2．优化"), Some((3, 2, "2．", "优化")));
        assert_eq!(read("3、稳中"), Some((3, 3, "3、", "稳中")));
        assert_eq!(read("１２.构建"), Some((3, 12, "１２.", "构建")));
        assert_eq!(read("1. 积极"), Some((3, 1, "1.", "积极")));
        assert_eq!(read("1.2023年度统计"), Some((3, 1, "1.", "2023年度统计")));
        assert_eq!(read("（1）细化"), Some((4, 1, "（1）", "细化")));
        assert_eq!(read("(２)细化"), Some((4, 2, "(２)", "细化")));
    }

    #[test]
    fn prose_that_merely_starts_with_a_number_is_no_marker() {
        for line in [
            "一是高度重视",
            "2023年,在区委",
            "2023.3.1开展",
            "1.5亿元用于",
            "1.2023用于",
            "2.20231年",
            "3、4月份",
            "（2021-2025年）规划",
            "(2021)京01",
            "一二三",
            "0.开头",
            "（0）",
            "五",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
        // A bare marker is still a marker; the caller decides what heading it has.
        assert_eq!(read("十、"), Some((1, 10, "十、", "")));
        assert_eq!(read("3."), Some((3, 3, "3.", "")));
    }

    #[test]
    fn run_in_splits_at_the_first_full_stop() {
        assert_eq!(
            split_run_in("积极走访企业,稳企解困。以重点企业。为抓手"),
            ("积极走访企业,稳企解困。", "以重点企业。为抓手")
        );
        assert_eq!(split_run_in("强化组织领导"), ("强化组织领导", ""));
        assert_eq!(split_run_in("只有一句。"), ("只有一句。", ""));
    }
}
