//! Assembles the docx-rs document of a report, one function per element of GB/T 9704:
//! title, recipient, paragraphs, headings, attachment note, sign-off, 版记 and page numbers.

use std::borrow::Cow;

use docx_rs::{
    AlignmentType, BorderType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE,
    InstrText, LineSpacing, LineSpacingType, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, SpecialIndentType, Style, StyleType, Tab,
    TabValueType,
};
use nianbao_report::{DocDate, HeadingLevel, Imprint, Report, Visit, numbering, text};

use crate::format::{Face, Look, body_paragraph, empty_line, grid_paragraph, run};
use crate::layout;
use nianbao_layout::placement;

/// Choices that come from the report's template rather than from GB/T 9704.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Whether a level-3 heading sentence is bold (the standard is silent; most local rules say so).
    pub level3_bold: bool,
}

impl Options {
    /// The options the report's template asks for.
    pub fn of(report: &Report) -> Self {
        Options {
            level3_bold: report.template().level3_bold,
        }
    }
}

/// The document ready for packaging, and what was changed on the way.
pub(crate) struct Built {
    pub docx: Docx,
    pub warnings: Vec<String>,
}

/// Builds the whole document: page setup, styles, footers and the body in reading order.
pub(crate) fn document(report: &Report, options: Options) -> Built {
    let mut clean = Cleaner::default();
    let mut body: Vec<Paragraph> = Vec::new();

    title(&mut body, &clean.text(&report.title(), "the title"));
    body.push(empty_line());
    if let Some(recipient) = report.meta.recipient.as_deref().filter(|r| !is_blank(r)) {
        body.push(recipient_line(&clean.text(recipient, "the recipient")));
    }
    // Empty paragraphs are the editor's placeholders, not blank lines (as in
    // `Report::printed_paragraphs`).
    for p in report.preface.iter().filter(|p| !p.is_blank()) {
        body.push(paragraph(&clean.text(&p.text, "the preface")));
    }
    parts(&mut body, report, options, &mut clean);

    let names: Vec<Cow<'_, str>> = report
        .meta
        .attachments
        .iter()
        .filter(|a| !is_blank(a))
        .map(|a| clean.text(a, "the attachment note"))
        .collect();
    attachment_note(&mut body, &names);
    let signature = clean.text(report.signature(), "the signature");
    sign_off(&mut body, &signature, report.meta.date, report.meta.sealed);
    if let Some(imprint) = &report.meta.imprint {
        let cc = (imprint.cc.as_deref())
            .filter(|c| !is_blank(c))
            .map(|c| clean.text(c, "the imprint"));
        let printer = clean.text(&imprint.printer, "the imprint");
        // The engine of the preview knows where the text ends on the last page.
        let place = nianbao_layout::imprint_place(report);
        let first = body.len();
        if let Some(place) = place {
            imprint_space(&mut body, place);
        }
        imprint_lines(&mut body, imprint, cc.as_deref(), &printer);
        if place.is_some_and(|p| p.new_page) {
            // A break, not empty lines to the end of the page: where Word breaks the text a
            // line earlier or later, the 版记 still opens the next page.
            body[first] = std::mem::take(&mut body[first]).page_break_before(true);
        }
    }

    let mut docx = page_setup(Docx::new());
    for p in body {
        docx = docx.add_paragraph(p);
    }
    Built {
        docx,
        warnings: clean.warnings(),
    }
}

/// A4, the 版心 margins, the line grid, default fonts, the Normal style and the footers.
fn page_setup(docx: Docx) -> Docx {
    let body_fonts = Face::Body.fonts();
    let mut docx = docx
        .page_size(layout::PAGE_WIDTH, layout::PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(layout::MARGIN_TOP)
                .bottom(layout::MARGIN_BOTTOM)
                .left(layout::MARGIN_LEFT)
                .right(layout::MARGIN_RIGHT)
                .header(layout::HEADER_DISTANCE)
                .footer(layout::FOOTER_DISTANCE)
                .gutter(0),
        )
        .default_fonts(body_fonts.clone())
        .default_size(layout::BODY_SIZE)
        // docx-rs always writes an empty Normal first; the package pass keeps this later one.
        .add_style(
            Style::new("Normal", StyleType::Paragraph)
                .name("Normal")
                .fonts(body_fonts)
                .size(layout::BODY_SIZE),
        )
        .footer(page_number_footer(PageSide::Odd))
        .even_footer(page_number_footer(PageSide::Even));
    // docx-rs has no setter for the grid; `lines` (not `linesAndChars`) keeps LibreOffice at
    // 28 characters a line, see the design notes.
    docx.document = std::mem::take(&mut docx.document).doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(layout::LINE_PITCH as usize),
    );
    docx
}

