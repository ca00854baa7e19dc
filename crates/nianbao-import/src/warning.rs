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
/// with its line ends normalised; markers are as typed (`（三）`, `(1)`).
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
        ];
        for (w, want) in cases {
            assert_eq!(w.to_string(), want);
        }
    }
}
