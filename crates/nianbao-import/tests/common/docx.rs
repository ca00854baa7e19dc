//! A small builder of .docx packages for the tests: the XML is written by hand, the way Word
//! and WPS write it, so each test shows exactly what its document holds.

use std::io::{Cursor, Write};

use zip::{CompressionMethod, ZipWriter, write::SimpleFileOptions};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Escapes text for XML content and attributes.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One paragraph: its properties and runs, as XML.
#[derive(Debug, Clone, Default)]
pub struct P {
    ppr: String,
    runs: String,
}

impl P {
    pub fn new() -> P {
        P::default()
    }

    /// A paragraph of one plain run.
    pub fn text(text: &str) -> P {
        P::new().run(text)
    }

    /// `w:pStyle`.
    pub fn style(mut self, id: &str) -> P {
        self.ppr
            .push_str(&format!(r#"<w:pStyle w:val="{}"/>"#, esc(id)));
        self
    }

    /// Automatic numbering: list `num_id` at level `ilvl`.
    pub fn num(mut self, num_id: u32, ilvl: u8) -> P {
        self.ppr.push_str(&format!(
            r#"<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>"#
        ));
        self
    }

    pub fn center(mut self) -> P {
        self.ppr.push_str(r#"<w:jc w:val="center"/>"#);
        self
    }

    /// A red bottom border: the 版头's separator line as many templates draw it.
    pub fn red_rule(mut self) -> P {
        self.ppr.push_str(
            r#"<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="FF0000"/></w:pBdr>"#,
        );
        self
    }

    /// A run with the given `w:rPr` content.
    pub fn run_with(mut self, rpr: &str, text: &str) -> P {
        self.runs.push_str(&format!(
            r#"<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(text)
        ));
        self
    }

    pub fn run(mut self, text: &str) -> P {
        self.runs.push_str(&format!(
            r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(text)
        ));
        self
    }

    pub fn bold(self, text: &str) -> P {
        self.run_with("<w:b/><w:bCs/>", text)
    }

    /// A run in an East Asian font, as WPS writes every run.
    pub fn font(self, font: &str, text: &str) -> P {
        let f = esc(font);
        self.run_with(
            &format!(
                r#"<w:rFonts w:hint="eastAsia" w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}"/><w:sz w:val="32"/>"#
            ),
            text,
        )
    }

    /// Red text in 小标宋 of `half_points`: a 发文机关标志.
    pub fn red(self, text: &str, half_points: u32) -> P {
        self.run_with(
            &format!(
                r#"<w:rFonts w:eastAsia="方正小标宋简体"/><w:color w:val="FF0000"/><w:sz w:val="{half_points}"/>"#
            ),
            text,
        )
    }

    /// A line break inside the paragraph (Shift+Enter).
    pub fn br(mut self) -> P {
        self.runs.push_str("<w:r><w:br/></w:r>");
        self
    }

    /// Raw XML inside the paragraph (drawings, fields).
    pub fn raw(mut self, xml: &str) -> P {
        self.runs.push_str(xml);
        self
    }

    pub fn xml(&self) -> String {
        format!("<w:p><w:pPr>{}</w:pPr>{}</w:p>", self.ppr, self.runs)
    }
}

/// An inline picture named `name`, as Word writes one.
pub fn picture(name: &str) -> String {
    format!(
        r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="100" cy="100"/><wp:docPr id="7" name="{}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#,
        esc(name)
    )
}

/// A floating text box named `name` holding `text`, with its VML fallback (Word 2010+).
pub fn text_box(name: &str, text: &str) -> String {
    let content = format!(
        r#"<w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:txbxContent>"#,
        esc(text)
    );
    format!(
        r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="8" name="{}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#,
        esc(name)
    )
}

/// A table of plain cells.
pub fn table(rows: &[&[&str]]) -> String {
    let mut xml = String::from(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>"#);
    for row in rows {
        xml.push_str("<w:tr>");
        for cell in *row {
            xml.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
                P::text(cell).xml()
            ));
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

/// A document: body XML, and optional styles and numbering parts.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    body: String,
    styles: Option<String>,
    numbering: Option<String>,
    /// Extra package entries (name, bytes).
    extra: Vec<(String, Vec<u8>)>,
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    pub fn p(mut self, p: P) -> Doc {
        self.body.push_str(&p.xml());
        self
    }

    /// Plain paragraphs, one per line of `text`.
    pub fn lines(mut self, text: &str) -> Doc {
        for line in text.lines() {
            self.body.push_str(&P::text(line).xml());
        }
        self
    }

    pub fn raw(mut self, xml: &str) -> Doc {
        self.body.push_str(xml);
        self
    }

    /// `word/styles.xml` holding these `w:style` elements (and `w:docDefaults`, if given).
    pub fn styles(mut self, inner: &str) -> Doc {
        self.styles = Some(format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">{inner}</w:styles>"#
        ));
        self
    }

    /// `word/numbering.xml` holding these definitions.
    pub fn numbering(mut self, inner: &str) -> Doc {
        self.numbering = Some(format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">{inner}</w:numbering>"#
        ));
        self
    }

    pub fn entry(mut self, name: &str, bytes: &[u8]) -> Doc {
        self.extra.push((name.to_string(), bytes.to_vec()));
        self
    }

    /// The `word/document.xml` text.
    pub fn document_xml(&self) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="w14"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#,
            self.body
        )
    }