/// 7.3.1: the title in 小标宋 22 pt, centred, one paragraph per line the drafter ended with
/// `\n` (a long line wraps by itself).
fn title(body: &mut Vec<Paragraph>, title: &str) {
    let look = Look {
        face: Face::Title,
        size: layout::TITLE_SIZE,
        bold: false,
        condensed: false,
    };
    for line in title.split('\n') {
        // Off the grid, or the 22 pt line would take two grid rows in LibreOffice.
        body.push(
            grid_paragraph()
                .align(AlignmentType::Center)
                .snap_to_grid(false)
                .add_run(run(line.trim_end_matches('\r'), look)),
        );
    }
}

/// 7.3.2: 主送机关 flush left, ending with a full-width colon.
fn recipient_line(recipient: &str) -> Paragraph {
    grid_paragraph()
        .align(AlignmentType::Left)
        .add_run(run(&format!("{recipient}："), Look::BODY))
}

/// 7.3.3: a body paragraph, 左空二字.
fn paragraph(text: &str) -> Paragraph {
    body_paragraph().add_run(run(text, Look::BODY))
}

/// 7.3.3: a heading with its generated marker in the level's face, and the run-in body (if
/// any) in 仿宋 regular in the same paragraph. The outline level only feeds Word's navigation
/// pane; it changes nothing on the page.
fn heading(
    marker: &str,
    text: &str,
    run_in: &str,
    level: HeadingLevel,
    options: Options,
) -> Paragraph {
    let look = heading_look(level, options);
    let mut p = body_paragraph()
        .outline_lvl(usize::from(level.number() - 1))
        .add_run(run(&format!("{marker}{text}"), look));
    if !run_in.is_empty() {
        p = p.add_run(run(run_in, Look::BODY));
    }
    p
}

/// The look of a heading sentence at `level`.
fn heading_look(level: HeadingLevel, options: Options) -> Look {
    match level {
        HeadingLevel::One => Look::body_in(Face::Level1),
        HeadingLevel::Two => Look::body_in(Face::Level2),
        HeadingLevel::Three => Look::BODY.bold(options.level3_bold),
        HeadingLevel::Four => Look::BODY,
    }
}

/// The parts in order, each heading numbered by its position (markers are never stored).
fn parts(body: &mut Vec<Paragraph>, report: &Report, options: Options, clean: &mut Cleaner) {
    let mut place = String::new();
    let mut part_number = 0;
    report.walk(|visit| match visit {
        Visit::Part { part, marker } => {
            part_number += 1;
            place = format!("part {}", numbering::chinese_numeral(part_number));
            body.push(heading(
                &marker,
                &clean.text(&part.heading, &place),
                &clean.text(&part.body, &place),
                HeadingLevel::One,
                options,
            ));
        }
        Visit::Heading {
            heading: h,
            level,
            marker,
        } => body.push(heading(
            &marker,
            &clean.text(&h.text, &place),
            &clean.text(&h.body, &place),
            level,
            options,
        )),
        Visit::Paragraph(p) if p.is_blank() => {}
        Visit::Paragraph(p) => body.push(paragraph(&clean.text(&p.text, &place))),
    });
}

