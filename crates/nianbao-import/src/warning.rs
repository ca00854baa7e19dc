//! What an import dropped, guessed or renumbered, as data: each layer words it for its reader.
//! [`Display`](fmt::Display) gives the English sentence the CLI prints.

use std::fmt;

use nianbao_report::HeadingLevel;

/// An encoding worth telling the drafter about (plain UTF-8 is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    /// GB18030 (which includes GBK): the file is not UTF-8.
    Gb18030,
    /// UTF-16 little-endian; `bom` is whether the file starts with a byte-order mark.
    Utf16Le { bom: bool },
    /// UTF-16 big-endian; `bom` is whether the file starts with a byte-order mark.
    Utf16Be { bom: bool },
}

/// One thing the drafter should know about an import. Line numbers are 1-based, in the source
/// with its line ends normalised; in a Word document they count paragraphs (a table row counts
/// as one). Markers are as typed (`（三）`, `(1)`) or as Word's automatic numbering showed them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// The bytes were decoded from an encoding other than UTF-8.
    Decoded { encoding: SourceEncoding },
    /// Control characters (other than tab and newline) were removed.
    ControlCharactersDropped { count: usize },
    /// Lines of website or PDF furniture (来源, 发布时间, 打印, page numbers) were removed.
    ChromeDropped { lines: Vec<usize> },
    /// A note such as `（此件公开发布）` under the date was removed.
    NoteDropped { line: usize, note: String },
    /// A part whose heading matches no statutory part; `number` is its position (1 for `一、`).
    ExtraPart { number: usize, heading: String },
    /// No part fills the statutory part `key`, whose heading (for the report's year) is `heading`.
    MissingStatutoryPart { key: String, heading: String },
    /// A lower-level marker before the first `一、`; the line was kept as a preface paragraph.
    HeadingBeforeFirstPart { line: usize, marker: String },
    /// A part marker with no heading text after it.
    PartWithoutHeading { line: usize, marker: String },
    /// A heading typed below a missing level (`1.` right under `一、`): `missing_level` is the
    /// level that is missing, `placed_at` the level the heading was given.
    SkippedLevel {
        line: usize,
        marker: String,
        missing_level: u8,
        placed_at: u8,
    },
    /// A heading marker with no heading text after it.
    HeadingWithoutText { line: usize, marker: String },
    /// A number out of sequence (`（三）` after `（一）`); `expected` is the marker it should have
    /// had. Numbering is regenerated.
    OutOfSequence {
        line: usize,
        marker: String,
        expected: String,
    },
    /// `一、` started again inside a part where `（一）` was meant: read as a second-level
    /// heading (and so are the `二、` `三、` that continue it).
    RestartedPartNumbering { line: usize, marker: String },
    /// `1.` numbered on across `（一）（二）` instead of restarting under each: accepted, and
    /// numbering restarts under each heading when regenerated. `expected` is the restarted
    /// marker.
    ContinuousNumbering {
        line: usize,
        marker: String,
        expected: String,
    },
    /// A heading nested deeper than level 4 (possible once `一、` was read as level 2); kept as
    /// a paragraph with its marker.
    TooDeep { line: usize, marker: String },
    /// A short line without a marker right above part 一 (a heading over all the parts); kept as
    /// the last preface paragraph.
    HeadingAboveParts { line: usize, text: String },
    /// No part of its own fills the statutory part `key`, but its content seems folded into
    /// part `part` (1 for 一、): `found` is the heading (with its marker) or an excerpt of the
    /// sentence that names it.
    StatutoryPartFolded {
        key: String,
        heading: String,
        part: usize,
        found: String,
    },
    /// The red 版头 of a 公文 template (发文机关标志, 发文字号, 签发人, the red line) was removed;
    /// the report keeps none of it but the issuer, when the title does not name one.
    RedHeaderDropped {
        organ: Option<String>,
        number: Option<String>,
        signer: Option<String>,
    },
    /// A table was kept as paragraphs, one per row, its cells separated by tabs; `line` is the
    /// first row's paragraph number.
    TableFlattened {
        table: usize,
        line: usize,
        rows: usize,
    },
    /// A picture (or chart, or embedded object) was dropped; `name` is what Word calls it
    /// (`图片 3`), or its kind when it has no name.
    ImageDropped { line: usize, name: String },
    /// A text box was dropped with its text; `text` is the start of that text.
    TextBoxDropped {
        line: usize,
        name: String,
        text: String,
    },
    /// Tracked changes were read as accepted: insertions kept, deletions left out.
    TrackedChangesAccepted { insertions: usize, deletions: usize },
}

