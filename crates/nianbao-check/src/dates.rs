//! Years and dates: the title's `{机关全称}{年度}年…报告`, 成文日期, part 四's year, dates
//! written in the text, and the deadlines 3月1日 (上报) and 4月1日 (公开).

use nianbao_report::{DocDate, Report};

use crate::{
    figures::ascii_digit,
    finding::{Field, Finding, Fix, FixText, Location, MetaField, Rule, Severity, Span, Target},
    units::{Kind, Unit},
};

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub(crate) fn days(d: DocDate) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
pub(crate) fn from_days(z: i64) -> Option<DocDate> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    DocDate::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
    .ok()
}

/// Today's date in China Standard Time (UTC+8), where the reports are written and due.
pub fn today() -> DocDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let day = (secs + 8 * 3600).div_euclid(86_400);
    from_days(day).unwrap_or_else(|| {
        // Only a clock set outside 1900–9999 gets here.
        DocDate::new(2000, 1, 1).expect("a valid date")
    })
}

/// `{year}年` occurrences: (char start, char end of the digits, the year).
fn years_in(chars: &[char]) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if ascii_digit(chars[i]).is_some() && (i == 0 || ascii_digit(chars[i - 1]).is_none()) {
            let start = i;
            let mut value = 0u32;
            while i < chars.len()
                && let Some(d) = ascii_digit(chars[i])
            {
                value = value.saturating_mul(10).saturating_add(u32::from(d));
                i += 1;
            }
            if i - start == 4 && chars.get(i) == Some(&'年') {
                out.push((start, i, value));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The title reads `{机关全称}{年度}年…报告`.
pub(crate) fn title(report: &Report, out: &mut Vec<Finding>) {
    let title: String = report.title().chars().filter(|c| *c != '\n').collect();
    let overridden = report
        .meta
        .title
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    let year = u32::from(report.meta.year);
    let chars: Vec<char> = title.chars().collect();
    let years = years_in(&chars);
    // Ranges point into the stored title only when there is one (and it has no breaks).
    let span = |s: usize, e: usize| {
        (overridden && !report.meta.title.as_deref().unwrap_or("").contains('\n'))
            .then_some(Span { start: s, end: e })
    };
    if !years.iter().any(|&(_, _, y)| y == year) {
        let (en, zh, range) = match years.first() {
            Some(&(s, e, other)) => (
                format!("the title names the year {other}, but the report is for {year}"),
                format!("标题中的年度为{other}年，与报告年度{year}年不符。"),
                span(s, e),
            ),
            None => (
                format!("the title does not name the year: it should read {{issuer}}{year}年…报告"),
                format!("标题未写明年度，应为“{{机关全称}}{year}年……报告”。"),
                None,
            ),
        };
        out.push(Finding {
            location: Location::meta(MetaField::Title, range),
            severity: Severity::Error,
            rule: Rule::Title,
            message_en: en,
            message_zh: zh,
            fix: None,
        });
    }
    let issuer = report.meta.issuer.trim();
    if !title.starts_with(issuer) {
        out.push(Finding {
            location: Location::meta(MetaField::Title, None),
            severity: Severity::Warning,
            rule: Rule::Title,
            message_en: format!("the title should begin with the issuer's full name, {issuer}"),
            message_zh: format!("标题应以发文机关全称“{issuer}”开头。"),
            fix: None,
        });
    }
    if !title.trim_end().ends_with("报告") {
        out.push(Finding {
            location: Location::meta(MetaField::Title, None),
            severity: Severity::Warning,
            rule: Rule::Title,
            message_en: "the title should end with 报告 (…年度情况报告)".into(),
            message_zh: "标题应以“报告”结尾（……年度情况报告）。".into(),
            fix: None,
        });
    }
}

fn date_finding(field: MetaField, severity: Severity, en: String, zh: String) -> Finding {
    Finding {
        location: Location::meta(field, None),
        severity,
        rule: Rule::Date,
        message_en: en,
        message_zh: zh,
        fix: None,
    }
}

/// 成文日期: set, after the year reported on, not absurdly late; 印发日期 not before it.
pub(crate) fn doc_date(report: &Report, out: &mut Vec<Finding>) {
    let year = report.meta.year;
    let Some(date) = report.meta.date else {
        out.push(date_finding(
            MetaField::Date,
            Severity::Warning,
            "not set yet: the report is dated the day it is signed off".into(),
            "尚未填写成文日期（以签发日期为准）。".into(),
        ));
        return;
    };
    let shown = date.chinese();
    if date.year() <= year {
        out.push(date_finding(
            MetaField::Date,
            Severity::Error,
            format!(
                "the date {shown} is not after the year reported on ({year}); the report can only be dated once the year is over"
            ),
            format!("成文日期{shown}早于或处于报告年度{year}年内，年度报告应在该年度结束后成文。"),
        ));
    } else if date.year() > year + 1 {
        out.push(date_finding(
            MetaField::Date,
            Severity::Warning,
            format!(
                "the date {shown} is more than a year after {year}; check the date or the year"
            ),
            format!("成文日期{shown}距报告年度{year}年已超过一年，请核对日期或年度。"),
        ));
    } else if let Ok(publish) = DocDate::new(year + 1, 4, 1)
        && date > publish
    {
        out.push(date_finding(
            MetaField::Date,
            Severity::Hint,
            format!(
                "the date {shown} is after {}, the day by which the report must be published",
                publish.chinese()
            ),
            format!(
                "成文日期{shown}晚于{}（应向社会公开的期限）。",
                publish.chinese()
            ),
        ));
    }
    if let Some(imprint) = &report.meta.imprint
        && imprint.date < date
    {
        out.push(date_finding(
            MetaField::ImprintDate,
            Severity::Warning,
            format!(
                "the imprint date (印发日期) {} is before the date {shown}",
                imprint.date.chinese()
            ),
            format!("印发日期{}早于成文日期{shown}。", imprint.date.chinese()),
        ));
    }
}

/// Part 四 (the plans for the following year) names that year and no other.
pub(crate) fn plan_year(report: &Report, out: &mut Vec<Finding>) {
    let next = u32::from(report.meta.year) + 1;
    for (pi, part) in report.parts.iter().enumerate() {
        if part.statutory.as_deref() != Some("plans") {
            continue;
        }
        let chars: Vec<char> = part.heading.chars().collect();
        let wrong: Vec<_> = years_in(&chars)
            .into_iter()
            .filter(|&(_, _, y)| y != next)
            .collect();
        if wrong.is_empty() {
            continue;
        }
        let mut fixed = chars.clone();
        for &(s, e, _) in wrong.iter().rev() {
            fixed.splice(s..e, next.to_string().chars());
        }
        let fixed: String = fixed.into_iter().collect();
        let marker = nianbao_report::HeadingLevel::One.marker(pi + 1);
        for (s, e, y) in wrong {
            out.push(Finding {
                location: Location {
                    target: Target::Part {
                        part: pi,
                        id: part.id,
                    },
                    field: Field::Text,
                    range: Some(Span { start: s, end: e }),
                    label: marker.clone(),
                },
                severity: Severity::Error,
                rule: Rule::PlanYear,
                message_en: format!(
                    "part {marker} sets out the plans for {next}, but its heading names {y}"
                ),
                message_zh: format!(
                    "第{marker}部分为下一年度（{next}年度）的工作安排，标题中却写作{y}年。"
                ),
                fix: Some(Fix {
                    target: Target::Part {
                        part: pi,
                        id: part.id,
                    },
                    before: Some(FixText {
                        text: part.heading.clone(),
                        body: part.body.clone(),
                    }),
                    after: FixText {
                        text: fixed.clone(),
                        body: part.body.clone(),
                    },
                }),
            });
        }
    }
}

/// Chinese numerals as dates write them.
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 一 … 三十一 as a month or day; `None` unless it is well formed.
fn cn_small(s: &[char]) -> Option<u32> {
    match s {
        ['十'] => Some(10),
        [d] => cn_digit(*d).filter(|n| *n > 0),
        ['十', d] => Some(10 + cn_digit(*d).filter(|n| *n > 0)?),
        [t, '十'] => Some(10 * cn_digit(*t).filter(|n| (2..=3).contains(n))?),
        [t, '十', d] => Some(
            10 * cn_digit(*t).filter(|n| (2..=3).contains(n))? + cn_digit(*d).filter(|n| *n > 0)?,
        ),
        _ => None,
    }
}

/// A date written in the text: where, and how it should read.
struct TextDate {
    start: usize,
    end: usize,
    fixed: String,
    chinese_numerals: bool,
}

/// Reads a run of digits (ASCII or full-width) at `i`: (value, digits, leading zero).
fn digits_at(chars: &[char], i: usize) -> Option<(u32, usize, bool)> {
    let mut n = 0;
    let mut value = 0u32;
    while let Some(d) = chars.get(i + n).and_then(|c| ascii_digit(*c)) {
        value = value.saturating_mul(10).saturating_add(u32::from(d));
        n += 1;
    }
    (n > 0).then(|| (value, n, n > 1 && ascii_digit(chars[i]) == Some(0)))
}

/// Dates in Arabic numerals with leading zeros (`2024年03月08日`, `03月08日`) and dates in
/// Chinese numerals (`二〇二四年三月八日`).
fn text_dates(chars: &[char]) -> Vec<TextDate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || ascii_digit(chars[i - 1]).is_none();
        // Arabic: [YYYY年]M月[D日] with a leading zero in M or D.
        if boundary && let Some((v1, n1, z1)) = digits_at(chars, i) {
            let mut j = i + n1;
            let mut parts: Vec<(u32, char, bool)> = Vec::new();
            let mut first = (v1, n1, z1);
            loop {
                let unit = chars.get(j).copied();
                match unit {
                    Some(u @ ('年' | '月' | '日')) => {
                        parts.push((first.0, u, first.2));
                        j += 1;
                        if u == '日' {
                            break;
                        }
                        match digits_at(chars, j) {
                            Some(next) => {
                                first = next;
                                j += next.1;
                            }
                            None => break,
                        }
                    }
                    _ => {
                        // Digits not followed by a date unit end the date before them.
                        j -= first.1;
                        break;
                    }
                }
            }
            let units: String = parts.iter().map(|p| p.1).collect();
            let is_date = matches!(units.as_str(), "年月" | "年月日" | "月日");
            if is_date && parts.iter().any(|p| p.1 != '年' && p.2) {
                let fixed: String = parts.iter().map(|(v, u, _)| format!("{v}{u}")).collect();
                out.push(TextDate {
                    start: i,
                    end: j,
                    fixed,
                    chinese_numerals: false,
                });
            }
            i = j.max(i + n1);
            continue;
        }
        // Chinese numerals: four year digits, 年, a month, 月, optionally a day and 日.
        if chars.len() >= i + 6
            && (i == 0 || cn_digit(chars[i - 1]).is_none())
            && chars[i..i + 4].iter().all(|c| cn_digit(*c).is_some())
            && chars[i + 4] == '年'
        {
            let year: u32 = chars[i..i + 4]
                .iter()
                .fold(0, |acc, c| acc * 10 + cn_digit(*c).unwrap_or(0));
            let small = |from: usize, unit: char| {
                (1..=3).rev().find_map(|len| {
                    let s = chars.get(from..from + len)?;
                    (chars.get(from + len) == Some(&unit))
                        .then(|| cn_small(s).map(|v| (v, len)))
                        .flatten()
                })
            };
            if let Some((month, ml)) = small(i + 5, '月').filter(|(m, _)| *m <= 12) {
                let mut end = i + 5 + ml + 1;
                let mut fixed = format!("{year}年{month}月");
                if let Some((day, dl)) = small(end, '日').filter(|(d, _)| *d <= 31) {
                    fixed.push_str(&format!("{day}日"));
                    end += dl + 1;
                }
                out.push(TextDate {
                    start: i,
                    end,
                    fixed,
                    chinese_numerals: true,
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Dates in the text (title, headings, paragraphs) the way GB/T 9704 and GB/T 15835 want
/// them: Arabic numerals, no leading zeros.
pub(crate) fn date_formats(unit: &Unit<'_>, out: &mut Vec<Finding>) {
    if !matches!(
        unit.kind,
        Kind::Meta(MetaField::Title)
            | Kind::Preface
            | Kind::Part
            | Kind::Heading(_)
            | Kind::Paragraph
    ) {
        return;
    }
    let mut fixed = FixText {
        text: unit.text.into(),
        body: unit.body.into(),
    };
    let mut found: Vec<(Field, TextDate, String)> = Vec::new();
    for field in [Field::Text, Field::Body] {
        let s = unit.field(field);
        if !s.contains(['年', '月']) {
            continue;
        }
        let chars: Vec<char> = s.chars().collect();
        let dates = text_dates(&chars);
        if dates.is_empty() {
            continue;
        }
        let mut new = chars.clone();
        for d in dates.iter().rev() {
            new.splice(d.start..d.end, d.fixed.chars());
        }
        let new: String = new.into_iter().collect();
        for d in dates {
            let written: String = chars[d.start..d.end].iter().collect();
            found.push((field, d, written));
        }
        match field {
            Field::Text => fixed.text = new,
            Field::Body => fixed.body = new,
        }
    }
    for (field, d, written) in found {
        let (en, zh) = if d.chinese_numerals {
            (
                format!(
                    "the date {written} is in Chinese numerals; write {}",
                    d.fixed
                ),
                format!("日期“{written}”应使用阿拉伯数字，写作“{}”。", d.fixed),
            )
        } else {
            (
                format!("the date {written} has leading zeros; write {}", d.fixed),
                format!("日期“{written}”中的月、日不编虚位，应写作“{}”。", d.fixed),
            )
        };
        out.push(Finding {
            location: unit.location(
                field,
                Some(Span {
                    start: d.start,
                    end: d.end,
                }),
            ),
            severity: Severity::Warning,
            rule: Rule::DateFormat,
            message_en: en,
            message_zh: zh,
            fix: Some(Fix {
                target: unit.target.clone(),
                before: Some(FixText {
                    text: unit.text.into(),
                    body: unit.body.into(),
                }),
                after: fixed.clone(),
            }),
        });
    }
}

/// 上报 by 3月1日 and 公开 by 4月1日 of the following year, relative to `today`.
pub(crate) fn deadlines(report: &Report, today: DocDate, out: &mut Vec<Finding>) {
    let next = report.meta.year.saturating_add(1);
    // (month, to do, done, 报送 in Chinese)
    let steps = [
        (
            3,
            "send the report to the Party committee and government one level up",
            "sent",
            "向上一级党委和政府报告",
        ),
        (
            4,
            "publish the report (government website, press)",
            "published",
            "通过报刊、网站等向社会公开",
        ),
    ];
    for (month, en, done, zh) in steps {
        let Ok(due) = DocDate::new(next, month, 1) else {
            continue;
        };
        let left = days(due) - days(today);
        let days_en = |n: i64| {
            if n == 1 {
                "1 day".to_string()
            } else {
                format!("{n} days")
            }
        };
        let (en_when, zh_when) = match left {
            0 => ("today".to_string(), "即今天".to_string()),
            1.. => (
                format!("{} from today", days_en(left)),
                format!("还有{left}天"),
            ),
            _ => (
                format!("{} ago", days_en(-left)),
                format!("已过{}天", -left),
            ),
        };
        let (en_msg, zh_msg) = if left >= 0 {
            (
                format!("{en} by {} ({en_when})", due.chinese()),
                format!("应于{}前{zh}（{zh_when}）。", due.chinese()),
            )
        } else {
            (
                format!(
                    "{en}: was due {} ({en_when}); make sure it was {done}",
                    due.chinese()
                ),
                format!("{zh}的期限为{}（{zh_when}），请确认已办理。", due.chinese()),
            )
        };
        out.push(Finding {
            location: Location::report(),
            severity: Severity::Hint,
            rule: Rule::Deadline,
            message_en: en_msg,
            message_zh: zh_msg,
            fix: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use nianbao_report::{Block, Imprint, Paragraph, template};

    use super::*;
    use crate::units;

    fn d(y: u16, m: u8, day: u8) -> DocDate {
        DocDate::new(y, m, day).unwrap()
    }

    fn report() -> Report {
        Report::from_template(
            template::default_template(),
            "北京市大兴区长子营镇人民政府",
            2023,
        )
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days(d(1970, 1, 1)), 0);
        assert_eq!(days(d(2024, 3, 1)) - days(d(2024, 2, 28)), 2);
        for n in [-25_567, 0, 19_000, 19_783, 2_932_896] {
            assert_eq!(days(from_days(n).unwrap()), n);
        }
        assert_eq!(from_days(days(d(2024, 3, 28))), Some(d(2024, 3, 28)));
        let t = today();
        assert!(t.year() >= 2024);
    }

    #[test]
    fn generated_title_passes_and_overrides_are_checked() {
        let mut r = report();
        let mut f = Vec::new();
        title(&r, &mut f);
        assert_eq!(f, []);
        r.meta.title = Some("北京市大兴区长子营镇人民政府2022年法治政府建设年度情况报告".into());
        title(&r, &mut f);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].location.range, Some(Span { start: 14, end: 18 }));
        assert!(f[0].message_en.contains("2022"));
        f.clear();
        r.meta.title = Some("关于长子营镇2023年法治政府建设情况的报告".into());
        title(&r, &mut f);
        assert_eq!(
            f.iter().map(|f| f.severity).collect::<Vec<_>>(),
            [Severity::Warning]
        );
        f.clear();
        r.meta.title = Some("北京市大兴区长子营镇人民政府2023年法治政府建设工作总结".into());
        title(&r, &mut f);
        assert_eq!(f.len(), 1);
        assert!(f[0].message_zh.contains("报告"));
    }

    #[test]
    fn the_document_date() {
        let mut r = report();
        let mut f = Vec::new();
        doc_date(&r, &mut f);
        assert_eq!((f[0].rule, f[0].severity), (Rule::Date, Severity::Warning));
        for (date, expected) in [
            (d(2024, 3, 28), None),
            (d(2023, 12, 20), Some(Severity::Error)),
            (d(2024, 4, 15), Some(Severity::Hint)),
            (d(2026, 3, 1), Some(Severity::Warning)),
        ] {
            r.meta.date = Some(date);
            f.clear();
            doc_date(&r, &mut f);
            assert_eq!(f.first().map(|f| f.severity), expected, "{date}");
        }
        r.meta.date = Some(d(2024, 3, 28));
        r.meta.imprint = Some(Imprint {
            cc: None,
            printer: "长子营镇党政办".into(),
            date: d(2024, 3, 27),
        });
        f.clear();
        doc_date(&r, &mut f);
        assert_eq!(
            f[0].location.target,
            Target::Meta {
                field: MetaField::ImprintDate
            }
        );
    }

    #[test]
    fn part_four_names_the_next_year() {
        let mut r = report();
        let mut f = Vec::new();
        plan_year(&r, &mut f);
        assert_eq!(f, []);
        r.parts[3].heading = "2023年度推进法治政府建设的主要安排".into();
        plan_year(&r, &mut f);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location.range, Some(Span { start: 0, end: 4 }));
        assert_eq!(
            f[0].fix.as_ref().unwrap().after.text,
            "2024年度推进法治政府建设的主要安排"
        );
    }

    fn dates(text: &str) -> Vec<(String, String)> {
        let mut r = report();
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(text))];
        let mut f = Vec::new();
        for u in units::collect(&r) {
            date_formats(&u, &mut f);
        }
        let chars: Vec<char> = text.chars().collect();
        f.iter()
            .map(|f| {
                let s = f.location.range.unwrap();
                (
                    chars[s.start..s.end].iter().collect(),
                    f.fix.as_ref().unwrap().after.text.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn dates_in_the_text() {
        assert_eq!(
            dates("于2024年03月08日召开"),
            [("2024年03月08日".into(), "于2024年3月8日召开".into())]
        );
        assert_eq!(
            dates("二〇二四年三月二十八日印发"),
            [("二〇二四年三月二十八日".into(), "2024年3月28日印发".into())]
        );
        assert_eq!(
            dates("自2023年1月起,截至12月05日"),
            [("12月05日".into(), "自2023年1月起,截至12月5日".into())]
        );
        // Correct dates, bare years and counts are left alone.
        for ok in [
            "2023年度,我镇共涉行政复议案件和行政诉讼案件共计6件",
            "截至2023年底",
            "2024年3月28日",
            "二〇二三年度",
            "共计05件",
        ] {
            assert_eq!(dates(ok), [], "{ok}");
        }
    }

    #[test]
    fn deadlines_relative_to_today() {
        let r = report();
        let mut f = Vec::new();
        deadlines(&r, d(2024, 2, 18), &mut f);
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.severity == Severity::Hint));
        assert!(
            f[0].message_en
                .contains("by 2024年3月1日 (12 days from today)"),
            "{}",
            f[0].message_en
        );
        assert!(f[1].message_zh.contains("还有43天"), "{}", f[1].message_zh);
        f.clear();
        deadlines(&r, d(2024, 3, 5), &mut f);
        assert!(
            f[0].message_en.contains("4 days ago"),
            "{}",
            f[0].message_en
        );
        assert!(f[1].message_zh.contains("还有27天"), "{}", f[1].message_zh);
    }
}
