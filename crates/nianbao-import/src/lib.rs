//! Import of 《法治政府建设年度情况报告》: a `.txt` file (UTF-8, UTF-16 or GB18030/GBK, as saved by
//! Word or WPS, or copied from a government website) or a Word `.docx` (made in Word or WPS,
//! often from a red-header 公文 template) becomes a [`Report`].
//!
//! The text between markers is kept exactly as written (only each line's edges are trimmed);
//! typed markers are dropped because numbering is regenerated. Whatever was dropped, guessed or
//! renumbered is reported in [`Imported::warnings`], and how each part was matched to the
//! template's statutory parts in [`Imported::mapping`]. The rules, in the order they apply:
//!
//! 1. **Refusals** ([`ImportError`]): extension (`.txt`/`.text`, or a Word extension), size from
//!    the metadata before reading ([`MAX_TEXT_BYTES`], [`MAX_DOCX_BYTES`]). Text: known binary
//!    formats by their first bytes (ZIP, PDF, OLE .doc, images, HTML), NUL bytes, more than one
//!    character in ten a control character. Word: see [`import_docx_bytes`].
//! 2. **Decoding** (text): BOM first (UTF-8, UTF-16LE/BE), then strict UTF-8, then strict
//!    GB18030; CRLF and CR become LF; control characters other than tab and newline are dropped.
//!    A Word document becomes one line per paragraph (and per table row), with hints from its
//!    formatting: the marker Word's automatic numbering shows, heading styles, centring, and
//!    where a bold or differently set heading sentence ends. Its red 版头 is removed first.
//! 3. **Chrome**: short lines without `。` that carry website furniture (`来源:`, `发布时间：`,
//!    `打印`, `【字体`, `分享到`, breadcrumbs, page numbers like `- 3 -`) are dropped anywhere.
//! 4. **Title**: the first line (not a heading, no `。`). A title split over up to three lines
//!    is joined with `\n` when the first line does not end in 报告 and a following short line
//!    without punctuation does (in Word: the centred lines at the top). Issuer and year are read
//!    from it (`{issuer}{year}年…`); the title is stored only when it differs from the
//!    template's (spacing aside).
//! 5. **Recipient**: the next line, when short and ending in a colon (`区委、区政府：`, or a
//!    salutation), unless it is the preface's `现将…报告如下：`.
//! 6. **Sign-off**, from the end: 版记 (`抄送：…`, `…2024年3月29日印发`), a note such as
//!    `（此件公开发布）` (dropped with a warning), the date, the signature (a short line ending like
//!    an organ's name, above the date; or equal to the issuer), and `附件：1.…` with its numbered
//!    lines. The year falls back to the date's year − 1 and the issuer to the red header's
//!    发文机关, then to the signature.
//! 7. **Body**: lines before the first `一、` are the preface; `一、` starts a part, `（一）`
//!    `1.` `（1）` (full- or half-width, typed or shown by Word's numbering) start headings nested
//!    by marker level, and lines styled Heading 1–4 / 标题 1–4 without a marker are headings of
//!    that level. A heading line is split into heading and run-in body where its formatting
//!    changes, else at its first `。`. Every other line is one paragraph. Numbers out of
//!    sequence and skipped levels are accepted with a warning; `一、` started again inside a part
//!    is read as level 2, and `1.` numbered on across `（一）（二）` is accepted.
//! 8. **Statutory parts**: each part is matched to a template part by keywords and weighted
//!    character similarity of the headings (years removed, traditional characters simplified),
//!    each template part at most once, order breaking ties (see [`PartMapping`]).

mod chrome;
mod controls;
mod dates;
mod decode;
mod docx;
mod error;
mod file;
mod hanzi;
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
pub use statutory::{Candidate, PartMapping};
pub use warning::{ImportWarning, SourceEncoding};

use lines::Line;

/// Largest text file imported (10 MB); a report is a few dozen KB, so larger files are refused.
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// Largest Word file imported (50 MB): a report with a few photographs is far smaller.
pub const MAX_DOCX_BYTES: u64 = 50 * 1024 * 1024;

/// An imported report and what the drafter should know about the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The report as recognised, following the default template.
    pub report: Report,
    /// What was dropped, guessed or renumbered; displayed in English, e.g.
    /// `dropped 3 control characters`.
    pub warnings: Vec<ImportWarning>,
    /// For each part, the statutory part it was taken for (or none) and how sure that is, so
    /// that the drafter can confirm it.
    pub mapping: Vec<PartMapping>,
}

/// Imports a report file: a `.txt`, or a Word `.docx` (also under `.doc`/`.wps`, which are
/// refused with advice when they are the old binary formats). Checks extension and size before
/// reading; reads the file once and writes nothing.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let kind = file::kind(path)?;
    let bytes = file::read(path, kind)?;
    let input = Input::File(path.to_path_buf());
    match kind {
        file::Kind::Text => import_bytes(&bytes, input),
        file::Kind::Word => docx::import(&bytes, input),
    }
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

/// Imports a report from the bytes of a Word `.docx` file.
///
/// Refused, each with one line: more than [`MAX_DOCX_BYTES`]; empty; an old `.doc` (OLE) or an
/// encrypted document; not a zip, or a zip without `word/document.xml`; more than 2000 entries,
/// a part over 32 MB or 64 MB in all once inflated (counted while inflating, whatever the zip
/// claims); XML with a DOCTYPE (entities are never expanded, nothing external is fetched); XML
/// that is not well-formed UTF-8. Headers, footers, comments and notes are not read.
pub fn import_docx_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    let input = Input::Document;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_DOCX_BYTES {
        return Err(ImportError::DocxTooLarge { input, size });
    }
    if size == 0 {
        return Err(ImportError::Empty { input });
    }
    docx::import(bytes, input)
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
    let (report, mapping) = recognise(lines::split(&text), &input, &mut warnings, None)?;
    Ok(finish(report, warnings, mapping, &input))
}

fn finish(
    report: Report,
    warnings: Vec<ImportWarning>,
    mapping: Vec<PartMapping>,
    input: &Input,
) -> Imported {
    tracing::debug!(
        parts = report.parts.len(),
        warnings = warnings.len(),
        "imported {}",
        input
    );
    Imported {
        report,
        warnings,
        mapping,
    }
}

/// Reads the structure of clean lines (text without controls, trimmed, non-empty), from a text
/// file or a Word document. `header_issuer` is the 发文机关 of a red header, if one was removed.
fn recognise(
    all: Vec<Line<'_>>,
    input: &Input,
    warnings: &mut Vec<ImportWarning>,
    header_issuer: Option<&str>,
) -> Result<(Report, Vec<PartMapping>), ImportError> {
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
    let issuer = title_issuer.as_deref().or(header_issuer);
    let (sign_off, body_end) = signoff::read(rest, issuer, warnings);
    let body_lines = &rest[..body_end];
    let mut body = structure::build(body_lines, warnings);
    if body.parts.is_empty() {
        return Err(ImportError::NoReport {
            input: input.clone(),
            reason: "no part headings (一、二、…) found".into(),
        });
    }
    docx::warn_tables(body_lines, warnings);
    let meta = meta::build(&front, sign_off, template, input, header_issuer)?;
    let mapping = statutory::map_parts(&mut body.parts, template, &meta, warnings);
    let report = Report {
        preface: body.preface,
        parts: body.parts,
        figures: template.seed_figures(),
        ..Report::empty(meta)
    };
    Ok((report, mapping))
}
