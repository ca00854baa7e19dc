//! Where the sign-off, the attachment note and the 抄送 line sit: indents computed from the
//! widths of their texts in grid cells (GB/T 9704 7.3.4, 7.3.5, 7.4.2).

use crate::geometry::{self as layout, width_twips};

/// Right indents of the 署名 and 成文日期 lines, both right-aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignOff {
    /// Right indent of the 署名 line, twips.
    pub signature_right: i32,
    /// Right indent of the 成文日期 line, twips.
    pub date_right: i32,
}

/// 7.3.5.2 (no seal): 署名 右空二字; the date starts 2 字 right of the 署名's first character.
/// A date that would then end closer than 2 字 to the margin is set 右空二字 and the 署名 moves
/// left to keep the 2-字 offset.
pub fn unsealed(signature: &str, date: Option<&str>) -> SignOff {
    let sig = width_twips(signature);
    let Some(date) = date else {
        return SignOff {
            signature_right: layout::SIGNATURE_RIGHT_INDENT,
            date_right: layout::DATE_MIN_RIGHT_INDENT,
        };
    };
    let date = width_twips(date);
    // Both lines end at right edge − indent; their starts differ by DATE_OFFSET.
    let date_right = layout::SIGNATURE_RIGHT_INDENT + sig - layout::DATE_OFFSET - date;
    if date_right >= layout::DATE_MIN_RIGHT_INDENT {
        SignOff {
            signature_right: layout::SIGNATURE_RIGHT_INDENT,
            date_right,
        }
    } else {
        SignOff {
            signature_right: layout::DATE_MIN_RIGHT_INDENT + date + layout::DATE_OFFSET - sig,
            date_right: layout::DATE_MIN_RIGHT_INDENT,
        }
    }
}

/// 7.3.5.1 (sealed): 成文日期 右空四字, 署名 centred over the date. Without a date the 署名 is
/// centred over where a date of its own width would stand.
pub fn sealed(signature: &str, date: Option<&str>) -> SignOff {
    let sig = width_twips(signature);
    let date = date.map_or(sig, width_twips);
    // Centres coincide: right + width / 2 is the same for both lines.
    let signature_right = (layout::SEALED_DATE_RIGHT_INDENT + (date - sig) / 2).max(0);
    SignOff {
        signature_right,
        date_right: layout::SEALED_DATE_RIGHT_INDENT,
    }
}

/// One line of the attachment note: its text and the indents that align wrapped lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLine {
    /// The line's text, label and number included.
    pub text: String,
    /// Left indent of the wrapped lines (where the attachment name starts).
    pub left: i32,
    /// How far the first line hangs left of `left`.
    pub hanging: i32,
}

/// 7.3.4: `附件：name` for one attachment; `附件：1.name` then `2.name`… with each number under
/// the first one, for several. Wrapped names align with their first character.
pub fn attachment_note(names: &[&str]) -> Vec<NoteLine> {
    const LABEL: &str = "附件：";
    let label = width_twips(LABEL);
    let start = layout::ATTACHMENT_INDENT;
    if let [name] = names {
        return vec![NoteLine {
            text: format!("{LABEL}{name}"),
            left: start + label,
            hanging: label,
        }];
    }
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let number = format!("{}.", i + 1);
            let number_width = width_twips(&number);
            if i == 0 {
                NoteLine {
                    text: format!("{LABEL}{number}{name}"),
                    left: start + label + number_width,
                    hanging: label + number_width,
                }
            } else {
                NoteLine {
                    text: format!("{number}{name}"),
                    left: start + label + number_width,
                    hanging: number_width,
                }
            }
        })
        .collect()
}

