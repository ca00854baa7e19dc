//! Control characters: web pages and old editors leave them in pasted text, and the document
//! writer cannot carry them (XML 1.0 forbids most), so they are dropped at the door.

use nianbao_report::text::strip_non_xml;

/// Drops every C0/C1 control except tab and newline, and whatever XML cannot hold; returns the
/// number dropped. A leading byte-order mark is removed too but not counted.
pub(crate) fn strip_controls(text: &mut String) -> usize {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    let mut dropped = strip_non_xml(text);
    // strip_non_xml keeps CR, DEL and the C1 range; none of them belongs in a report.
    text.retain(|c| {
        let keep = !c.is_control() || matches!(c, '\t' | '\n');
        dropped += usize::from(!keep);
        keep
    });
    dropped
}

/// How many characters [`strip_controls`] would drop, and how many characters there are.
pub(crate) fn count_controls(text: &str) -> (usize, usize) {
    let mut controls = 0;
    let mut chars = 0;
    for c in text.chars() {
        chars += 1;
        let control = (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || !nianbao_report::text::is_xml_char(c);
        if control {
            controls += 1;
        }
    }
    (controls, chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_c0_c1_and_del_keeps_tab_and_newline() {
        let mut s = String::from("\u{FEFF}甲\u{1}乙\t丙\n丁\u{7F}\u{85}\u{FFFE}");
        assert_eq!(count_controls(&s).0, 4);
        assert_eq!(strip_controls(&mut s), 4);
        assert_eq!(s, "甲乙\t丙\n丁");
    }
}
