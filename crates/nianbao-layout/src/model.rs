//! What the paginator returns: pages of positioned lines of styled spans, and warnings.

use serde::Serialize;

/// A report laid out as printed pages.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Layout {
    /// The pages in order, numbered from 1.
    pub pages: Vec<Page>,
    /// What the drafter should know about the page breaks (GB/T 9704 7.3.5.3, 7.4, …).
    pub warnings: Vec<LayoutWarning>,
}

/// What a re-pagination changed, for a view that holds the layout of revision `base`: the
/// pages that differ, the new page count and every warning.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayoutDelta {
    /// The revision of the layout after this change.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub revision: u64,
    /// The revision `pages` are changes to; `None`: `pages` holds every page.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub base: Option<u64>,
    /// How many pages there are now; pages past it are gone.
    pub page_count: u32,
    /// The new or changed pages in order (each with its number).
    pub pages: Vec<Page>,
    /// Every layout warning of the new layout (they are few).
    pub warnings: Vec<LayoutWarning>,
}

/// One A4 page.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// The printed page number (`— N —`).
    pub number: u32,
    /// The lines top to bottom; the page number's line is the last one.
    pub lines: Vec<Line>,
}

/// One printed line.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// Top of the line, in grid lines (28.95 pt) from the top of the 版心; body lines sit on
    /// whole rows 0–21, the page number below the 版心.
    pub row: f32,
    /// Height in grid lines (1 for every line of the grid).
    pub height: f32,
    /// Inset from the edge the line is aligned to, in cells (字) of its own size: 2 for a
    /// paragraph's first line, the 右空 of a right-aligned 署名, 0 for a centred line.
    pub indent: f32,
    /// How the line is set between the indents.
    pub align: Align,
    /// The text, in runs of one style; empty for a blank line (空一行).
    pub spans: Vec<Span>,
    /// Id of the stored block (part, heading or paragraph) the line comes from, for
    /// click-to-jump; `None` for meta lines (title, sign-off, …) and unsaved blocks.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub block: Option<i64>,
    /// Whether the line ends its paragraph (it is not justified to the full width).
    pub last_of_paragraph: bool,
}

/// Horizontal alignment of a line.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Align {
    /// Flush left (主送机关, blank lines).
    Left,
    /// Centred (the title).
    Center,
    /// Flush right (署名, 成文日期, odd page numbers).
    Right,
    /// Stretched to both edges, except a paragraph's last line (body text).
    Justify,
}

/// A run of text in one style (`LayoutSpan` in TypeScript, apart from the diff's `Span`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "LayoutSpan"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// The characters, as printed.
    pub text: String,
    /// Face and role.
    pub style: SpanStyle,
}

/// The role of a span, which fixes its face and size (GB/T 9704 7.3–7.5).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum SpanStyle {
    /// 2号小标宋, centred.
    Title,
    /// 主送机关 line, 3号仿宋.
    Recipient,
    /// Body text, 3号仿宋.
    Body,
    /// 一、 heading, 3号黑体.
    Heading1,
    /// （一） heading, 3号楷体.
    Heading2,
    /// 1. heading, 3号仿宋 (bold when the template asks for it).
    Heading3,
    /// （1） heading, 3号仿宋.
    Heading4,
    /// Body text run in after a heading sentence, 3号仿宋.
    RunIn,
    /// 附件说明, 3号仿宋.
    Attachment,
    /// 署名, 3号仿宋.
    Signature,
    /// 成文日期, 3号仿宋.
    Date,
    /// 抄送 and 印发 lines of the 版记, 4号仿宋.
    Imprint,
    /// `— N —`, 4号宋体.
    PageNumber,
}

/// Where the 版记 stands (GB/T 9704 7.4): at the foot of its page, its last rule at the bottom
/// of the last grid line ([`IMPRINT_BOTTOM`](crate::geometry::IMPRINT_BOTTOM)). The .docx writer puts exactly `space` before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImprintPlace {
    /// The page it is on, numbered from 1.
    pub page: u32,
    /// Whether it starts a page of its own, because it did not fit one empty line below the
    /// sign-off.
    pub new_page: bool,
    /// Empty space above it on its page, twips: from the end of the text above it (or from the
    /// top of the 版心 on a page of its own) to its first rule.
    pub space: i32,
    /// Its height, rules included, twips.
    pub height: i32,
}

/// What a warning is about.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum WarningKind {
    /// 署名 or 成文日期 on a page without any body text (GB/T 9704 7.3.5.3).
    SignOffAlone,
    /// The 版记 is not on an even page, so it is not on the back of a double-sided copy (7.4).
    ImprintOnOddPage,
    /// A heading ends a page and what it governs starts the next one.
    HeadingAtPageEnd,
    /// The title takes more than two lines.
    LongTitle,
}

/// Something about the page breaks the drafter should fix or know, in both languages.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayoutWarning {
    /// What the warning is about.
    pub kind: WarningKind,
    /// The page it concerns.
    pub page: u32,
    /// For the app.
    pub message_zh: String,
    /// For the CLI.
    pub message_en: String,
}

impl Line {
    /// The line's text, all spans joined.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Whether the line holds any of `styles`.
    pub fn has(&self, styles: &[SpanStyle]) -> bool {
        self.spans.iter().any(|s| styles.contains(&s.style))
    }
}

impl SpanStyle {
    /// The styles of a heading sentence.
    pub const HEADINGS: [SpanStyle; 4] = [
        SpanStyle::Heading1,
        SpanStyle::Heading2,
        SpanStyle::Heading3,
        SpanStyle::Heading4,
    ];
}
