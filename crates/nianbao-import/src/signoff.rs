//! The lines after the body, read from the end in GB/T 9704 order: 版记 (抄送, 印发), 附注,
//! 成文日期, 署名, 附件说明.

use nianbao_report::{DocDate, Imprint};

use crate::{
    dates,
    lines::{Line, compact, has_sentence_punctuation, trim},
    markers,
    warning::ImportWarning,
};

/// What the sign-off lines held.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct SignOff {
    /// 成文日期.
    pub date: Option<DocDate>,
    /// 署名 as written (compared with the issuer later).
    pub signature: Option<String>,
    /// 附件说明 names, without numbers or final punctuation.
    pub attachments: Vec<String>,
    /// 版记.
    pub imprint: Option<Imprint>,
}

/// Longest line read as a signature: an organ's full name, or two.
const MAX_SIGNATURE_CHARS: usize = 40;
/// Longest 附注 such as `（此件公开发布）`.
const MAX_NOTE_CHARS: usize = 40;
/// Longest attachment name line.
const MAX_ATTACHMENT_CHARS: usize = 80;

/// Endings of organ names: a short line ending so is a 署名, not the last words of the body.
const ORGAN_ENDINGS: &[&str] = &[
    "政府",
    "委员会",
    "办公室",
    "办事处",
    "局",
    "厅",
    "委",
    "办",
    "部",
    "院",
    "署",
    "中心",
    "所",
    "会",
    "处",
    "镇",
    "乡",
    "街道",
    "公司",
    "队",
    "站",
];

/// Reads the sign-off from the end of `lines`; returns it and how many lines the body keeps.
/// `issuer` (from the title, if known) confirms a signature line that equals it.
pub(crate) fn read(
    lines: &[Line<'_>],
    issuer: Option<&str>,
    warnings: &mut Vec<ImportWarning>,
) -> (SignOff, usize) {
    let mut s = SignOff::default();
    let mut end = lines.len();
    let last = |end: usize| end.checked_sub(1).and_then(|i| lines.get(i));

    if let Some(line) = last(end)
        && let Some(imprint) = printed_line(line.text)
    {
        end -= 1;
        let mut imprint = imprint;
        if let Some(line) = last(end)
            && let Some(cc) = labelled(line.text, "抄送")
        {
            imprint.cc = Some(strip_final_punctuation(cc).to_string());
            end -= 1;
        }
        s.imprint = Some(imprint);
    }

    // 附注 such as （此件公开发布） sits under the date; the model has nowhere to keep it.
    if let Some(note) = last(end)
        && is_note(note.text)
        && end >= 2
        && date_line(lines[end - 2].text).is_some()
    {
        warnings.push(ImportWarning::NoteDropped {
            line: note.no,
            note: note.text.to_string(),
        });
        end -= 1;
    }

    if let Some(line) = last(end)
        && let Some((signature, date)) = date_line(line.text)
    {
        s.date = Some(date);
        s.signature = signature.map(str::to_string);
        end -= 1;
    }

    if s.signature.is_none()
        && let Some(line) = last(end)
    {
        let same_as_issuer = issuer.is_some_and(|i| compact(i) == compact(line.text));
        if same_as_issuer || (s.date.is_some() && is_signature(line.text)) {
            s.signature = Some(line.text.to_string());
            end -= 1;
        }
    }

    if let Some((names, start)) = attachments(&lines[..end]) {
        s.attachments = names;
        end = start;
    }
    (s, end)
}

/// `2024年3月28日`, or `署名  2024年3月28日` on one line: the signature part, if any, and the date.
fn date_line(text: &str) -> Option<(Option<&str>, DocDate)> {
    if let Some(date) = dates::parse_date(text) {
        return Some((None, date));
    }
    let (left, right) = text.rsplit_once(char::is_whitespace)?;
    let date = dates::parse_date(right)?;
    let left = trim(left);
    is_signature(left).then_some((Some(left), date))
}

/// A short line without sentence punctuation that ends like an organ's name.
fn is_signature(text: &str) -> bool {
    text.chars().count() <= MAX_SIGNATURE_CHARS
        && !has_sentence_punctuation(text)
        && markers::parse(text).is_none()
        && {
            let simple = crate::hanzi::simplified(text);
            ORGAN_ENDINGS.iter().any(|e| simple.ends_with(e))
        }
}

/// A short parenthesised line: （此件公开发布）.
fn is_note(text: &str) -> bool {
    text.chars().count() <= MAX_NOTE_CHARS
        && text.starts_with(['（', '('])
        && text.ends_with(['）', ')'])
        && markers::parse(text).is_none()
}

/// The text after `label：` or `label:` (an attachment label may carry a number: `附件1：`).
fn labelled<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(label)?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.strip_prefix([':', '：']).map(trim)
}