impl fmt::Display for SourceEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceEncoding::Gb18030 => "GB18030/GBK",
            SourceEncoding::Utf16Le { .. } => "UTF-16LE",
            SourceEncoding::Utf16Be { .. } => "UTF-16BE",
        })
    }
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportWarning::Decoded { encoding } => {
                write!(f, "read as {encoding}")?;
                match encoding {
                    SourceEncoding::Gb18030 => f.write_str(" (the file is not UTF-8)"),
                    SourceEncoding::Utf16Le { bom: false }
                    | SourceEncoding::Utf16Be { bom: false } => {
                        f.write_str(" (no byte-order mark)")
                    }
                    SourceEncoding::Utf16Le { bom: true }
                    | SourceEncoding::Utf16Be { bom: true } => Ok(()),
                }
            }
            ImportWarning::ControlCharactersDropped { count } => {
                write!(f, "dropped {count} control character{}", plural(*count))
            }
            ImportWarning::ChromeDropped { lines } => {
                let numbers: Vec<String> = lines.iter().map(usize::to_string).collect();
                write!(
                    f,
                    "dropped {} line{} of publication chrome (source, date, print, font size, page numbers): line{} {}",
                    lines.len(),
                    plural(lines.len()),
                    plural(lines.len()),
                    numbers.join(", ")
                )
            }
            ImportWarning::NoteDropped { line, note } => write!(
                f,
                "line {line}: dropped the note “{note}” after the date (the report has no field for it)"
            ),
            ImportWarning::ExtraPart { number, heading } => write!(
                f,
                "part {} “{heading}” matches no statutory part of the template; kept as an extra part",
                HeadingLevel::One.marker(*number)
            ),
            ImportWarning::MissingStatutoryPart { heading, .. } => {
                write!(f, "no part matches the statutory part “{heading}”")
            }
            ImportWarning::HeadingBeforeFirstPart { line, marker } => write!(
                f,
                "line {line}: “{marker}” looks like a heading but comes before part 一; kept as a preface paragraph"
            ),
            ImportWarning::PartWithoutHeading { line, marker } => {
                write!(f, "line {line}: part “{marker}” has no heading")
            }
            ImportWarning::SkippedLevel {
                line,
                marker,
                missing_level,
                placed_at,
            } => write!(
                f,
                "line {line}: “{marker}” has no level-{missing_level} heading above it; placed at level {placed_at}"
            ),
            ImportWarning::HeadingWithoutText { line, marker } => {
                write!(f, "line {line}: heading “{marker}” has no text")
            }
            ImportWarning::OutOfSequence {
                line,
                marker,
                expected,
            } => write!(
                f,
                "line {line}: “{marker}” is out of sequence (expected “{expected}”); numbering is regenerated"
            ),
            ImportWarning::RestartedPartNumbering { line, marker } => write!(
                f,
                "line {line}: “{marker}” starts the part numbering again inside a part; read as a second-level heading"
            ),
            ImportWarning::ContinuousNumbering {
                line,
                marker,
                expected,
            } => write!(
                f,
                "line {line}: “{marker}” continues the numbering of the previous heading's items; it restarts as “{expected}” when regenerated"
            ),
            ImportWarning::TooDeep { line, marker } => write!(
                f,
                "line {line}: “{marker}” would be nested deeper than level 4; kept as a paragraph"
            ),
            ImportWarning::HeadingAboveParts { line, text } => write!(
                f,
                "line {line}: “{text}” looks like a heading above all the parts; kept as a preface paragraph"
            ),
            ImportWarning::StatutoryPartFolded {
                heading,
                part,
                found,
                ..
            } => write!(
                f,
                "the statutory part “{heading}” has no part of its own; it seems folded into part {} as “{found}”",
                HeadingLevel::One.marker(*part)
            ),
            ImportWarning::RedHeaderDropped {
                organ,
                number,
                signer,
            } => {
                f.write_str("dropped the red header")?;
                let named: Vec<String> = [
                    organ.as_ref().map(|o| format!("“{o}”")),
                    number.as_ref().map(|n| format!("document number “{n}”")),
                    signer.as_ref().map(|s| format!("signed by “{s}”")),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !named.is_empty() {
                    write!(f, " ({})", named.join(", "))?;
                }
                Ok(())
            }
            ImportWarning::TableFlattened { table, line, rows } => write!(
                f,
                "line {line}: table {table} kept as {rows} paragraph{} of cell text, cells separated by tabs",
                plural(*rows)
            ),
            ImportWarning::ImageDropped { line, name } => {
                write!(f, "line {line}: dropped the picture “{name}”")
            }
            ImportWarning::TextBoxDropped { line, name, text } => {
                write!(f, "line {line}: dropped the text box “{name}”")?;
                if !text.is_empty() {
                    write!(f, " with the text “{text}”")?;
                }
                Ok(())
            }
            ImportWarning::TrackedChangesAccepted {
                insertions,
                deletions,
            } => write!(
                f,
                "tracked changes read as accepted: {insertions} insertion{} kept, {deletions} deletion{} left out",
                plural(*insertions),
                plural(*deletions)
            ),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_sentences() {
        let cases = [
            (
                ImportWarning::Decoded {
                    encoding: SourceEncoding::Gb18030,
                },
                "read as GB18030/GBK (the file is not UTF-8)",
            ),
            (
                ImportWarning::Decoded {
                    encoding: SourceEncoding::Utf16Le { bom: true },
                },
                "read as UTF-16LE",
            ),
            (
                ImportWarning::Decoded {
                    encoding: SourceEncoding::Utf16Be { bom: false },
                },
                "read as UTF-16BE (no byte-order mark)",
            ),
            (
                ImportWarning::ControlCharactersDropped { count: 1 },
                "dropped 1 control character",
            ),
            (
                ImportWarning::ChromeDropped { lines: vec![1, 3] },
                "dropped 2 lines of publication chrome (source, date, print, font size, page numbers): lines 1, 3",
            ),
            (
                ImportWarning::ExtraPart {
                    number: 4,
                    heading: "其他".into(),
                },
                "part 四、 “其他” matches no statutory part of the template; kept as an extra part",
            ),
            (
                ImportWarning::SkippedLevel {
                    line: 3,
                    marker: "1.".into(),
                    missing_level: 2,
                    placed_at: 2,
                },
                "line 3: “1.” has no level-2 heading above it; placed at level 2",
            ),
            (
                ImportWarning::RedHeaderDropped {
                    organ: Some("某镇人民政府".into()),
                    number: Some("某政发〔2024〕3号".into()),
                    signer: None,
                },
                "dropped the red header (“某镇人民政府”, document number “某政发〔2024〕3号”)",
            ),
            (
                ImportWarning::StatutoryPartFolded {
                    key: "leadership".into(),
                    heading: "党政主要负责人履行推进法治建设第一责任人职责情况".into(),
                    part: 1,
                    found: "（三）压实第一责任人职责".into(),
                },
                "the statutory part “党政主要负责人履行推进法治建设第一责任人职责情况” has no part of its own; it seems folded into part 一、 as “（三）压实第一责任人职责”",
            ),
            (
                ImportWarning::TableFlattened {
                    table: 1,
                    line: 12,
                    rows: 3,
                },
                "line 12: table 1 kept as 3 paragraphs of cell text, cells separated by tabs",
            ),
        ];
        for (w, want) in cases {
            assert_eq!(w.to_string(), want);
        }
    }
}
