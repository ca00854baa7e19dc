//! The OPC package: the parts docx-rs renders, one normalisation pass that makes them valid for
//! Word, and the deflated zip.
//!
//! docx-rs 0.4.22 writes property children out of schema order, run properties where the schema
//! has none, an empty `Normal` style before ours, empty or unreferenced parts (numbering,
//! comments, footnotes), a content-type override for a header that does not exist, no theme, and
//! stores every entry uncompressed. [`Package::normalise`] fixes all of that in one place.

use std::collections::HashSet;
use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use crate::schema_order::{self, Fix};
use crate::theme;

const CONTENT_TYPES: &str = "[Content_Types].xml";
const MAIN: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";
const NUMBERING: &str = "word/numbering.xml";
/// Parts docx-rs always writes that this report leaves empty; they go when they hold nothing.
const DROP_WHEN_EMPTY: [&str; 4] = [
    "word/comments.xml",
    "word/commentsExtended.xml",
    "word/footnotes.xml",
    "docProps/custom.xml",
];

/// Why a package could not be built.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PackageError {
    #[error("part {part} is not well-formed XML: {source}")]
    Xml {
        part: String,
        source: quick_xml::Error,
    },
    #[error("cannot zip the package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot zip the package: {0}")]
    Io(#[from] std::io::Error),
}

/// What the normalisation adds beyond schema validity.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Extras {
    /// `(twips, hundredths of a character)`: every first-line indent of exactly `twips` in the
    /// main document also gets `w:firstLineChars`, which docx-rs cannot write. Other indents
    /// are left alone: their paragraphs may use another font size, hence another 字.
    pub first_line_chars: Option<(i32, i32)>,
    /// Paragraph properties docx-rs cannot write, added to the document defaults
    /// (`w:pPrDefault`) of the styles part, each the inside of an empty tag.
    pub paragraph_defaults: &'static [&'static str],
}

/// The parts of a .docx, by name, in the order they are zipped.
#[derive(Debug, Clone, Default)]
pub(crate) struct Package {
    parts: Vec<(String, Vec<u8>)>,
}

