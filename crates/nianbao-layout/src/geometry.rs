//! The page geometry of GB/T 9704-2012 shared by the .docx writer and the paginator, each
//! number with the clause it implements.
//!
//! Lengths are twips (1/20 pt) unless the name says otherwise; font sizes are half-points as Word
//! stores them (`w:sz`). The measurements behind the numbers are in `shared/design/gbt9704.md`.

/// 5.1: A4 paper width, 210 mm.
pub const PAGE_WIDTH: u32 = 11906;
/// 5.1: A4 paper height, 297 mm.
pub const PAGE_HEIGHT: u32 = 16838;

/// 5.2.1: 天头 37 mm.
pub const MARGIN_TOP: i32 = 2098;
/// 5.2.1: 297 − 37 − 225 = 35 mm below the 225 mm 版心.
pub const MARGIN_BOTTOM: i32 = 1984;
/// 5.2.1: 订口 28 mm.
pub const MARGIN_LEFT: i32 = 1587;
/// 5.2.1: 210 − 28 − 156 = 26 mm right of the 156 mm 版心.
pub const MARGIN_RIGHT: i32 = 1474;
/// 5.2.1: width of the 版心 (156 mm), where right-aligned text and tab stops end.
pub const TEXT_WIDTH: i32 = PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT;
/// 5.2.1: height of the 版心 (225 mm); a line whose bottom passes it goes to the next page.
pub const TEXT_HEIGHT: i32 = PAGE_HEIGHT as i32 - MARGIN_TOP - MARGIN_BOTTOM;

/// 5.2.3: 22 lines fill the 225 mm 版心 (22 × 579 = 12738 ≤ 12756); used both as the
/// `docGrid` pitch (type `lines`, not `linesAndChars`) and as every paragraph's exact spacing.
pub const LINE_PITCH: i32 = 579;
/// 5.2.3: lines on a full page.
pub const LINES_PER_PAGE: u32 = 22;

/// 5.2.2: 3号 (16 pt) for every element unless a clause says otherwise.
pub const BODY_SIZE: usize = 32;
/// 5.2.3: condenses each character by 0.25 pt so that 28 characters fit the 156 mm line
/// (28 × 16 pt = 158 mm); LibreOffice then sets 28 per line.
pub const BODY_CONDENSE: i32 = -5;
/// 7.3.1: the title is 2号 (22 pt).
pub const TITLE_SIZE: usize = 44;
/// 7.4.2, 7.4.3: 抄送 and 印发 lines are 4号 (14 pt).
pub const IMPRINT_SIZE: usize = 28;
/// 7.5: page numbers are 4号 (14 pt).
pub const PAGE_NUMBER_SIZE: usize = 28;

/// 3.1: one 字 of 3号 text, the unit of every indent in the body.
pub const CELL: i32 = 320;
/// 3.1: one 字 of 4号 text, the unit of the 版记 and page-number insets.
pub const SMALL_CELL: i32 = 280;
/// 7.3.3: 每个自然段左空二字 — the first-line indent of every paragraph.
pub const FIRST_LINE_INDENT: i32 = 2 * CELL;

/// 7.3.4: 附件说明 starts 左空二字.
pub const ATTACHMENT_INDENT: i32 = 2 * CELL;

/// 7.3.5.2: unsealed 署名 is set 右空二字.
pub const SIGNATURE_RIGHT_INDENT: i32 = 2 * CELL;
/// 7.3.5.2: the 成文日期 starts 2 字 right of the 署名's first character.
pub const DATE_OFFSET: i32 = 2 * CELL;
/// 7.3.5.2: a date wider than that is set 右空二字 instead.
pub const DATE_MIN_RIGHT_INDENT: i32 = 2 * CELL;
/// 7.3.5.1: with a seal, the 成文日期 is set 右空四字.
pub const SEALED_DATE_RIGHT_INDENT: i32 = 4 * CELL;

/// 7.4.2: 抄送 line, 左右各空一字.
pub const IMPRINT_INSET: i32 = SMALL_CELL;
/// 7.4.1: first and last 版记 rule, 0.35 mm (≈ 1 pt), in eighths of a point.
pub const RULE_THICK: usize = 8;
/// 7.4.1: rule between 版记 elements, 0.25 mm (≈ 0.75 pt), in eighths of a point.
pub const RULE_THIN: usize = 6;
/// 7.4.1: height of the empty paragraph that carries the first rule above the 抄送 line (1 pt),
/// so the rule can span the 版心 while the 抄送 line keeps its indents.
pub const RULE_CARRIER_HEIGHT: i32 = 20;

/// 7.4: the 版记's last rule lies on the bottom of the last grid line (22 × 579 twips), 0.3 mm
/// above the lower edge of the 版心: "版记的最后一个要素置于最后一行". Ending it on the edge
/// itself leaves LibreOffice no room for its rounding of twips, and it moves the last line over.
pub const IMPRINT_BOTTOM: i32 = LINES_PER_PAGE as i32 * LINE_PITCH;

/// 7.5: odd pages 居右空一字, even pages 居左空一字 (a 4号 字).
pub const PAGE_NUMBER_INSET: i32 = SMALL_CELL;
/// 7.5: the 一字线 of the page number sits 7 mm below the 版心.
pub const PAGE_NUMBER_DROP: i32 = 397;

/// 3.1 applied to text: a CJK character or full-width mark takes one cell, ASCII half a cell.
pub fn width_twips(text: &str) -> i32 {
    // Whole half-cells, so the conversion is exact.
    (nianbao_report::text::cells(text) * 2.0) as i32 * CELL / 2
}

// 5.2.3 checked when compiling: 22 lines fill the 版心 height and no 23rd fits; 28 condensed
// characters fit its width of 156 mm.
const _: () = {
    assert!(22 * LINE_PITCH <= TEXT_HEIGHT && 23 * LINE_PITCH > TEXT_HEIGHT);
    assert!(LINES_PER_PAGE as i32 * LINE_PITCH <= TEXT_HEIGHT);
    assert!(28 * (CELL + BODY_CONDENSE) <= TEXT_WIDTH);
    assert!(TEXT_WIDTH == 8845);
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cells() {
        assert_eq!(width_twips("某镇人民政府"), 6 * CELL);
        assert_eq!(width_twips("2024年3月28日"), 13 * CELL / 2);
        assert_eq!(width_twips(""), 0);
    }
}
