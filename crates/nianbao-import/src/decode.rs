//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; line ends to `\n`.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::{
    error::{ImportError, Input},
    warning::{ImportWarning, SourceEncoding},
};

/// Decoded text and what it was decoded from.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text, with line ends still as they were.
    pub text: String,
    /// Set when the encoding is worth telling the drafter about (not plain UTF-8).
    pub note: Option<ImportWarning>,
}

/// Decodes the bytes; NULs outside UTF-16 mean binary data, decoding errors are refused.
pub(crate) fn decode(bytes: &[u8], input: &Input) -> Result<Decoded, ImportError> {
    let undecodable = || ImportError::Undecodable {
        input: input.clone(),
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = std::str::from_utf8(rest).map_err(|_| undecodable())?;
        return Ok(Decoded {
            text: text.to_string(),
            note: None,
        });
    }
    // UTF-32 LE starts with the UTF-16 LE mark; encoding_rs does not read UTF-32.
    if bytes.starts_with(b"\xFF\xFE\x00\x00") {
        return Err(undecodable());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return strict(UTF_16LE, rest, SourceEncoding::Utf16Le { bom: true })
            .ok_or_else(undecodable);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return strict(UTF_16BE, rest, SourceEncoding::Utf16Be { bom: true })
            .ok_or_else(undecodable);
    }
    if bytes.contains(&0) {
        return utf16_without_bom(bytes).ok_or_else(|| ImportError::Binary {
            input: input.clone(),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            note: None,
        });
    }
    strict(GB18030, bytes, SourceEncoding::Gb18030).ok_or_else(undecodable)
}

fn strict(encoding: &'static Encoding, bytes: &[u8], source: SourceEncoding) -> Option<Decoded> {
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some(Decoded {
        text: text.into_owned(),
        note: Some(ImportWarning::Decoded { encoding: source }),
    })
}

/// UTF-16 saved without a byte-order mark: every ASCII character (line ends, digits) has a NUL
/// on the same side, which random binary data practically never has.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let nuls = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    // CJK characters like 一 (U+4E00) put a NUL on the other side now and then.
    let (even, odd) = (nuls(0), nuls(1));
    let (encoding, source) = if odd >= 2 && odd >= 3 * even {
        (UTF_16LE, SourceEncoding::Utf16Le { bom: false })
    } else if even >= 2 && even >= 3 * odd {
        (UTF_16BE, SourceEncoding::Utf16Be { bom: false })
    } else {
        return None;
    };
    let decoded = strict(encoding, bytes, source)?;
    let clean = decoded
        .text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'));
    clean.then_some(decoded)
}

/// Turns CRLF, lone CR and the Unicode line/paragraph separators into `\n`.
pub(crate) fn normalise_line_ends(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "某镇2023年法治政府建设年度情况报告\n一、主要举措";

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes, &Input::Text).unwrap()
    }

    #[test]
    fn reads_each_supported_encoding() {
        assert_eq!(ok(TEXT.as_bytes()).text, TEXT);
        let bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
        assert_eq!(ok(&bom).text, TEXT);
        let (gbk, _, _) = GB18030.encode(TEXT);
        let d = ok(&gbk);
        assert_eq!(d.text, TEXT);
        assert_eq!(
            d.note,
            Some(ImportWarning::Decoded {
                encoding: SourceEncoding::Gb18030
            })
        );
        let le: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(ok(&[b"\xFF\xFE".as_slice(), &le].concat()).text, TEXT);
        assert_eq!(ok(&[b"\xFE\xFF".as_slice(), &be].concat()).text, TEXT);
        let utf16 = |encoding| Some(ImportWarning::Decoded { encoding });
        let d = ok(&le);
        assert_eq!(d.text, TEXT);
        assert_eq!(d.note, utf16(SourceEncoding::Utf16Le { bom: false }));
        let d = ok(&be);
        assert_eq!(d.text, TEXT);
        assert_eq!(d.note, utf16(SourceEncoding::Utf16Be { bom: false }));
    }

    #[test]
    fn refuses_binary_and_broken_text() {
        let e = decode(b"abc\0\x01\0\0\xFF", &Input::Text).unwrap_err();
        assert!(matches!(e, ImportError::Binary { .. }), "{e}");
        let e = decode(b"\xEF\xBB\xBFabc\xFF", &Input::Text).unwrap_err();
        assert!(matches!(e, ImportError::Undecodable { .. }), "{e}");
        // 0x81 is a GB18030 lead byte that needs a trail byte.
        let e = decode(b"abc\x81", &Input::Text).unwrap_err();
        assert!(matches!(e, ImportError::Undecodable { .. }), "{e}");
    }

    #[test]
    fn line_ends_become_lf() {
        assert_eq!(
            normalise_line_ends("a\r\nb\rc\nd\u{2029}e"),
            "a\nb\nc\nd\ne"
        );
    }
}
