//! The .docx container: refuses what is not one (an old `.doc`, an encrypted document, another
//! format, a zip without `word/document.xml`) and inflates only the parts the import reads,
//! counting bytes while inflating so that a zip bomb is stopped whatever its headers claim.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use zip::{ZipArchive, result::ZipError};

use super::xml::{self, Xml};
use crate::{
    error::{ImportError, Input},
    sniff,
};

/// Most entries a package may list; Word writes a dozen or two, plus one per picture.
pub(crate) const MAX_ENTRIES: u64 = 2000;
/// Most bytes one part may inflate to; a 1000-page report's document.xml is a few MB.
pub(crate) const MAX_PART_BYTES: u64 = 32 << 20;
/// Most bytes all the parts read may inflate to together.
pub(crate) const MAX_TOTAL_BYTES: u64 = 64 << 20;

/// First bytes of an OLE compound file: Word 97–2003, WPS, and encrypted OOXML.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// An open package and what may still be inflated from it.
pub(crate) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be inflated.
    budget: u64,
    input: &'a Input,
}

/// Opens the bytes as a .docx package, or says what they are instead.
pub(crate) fn open<'a>(bytes: &'a [u8], input: &'a Input) -> Result<Package<'a>, ImportError> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(if holds_utf16(bytes, "EncryptedPackage") {
            ImportError::Encrypted {
                input: input.clone(),
            }
        } else {
            ImportError::OldWord {
                input: input.clone(),
            }
        });
    }
    let not_docx = |reason: String| ImportError::NotDocx {
        input: input.clone(),
        reason,
    };
    if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
        return Err(not_docx(match sniff::looks_like(bytes) {
            Some(what) => format!("it looks like {what}"),
            None => "it is not a zip package".into(),
        }));
    }
    if let Some(entries) = declared_entries(bytes)
        && entries > MAX_ENTRIES
    {
        return Err(ImportError::UnpackLimit {
            input: input.clone(),
            reason: format!("the package lists {entries} entries (more than {MAX_ENTRIES})"),
        });
    }
    let zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| not_docx(format!("the zip archive is damaged ({e})")))?;
    if zip.len() as u64 > MAX_ENTRIES {
        return Err(ImportError::UnpackLimit {
            input: input.clone(),
            reason: format!(
                "the package lists {} entries (more than {MAX_ENTRIES})",
                zip.len()
            ),
        });
    }
    Ok(Package {
        zip,
        budget: MAX_TOTAL_BYTES,
        input,
    })
}

/// Whether `name` appears in UTF-16LE, as OLE directory entries store names.
fn holds_utf16(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// The entry count the end of central directory record declares (ZIP64 too), read before the
/// zip library allocates anything for the entries.
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let from = bytes.len().saturating_sub(22 + 0xFFFF);
    let tail = &bytes[from..];
    let at = from + tail.windows(4).rposition(|w| w == EOCD)?;
    let u16_at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])))
    };
    let entries = u16_at(at + 10)?;
    if entries != 0xFFFF {
        return Some(entries);
    }
    // ZIP64: the locator sits right before the record and points at the ZIP64 record.
    let locator = at.checked_sub(20)?;
    if bytes.get(locator..locator + 4)? != b"PK\x06\x07" {
        return Some(entries);
    }
    let u64_at = |i: usize| {
        bytes
            .get(i..i + 8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    };
    let record = usize::try_from(u64_at(locator + 8)?).ok()?;
    if bytes.get(record..record + 4)? != b"PK\x06\x06" {
        return Some(entries);
    }
    u64_at(record + 32)
}

