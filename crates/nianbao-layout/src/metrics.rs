//! How wide each character is as LibreOffice sets the exported runs, in twips.
//!
//! A CJK character or full-width mark takes a whole 字 of its size less the condensing of the
//! body runs (16 pt − 0.25 pt = 315 twips). ASCII takes its advance in Times New Roman
//! (Liberation Serif on Linux, metric-compatible), so two digits take a little less than one
//! cell. LibreOffice also puts a small gap where a Chinese character meets a Latin letter or digit,
//! although the document asks for none (measured: 70 twips in 3号 body text, 88 in the 2号 title).

/// Advance widths of Times New Roman for ASCII 0x20..=0x7E, in thousandths of an em.
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250,
    278, // space../
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0..?
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @..O
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P.._
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // `..o
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // p..~
];

/// A run's type: its size in half-points and whether it is condensed to the 28-cell grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Font {
    /// Size in half-points (`w:sz`).
    pub size: usize,
    /// Condensed by `BODY_CONDENSE` per character.
    pub condensed: bool,
}

impl Font {
    /// One 字 of this size, twips.
    pub fn em(self) -> i32 {
        self.size as i32 * 10
    }

    fn condense(self) -> i32 {
        if self.condensed {
            crate::geometry::BODY_CONDENSE
        } else {
            0
        }
    }

    /// Advance of `c`; `asian` says whether it is set in the Chinese font (a neutral ASCII
    /// mark after Chinese text).
    pub fn advance(self, c: char, asian: bool) -> i32 {
        let em = self.em();
        let width = match c {
            // Measured: a comma after Chinese takes 87 twips of a condensed 3号 line.
            ',' | '.' | ':' | ';' | '!' | '?' if asian => (em * 288 + 500) / 1000,
            // Measured: 187 twips for + after Chinese, 269 for % after digits.
            '+' if asian => (em * 600 + 500) / 1000,
            '%' => (em * 856 + 500) / 1000,
            ' '..='~' => (i32::from(TIMES[c as usize - 0x20]) * em + 500) / 1000,
            '\t' => em,
            // Combining marks and zero-width characters take no room.
            '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' | '\u{0300}'..='\u{036F}' => {
                return 0;
            }
            _ => em,
        };
        width + self.condense()
    }

    /// The gap LibreOffice puts where Chinese meets Latin letters or digits.
    pub fn script_gap(self) -> i32 {
        if self.condensed {
            self.em() / 5 + 6
        } else {
            self.em() / 5
        }
    }
}

/// Whether `c` takes the script of the text before it (LibreOffice's weak characters): ASCII
/// marks and space. A comma after Chinese is set in the Chinese font, after digits in Times New
/// Roman.
pub(crate) fn is_neutral(c: char) -> bool {
    c == ' ' || c.is_ascii_punctuation()
}

/// Whether `c` is a Chinese character (not a mark): where it meets a Latin letter or digit,
/// LibreOffice adds [`Font::script_gap`].
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Whether `c` belongs to a Latin word or number, which is never broken.
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Font = Font {
        size: 32,
        condensed: true,
    };

    #[test]
    fn body_cells_are_condensed() {
        assert_eq!(BODY.advance('中', false), 315);
        assert_eq!(BODY.advance('，', true), 315);
        // Two digits take a little less than one cell.
        assert_eq!(BODY.advance('2', false) * 2, 310);
        assert_eq!(BODY.advance('m', false), 244);
        assert_eq!(BODY.advance(',', true), 87);
        assert_eq!(BODY.advance(',', false), 75);
    }

    #[test]
    fn title_is_not_condensed() {
        let title = Font {
            size: 44,
            condensed: false,
        };
        assert_eq!(title.advance('报', false), 440);
        assert_eq!(title.advance('3', false), 220);
        assert_eq!(title.script_gap(), 88);
    }
}