impl Package {
    /// The parts docx-rs rendered, named as its own zipper names them.
    pub fn from_docx_rs(x: XMLDocx) -> Self {
        let mut parts = vec![
            (CONTENT_TYPES.to_string(), x.content_type),
            ("_rels/.rels".into(), x.rels),
            ("docProps/app.xml".into(), x.doc_props.app),
            ("docProps/core.xml".into(), x.doc_props.core),
            ("docProps/custom.xml".into(), x.doc_props.custom),
            ("word/_rels/document.xml.rels".into(), x.document_rels),
            (MAIN.into(), x.document),
            (STYLES.into(), x.styles),
            ("word/settings.xml".into(), x.settings),
            ("word/fontTable.xml".into(), x.font_table),
            ("word/comments.xml".into(), x.comments),
            (NUMBERING.into(), x.numberings),
            ("word/commentsExtended.xml".into(), x.comments_extended),
            ("word/footnotes.xml".into(), x.footnotes),
        ];
        for (i, header) in x.headers.into_iter().enumerate() {
            parts.push((format!("word/header{}.xml", i + 1), header));
        }
        for (i, rels) in x.header_rels.into_iter().enumerate() {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels));
        }
        for (i, footer) in x.footers.into_iter().enumerate() {
            parts.push((format!("word/footer{}.xml", i + 1), footer));
        }
        for (i, rels) in x.footer_rels.into_iter().enumerate() {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels));
        }
        Package { parts }
    }

    /// The content of a part.
    pub fn part(&self, name: &str) -> Option<&[u8]> {
        self.parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.as_slice())
    }

    /// Names of all parts, in zip order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|(n, _)| n.as_str())
    }

    /// Replaces a part's content, or adds the part.
    pub fn put(&mut self, name: &str, data: Vec<u8>) {
        match self.parts.iter_mut().find(|(n, _)| n == name) {
            Some((_, d)) => *d = data,
            None => self.parts.push((name.to_string(), data)),
        }
    }

    /// Makes the package valid for Word: schema order, no misplaced run properties, one Normal
    /// style, no unused or unreferenced parts, a theme, and overrides only for parts that exist.
    pub fn normalise(&mut self, extras: Extras) -> Result<(), PackageError> {
        let duplicate_styles = match self.part(STYLES) {
            Some(styles) => superseded_styles(styles).map_err(|e| xml_error(STYLES, e))?,
            None => HashSet::new(),
        };
        for (name, data) in &mut self.parts {
            if !(name.starts_with("word/") && name.ends_with(".xml")) {
                continue;
            }
            let mut fix = PartFix {
                first_line_chars: extras.first_line_chars.filter(|_| name == MAIN),
                drop_styles: if name == STYLES {
                    duplicate_styles.clone()
                } else {
                    HashSet::new()
                },
                styles_seen: 0,
                paragraph_defaults: if name == STYLES {
                    extras.paragraph_defaults
                } else {
                    &[]
                },
                in_paragraph_defaults: false,
            };
            *data = schema_order::normalise(data, &mut fix).map_err(|e| xml_error(name, e))?;
        }

        let mut unused: Vec<String> = Vec::new();
        if !self.uses_numbering() {
            unused.push(NUMBERING.into());
        }
        for name in DROP_WHEN_EMPTY {
            if let Some(data) = self.part(name)
                && root_is_empty(data).map_err(|e| xml_error(name, e))?
            {
                unused.push(name.into());
            }
        }
        self.drop_parts(&unused)?;
        let orphans = self.unreferenced()?;
        self.drop_parts(&orphans)?;
        if !self.has_relationship_of_type(MAIN, theme::RELATIONSHIP)? {
            self.add_part(
                MAIN,
                theme::PART,
                theme::RELATIONSHIP,
                theme::CONTENT_TYPE,
                theme::XML.as_bytes().to_vec(),
            )?;
        }
        self.prune_overrides()
    }

    /// The package as a zip: every part deflated, no directory entries, content types first.
    pub fn zip(&self) -> Result<Vec<u8>, PackageError> {
        let raw: usize = self.parts.iter().map(|(_, d)| d.len()).sum();
        let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(raw / 6 + 1024)));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for (name, data) in &self.parts {
            zip.start_file(name.as_str(), options)?;
            zip.write_all(data)?;
        }
        Ok(zip.finish()?.into_inner())
    }

    fn uses_numbering(&self) -> bool {
        self.parts
            .iter()
            .filter(|(n, _)| n.starts_with("word/") && n != NUMBERING)
            .any(|(_, d)| contains(d, b"<w:numPr"))
    }

    /// Removes parts with every relationship that targets them and their overrides.
    fn drop_parts(&mut self, names: &[String]) -> Result<(), PackageError> {
        if names.is_empty() {
            return Ok(());
        }
        self.parts.retain(|(n, _)| !names.contains(n));
        for i in 0..self.parts.len() {
            let (rels_name, data) = &self.parts[i];
            let Some(base) = rels_base(rels_name) else {
                continue;
            };
            let kept = filter_relationships(data, |rel| {
                rel.external || !names.contains(&resolve(&base, &rel.target))
            })
            .map_err(|e| xml_error(rels_name, e))?;
            self.parts[i].1 = kept;
        }
        Ok(())
    }

    /// Parts no relationship points to (other than content types and relationship parts), and
    /// relationship parts of parts that do not exist (docx-rs writes them for every header and
    /// footer slot).
    fn unreferenced(&self) -> Result<Vec<String>, PackageError> {
        let mut targets = HashSet::new();
        for (name, data) in &self.parts {
            if let Some(base) = rels_base(name) {
                for rel in relationships(data).map_err(|e| xml_error(name, e))? {
                    if !rel.external {
                        targets.insert(resolve(&base, &rel.target));
                    }
                }
            }
        }
        let names: HashSet<&str> = self.names().collect();
        Ok(self
            .names()
            .filter(|n| match source_of(n) {
                Some(source) => !source.is_empty() && !names.contains(source.as_str()),
                None => *n != CONTENT_TYPES && !targets.contains(*n),
            })
            .map(str::to_string)
            .collect())
    }

    fn has_relationship_of_type(&self, source: &str, kind: &str) -> Result<bool, PackageError> {
        let rels_name = rels_of(source);
        let Some(data) = self.part(&rels_name) else {
            return Ok(false);
        };
        let rels = relationships(data).map_err(|e| xml_error(&rels_name, e))?;
        Ok(rels.iter().any(|r| r.kind == kind))
    }

    /// Adds a part related from `source`, with its content-type override.
    fn add_part(
        &mut self,
        source: &str,
        name: &str,
        kind: &str,
        content_type: &str,
        data: Vec<u8>,
    ) -> Result<(), PackageError> {
        let rels_name = rels_of(source);
        let rels = self.part(&rels_name).unwrap_or_default();
        let existing = relationships(rels).map_err(|e| xml_error(&rels_name, e))?;
        let mut n = existing.len() + 1;
        while existing.iter().any(|r| r.id == format!("rId{n}")) {
            n += 1;
        }
        let base = source.rsplit_once('/').map_or("", |(dir, _)| dir);
        let target = name
            .strip_prefix(base)
            .and_then(|t| t.strip_prefix('/'))
            .map_or_else(|| format!("/{name}"), str::to_string);
        let relationship =
            format!(r#"<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>"#);
        let rels = if rels.is_empty() {
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationship}</Relationships>"#
            )
            .into_bytes()
        } else {
            insert_before_root_end(rels, relationship.as_bytes())
        };
        self.put(&rels_name, rels);
        let types = self.part(CONTENT_TYPES).unwrap_or_default();
        let entry = format!(r#"<Override PartName="/{name}" ContentType="{content_type}"/>"#);
        let types = insert_before_root_end(types, entry.as_bytes());
        self.put(CONTENT_TYPES, types);
        self.put(name, data);
        Ok(())
    }

    /// Drops content-type overrides of parts that are not in the package.
    fn prune_overrides(&mut self) -> Result<(), PackageError> {
        let present: HashSet<String> = self.names().map(|n| format!("/{n}")).collect();
        let Some(types) = self.part(CONTENT_TYPES) else {
            return Ok(());
        };
        let kept = filter_elements(types, b"Override", |tag| {
            attribute(tag, b"PartName").is_some_and(|p| present.contains(&p))
        })
        .map_err(|e| xml_error(CONTENT_TYPES, e))?;
        self.put(CONTENT_TYPES, kept);
        Ok(())
    }
}