/// 7.3.4: an empty line, then `附件：…`, several names numbered with the numbers aligned.
fn attachment_note(body: &mut Vec<Paragraph>, names: &[Cow<'_, str>]) {
    if names.is_empty() {
        return;
    }
    let names: Vec<&str> = names.iter().map(|n| n.as_ref()).collect();
    body.push(empty_line());
    for line in placement::attachment_note(&names) {
        body.push(
            grid_paragraph()
                .indent(
                    Some(line.left),
                    Some(SpecialIndentType::Hanging(line.hanging)),
                    None,
                    None,
                )
                .add_run(run(&line.text, Look::BODY)),
        );
    }
}

/// 7.3.5: an empty line, the 署名 and the 成文日期, placed for a seal (7.3.5.1) or not (7.3.5.2).
fn sign_off(body: &mut Vec<Paragraph>, signature: &str, date: Option<DocDate>, sealed: bool) {
    let date = date.map(DocDate::chinese);
    let place = if sealed {
        placement::sealed(signature, date.as_deref())
    } else {
        placement::unsealed(signature, date.as_deref())
    };
    let right_aligned = |text: &str, right: i32| {
        grid_paragraph()
            .align(AlignmentType::Right)
            .indent(Some(0), None, Some(right), None)
            .add_run(run(text, Look::BODY))
    };
    body.push(empty_line());
    body.push(right_aligned(signature, place.signature_right));
    if let Some(date) = &date {
        body.push(right_aligned(date, place.date_right));
    }
}

/// 7.4: the empty space the engine leaves above the 版记, which puts its last rule on the last
/// grid line (0.3 mm above the 版心's lower edge): empty grid lines, then one exact-height line
/// for the part of a line that remains.
///
/// A frame anchored to the bottom margin (`w:framePr`) would not need the engine, but
/// LibreOffice 7.4 drops such a frame, rules and all, as soon as its paragraphs carry borders
/// (measured). Empty lines rather than space before the 版记: Word drops space before at the top
/// of a page after a natural break (documented, not tried here), and a drafter who edits the
/// file in Word sees the empty lines and can delete them.
fn imprint_space(body: &mut Vec<Paragraph>, place: nianbao_layout::ImprintPlace) {
    let lines = place.space / layout::LINE_PITCH;
    let rest = place.space % layout::LINE_PITCH;
    body.extend((0..lines).map(|_| empty_line()));
    if rest > 0 {
        body.push(exact_line(rest));
    }
}

/// An empty paragraph exactly `height` twips high, off the line grid.
fn exact_line(height: i32) -> Paragraph {
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(height),
        )
        .widow_control(false)
        .snap_to_grid(false)
}

/// 7.4: 抄送 and 印发 lines in 4号仿宋 between full-width rules, after the space that
/// [`imprint_space`] puts above them.
fn imprint_lines(body: &mut Vec<Paragraph>, imprint: &Imprint, cc: Option<&str>, printer: &str) {
    let look = Look {
        face: Face::Body,
        size: layout::IMPRINT_SIZE,
        bold: false,
        condensed: false,
    };
    let rule = |position, size| {
        ParagraphBorder::new(position)
            .val(BorderType::Single)
            .size(size)
            .space(0)
            .color("auto")
    };
    // Rules must span the whole 版心, and Word and LibreOffice draw a paragraph's border only
    // between its indents; so the rules sit on paragraphs without side indents.
    let mut printer_top = layout::RULE_THICK;
    if let Some(cc) = cc {
        // The 抄送 line needs side indents (wrapped names align after the colon), so the first
        // rule rides on an empty, one-point-high paragraph above it.
        // Kept with what follows, like the 抄送 line: where Word ends the text a line later
        // than the engine, the 版记 moves whole instead of leaving a rule on one page.
        let mut carrier = exact_line(layout::RULE_CARRIER_HEIGHT).keep_next(true);
        carrier.property = carrier.property.set_borders(
            ParagraphBorders::with_empty()
                .set(rule(ParagraphBorderPosition::Bottom, layout::RULE_THICK)),
        );
        body.push(carrier);
        let line = placement::cc_line(cc);
        body.push(
            grid_paragraph()
                .keep_next(true)
                .keep_lines(true)
                .indent(
                    Some(line.left),
                    Some(SpecialIndentType::Hanging(line.hanging)),
                    Some(layout::IMPRINT_INSET),
                    None,
                )
                .add_run(run(&line.text, look)),
        );
        printer_top = layout::RULE_THIN;
    }
    let mut printed = grid_paragraph()
        .indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(layout::IMPRINT_INSET)),
            None,
            None,
        )
        .add_tab(
            Tab::new()
                .val(TabValueType::Right)
                .pos((layout::TEXT_WIDTH - layout::IMPRINT_INSET) as usize),
        )
        .add_run(run(
            &format!("{printer}\t{}印发", imprint.date.chinese()),
            look,
        ));
    printed.property = printed.property.set_borders(
        ParagraphBorders::with_empty()
            .set(rule(ParagraphBorderPosition::Top, printer_top))
            .set(rule(ParagraphBorderPosition::Bottom, layout::RULE_THICK)),
    );
    body.push(printed);
}

