//! The source as numbered, trimmed, non-empty lines: one line is one paragraph in the source.

/// One non-empty source line, trimmed at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the (line-end normalised) source, for warnings.
    pub no: usize,
    /// The text without leading or trailing whitespace (U+3000 included).
    pub text: &'a str,
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
        .map(|(i, l)| Line {
            no: i + 1,
            text: trim(l),
        })
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
                Line {
                    no: 1,
                    text: "标题"
                },
                Line {
                    no: 3,
                    text: "正文。"
                },
                Line {
                    no: 5,
                    text: "末行"
                },
            ]
        );
    }
}