/// 7.4.2: the 抄送 line, 左右各空一字 in 4号, wrapped lines aligned after the colon.
/// Returns (text, left, hanging).
pub fn cc_line(cc: &str) -> NoteLine {
    const LABEL: &str = "抄送：";
    let label = LABEL.chars().count() as i32 * layout::SMALL_CELL;
    NoteLine {
        text: format!("{LABEL}{cc}。"),
        left: layout::IMPRINT_INSET + label,
        hanging: label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: i32 = layout::CELL;

    #[test]
    fn unsealed_short_signature_moves_left_of_a_wider_date() {
        // 6 cells of 署名, 6.5 cells of date: the date is set 右空二字 and the 署名 starts
        // 2 cells left of it: right indent 2 + 6.5 + 2 − 6 = 4.5 cells.
        let s = unsealed("某镇人民政府", Some("2024年3月28日"));
        assert_eq!(s.date_right, 2 * C);
        assert_eq!(s.signature_right, 9 * C / 2);
        // First characters: the date's starts 2 cells right of the 署名's.
        let sig_start = -(s.signature_right + 6 * C);
        let date_start = -(s.date_right + 13 * C / 2);
        assert_eq!(date_start - sig_start, 2 * C);
    }

    #[test]
    fn unsealed_long_signature_keeps_two_cells_right() {
        // 12 cells of 署名: 右空二字, and the date ends 12 − 2 − 6.5 + 2 = 5.5 cells from the edge.
        let s = unsealed("一二三四五六七八九十甲乙", Some("2024年3月28日"));
        assert_eq!(s.signature_right, 2 * C);
        assert_eq!(s.date_right, 2 * C + 12 * C - 2 * C - 13 * C / 2);
        assert_eq!(s.date_right, 11 * C / 2);
    }

    #[test]
    fn unsealed_boundary_is_continuous() {
        // 署名 exactly 2 cells wider than the date: both rules give 2 cells for both lines.
        let s = unsealed("一二三四五六七八", Some("一二三四五六"));
        assert_eq!(
            s,
            SignOff {
                signature_right: 2 * C,
                date_right: 2 * C
            }
        );
    }

    #[test]
    fn unsealed_without_date() {
        assert_eq!(unsealed("某镇人民政府", None).signature_right, 2 * C);
    }

    #[test]
    fn sealed_centres_the_signature_over_the_date() {
        let s = sealed("某镇人民政府", Some("2024年3月28日"));
        assert_eq!(s.date_right, 4 * C);
        // Centres: 4 + 6.5/2 = 7.25 cells; 署名 right indent 7.25 − 3 = 4.25 cells.
        assert_eq!(s.signature_right, 4 * C + C / 4);
        let sealed_long = sealed("一二三四五六七八九十甲乙", Some("2024年3月28日"));
        assert_eq!(
            sealed_long.signature_right,
            4 * C - (12 * C - 13 * C / 2) / 2
        );
        // A 署名 far wider than the date stops at the margin.
        let huge = sealed(&"机".repeat(30), Some("2024年3月28日"));
        assert_eq!(huge.signature_right, 0);
        assert_eq!(sealed("某镇人民政府", None).signature_right, 4 * C);
    }

    #[test]
    fn one_attachment_aligns_wrapped_name_after_the_colon() {
        let lines = attachment_note(&["某某情况统计表"]);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "附件：某某情况统计表");
        assert_eq!(lines[0].left - lines[0].hanging, 2 * C);
        assert_eq!(lines[0].left, 5 * C);
    }

    #[test]
    fn several_attachments_number_under_each_other() {
        let names: Vec<String> = (1..=10).map(|i| format!("附件名{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let lines = attachment_note(&refs);
        assert_eq!(lines[0].text, "附件：1.附件名1");
        assert_eq!(lines[1].text, "2.附件名2");
        // First line starts 左空二字; later numbers start under "1." (5 cells).
        assert_eq!(lines[0].left - lines[0].hanging, 2 * C);
        assert_eq!(lines[1].left - lines[1].hanging, 5 * C);
        assert_eq!(lines[9].left - lines[9].hanging, 5 * C);
        // Names start after their numbers: "1." is one cell, "10." one and a half.
        assert_eq!(lines[0].left, 6 * C);
        assert_eq!(lines[9].left, 5 * C + 3 * C / 2);
    }

    #[test]
    fn cc_line_wraps_after_the_colon() {
        let l = cc_line("区人大常委会办公室，区政协办公室");
        assert_eq!(l.text, "抄送：区人大常委会办公室，区政协办公室。");
        assert_eq!(l.left - l.hanging, layout::SMALL_CELL);
        assert_eq!(l.left, 4 * layout::SMALL_CELL);
    }
}
