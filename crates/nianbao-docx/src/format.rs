//! Run and paragraph formatting shared by every element: faces, sizes, the line grid.

use docx_rs::{
    AlignmentType, BreakType, LineSpacing, LineSpacingType, Paragraph, Run, RunFonts,
    SpecialIndentType,
};

use crate::layout;

/// A typeface role of GB/T 9704; each maps to an East Asian font and a Latin one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    /// 仿宋: body, level 3 and 4 headings, sign-off, 版记.
    Body,
    /// 黑体: level 1 headings.
    Level1,
    /// 楷体: level 2 headings.
    Level2,
    /// 小标宋: the title.
    Title,
    /// 宋体: page numbers, digits included.
    PageNumber,
}

impl Face {
    /// The fonts of a run in this face.
    pub fn fonts(self) -> RunFonts {
        let (east_asia, latin) = match self {
            Face::Body => (layout::FONT_BODY, layout::FONT_LATIN),
            Face::Level1 => (layout::FONT_LEVEL1, layout::FONT_LATIN),
            Face::Level2 => (layout::FONT_LEVEL2, layout::FONT_LATIN),
            Face::Title => (layout::FONT_TITLE, layout::FONT_LATIN),
            Face::PageNumber => (layout::FONT_PAGE_NUMBER, layout::FONT_PAGE_NUMBER),
        };
        // The hint makes Word set ambiguous characters such as “ ” — in the East Asian font;
        // without it Chinese quotation marks come out half-width in Times New Roman.
        RunFonts::new()
            .east_asia(east_asia)
            .ascii(latin)
            .hi_ansi(latin)
            .hint("eastAsia")
    }
}

/// How a run looks: face, size in half-points, bold, and whether it is condensed to the grid.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Look {
    pub face: Face,
    pub size: usize,
    pub bold: bool,
    pub condensed: bool,
}

impl Look {
    /// 3号仿宋 condensed to 28 characters a line: the body of the report.
    pub const BODY: Look = Look {
        face: Face::Body,
        size: layout::BODY_SIZE,
        bold: false,
        condensed: true,
    };

    /// The body look in another face (headings).
    pub fn body_in(face: Face) -> Look {
        Look { face, ..Look::BODY }
    }

    /// The same look, bold or not.
    pub fn bold(self, bold: bool) -> Look {
        Look { bold, ..self }
    }
}

/// A run of `text` in `look`; `\n` becomes a line break and `\t` a tab, as the drafter typed them.
pub(crate) fn run(text: &str, look: Look) -> Run {
    let mut run = Run::new().fonts(look.face.fonts()).size(look.size);
    if look.condensed {
        run = run.character_spacing(layout::BODY_CONDENSE);
    }
    if look.bold {
        run = run.bold();
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            // A CR left from Windows line ends would show as a box in Word.
            let piece = piece.trim_end_matches('\r');
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

/// A paragraph on the line grid: exact 579 spacing, no widow control (both would break the
/// 22-lines-a-page count), justified, no indent.
pub(crate) fn grid_paragraph() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(layout::LINE_PITCH),
        )
        .widow_control(false)
}

/// A body paragraph: grid paragraph with the 2-character first-line indent of 7.3.3.
pub(crate) fn body_paragraph() -> Paragraph {
    grid_paragraph().indent(
        Some(0),
        Some(SpecialIndentType::FirstLine(layout::FIRST_LINE_INDENT)),
        None,
        None,
    )
}

/// An empty line of the grid (空一行).
pub(crate) fn empty_line() -> Paragraph {
    grid_paragraph()
}