impl Package<'_> {
    /// Whether the package has an entry of that name.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.index(name).is_some()
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.zip.index_for_name(name).or_else(|| {
            // Part names are case-insensitive (OPC); Word writes them as expected, others may not.
            let found = self
                .zip
                .file_names()
                .find(|n| n.eq_ignore_ascii_case(name))?;
            self.zip.index_for_name(found)
        })
    }

    /// The inflated bytes of part `name`, or `None` when there is no such part. Stops as soon
    /// as the part or all parts read so far pass their limit.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let Some(index) = self.index(name) else {
            return Ok(None);
        };
        let input = self.input;
        let file = match self.zip.by_index(index) {
            Ok(f) => f,
            Err(ZipError::UnsupportedArchive(what)) if what.to_lowercase().contains("password") => {
                return Err(ImportError::Encrypted {
                    input: input.clone(),
                });
            }
            Err(e) => {
                return Err(xml::damaged(
                    input,
                    name,
                    format!("cannot be unpacked ({e})"),
                ));
            }
        };
        if file.is_dir() {
            return Ok(None);
        }
        let limit = MAX_PART_BYTES.min(self.budget);
        // The declared size only sizes the first allocation, and never beyond 1 MB.
        let capacity = file.size().min(limit).min(1 << 20);
        let mut data = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
        file.take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|e| xml::damaged(input, name, format!("cannot be unpacked ({e})")))?;
        let len = data.len() as u64;
        if len > limit {
            let reason = if limit == MAX_PART_BYTES {
                format!("{name} inflates to more than {} MB", MAX_PART_BYTES >> 20)
            } else {
                format!(
                    "the parts read inflate to more than {} MB in all",
                    MAX_TOTAL_BYTES >> 20
                )
            };
            return Err(ImportError::UnpackLimit {
                input: input.clone(),
                reason,
            });
        }
        self.budget -= len;
        Ok(Some(data))
    }

    /// The targets of the relationships of `rels` (a `.rels` part) whose type ends in
    /// `/{kind}`, resolved against `base` (the folder of the part they belong to).
    pub(crate) fn related(
        &mut self,
        rels: &str,
        base: &str,
        kind: &str,
    ) -> Result<Vec<String>, ImportError> {
        let Some(bytes) = self.read(rels)? else {
            return Ok(Vec::new());
        };
        let text = xml::utf8(&bytes, rels, self.input)?;
        let mut x = Xml::new(text, rels, self.input);
        let suffix = format!("/{kind}");
        let mut out = Vec::new();
        loop {
            match x.next()? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                    let wanted = xml::attr(&e, b"Type").is_some_and(|t| t.ends_with(&suffix));
                    let external = xml::attr(&e, b"TargetMode").is_some_and(|m| m == "External");
                    if wanted
                        && !external
                        && let Some(target) = xml::attr(&e, b"Target")
                    {
                        out.push(resolve(base, &target));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    /// What a zip that is not a .docx holds, by its well-known entries.
    pub(crate) fn what_else(&self) -> String {
        let known: [(&str, &str); 5] = [
            ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
            ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
            (
                "content.xml",
                "an OpenDocument file (.odt); save it as .docx",
            ),
            ("OFD.xml", "an OFD document"),
            ("mimetype", "an OpenDocument or EPUB file"),
        ];
        known.iter().find(|(entry, _)| self.has(entry)).map_or_else(
            || "the zip package holds no word/document.xml".into(),
            |(_, what)| format!("the zip package holds no word/document.xml; it is {what}"),
        )
    }
}

/// A relationship target resolved against the folder `base` (`word/`): `styles.xml` →
/// `word/styles.xml`, `/word/x.xml` → `word/x.xml`, `../x.xml` → `x.xml`.
fn resolve(base: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word/", "/word/x.xml"), "word/x.xml");
        assert_eq!(resolve("word", "../customXml/a.xml"), "customXml/a.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn ole_files_are_old_word_or_encrypted() {
        let input = Input::Document;
        let mut doc = OLE_MAGIC.to_vec();
        doc.extend_from_slice(&[0; 512]);
        assert!(matches!(
            open(&doc, &input).err(),
            Some(ImportError::OldWord { .. })
        ));
        let name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        doc.extend_from_slice(&name);
        assert!(matches!(
            open(&doc, &input).err(),
            Some(ImportError::Encrypted { .. })
        ));
    }
}
