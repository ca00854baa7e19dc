//! Every layout number of the exported report, each with the GB/T 9704-2012 clause it implements.
//! The page geometry is shared with the paginator of the preview (`nianbao_layout::geometry`), so
//! the preview and the .docx cannot drift apart; what only Word needs is defined here.
//!
//! Lengths are twips (1/20 pt) unless the name says otherwise; font sizes are half-points as Word
//! stores them (`w:sz`). The measurements behind the numbers are in `shared/design/gbt9704.md`.

pub use nianbao_layout::geometry::{
    ATTACHMENT_INDENT, BODY_CONDENSE, BODY_SIZE, CELL, DATE_MIN_RIGHT_INDENT, DATE_OFFSET,
    FIRST_LINE_INDENT, IMPRINT_INSET, IMPRINT_SIZE, LINE_PITCH, MARGIN_BOTTOM, MARGIN_LEFT,
    MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_NUMBER_INSET, PAGE_NUMBER_SIZE, PAGE_WIDTH,
    RULE_CARRIER_HEIGHT, RULE_THICK, RULE_THIN, SEALED_DATE_RIGHT_INDENT, SIGNATURE_RIGHT_INDENT,
    SMALL_CELL, TEXT_WIDTH, TITLE_SIZE, width_twips,
};

/// 7.5: puts the 一字线 of the page number 7 mm below the 版心 (measured in LibreOffice).
pub const FOOTER_DISTANCE: i32 = 1434;
/// 5.2.1: there is no header; Word's default distance keeps the section valid.
pub const HEADER_DISTANCE: i32 = 851;

/// 7.3.3: the same indent in hundredths of a character (`w:firstLineChars`), which Word
/// prefers over twips and shows as "2 字符".
pub const FIRST_LINE_CHARS: i32 = 200;

/// 5.2.3, 7.3.5: no automatic space between Chinese and Latin letters or digits (Word and
/// LibreOffice add about a quarter 字 at each change), so text takes the cells it counts — ASCII
/// half a cell — and the sign-off offsets computed from widths hold. Written into the document
/// defaults, as the inside of empty `w:pPr` children. LibreOffice 7.4 still adds 0.2 字 where a
/// Chinese character meets a letter or digit (measured; the paginator models it).
pub const PARAGRAPH_DEFAULTS: &[&str] =
    &[r#"w:autoSpaceDE w:val="0""#, r#"w:autoSpaceDN w:val="0""#];

/// 7.5: the 一字线 on each side of the page number.
pub const PAGE_NUMBER_DASH: &str = "\u{2014}";

/// 5.2.2, 7.3.3: body text and level 3–4 headings, 仿宋.
pub const FONT_BODY: &str = "仿宋_GB2312";
/// 7.3.3: level 1 headings, 黑体.
pub const FONT_LEVEL1: &str = "黑体";
/// 7.3.3: level 2 headings, 楷体.
pub const FONT_LEVEL2: &str = "楷体_GB2312";
/// 7.3.1: the title, 小标宋.
pub const FONT_TITLE: &str = "方正小标宋简体";
/// 7.5: page numbers, 半角宋体.
pub const FONT_PAGE_NUMBER: &str = "宋体";
/// 7.3.5.4 and common practice: Arabic digits and Latin letters in the body.
pub const FONT_LATIN: &str = "Times New Roman";

/// Every font the document names, with the name Word may fall back to when it is missing:
/// Windows ships 仿宋 and 楷体 but not the GB2312 editions that government PCs add.
pub const FONTS: [(&str, Option<&str>); 6] = [
    (FONT_BODY, Some("仿宋")),
    (FONT_LEVEL1, Some("SimHei")),
    (FONT_LEVEL2, Some("楷体")),
    (FONT_TITLE, None),
    (FONT_PAGE_NUMBER, Some("SimSun")),
    (FONT_LATIN, None),
];
