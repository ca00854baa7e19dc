//! Reading the XML parts of a package safely: UTF-8 checked up front, a DOCTYPE refused (so no
//! entity is ever defined, expanded or fetched), every error one [`ImportError`] naming the part.

use std::borrow::Cow;

use quick_xml::{
    Reader, XmlVersion,
    escape::resolve_predefined_entity,
    events::{BytesRef, BytesStart, Event},
};

use crate::error::{ImportError, Input};

/// The part's bytes as UTF-8 text (a byte-order mark dropped).
pub(crate) fn utf8<'a>(bytes: &'a [u8], part: &str, input: &Input) -> Result<&'a str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(damaged(
            input,
            part,
            "is UTF-16 text; only UTF-8 parts are read".into(),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        damaged(
            input,
            part,
            format!("is not valid UTF-8 (at byte {})", e.valid_up_to()),
        )
    })
}

pub(crate) fn damaged(input: &Input, part: &str, reason: String) -> ImportError {
    ImportError::DamagedDocx {
        input: input.clone(),
        part: part.to_string(),
        reason,
    }
}

/// A pull parser over one part that turns every problem into an [`ImportError`].
pub(crate) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    input: &'a Input,
}

impl<'a> Xml<'a> {
    pub(crate) fn new(text: &'a str, part: &'a str, input: &'a Input) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        Xml {
            reader,
            part,
            input,
        }
    }

    /// The next event; a DOCTYPE or malformed XML is an error. Ends with `Event::Eof`.
    pub(crate) fn next(&mut self) -> Result<Event<'a>, ImportError> {
        match self.reader.read_event() {
            Ok(Event::DocType(_)) => Err(ImportError::XmlDoctype {
                input: self.input.clone(),
                part: self.part.to_string(),
            }),
            Ok(event) => Ok(event),
            Err(e) => Err(self.malformed(&e)),
        }
    }

    pub(crate) fn malformed(&self, e: &dyn std::fmt::Display) -> ImportError {
        damaged(
            self.input,
            self.part,
            format!(
                "is not well-formed XML (at byte {}: {e})",
                self.reader.error_position()
            ),
        )
    }

    /// The text of a `&…;` reference: a character reference or one of the five predefined
    /// entities. Anything else cannot be defined without a DOCTYPE, so the XML is malformed.
    pub(crate) fn reference(&self, r: &BytesRef<'_>) -> Result<Cow<'static, str>, ImportError> {
        if let Some(c) = r.resolve_char_ref().map_err(|e| self.malformed(&e))? {
            return Ok(Cow::Owned(c.to_string()));
        }
        let name = r.decode().map_err(|e| self.malformed(&e))?;
        resolve_predefined_entity(&name)
            .map(Cow::Borrowed)
            .ok_or_else(|| self.malformed(&format!("undefined entity &{name};")))
    }
}

/// The value of the attribute with local name `local` (any prefix), unescaped.
pub(crate) fn attr<'e>(e: &'e BytesStart<'_>, local: &[u8]) -> Option<Cow<'e, str>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
}

/// `w:val` as a string.
pub(crate) fn val<'e>(e: &'e BytesStart<'_>) -> Option<Cow<'e, str>> {
    attr(e, b"val")
}

/// An on/off property such as `<w:b/>` or `<w:b w:val="0"/>`.
pub(crate) fn toggle(e: &BytesStart<'_>) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off" | "none"))
}

/// A number attribute `w:val`.
pub(crate) fn number<T: std::str::FromStr>(e: &BytesStart<'_>) -> Option<T> {
    val(e).and_then(|v| v.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Result<usize, ImportError> {
        let input = Input::Document;
        let mut x = Xml::new(xml, "word/document.xml", &input);
        let mut n = 0;
        loop {
            match x.next()? {
                Event::Eof => return Ok(n),
                Event::GeneralRef(r) => {
                    x.reference(&r)?;
                }
                _ => n += 1,
            }
        }
    }

    #[test]
    fn doctype_and_unknown_entities_are_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document>&lol2;</w:document>"#;
        assert!(matches!(events(bomb), Err(ImportError::XmlDoctype { .. })));
        let external = r#"<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>"#;
        assert!(matches!(
            events(external),
            Err(ImportError::XmlDoctype { .. })
        ));
        let undefined = "<d>&x;</d>";
        let e = events(undefined).unwrap_err();
        assert!(e.to_string().contains("undefined entity &x;"), "{e}");
        assert_eq!(events("<d>&amp;&#x4E00;</d>").unwrap(), 2);
    }

    #[test]
    fn malformed_and_non_utf8() {
        let e = events("<a><b></a>").unwrap_err();
        assert!(matches!(e, ImportError::DamagedDocx { .. }), "{e}");
        let e = utf8(b"<a>\xFF</a>", "word/document.xml", &Input::Document).unwrap_err();
        assert!(e.to_string().contains("not valid UTF-8 (at byte 3)"), "{e}");
        assert_eq!(
            utf8(b"\xEF\xBB\xBF<a/>", "x", &Input::Document).unwrap(),
            "<a/>"
        );
    }
}
