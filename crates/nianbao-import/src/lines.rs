//! The source as numbered, trimmed, non-empty lines: one line is one paragraph in the source.
//! A line read from a Word file carries [`Hint`]s that plain text cannot have.

/// One non-empty source line, trimmed at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the (line-end normalised) source, or paragraph number in a Word
    /// document, for warnings.
    pub no: usize,
    /// The text without leading or trailing whitespace (U+3000 included).
    pub text: &'a str,
    /// What the source's formatting says about the line (nothing, for plain text).
    pub hint: Hint,
}

/// Signals from a Word document's formatting, fed to the same recognition as plain text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Hint {
    /// Level 1–4 from a heading style (Heading 1, 标题 2) or an outline level, for a line whose
    /// text starts with no marker. (A marker shown by Word's automatic numbering is put in front
    /// of the text, so it reads like a typed one.)
    pub level: Option<u8>,
    /// The paragraph is centred.
    pub centred: bool,
    /// Where the heading sentence ends, when formatting shows it (bold or another font);
    /// `None`: split a heading at its first `。`, as in plain text.
    pub run_in: Option<RunIn>,
    /// 1-based number of the table whose row this line is.
    pub table: Option<usize>,
}

/// How formatting separates a heading sentence from its run-in body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunIn {
    /// The heading sentence ends at this byte offset of the line's text; the body follows in
    /// the body's look.
    At(usize),
    /// The whole line is set apart (bold or a heading font): all heading, no run-in body.
    Whole,
}

impl<'a> Line<'a> {
    /// A line of plain text, without hints.
    pub(crate) fn plain(no: usize, text: &'a str) -> Self {
        Line {
            no,
            text,
            hint: Hint::default(),
        }
    }
}

/// Whether a character is padding at a line's edge: whitespace (ASCII, U+3000, NBSP …) and the
/// invisible marks web pages leave behind.
pub(crate) fn is_padding(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}

/// Trims padding from both ends.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(is_padding)
}

/// The non-empty lines of `text` (whose line ends are already `\n`).
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line::plain(i + 1, trim(l)))
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// Sentence punctuation and colons, full- and half-width: lines with these are prose, not a
/// title, signature or recipient.
pub(crate) fn has_sentence_punctuation(s: &str) -> bool {
    s.contains(['。', '，', ',', '；', ';', '！', '!', '？', '?', '：', ':'])
}

/// Removes all padding, for comparisons that should not care about spacing.
pub(crate) fn compact(s: &str) -> String {
    s.chars().filter(|&c| !is_padding(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_trims_non_empty_lines() {
        let lines = split("标题\n\n\u{3000}\u{3000}正文。  \n \t\n末行");
        assert_eq!(
            lines,
            [
                Line::plain(1, "标题"),
                Line::plain(3, "正文。"),
                Line::plain(5, "末行"),
            ]
        );
    }
}