/// `办公室  2024年3月28日印发`: 印发机关 and 印发日期.
fn printed_line(text: &str) -> Option<Imprint> {
    let rest = trim(text.strip_suffix("印发")?);
    let (at, _) = dates::find_year(rest)?;
    let date = dates::parse_date(&rest[at..])?;
    let printer = trim(&rest[..at]);
    (!printer.is_empty()).then(|| Imprint {
        cc: None,
        printer: printer.to_string(),
        date,
    })
}

/// The trailing 附件说明 block, if the last lines are one: the names and where it starts.
///
/// It begins with a line `附件：…` (the first name may follow the colon) and every line after it
/// is a numbered name (`2.…`); numbered lines without the label are body items, not attachments.
fn attachments(lines: &[Line<'_>]) -> Option<(Vec<String>, usize)> {
    let is_item = |l: &Line<'_>| {
        l.text.chars().count() <= MAX_ATTACHMENT_CHARS
            && markers::parse(l.text).is_some_and(|m| m.level == 3)
    };
    let items_from = lines.len() - lines.iter().rev().take_while(|l| is_item(l)).count();
    let label_at = items_from.checked_sub(1)?;
    let first = labelled(lines[label_at].text, "附件")?;
    let names = std::iter::once(first)
        .chain(lines[items_from..].iter().map(|l| l.text))
        .filter(|t| !t.is_empty())
        .map(|t| {
            let name = markers::parse(t).map_or(t, |m| m.rest);
            strip_final_punctuation(name).to_string()
        })
        .collect();
    Some((names, label_at))
}

fn strip_final_punctuation(s: &str) -> &str {
    s.trim_end_matches(['。', '；', ';', '，', ',', '.', '．'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;

    fn read_text(text: &str, issuer: Option<&str>) -> (SignOff, Vec<String>, Vec<ImportWarning>) {
        let lines = split(text);
        let mut warnings = Vec::new();
        let (s, end) = read(&lines, issuer, &mut warnings);
        let body = lines[..end].iter().map(|l| l.text.to_string()).collect();
        (s, body, warnings)
    }

    #[test]
    fn reads_attachments_signature_and_date() {
        let (s, body, _) = read_text(
            "正文。\n1.条目。\n附件：1.某镇2023年法治政府建设工作台账；\n2.案件统计表\n某镇人民政府\n2024年3月28日",
            None,
        );
        assert_eq!(body, ["正文。", "1.条目。"]);
        assert_eq!(s.date, DocDate::new(2024, 3, 28).ok());
        assert_eq!(s.signature.as_deref(), Some("某镇人民政府"));
        assert_eq!(
            s.attachments,
            ["某镇2023年法治政府建设工作台账", "案件统计表"]
        );
    }

    #[test]
    fn leaves_body_items_and_prose_alone() {
        let (s, body, _) = read_text("五、其他\n1.无。\n2.无", None);
        assert_eq!(s, SignOff::default());
        assert_eq!(body.len(), 3);
        // A date without an organ-like line above it: the line stays in the body.
        let (s, body, _) = read_text("五、其他\n无\n2024年3月28日", None);
        assert_eq!(s.signature, None);
        assert!(s.date.is_some());
        assert_eq!(body, ["五、其他", "无"]);
    }

    #[test]
    fn reads_imprint_note_and_one_line_sign_off() {
        let (s, body, warnings) = read_text(
            "正文。\n某区司法局    二〇二四年三月二十八日\n（此件公开发布）\n抄送：区委依法治区办。\n某区司法局办公室  2024年3月29日印发",
            None,
        );
        assert_eq!(body, ["正文。"]);
        assert_eq!(s.signature.as_deref(), Some("某区司法局"));
        assert_eq!(s.date, DocDate::new(2024, 3, 28).ok());
        let imprint = s.imprint.unwrap();
        assert_eq!(imprint.cc.as_deref(), Some("区委依法治区办"));
        assert_eq!(imprint.printer, "某区司法局办公室");
        assert_eq!(imprint.date, DocDate::new(2024, 3, 29).unwrap());
        assert_eq!(
            warnings,
            [ImportWarning::NoteDropped {
                line: 3,
                note: "（此件公开发布）".into()
            }]
        );
    }

    #[test]
    fn a_line_equal_to_the_issuer_is_a_signature_even_without_date() {
        let (s, body, _) = read_text("正文。\n某 镇 人民政府", Some("某镇人民政府"));
        assert_eq!(s.signature.as_deref(), Some("某 镇 人民政府"));
        assert_eq!(body, ["正文。"]);
    }
}
