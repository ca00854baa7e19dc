//! The report's meta from its first and last lines: title (and from it issuer and year),
//! recipient, and the sign-off's signature and date.

use nianbao_report::{Meta, Template};

use crate::{
    dates,
    error::{ImportError, Input},
    lines::{Line, compact, has_sentence_punctuation},
    markers,
    signoff::SignOff,
};

/// What the lines before the preface held.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Front {
    /// The title; a `\n` where the source split it over lines.
    pub title: String,
    /// 主送机关 without its colon.
    pub recipient: Option<String>,
    /// How many lines the title and recipient took.
    pub consumed: usize,
}

/// Longest first line that can be a title; a longer one is prose.
const MAX_TITLE_CHARS: usize = 80;
/// Longest second or third line joined to a split title.
const MAX_TITLE_PIECE_CHARS: usize = 40;
/// Longest 主送机关 line.
const MAX_RECIPIENT_CHARS: usize = 40;
/// Most lines a title is split over.
const MAX_TITLE_LINES: usize = 3;

/// Reads the title and the recipient line from the first lines.
///
/// A title split over lines is joined when the first line does not end in 报告 and a following
/// short line without punctuation does (at most three lines): centred titles are broken that way.
pub(crate) fn read_front(lines: &[Line<'_>], input: &Input) -> Result<Front, ImportError> {
    let no_report = |reason: String| ImportError::NoReport {
        input: input.clone(),
        reason,
    };
    let first = lines
        .first()
        .ok_or_else(|| no_report("it has no text besides web-page furniture".into()))?;
    if markers::parse(first.text).is_some() {
        return Err(no_report(format!(
            "it has no title: the first line “{}” is already a heading",
            first.text
        )));
    }
    if first.text.contains('。') || first.text.chars().count() > MAX_TITLE_CHARS {
        return Err(no_report(format!(
            "it has no title: the first line (line {}) is a paragraph",
            first.no
        )));
    }
    let mut consumed = 1;
    if first.hint.centred {
        // A Word title: the centred lines at the top, however they are broken.
        consumed += lines[1..]
            .iter()
            .take(MAX_TITLE_LINES - 1)
            .take_while(|l| l.hint.centred && is_centred_title_piece(l.text))
            .count();
    } else if !ends_with_report(first.text) {
        let pieces: Vec<&Line<'_>> = lines[1..]
            .iter()
            .take(MAX_TITLE_LINES - 1)
            .take_while(|l| is_title_piece(l.text))
            .collect();
        if let Some(k) = pieces.iter().position(|l| ends_with_report(l.text)) {
            consumed += k + 1;
        }
    }
    let title = lines[..consumed]
        .iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n");
    let recipient = lines
        .get(consumed)
        .and_then(|l| recipient(l.text))
        .map(str::to_string);
    if recipient.is_some() {
        consumed += 1;
    }
    Ok(Front {
        title,
        recipient,
        consumed,
    })
}

/// `…报告`, also in traditional characters.
fn ends_with_report(text: &str) -> bool {
    text.ends_with("报告") || text.ends_with("報告")
}

/// A centred line under a centred first line that continues the title: not a date or note in
/// brackets such as `（2024年3月28日）`.
fn is_centred_title_piece(text: &str) -> bool {
    text.chars().count() <= MAX_TITLE_CHARS
        && !has_sentence_punctuation(text)
        && markers::parse(text).is_none()
        && !(text.starts_with(['（', '(']) && text.ends_with(['）', ')']))
        && dates::parse_date(text).is_none()
}

fn is_title_piece(text: &str) -> bool {
    text.chars().count() <= MAX_TITLE_PIECE_CHARS
        && !has_sentence_punctuation(text)
        && markers::parse(text).is_none()
}

/// `区委、区政府：` → `区委、区政府`: a short line ending in a colon that is not the preface's
/// `现将…报告如下：`.
fn recipient(text: &str) -> Option<&str> {
    let name = crate::lines::trim(text.strip_suffix(['：', ':'])?);
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_RECIPIENT_CHARS
        && !has_sentence_punctuation(name)
        && !name.contains("如下")
        && !name.contains("现将")
        && markers::parse(name).is_none();
    ok.then_some(name)
}

/// Issuer and year from the title: the text before the first `{year}年`, and that year.
pub(crate) fn from_title(title: &str) -> (Option<String>, Option<u16>) {
    let Some((at, year)) = dates::find_year(title) else {
        return (None, None);
    };
    let before = title[..at].replace('\n', "");
    let mut issuer = crate::lines::trim(&before);
    // 某镇人民政府关于2023年…的报告
    issuer = issuer.strip_prefix("关于").unwrap_or(issuer);
    issuer = issuer.strip_suffix("关于").unwrap_or(issuer);
    let issuer = crate::lines::trim(issuer);
    ((!issuer.is_empty()).then(|| issuer.to_string()), Some(year))
}

/// Meta from the front and sign-off: year and issuer from the title, else from the date
/// (the year before it), the red header's 发文机关 (`header_issuer`) and the signature; the title
/// kept only when it is not the template's.
pub(crate) fn build(
    front: &Front,
    sign_off: SignOff,
    template: &Template,
    input: &Input,
    header_issuer: Option<&str>,
) -> Result<Meta, ImportError> {
    let (title_issuer, title_year) = from_title(&front.title);
    let shown_title = front.title.replace('\n', " ");
    // Reports are dated in the first months of the following year.
    let year = title_year
        .or_else(|| sign_off.date.map(|d| d.year() - 1))
        .ok_or_else(|| ImportError::NoYear {
            input: input.clone(),
            title: shown_title.clone(),
        })?;
    let mut signature = sign_off.signature;
    let issuer = match (title_issuer, header_issuer) {
        (Some(i), _) => i,
        (None, Some(h)) => h.to_string(),
        (None, None) => signature.take().ok_or_else(|| ImportError::NoIssuer {
            input: input.clone(),
            title: shown_title,
        })?,
    };
    if signature
        .as_deref()
        .is_some_and(|s| compact(s) == compact(&issuer))
    {
        signature = None;
    }
    let mut meta = Meta::new(issuer, year);
    meta.template = template.id.clone();
    let generated = template.render(&template.title_pattern, &meta);
    meta.title = (compact(&front.title) != compact(&generated)).then(|| front.title.clone());
    meta.recipient = front.recipient.clone();
    meta.signature = signature;
    meta.date = sign_off.date;
    meta.attachments = sign_off.attachments;
    meta.imprint = sign_off.imprint;
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use nianbao_report::{DocDate, template::default_template};

    fn front(text: &str) -> Front {
        read_front(&split(text), &Input::Text).unwrap()
    }

    #[test]
    fn joins_a_title_split_over_lines() {
        let f = front(
            "北京市大兴区长子营镇人民政府\n2023年法治政府建设年度情况报告\n区委、区政府：\n导语。",
        );
        assert_eq!(
            f.title,
            "北京市大兴区长子营镇人民政府\n2023年法治政府建设年度情况报告"
        );
        assert_eq!(f.recipient.as_deref(), Some("区委、区政府"));
        assert_eq!(f.consumed, 3);
        let f = front("某镇2023年法治政府建设年度情况报告\n某镇人民政府：\n一、举措");
        assert_eq!(f.consumed, 2);
        // A second line that is a sentence is not part of the title.
        let f = front("某镇2023年工作总结\n现将有关情况报告如下：\n一、举措");
        assert_eq!(
            (f.title.as_str(), f.recipient, f.consumed),
            ("某镇2023年工作总结", None, 1)
        );
    }

    #[test]
    fn refuses_text_without_a_title() {
        for text in ["一、举措\n正文。", "这是一段很长的正文。没有标题。"] {
            let e = read_front(&split(text), &Input::Text).unwrap_err();
            assert!(matches!(e, ImportError::NoReport { .. }), "{e}");
        }
    }

    #[test]
    fn issuer_and_year_from_the_title() {
        assert_eq!(
            from_title("某镇人民政府关于2023年法治政府建设情况的报告"),
            (Some("某镇人民政府".into()), Some(2023))
        );
        assert_eq!(
            from_title("2023年法治政府建设年度情况报告"),
            (None, Some(2023))
        );
        assert_eq!(from_title("法治政府建设年度情况报告"), (None, None));
    }

    #[test]
    fn generated_title_is_not_stored_and_fallbacks_work() {
        let t = default_template();
        let f = front("北京市大兴区长子营镇人民政府\n2023年法治政府建设年度情况报告");
        let m = build(&f, SignOff::default(), t, &Input::Text, None).unwrap();
        assert_eq!(m.title, None);
        assert_eq!(m.issuer, "北京市大兴区长子营镇人民政府");

        let f = front("法治政府建设年度情况报告");
        let sign_off = SignOff {
            signature: Some("某镇人民政府".into()),
            date: DocDate::new(2024, 3, 1).ok(),
            ..SignOff::default()
        };
        let m = build(&f, sign_off, t, &Input::Text, None).unwrap();
        assert_eq!((m.issuer.as_str(), m.year), ("某镇人民政府", 2023));
        assert_eq!(m.signature, None);
        assert_eq!(m.title.as_deref(), Some("法治政府建设年度情况报告"));

        let e = build(&f, SignOff::default(), t, &Input::Text, None).unwrap_err();
        assert!(e.to_string().contains("no year found"), "{e}");
        let f = front("2023年法治政府建设年度情况报告");
        let e = build(&f, SignOff::default(), t, &Input::Text, None).unwrap_err();
        assert!(e.to_string().contains("no issuer found"), "{e}");
    }
}