    /// The package, with `document.xml` replaced by `document` (for hostile variants).
    pub fn build_with(&self, document: &[u8]) -> Vec<u8> {
        let mut rels = String::new();
        if self.styles.is_some() {
            rels.push_str(r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#);
        }
        if self.numbering.is_some() {
            rels.push_str(r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#);
        }
        let mut entries: Vec<(String, Vec<u8>)> = vec![
            (
                "[Content_Types].xml".into(),
                br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_vec(),
            ),
            (
                "_rels/.rels".into(),
                br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_vec(),
            ),
            (
                "word/_rels/document.xml.rels".into(),
                format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#).into_bytes(),
            ),
            ("word/document.xml".into(), document.to_vec()),
        ];
        if let Some(s) = &self.styles {
            entries.push(("word/styles.xml".into(), s.clone().into_bytes()));
        }
        if let Some(n) = &self.numbering {
            entries.push(("word/numbering.xml".into(), n.clone().into_bytes()));
        }
        entries.extend(self.extra.iter().cloned());
        zip_entries(&entries)
    }

    pub fn build(&self) -> Vec<u8> {
        self.build_with(self.document_xml().as_bytes())
    }
}

/// A deflated zip of the entries.
pub fn zip_entries(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(false);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The multilevel list of a 公文 template: 一、 （一） 1. （1）, as numId 1; numId 2 is the same
/// definition with `1.` counting on across `（一）（二）` (`w:lvlRestart` 0).
pub const GONGWEN_NUMBERING: &str = r#"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;

/// Heading styles as Word names them (`heading 1`…) and as WPS may (`标题 3`), with the outline
/// levels Word gives them.
pub const HEADING_STYLES: &str = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="30"><w:name w:val="标题 3"/><w:basedOn w:val="a"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>"#;

/// One entry of a zip written byte by byte: `data` as stored (already deflated when `deflated`),
/// with the sizes and checksum the headers should claim, true or not.
pub struct RawEntry {
    pub name: String,
    pub deflated: bool,
    pub data: Vec<u8>,
    pub crc: u32,
    pub claimed_size: u32,
}

/// A zip archive written by hand, so that its headers can lie.
pub fn raw_zip(entries: &[RawEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for e in entries {
        let offset = out.len() as u32;
        let method = if e.deflated { 8 } else { 0 };
        let name = e.name.as_bytes();
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20);
        u16le(&mut out, 0);
        u16le(&mut out, method);
        u16le(&mut out, 0);
        u16le(&mut out, 0x21);
        u32le(&mut out, e.crc);
        u32le(&mut out, e.data.len() as u32);
        u32le(&mut out, e.claimed_size);
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(name);
        out.extend_from_slice(&e.data);

        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20);
        u16le(&mut central, 20);
        u16le(&mut central, 0);
        u16le(&mut central, method);
        u16le(&mut central, 0);
        u16le(&mut central, 0x21);
        u32le(&mut central, e.crc);
        u32le(&mut central, e.data.len() as u32);
        u32le(&mut central, e.claimed_size);
        u16le(&mut central, name.len() as u16);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let cd_offset = out.len() as u32;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, entries.len() as u16);
    u16le(&mut out, entries.len() as u16);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    out
}

/// A raw deflate stream that inflates to `1 + 258 × repeats` spaces: one literal, then
/// back-references of length 258 at distance 1 (13 bits each, in one fixed-Huffman block).
pub fn deflated_spaces(repeats: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        used: u32,
    }
    impl Bits {
        fn bit(&mut self, b: u32) {
            if self.used.is_multiple_of(8) {
                self.out.push(0);
            }
            if b != 0 {
                let last = self.out.len() - 1;
                self.out[last] |= 1 << (self.used % 8);
            }
            self.used += 1;
        }
        /// A Huffman code: most significant bit first.
        fn code(&mut self, code: u32, len: u32) {
            for i in (0..len).rev() {
                self.bit((code >> i) & 1);
            }
        }
    }
    let mut b = Bits {
        out: Vec::with_capacity(repeats * 13 / 8 + 8),
        used: 0,
    };
    b.bit(1); // BFINAL
    b.bit(1); // BTYPE = 01 (fixed Huffman), least significant bit first
    b.bit(0);
    b.code(0x30 + u32::from(b' '), 8); // literal ' '
    for _ in 0..repeats {
        b.code(0b1100_0101, 8); // length 258 (code 285)
        b.code(0, 5); // distance 1 (code 0)
    }
    b.code(0, 7); // end of block
    b.out
}

/// CRC-32 (IEEE) of `n` bytes of `byte`, as zip headers store it.
pub fn crc32_of_repeated(byte: u8, n: usize) -> u32 {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *slot = c;
    }
    let mut crc = !0u32;
    for _ in 0..n {
        crc = table[((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}
