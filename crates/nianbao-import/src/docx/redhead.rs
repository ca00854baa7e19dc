//! The red 版头 of a 公文 template (GB/T 9704 7.2): 份号, 密级, 紧急程度, the 发文机关标志 in red
//! (`北京市大兴区长子营镇人民政府文件`), the 发文字号 (`京兴长政发〔2024〕3号`) with, in a report
//! to a higher organ, the 签发人, and the red separator line. None of it belongs to the report;
//! the 发文机关 can stand in for the issuer when the title does not name one.

use crate::{
    lines::{compact, has_sentence_punctuation},
    markers,
};

/// A line at the top of the document, with what the header needs to know about its looks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Top<'a> {
    pub text: &'a str,
    /// Some of its text is red.
    pub red: bool,
    /// Centred and set large (at least 20 pt).
    pub big_centred: bool,
    /// A red paragraph border or a line shape, and no text.
    pub rule: bool,
}

/// What the header held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RedHead {
    /// The 发文机关标志 without `文件`.
    pub organ: Option<String>,
    /// 发文字号.
    pub number: Option<String>,
    /// 签发人 (the names).
    pub signer: Option<String>,
}

/// Lines scanned for a header at most.
const MAX_HEADER_LINES: usize = 12;
/// Longest 发文机关标志.
const MAX_ORGAN_CHARS: usize = 40;

/// What one line of a header is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    /// 份号, 密级, 紧急程度: kept out, proves nothing alone.
    Mark,
    /// Looks like a 发文机关标志 but only by size: counts only before a sure element.
    WeakOrgan,
    /// Red, or ending in 文件: a 发文机关标志.
    Organ,
    /// 发文字号 (perhaps with 签发人), or 签发人 alone.
    Number,
    /// The separator line: the header ends here.
    Rule,
}

