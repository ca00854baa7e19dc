//! Plain-text import of 《法治政府建设年度情况报告》: a `.txt` file (UTF-8, UTF-16 or GB18030/GBK,
//! as saved by Word or WPS, or copied from a government website) becomes a [`Report`].
//!
//! The text between markers is kept exactly as written (only each line's edges are trimmed);
//! typed markers are dropped because numbering is regenerated. Whatever was dropped, guessed or
//! renumbered is reported in [`Imported::warnings`]. The rules, in the order they apply:
//!
//! 1. **Refusals** ([`ImportError`]): extension (`.txt`/`.text`; Word files get their own
//!    message), size from the metadata before reading ([`MAX_TEXT_BYTES`]), known binary formats by
//!    their first bytes (ZIP/.docx, PDF, OLE .doc, images, HTML), NUL bytes, more than one
//!    character in ten a control character.
//! 2. **Decoding**: BOM first (UTF-8, UTF-16LE/BE), then strict UTF-8, then strict GB18030;
//!    CRLF and CR become LF; control characters other than tab and newline are dropped.
//! 3. **Chrome**: short lines without `。` that carry website furniture (`来源:`, `发布时间：`,
//!    `打印`, `【字体`, `分享到`, breadcrumbs, page numbers like `- 3 -`) are dropped anywhere.
//! 4. **Title**: the first line (not a heading, no `。`). A title split over up to three lines
//!    is joined with `\n` when the first line does not end in 报告 and a following short line
//!    without punctuation does. Issuer and year are read from it (`{issuer}{year}年…`); the title
//!    is stored only when it differs from the template's (spacing aside).
//! 5. **Recipient**: the next line, when short and ending in a colon (`区委、区政府：`), unless
//!    it is the preface's `现将…报告如下：`.
//! 6. **Sign-off**, from the end: 版记 (`抄送：…`, `…2024年3月29日印发`), a note such as
//!    `（此件公开发布）` (dropped with a warning), the date, the signature (a short line ending like
//!    an organ's name, above the date; or equal to the issuer), and `附件：1.…` with its numbered
//!    lines. The year falls back to the date's year − 1 and the issuer to the signature.
//! 7. **Body**: lines before the first `一、` are the preface; `一、` starts a part, `（一）`
//!    `1.` `（1）` (full- or half-width) start headings nested by marker level, and a heading
//!    line is split at its first `。` into heading and run-in body. Every other line is one
//!    paragraph. Numbers out of sequence and skipped levels are accepted with a warning.
//! 8. **Statutory parts**: each part is matched to a template part by weighted character
//!    similarity of the headings (years removed), in order, each template part at most once.

mod chrome;
mod controls;
mod dates;
mod decode;
mod error;
mod file;
mod lines;
mod markers;
mod meta;
mod signoff;
mod sniff;
mod statutory;
mod structure;
mod warning;

use std::path::Path;

use nianbao_report::{Report, template};

pub use error::{ImportError, Input};
pub use warning::{ImportWarning, SourceEncoding};

/// Largest text file imported (10 MB); a report is a few dozen KB, so larger files are refused.
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// An imported report and what the drafter should know about the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The report as recognised, following the default template.
    pub report: Report,
    /// What was dropped, guessed or renumbered; displayed in English, e.g.
    /// `dropped 3 control characters`.
    pub warnings: Vec<ImportWarning>,
}

/// Imports a `.txt` report file: checks extension, size and content before decoding it.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let bytes = file::read_text_file(path)?;
    import_bytes(&bytes, Input::File(path.to_path_buf()))
}

/// Imports a report from bytes in any supported encoding.
pub fn import_text_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_bytes(bytes, Input::Text)
}

/// Imports a report from text already decoded.
pub fn import_text(text: &str) -> Result<Imported, ImportError> {
    let input = Input::Text;
    check_size(text.len(), &input)?;
    import_decoded(text, input, Vec::new())
}

fn check_size(len: usize, input: &Input) -> Result<(), ImportError> {
    let size = u64::try_from(len).unwrap_or(u64::MAX);
    if size > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            input: input.clone(),
            size,
        });
    }
    if size == 0 {
        return Err(ImportError::Empty {
            input: input.clone(),
        });
    }
    Ok(())
}

fn import_bytes(bytes: &[u8], input: Input) -> Result<Imported, ImportError> {
    check_size(bytes.len(), &input)?;
    if let Some(looks_like) = sniff::looks_like(bytes) {
        return Err(ImportError::NotText { input, looks_like });
    }
    let decoded = decode::decode(bytes, &input)?;
    let warnings = decoded.note.into_iter().collect();
    import_decoded(&decoded.text, input, warnings)
}

fn import_decoded(
    text: &str,
    input: Input,
    mut warnings: Vec<ImportWarning>,
) -> Result<Imported, ImportError> {
    let mut text = decode::normalise_line_ends(text);
    let (controls, chars) = controls::count_controls(&text);
    if sniff::mostly_controls(controls, chars) {
        return Err(ImportError::Binary { input });
    }
    let dropped = controls::strip_controls(&mut text);
    if dropped > 0 {
        warnings.push(ImportWarning::ControlCharactersDropped { count: dropped });
    }
    let report = recognise(&text, &input, &mut warnings)?;
    tracing::debug!(
        parts = report.parts.len(),
        warnings = warnings.len(),
        "imported {}",
        input
    );
    Ok(Imported { report, warnings })
}

/// Reads the structure of clean text (line ends `\n`, no controls).
fn recognise(
    text: &str,
    input: &Input,
    warnings: &mut Vec<ImportWarning>,
) -> Result<Report, ImportError> {
    let all = lines::split(text);
    if all.is_empty() {
        return Err(ImportError::Empty {
            input: input.clone(),
        });
    }
    let (chrome, lines): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|l| chrome::is_chrome(l.text));
    if !chrome.is_empty() {
        warnings.push(ImportWarning::ChromeDropped {
            lines: chrome.iter().map(|l| l.no).collect(),
        });
    }
    let front = meta::read_front(&lines, input)?;
    let template = template::default_template();
    let (title_issuer, _) = meta::from_title(&front.title);
    let rest = &lines[front.consumed..];
    let (sign_off, body_end) = signoff::read(rest, title_issuer.as_deref(), warnings);
    let mut body = structure::build(&rest[..body_end], warnings);
    if body.parts.is_empty() {
        return Err(ImportError::NoReport {
            input: input.clone(),
            reason: "no part headings (一、二、…) found".into(),
        });
    }
    let meta = meta::build(&front, sign_off, template, input)?;
    statutory::map_parts(&mut body.parts, template, &meta, warnings);
    Ok(Report {
        meta,
        preface: body.preface,
        parts: body.parts,
    })
}
