//! Text helpers shared by import and export: what XML can hold, how much of the page text takes.

/// The most characters one paragraph or heading may hold (about 70 pages of one paragraph):
/// more is a paste gone wrong, refused with a message instead of slowing every save.
pub const MAX_BLOCK_CHARS: usize = 50_000;

/// The most characters of one meta field (机关全称, 标题, 主送机关, an attachment name, …).
pub const MAX_META_CHARS: usize = 500;

/// Whether XML 1.0 can carry this character (tab, newline and CR are allowed controls).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Removes characters XML cannot hold; returns how many were dropped.
pub fn strip_non_xml(s: &mut String) -> usize {
    let before = s.chars().count();
    s.retain(is_xml_char);
    before - s.chars().count()
}

/// Width of text in cells of the 22×28 grid: a CJK character or full-width mark takes one cell,
/// an ASCII character half of one.
pub fn cells(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// Grid lines a paragraph of `cells` cells takes at 28 cells a line, with a two-cell indent.
pub fn lines_for(cells: f64) -> usize {
    (((cells + 2.0) / 28.0).ceil() as usize).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_controls_keeps_text() {
        let mut s = String::from("a\u{1}b\u{b}c\td\u{FFFE}我");
        assert_eq!(strip_non_xml(&mut s), 3);
        assert_eq!(s, "abc\td我");
    }

    #[test]
    fn cells_count_halves_for_ascii() {
        assert_eq!(cells("2023年"), 3.0);
        assert_eq!(lines_for(26.0), 1);
        assert_eq!(lines_for(26.5), 2);
        assert_eq!(lines_for(0.0), 1);
    }
}
