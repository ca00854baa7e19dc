//! Reads the paragraphs of a .docx back as plain text: for tests of the writer, and for the
//! Word importer.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use crate::ExportError;

/// A main document larger than this is refused rather than inflated (a zip bomb guard; a
/// 1000-page report is about 3 MB).
const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

/// The text of every `w:p` of `word/document.xml` in document order: all `w:t` concatenated,
/// `w:tab` as `\t`, `w:br` and `w:cr` as `\n`. A paragraph nested in another (text boxes) comes
/// after the one that holds it.
pub fn read_paragraphs(docx: &[u8]) -> Result<Vec<String>, ExportError> {
    let xml = main_document(docx)?;
    paragraphs(&xml).map_err(|e| unreadable(format!("word/document.xml: {e}")))
}

fn unreadable(reason: String) -> ExportError {
    ExportError::Unreadable { reason }
}

fn main_document(docx: &[u8]) -> Result<Vec<u8>, ExportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx))
        .map_err(|e| unreadable(format!("not a zip package: {e}")))?;
    let part = zip
        .by_name("word/document.xml")
        .map_err(|e| unreadable(format!("no word/document.xml: {e}")))?;
    let mut xml = Vec::with_capacity(part.size().min(MAX_DOCUMENT_BYTES) as usize);
    part.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| unreadable(format!("word/document.xml: {e}")))?;
    if xml.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(unreadable(format!(
            "word/document.xml is larger than {} MB",
            MAX_DOCUMENT_BYTES >> 20
        )));
    }
    Ok(xml)
}

/// Where text goes while reading.
#[derive(Clone, Copy, PartialEq, Eq)]
enum In {
    Other,
    /// Inside a `w:t`: its text counts.
    Text,
}

fn paragraphs(xml: &[u8]) -> Result<Vec<String>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut out: Vec<String> = Vec::new();
    // Indices into `out` of the open paragraphs, innermost last.
    let mut open: Vec<usize> = Vec::new();
    // Run depth: tabs and breaks count only inside runs (a `w:tab` in `w:tabs` is a stop).
    let mut in_run = 0usize;
    let mut state = In::Other;
    loop {
        let event = reader.read_event()?;
        let current = open.last().copied();
        match event {
            Event::Start(t) => match t.name().as_ref() {
                b"w:p" => {
                    open.push(out.len());
                    out.push(String::new());
                }
                b"w:r" => in_run += 1,
                b"w:t" if in_run > 0 => state = In::Text,
                _ => {}
            },
            Event::Empty(t) => {
                let piece = match t.name().as_ref() {
                    b"w:p" => {
                        out.push(String::new());
                        None
                    }
                    b"w:tab" if in_run > 0 => Some('\t'),
                    b"w:br" | b"w:cr" if in_run > 0 => Some('\n'),
                    _ => None,
                };
                if let (Some(c), Some(i)) = (piece, current) {
                    out[i].push(c);
                }
            }
            Event::End(t) => match t.name().as_ref() {
                b"w:p" => {
                    open.pop();
                }
                b"w:r" => in_run = in_run.saturating_sub(1),
                b"w:t" => state = In::Other,
                _ => {}
            },
            Event::Text(text) if state == In::Text => {
                if let Some(i) = current {
                    out[i].push_str(&text.xml10_content()?);
                }
            }
            Event::CData(text) if state == In::Text => {
                if let Some(i) = current {
                    out[i].push_str(&text.decode()?);
                }
            }
            Event::GeneralRef(r) if state == In::Text => {
                if let Some(i) = current {
                    match r.resolve_char_ref()? {
                        Some(c) => out[i].push(c),
                        None => {
                            let name = r.decode()?;
                            match resolve_predefined_entity(&name) {
                                Some(s) => out[i].push_str(s),
                                // Word never writes other entities; keep the reference as is.
                                None => out[i].push_str(&format!("&{name};")),
                            }
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tabs_breaks_and_entities() {
        let xml = br#"<w:document><w:body><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="100"/></w:tabs></w:pPr><w:r><w:t>a &amp; &#x4E00;</w:t><w:tab/><w:t xml:space="preserve"> b</w:t><w:br/><w:t>c</w:t></w:r></w:p><w:p/><w:p><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:body></w:document>"#;
        assert_eq!(paragraphs(xml).unwrap(), ["a & 一\t b\nc", "", ""]);
    }

    #[test]
    fn not_a_docx() {
        let e = read_paragraphs(b"hello").unwrap_err();
        assert!(e.to_string().contains("not a zip package"), "{e}");
    }
}
