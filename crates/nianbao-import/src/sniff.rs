//! Content sniffing: recognise well-known non-text formats by their first bytes, so that a
//! `.docx` or PDF renamed to `.txt` is refused with a message that says what it really is.

/// Leading bytes of formats that drafters plausibly mistake for text, and what to call them.
const SIGNATURES: &[(&[u8], &str)] = &[
    (
        b"PK\x03\x04",
        "a ZIP archive (a Word .docx, WPS or OFD file, perhaps)",
    ),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"%PDF", "a PDF document"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Word .doc or WPS file (OLE compound document)",
    ),
    (b"\x89PNG\r\n\x1A\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"%!PS", "a PostScript document"),
];

/// What the bytes look like when they are a known non-text format.
pub(crate) fn looks_like(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(what);
    }
    // A saved web page is text, but importing its markup would bury the report in tags.
    let head = &bytes[..bytes.len().min(512)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = head[start..].to_ascii_lowercase();
    if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        return Some("an HTML page (save the page's text instead)");
    }
    None
}

/// Whether a decoded text has so many control characters that it must be binary data.
pub(crate) fn mostly_controls(controls: usize, chars: usize) -> bool {
    // A handful of stray controls in a pasted report are dropped with a warning; more than one
    // character in ten is not a report.
    controls >= 4 && controls * 10 > chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_renamed_files_really_are() {
        assert!(looks_like(b"PK\x03\x04rest").unwrap().contains("ZIP"));
        assert!(looks_like(b"%PDF-1.7\n").unwrap().contains("PDF"));
        assert!(
            looks_like(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0")
                .unwrap()
                .contains(".doc")
        );
        assert!(
            looks_like(b"\xEF\xBB\xBF  <!DOCTYPE HTML>")
                .unwrap()
                .contains("HTML")
        );
        assert_eq!(
            looks_like("某镇2023年法治政府建设年度情况报告".as_bytes()),
            None
        );
    }

    #[test]
    fn control_share_threshold() {
        assert!(!mostly_controls(3, 10));
        assert!(!mostly_controls(10, 1000));
        assert!(mostly_controls(20, 100));
    }
}