/// Which pages a footer serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageSide {
    Odd,
    Even,
}

/// 7.5: `— N —` in 4号宋体; odd pages 居右空一字, even pages 居左空一字.
fn page_number_footer(side: PageSide) -> Footer {
    let look = Look {
        face: Face::PageNumber,
        size: layout::PAGE_NUMBER_SIZE,
        bold: false,
        condensed: false,
    };
    let dash = layout::PAGE_NUMBER_DASH;
    let p = Paragraph::new()
        .snap_to_grid(false)
        .add_run(run(&format!("{dash} "), look))
        .add_run(run("", look).add_field_char(FieldCharType::Begin, false))
        .add_run(run("", look).add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(run("", look).add_field_char(FieldCharType::Separate, false))
        .add_run(run("1", look))
        .add_run(run("", look).add_field_char(FieldCharType::End, false))
        .add_run(run(&format!(" {dash}"), look));
    let p = match side {
        PageSide::Odd => p.align(AlignmentType::Right).indent(
            Some(0),
            None,
            Some(layout::PAGE_NUMBER_INSET),
            None,
        ),
        PageSide::Even => {
            p.align(AlignmentType::Left)
                .indent(Some(layout::PAGE_NUMBER_INSET), None, None, None)
        }
    };
    Footer::new().add_paragraph(p)
}

/// Whether a meta field holds nothing to print.
fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Removes characters XML cannot hold and counts them per place, for the warnings.
#[derive(Default)]
struct Cleaner {
    /// Places in order of first loss, with how many characters each lost.
    dropped: Vec<(String, usize)>,
}

impl Cleaner {
    /// `text` as Word can store it; borrowed when nothing had to go.
    fn text<'a>(&mut self, text: &'a str, place: &str) -> Cow<'a, str> {
        if text.chars().all(text::is_xml_char) {
            return Cow::Borrowed(text);
        }
        let mut owned = text.to_string();
        let n = text::strip_non_xml(&mut owned);
        match self.dropped.iter_mut().find(|(p, _)| p == place) {
            Some((_, count)) => *count += n,
            None => self.dropped.push((place.to_string(), n)),
        }
        Cow::Owned(owned)
    }

    fn warnings(self) -> Vec<String> {
        self.dropped
            .into_iter()
            .map(|(place, n)| {
                let what = if n == 1 { "character" } else { "characters" };
                format!("dropped {n} {what} that Word cannot store in {place}")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaner_counts_per_place_in_order() {
        let mut c = Cleaner::default();
        assert!(matches!(c.text("正常", "part 一"), Cow::Borrowed(_)));
        assert_eq!(c.text("a\u{1}b", "part 二"), "ab");
        assert_eq!(c.text("\u{b}\u{c}", "part 二"), "");
        assert_eq!(c.text("x\u{FFFF}", "the title"), "x");
        assert_eq!(
            c.warnings(),
            [
                "dropped 3 characters that Word cannot store in part 二",
                "dropped 1 character that Word cannot store in the title"
            ]
        );
    }

    #[test]
    fn heading_faces_follow_the_levels() {
        let on = Options { level3_bold: true };
        let off = Options { level3_bold: false };
        assert_eq!(heading_look(HeadingLevel::One, on).face, Face::Level1);
        assert_eq!(heading_look(HeadingLevel::Two, on).face, Face::Level2);
        assert!(heading_look(HeadingLevel::Three, on).bold);
        assert!(!heading_look(HeadingLevel::Three, off).bold);
        assert!(!heading_look(HeadingLevel::Four, on).bold);
        assert!(!heading_look(HeadingLevel::One, on).bold);
    }
}