/// Finds a header at the top of `tops`: returns what it held and how many lines it takes
/// (0 when there is none).
pub(crate) fn find(tops: &[Top<'_>]) -> (RedHead, usize) {
    let mut head = RedHead::default();
    let mut end = 0;
    let mut organs: Vec<(usize, &str)> = Vec::new();
    for (i, top) in tops.iter().enumerate().take(MAX_HEADER_LINES) {
        let Some(element) = classify(top) else { break };
        match element {
            Element::Mark => {}
            Element::WeakOrgan | Element::Organ => organs.push((i, top.text)),
            Element::Number => {
                let (number, signer) = number_and_signer(top.text);
                head.number = head.number.or(number);
                head.signer = head.signer.or(signer);
            }
            Element::Rule => {}
        }
        if element != Element::Mark && element != Element::WeakOrgan {
            end = i + 1;
        }
        if element == Element::Rule {
            break;
        }
    }
    if end == 0 {
        return (RedHead::default(), 0);
    }
    head.organ = organs
        .iter()
        .find(|&&(i, _)| i < end)
        .map(|&(_, text)| organ_name(text));
    (head, end)
}

fn classify(top: &Top<'_>) -> Option<Element> {
    if top.rule {
        return Some(Element::Rule);
    }
    let t = compact(top.text);
    if t.is_empty() {
        return None;
    }
    if is_rule_text(&t) {
        return Some(Element::Rule);
    }
    if doc_number(&t).is_some() || t.starts_with("签发人") {
        return Some(Element::Number);
    }
    if is_mark(&t) {
        return Some(Element::Mark);
    }
    let organ_like = t.chars().count() <= MAX_ORGAN_CHARS
        && !has_sentence_punctuation(&t)
        && markers::parse(&t).is_none()
        && !t.ends_with("报告")
        && !t.ends_with("報告");
    if !organ_like {
        return None;
    }
    if t.ends_with("文件") || top.red {
        Some(Element::Organ)
    } else if top.big_centred {
        Some(Element::WeakOrgan)
    } else {
        None
    }
}

/// 份号 (`000123`), 密级 (`秘密★1年`), 紧急程度 (`特急`).
fn is_mark(t: &str) -> bool {
    let n = t.chars().count();
    (n <= 6 && t.chars().all(|c| c.is_ascii_digit()))
        || (n <= 12 && ["绝密", "机密", "秘密"].iter().any(|m| t.starts_with(m)))
        || (n <= 4
            && ["特急", "加急", "特提", "平急"]
                .iter()
                .any(|m| t.starts_with(m)))
        || t.starts_with("份号")
}

/// A line of rule characters typed as a separator.
fn is_rule_text(t: &str) -> bool {
    t.chars().count() >= 3 && t.chars().all(|c| "—─━_－-═▁▬―".contains(c))
}

/// The 发文字号 in a line: `{代字}〔2024〕3号` (any of 〔〕［］[]【】（）() as brackets).
fn doc_number(t: &str) -> Option<&str> {
    let open = t.find(['〔', '［', '[', '【', '（', '('])?;
    if open == 0 {
        return None;
    }
    let prefix = &t[..open];
    if prefix.chars().count() > 15 || has_sentence_punctuation(prefix) {
        return None;
    }
    let mut chars = t[open..].char_indices().skip(1);
    let digits: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (close_at, close) = chars.next()?;
    if !"〕］]】）)".contains(close) {
        return None;
    }
    let after = &t[open + close_at + close.len_utf8()..];
    let n = after.chars().take_while(char::is_ascii_digit).count();
    if n == 0 || !after[n..].starts_with('号') {
        return None;
    }
    Some(&t[..open + close_at + close.len_utf8() + n + '号'.len_utf8()])
}

/// The 发文字号 and 签发人 of a line such as `某政发〔2024〕3号  签发人：张三`.
fn number_and_signer(text: &str) -> (Option<String>, Option<String>) {
    let t = compact(text);
    let number = doc_number(&t).map(str::to_string);
    let signer = t.find("签发人").and_then(|at| {
        let rest = t[at + "签发人".len()..].trim_start_matches([':', '：']);
        let names = crate::lines::trim(rest);
        (!names.is_empty()).then(|| {
            // The names keep the spaces between them as written.
            let written = text.find("签发人").map_or(names, |i| {
                crate::lines::trim(text[i + "签发人".len()..].trim_start_matches([':', '：']))
            });
            written.to_string()
        })
    });
    (number, signer)
}

/// `某镇人民政府文件` → `某镇人民政府`; several organs side by side → the first.
fn organ_name(text: &str) -> String {
    let t = crate::lines::trim(text);
    let t = t.strip_suffix("文件").unwrap_or(t);
    let first = t.split_whitespace().next().unwrap_or(t);
    compact(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(text: &str) -> Top<'_> {
        Top {
            text,
            ..Top::default()
        }
    }

    #[test]
    fn reads_a_report_header() {
        let tops = [
            top("000012"),
            Top {
                red: true,
                big_centred: true,
                ..top("北京市大兴区长子营镇人民政府文件")
            },
            top("京兴长政发〔2024〕3号          签发人：张 三"),
            Top {
                rule: true,
                ..top("")
            },
            Top {
                big_centred: true,
                ..top("关于2023年法治政府建设情况的报告")
            },
        ];
        let (head, end) = find(&tops);
        assert_eq!(end, 4);
        assert_eq!(
            head,
            RedHead {
                organ: Some("北京市大兴区长子营镇人民政府".into()),
                number: Some("京兴长政发〔2024〕3号".into()),
                signer: Some("张 三".into()),
            }
        );
    }

    #[test]
    fn a_title_alone_is_no_header() {
        let tops = [
            Top {
                big_centred: true,
                ..top("某镇人民政府")
            },
            Top {
                big_centred: true,
                ..top("2023年法治政府建设年度情况报告")
            },
            top("区委、区政府："),
        ];
        assert_eq!(find(&tops), (RedHead::default(), 0));
        // A large organ line counts when a 发文字号 follows it.
        let tops = [
            Top {
                big_centred: true,
                ..top("某区司法局")
            },
            top("某司发[2024]12号"),
            top("关于2023年法治政府建设情况的报告"),
        ];
        let (head, end) = find(&tops);
        assert_eq!((head.organ.as_deref(), end), (Some("某区司法局"), 2));
    }

    #[test]
    fn document_numbers() {
        assert_eq!(
            doc_number("京兴长政发〔2024〕3号"),
            Some("京兴长政发〔2024〕3号")
        );
        assert_eq!(
            doc_number("某政办发[2023]15号签发人：李四"),
            Some("某政办发[2023]15号")
        );
        assert_eq!(doc_number("〔2024〕3号"), None);
        assert_eq!(doc_number("根据《条例》（2024）"), None);
        assert_eq!(doc_number("某政发〔2024〕号"), None);
        assert!(is_rule_text("————————"));
        assert!(is_mark("秘密★1年") && is_mark("特急") && is_mark("000001"));
    }
}
