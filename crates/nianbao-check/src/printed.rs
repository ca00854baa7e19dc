//! A text as it prints (placeholders rendered), with the way back to the text as typed: rules
//! that read numbers read the printed ones, and report where the drafter typed them.

use std::borrow::Cow;
use std::ops::Range;

use nianbao_report::figures::{Figure, Segment, has_tokens, segments};

use crate::finding::Span;

/// One field's printed text and where each piece of it was typed (offsets in chars).
pub(crate) struct Printed<'a> {
    pub text: Cow<'a, str>,
    pieces: Vec<Piece>,
}

struct Piece {
    printed: Range<usize>,
    typed: Range<usize>,
    /// A placeholder (a `Segment::Token`): its printed chars have no typed counterpart of
    /// their own.
    token: Option<Segment>,
}

impl<'a> Printed<'a> {
    pub(crate) fn new(typed: &'a str, figures: &[Figure]) -> Printed<'a> {
        if !has_tokens(typed) {
            let len = typed.chars().count();
            let whole = Piece {
                printed: 0..len,
                typed: 0..len,
                token: None,
            };
            return Printed {
                text: Cow::Borrowed(typed),
                pieces: vec![whole],
            };
        }
        let mut pieces = Vec::new();
        let mut text = String::new();
        let (mut at_printed, mut at_typed) = (0, 0);
        for segment in segments(typed, figures) {
            let (shown, source_len) = match &segment {
                Segment::Literal { text: t } => (t, t.chars().count()),
                Segment::Token {
                    source, rendered, ..
                } => (rendered, source.chars().count()),
            };
            let len = shown.chars().count();
            text.push_str(shown);
            let token = matches!(segment, Segment::Token { .. }).then_some(segment);
            pieces.push(Piece {
                printed: at_printed..at_printed + len,
                typed: at_typed..at_typed + source_len,
                token,
            });
            at_printed += len;
            at_typed += source_len;
        }
        Printed {
            text: Cow::Owned(text),
            pieces,
        }
    }

    /// The placeholders (`Segment::Token`), each with where it was typed.
    pub(crate) fn tokens(&self) -> impl Iterator<Item = (Span, &Segment)> {
        (self.pieces.iter()).filter_map(|p| {
            let span = Span {
                start: p.typed.start,
                end: p.typed.end,
            };
            p.token.as_ref().map(|t| (span, t))
        })
    }

    /// Where a span of the printed text was typed; a span reaching into a placeholder covers
    /// the whole placeholder.
    pub(crate) fn typed(&self, span: Span) -> Span {
        Span {
            start: self.typed_at(span.start, false),
            end: self.typed_at(span.end, true),
        }
    }

    /// The typed offset of printed offset `at`, as a span's start or (`end`) its end.
    fn typed_at(&self, at: usize, end: bool) -> usize {
        let inside = |p: &&Piece| {
            if end {
                p.printed.start < at && at <= p.printed.end
            } else {
                p.printed.start <= at && at < p.printed.end
            }
        };
        match self.pieces.iter().find(inside) {
            Some(p) if p.token.is_some() => {
                if end {
                    p.typed.end
                } else {
                    p.typed.start
                }
            }
            Some(p) => p.typed.start + (at - p.printed.start),
            None if end && at == 0 => 0,
            None => self.pieces.last().map_or(0, |p| p.typed.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures() -> Vec<Figure> {
        vec![Figure {
            key: "cases".into(),
            name: "案件数".into(),
            unit: "件".into(),
            meaning: String::new(),
            value: Some("6".into()),
            last_value: Some("15".into()),
            custom: false,
        }]
    }

    fn slice(s: &str, span: Span) -> String {
        s.chars()
            .skip(span.start)
            .take(span.end - span.start)
            .collect()
    }

    #[test]
    fn a_text_without_placeholders_maps_onto_itself() {
        let p = Printed::new("比去年15件降低9件", &[]);
        assert_eq!(p.text, "比去年15件降低9件");
        let span = Span { start: 3, end: 6 };
        assert_eq!(p.typed(span), span);
    }

    #[test]
    fn spans_after_and_inside_a_placeholder_map_back_to_what_was_typed() {
        let typed = "共{{数据：cases}}，比去年{{数据：cases|上年}}降低了8件。";
        let p = Printed::new(typed, &figures());
        assert_eq!(p.text, "共6件，比去年15件降低了8件。");
        let stated = p
            .text
            .find("8件")
            .map(|b| p.text[..b].chars().count())
            .unwrap();
        let span = p.typed(Span {
            start: stated,
            end: stated + 2,
        });
        assert_eq!(slice(typed, span), "8件");
        // The printed "15件" lies inside the second placeholder: the whole placeholder.
        let last = p.typed(Span { start: 7, end: 10 });
        assert_eq!(slice(typed, last), "{{数据：cases|上年}}");
        // A span from the literal into a placeholder keeps its literal start.
        let across = p.typed(Span { start: 4, end: 8 });
        assert_eq!(slice(typed, across), "比去年{{数据：cases|上年}}");
    }
}