fn xml_error(part: &str, source: quick_xml::Error) -> PackageError {
    PackageError::Xml {
        part: part.to_string(),
        source,
    }
}

/// The per-part changes of the normalisation pass.
struct PartFix {
    first_line_chars: Option<(i32, i32)>,
    /// Indices (among `w:style` elements) of styles a later style with the same id replaces.
    drop_styles: HashSet<usize>,
    styles_seen: usize,
    paragraph_defaults: &'static [&'static str],
    /// Inside `w:pPrDefault`, before its `w:pPr`.
    in_paragraph_defaults: bool,
}

impl Fix for PartFix {
    fn skip(&mut self, tag: &BytesStart<'_>) -> bool {
        if tag.name().as_ref() != b"w:style" {
            return false;
        }
        self.styles_seen += 1;
        self.drop_styles.contains(&(self.styles_seen - 1))
    }

    fn insert(&mut self, tag: &BytesStart<'_>) -> &'static [&'static str] {
        match tag.name().as_ref() {
            b"w:pPrDefault" => self.in_paragraph_defaults = true,
            b"w:pPr" if self.in_paragraph_defaults => {
                self.in_paragraph_defaults = false;
                return self.paragraph_defaults;
            }
            _ => {}
        }
        &[]
    }

    fn rewrite(&mut self, tag: &BytesStart<'_>) -> Option<BytesStart<'static>> {
        match tag.name().as_ref() {
            // docx-rs numbers paragraphs from a thread-wide counter: identical reports would
            // differ byte for byte. Word assigns its own ids when it saves.
            b"w:p" if attribute(tag, b"w14:paraId").is_some() => {
                Some(rebuilt(tag, |key| key.starts_with(b"w14:")))
            }
            // docx-rs never marks a default style, and Word applies only the style marked
            // default to paragraphs without a style: without it, Normal would be ignored.
            b"w:style"
                if attribute(tag, b"w:styleId").as_deref() == Some("Normal")
                    && attribute(tag, b"w:default").is_none() =>
            {
                let mut out = rebuilt(tag, |_| false);
                out.push_attribute(("w:default", "1"));
                Some(out)
            }
            b"w:ind" => {
                let (twips, chars) = self.first_line_chars?;
                let first = attribute(tag, b"w:firstLine")?.parse::<i32>().ok()?;
                if first != twips || attribute(tag, b"w:firstLineChars").is_some() {
                    return None;
                }
                let mut out = rebuilt(tag, |_| false);
                let chars = chars.to_string();
                out.push_attribute(("w:firstLineChars", chars.as_str()));
                Some(out)
            }
            _ => None,
        }
    }
}

/// A copy of `tag`, written afresh, without the attributes `drop` names.
fn rebuilt(tag: &BytesStart<'_>, drop: impl Fn(&[u8]) -> bool) -> BytesStart<'static> {
    let name = String::from_utf8_lossy(tag.name().as_ref()).into_owned();
    let mut out = BytesStart::new(name);
    for attr in tag.attributes().flatten() {
        if !drop(attr.key.as_ref()) {
            out.push_attribute((attr.key.as_ref(), attr.value.as_ref()));
        }
    }
    out
}

/// The value of an attribute, entities resolved.
fn attribute(tag: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    let attr = tag.attributes().flatten().find(|a| a.key.as_ref() == key)?;
    let value = attr
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()?;
    Some(value.into_owned())
}

/// Indices of `w:style` elements whose id a later style uses again: docx-rs writes an empty
/// Normal first whatever the document adds, and readers take the first definition.
fn superseded_styles(styles: &[u8]) -> Result<HashSet<usize>, quick_xml::Error> {
    let mut ids: Vec<Option<String>> = Vec::new();
    let mut reader = Reader::from_reader(styles);
    loop {
        match reader.read_event()? {
            Event::Start(t) | Event::Empty(t) if t.name().as_ref() == b"w:style" => {
                ids.push(attribute(&t, b"w:styleId"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(ids
        .iter()
        .enumerate()
        .filter(|(i, id)| id.is_some() && ids[i + 1..].contains(id))
        .map(|(i, _)| i)
        .collect())
}

/// Whether the root element of a part has no child elements.
fn root_is_empty(xml: &[u8]) -> Result<bool, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut depth = 0;
    loop {
        match reader.read_event()? {
            Event::Start(_) if depth == 0 => depth = 1,
            Event::Start(_) | Event::Empty(_) if depth == 1 => return Ok(false),
            Event::Empty(_) if depth == 0 => return Ok(true),
            Event::Eof | Event::End(_) => return Ok(true),
            _ => {}
        }
    }
}

/// One relationship of a `.rels` part.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Relationship {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

impl Relationship {
    fn from_tag(tag: &BytesStart<'_>) -> Self {
        Relationship {
            id: attribute(tag, b"Id").unwrap_or_default(),
            kind: attribute(tag, b"Type").unwrap_or_default(),
            target: attribute(tag, b"Target").unwrap_or_default(),
            external: attribute(tag, b"TargetMode").is_some_and(|m| m == "External"),
        }
    }
}

fn relationships(rels: &[u8]) -> Result<Vec<Relationship>, quick_xml::Error> {
    let mut out = Vec::new();
    let mut reader = Reader::from_reader(rels);
    loop {
        match reader.read_event()? {
            Event::Start(t) | Event::Empty(t) if t.name().as_ref() == b"Relationship" => {
                out.push(Relationship::from_tag(&t));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn filter_relationships(
    rels: &[u8],
    mut keep: impl FnMut(&Relationship) -> bool,
) -> Result<Vec<u8>, quick_xml::Error> {
    filter_elements(rels, b"Relationship", |tag| {
        keep(&Relationship::from_tag(tag))
    })
}

/// Copies `xml` leaving out every element named `name` for which `keep` says no.
fn filter_elements(
    xml: &[u8],
    name: &[u8],
    mut keep: impl FnMut(&BytesStart<'_>) -> bool,
) -> Result<Vec<u8>, quick_xml::Error> {
    struct Filter<'n, F> {
        name: &'n [u8],
        keep: F,
    }
    impl<F: FnMut(&BytesStart<'_>) -> bool> Fix for Filter<'_, F> {
        fn skip(&mut self, tag: &BytesStart<'_>) -> bool {
            tag.name().as_ref() == self.name && !(self.keep)(tag)
        }
    }
    schema_order::normalise(
        xml,
        &mut Filter {
            name,
            keep: &mut keep,
        },
    )
}

/// The directory a `.rels` part's targets are relative to (`word/` for
/// `word/_rels/document.xml.rels`, empty for `_rels/.rels`); `None` for other parts.
fn rels_base(name: &str) -> Option<String> {
    let stem = name.strip_suffix(".rels")?;
    let (dir, _source) = stem.rsplit_once("_rels/")?;
    Some(dir.to_string())
}

/// The part a `.rels` part belongs to (empty for the package's own `_rels/.rels`); `None` for
/// other parts.
fn source_of(rels: &str) -> Option<String> {
    let stem = rels.strip_suffix(".rels")?;
    let (dir, file) = stem.rsplit_once("_rels/")?;
    Some(format!("{dir}{file}"))
}

/// The `.rels` part of a source part.
fn rels_of(source: &str) -> String {
    match source.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{source}.rels"),
    }
}

/// The part name a relationship target names, relative to `base` (a directory ending in `/`
/// or empty).
fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{base}{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for s in joined.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

fn insert_before_root_end(xml: &[u8], snippet: &[u8]) -> Vec<u8> {
    let at = xml
        .windows(2)
        .rposition(|w| w == b"</")
        .unwrap_or(xml.len());
    let mut out = Vec::with_capacity(xml.len() + snippet.len());
    out.extend_from_slice(&xml[..at]);
    out.extend_from_slice(snippet);
    out.extend_from_slice(&xml[at..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_paths() {
        assert_eq!(
            rels_base("word/_rels/document.xml.rels").as_deref(),
            Some("word/")
        );
        assert_eq!(rels_base("_rels/.rels").as_deref(), Some(""));
        assert_eq!(rels_base("word/document.xml"), None);
        assert_eq!(rels_of("word/document.xml"), "word/_rels/document.xml.rels");
        assert_eq!(
            source_of("word/_rels/footer3.xml.rels").as_deref(),
            Some("word/footer3.xml")
        );
        assert_eq!(source_of("_rels/.rels").as_deref(), Some(""));
        assert_eq!(resolve("word/", "numbering.xml"), "word/numbering.xml");
        assert_eq!(resolve("word/", "../docProps/x.xml"), "docProps/x.xml");
        assert_eq!(resolve("", "/word/document.xml"), "word/document.xml");
        assert_eq!(resolve("", "docProps/core.xml"), "docProps/core.xml");
    }

    #[test]
    fn later_style_definitions_supersede_earlier_ones() {
        let styles = br#"<w:styles><w:style w:styleId="Normal"><w:name w:val="Normal" /></w:style><w:style w:styleId="Other" /><w:style w:styleId="Normal"><w:rPr><w:sz w:val="32" /></w:rPr></w:style></w:styles>"#;
        assert_eq!(superseded_styles(styles).unwrap(), HashSet::from([0]));
    }

    #[test]
    fn empty_roots() {
        assert!(root_is_empty(br#"<?xml version="1.0"?><w:comments xmlns:w="x" />"#).unwrap());
        assert!(root_is_empty(b"<a></a>").unwrap());
        assert!(!root_is_empty(b"<a><b/></a>").unwrap());
    }

    #[test]
    fn dropping_a_part_drops_its_relationship_and_override() {
        let mut p = Package::default();
        p.put(
            CONTENT_TYPES,
            br#"<Types><Override PartName="/word/document.xml" ContentType="m" /><Override PartName="/word/numbering.xml" ContentType="n" /><Override PartName="/word/header1.xml" ContentType="h" /></Types>"#.to_vec(),
        );
        p.put(
            "word/_rels/document.xml.rels",
            br#"<Relationships><Relationship Id="rId7" Type="numbering" Target="numbering.xml" /><Relationship Id="rId9" Type="hyperlink" Target="numbering.xml" TargetMode="External" /></Relationships>"#.to_vec(),
        );
        p.put(MAIN, b"<w:document/>".to_vec());
        p.put(NUMBERING, b"<w:numbering/>".to_vec());
        p.drop_parts(&[NUMBERING.to_string()]).unwrap();
        p.prune_overrides().unwrap();
        assert!(p.part(NUMBERING).is_none());
        let rels = String::from_utf8(p.part("word/_rels/document.xml.rels").unwrap().to_vec());
        assert_eq!(
            rels.unwrap(),
            r#"<Relationships><Relationship Id="rId9" Type="hyperlink" Target="numbering.xml" TargetMode="External" /></Relationships>"#
        );
        let types = String::from_utf8(p.part(CONTENT_TYPES).unwrap().to_vec()).unwrap();
        assert_eq!(
            types,
            r#"<Types><Override PartName="/word/document.xml" ContentType="m" /></Types>"#
        );
    }

    #[test]
    fn adding_a_part_relates_it_with_a_fresh_id() {
        let mut p = Package::default();
        p.put(CONTENT_TYPES, b"<Types></Types>".to_vec());
        p.put(
            "word/_rels/document.xml.rels",
            br#"<Relationships><Relationship Id="rId1" Type="a" Target="styles.xml"/><Relationship Id="rId2" Type="b" Target="x.xml"/><Relationship Id="rId3" Type="c" Target="y.xml"/></Relationships>"#.to_vec(),
        );
        p.add_part(
            MAIN,
            theme::PART,
            theme::RELATIONSHIP,
            theme::CONTENT_TYPE,
            b"<t/>".to_vec(),
        )
        .unwrap();
        let rels = relationships(p.part("word/_rels/document.xml.rels").unwrap()).unwrap();
        assert_eq!(rels[3].id, "rId4");
        assert_eq!(rels[3].target, "theme/theme1.xml");
        assert!(
            p.has_relationship_of_type(MAIN, theme::RELATIONSHIP)
                .unwrap()
        );
        assert!(contains(
            p.part(CONTENT_TYPES).unwrap(),
            br#"<Override PartName="/word/theme/theme1.xml""#
        ));
    }

    #[test]
    fn first_line_chars_and_para_ids() {
        let mut fix = PartFix {
            first_line_chars: Some((640, 200)),
            drop_styles: HashSet::new(),
            styles_seen: 0,
            paragraph_defaults: &[],
            in_paragraph_defaults: false,
        };
        let out = schema_order::normalise(
            br#"<w:p w14:paraId="0000002A" w:rsidR="1"><w:pPr><w:ind w:left="0" w:right="0" w:firstLine="640" /><w:ind w:firstLine="280" /></w:pPr></w:p>"#,
            &mut fix,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"<w:p w:rsidR="1"><w:pPr><w:ind w:left="0" w:right="0" w:firstLine="640" w:firstLineChars="200"/><w:ind w:firstLine="280" /></w:pPr></w:p>"#
        );
    }
}
