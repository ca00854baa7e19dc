//! `word/document.xml` read in one pass into raw paragraphs: text with its runs' direct
//! formatting, the paragraph's direct properties, and the pictures and text boxes anchored in
//! it. Deleted text, field instructions, hidden runs and `mc:Fallback` copies are left out;
//! inserted text is kept (tracked changes read as accepted).

use quick_xml::events::{BytesStart, Event};

use super::styles::{ParaProps, RunProps};
use super::xml::{self, Xml};
use crate::error::{ImportError, Input};

/// Where a paragraph sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Body,
    /// In a table cell; numbers are 1-based, of the outermost table (nested tables merge into
    /// their outer cell).
    Cell {
        table: usize,
        row: usize,
        cell: usize,
    },
}

/// A run's text range in its paragraph and its direct formatting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawRun {
    pub start: usize,
    pub end: usize,
    pub props: RunProps,
}

/// What kind of drawing a paragraph holds, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ObjectKind {
    /// A line or shape without text (the 版头's red line is often one).
    Shape,
    /// An embedded OLE object (a spreadsheet, an equation).
    Embedded,
    Chart,
    Picture,
    TextBox,
}

/// A drawing, picture or text box anchored in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Object {
    pub kind: ObjectKind,
    /// Word's name for it (`图片 3`, `文本框 2`), if any.
    pub name: Option<String>,
    /// The text of a text box, its paragraphs separated by `\n`.
    pub text: String,
    /// A red line or shape.
    pub red: bool,
}

/// One `w:p` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawPara {
    pub place: Place,
    /// `w:pStyle`.
    pub style: Option<String>,
    /// Direct paragraph properties.
    pub props: ParaProps,
    /// The text; tabs as `\t`, line breaks as `\n`.
    pub text: String,
    pub runs: Vec<RawRun>,
    pub objects: Vec<Object>,
}

/// The body as read.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub paras: Vec<RawPara>,
    /// Tracked insertions and deletions seen.
    pub insertions: usize,
    pub deletions: usize,
}

/// Elements whose whole content is left out.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"instrText",
    b"delInstrText",
    b"delText",
    b"Fallback",
    b"sectPr",
    b"sdtPr",
    b"sdtEndPr",
    b"pPrChange",
    b"rPrChange",
    b"sectPrChange",
    b"tblPrChange",
    b"trPrChange",
    b"tcPrChange",
    b"numberingChange",
    b"tblPr",
    b"tblGrid",
    b"trPr",
    b"tcPr",
    b"fldData",
    b"ffData",
    b"rt",
    b"footnoteReference",
    b"endnoteReference",
    b"commentReference",
];

/// A drawing being read.
struct Drawing {
    /// Element depth inside the drawing (0: it has ended).
    depth: usize,
    object: Object,
    /// Inside a `w:t` of a text box.
    in_text: bool,
}

#[derive(Default)]
struct Table {
    row: usize,
    cell: usize,
}

#[derive(Default)]
struct Reader {
    doc: Document,
    para: Option<RawPara>,
    run: Option<RunProps>,
    /// Index in `para.runs` of the current run's span, once it has text.
    span: Option<usize>,
    in_ppr: bool,
    /// Inside the `w:rPr` of the paragraph mark (ignored) or of a run.
    in_mark_rpr: bool,
    in_rpr: bool,
    in_text: bool,
    /// Depth of a skipped subtree (0: not skipping).
    skip: usize,
    drawing: Option<Drawing>,
    tables: Vec<Table>,
    table_count: usize,
}

/// Reads the body of `document.xml` (its text).
pub(crate) fn read(text: &str, part: &str, input: &Input) -> Result<Document, ImportError> {
    let mut x = Xml::new(text, part, input);
    let mut r = Reader::default();
    loop {
        match x.next()? {
            Event::Start(e) => r.start(&e, false),
            Event::Empty(e) => r.start(&e, true),
            Event::End(e) => r.end(e.local_name().as_ref()),
            Event::Text(t) => {
                let text = t.xml10_content().map_err(|e| x.malformed(&e))?;
                r.text(&text);
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| x.malformed(&e))?;
                r.text(&text);
            }
            Event::GeneralRef(g) => {
                let text = x.reference(&g)?;
                r.text(&text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(r.doc)
}

impl Reader {
    fn place(&self) -> Place {
        match self.tables.first() {
            None => Place::Body,
            Some(t) => Place::Cell {
                table: self.table_count,
                row: t.row,
                cell: t.cell,
            },
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        if let Some(d) = self.drawing.as_mut() {
            d.element(e, name, empty);
            return;
        }
        if SKIPPED.contains(&name) {
            if matches!(name, b"del" | b"moveFrom") {
                self.doc.deletions += 1;
            }
            if !empty {
                self.skip = 1;
            }
            return;
        }
        match name {
            b"p" => {
                let para = RawPara {
                    place: self.place(),
                    style: None,
                    props: ParaProps::default(),
                    text: String::new(),
                    runs: Vec::new(),
                    objects: Vec::new(),
                };
                if empty {
                    self.doc.paras.push(para);
                } else {
                    self.para = Some(para);
                }
            }
            b"pPr" if !empty && self.para.is_some() && self.run.is_none() => self.in_ppr = true,
            b"rPr" if !empty => {
                if self.in_ppr {
                    self.in_mark_rpr = true;
                } else if self.run.is_some() {
                    self.in_rpr = true;
                }
            }
            b"r" if !empty => {
                self.run = Some(RunProps::default());
                self.span = None;
            }
            b"t" if !empty && self.run.is_some() => self.in_text = true,
            b"ins" | b"moveTo" if !empty => self.doc.insertions += 1,
            b"drawing" | b"pict" | b"object" if !empty => {
                self.drawing = Some(Drawing {
                    depth: 1,
                    object: Object {
                        kind: if name == b"object" {
                            ObjectKind::Embedded
                        } else {
                            ObjectKind::Shape
                        },
                        name: None,
                        text: String::new(),
                        red: false,
                    },
                    in_text: false,
                });
            }
            b"tbl" if !empty => {
                if self.tables.is_empty() {
                    self.table_count += 1;
                }
                self.tables.push(Table::default());
            }
            b"tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.row += 1;
                    t.cell = 0;
                }
            }
            b"tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell += 1;
                }
            }
            _ if self.in_mark_rpr => {}
            _ if self.in_ppr => {
                if let Some(p) = self.para.as_mut() {
                    if name == b"pStyle" {
                        p.style = xml::val(e).map(|v| v.into_owned());
                    } else {
                        p.props.apply(e);
                    }
                }
            }
            _ if self.in_rpr => {
                if let Some(run) = self.run.as_mut() {
                    run.apply(e);
                }
            }
            b"tab" | b"ptab" => self.push("\t"),
            b"br" | b"cr" => self.push("\n"),
            b"noBreakHyphen" => self.push("-"),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if let Some(d) = self.drawing.as_mut() {
            d.depth -= 1;
            match name {
                b"t" => d.in_text = false,
                b"p" if !d.object.text.is_empty() && !d.object.text.ends_with('\n') => {
                    d.object.text.push('\n');
                }
                _ => {}
            }
            if d.depth == 0
                && let Some(mut o) = self.drawing.take().map(|d| d.object)
                && let Some(p) = self.para.as_mut()
            {
                o.text = o.text.trim_end().to_string();
                p.objects.push(o);
            }
            return;
        }
        match name {
            b"p" => {
                if let Some(p) = self.para.take() {
                    self.doc.paras.push(p);
                }
                self.in_ppr = false;
            }
            b"pPr" => self.in_ppr = false,
            b"rPr" => {
                if self.in_mark_rpr {
                    self.in_mark_rpr = false;
                } else {
                    self.in_rpr = false;
                }
            }
            b"r" => {
                self.run = None;
                self.span = None;
                self.in_text = false;
            }
            b"t" => self.in_text = false,
            b"tbl" => {
                self.tables.pop();
            }
            _ => {}
        }
    }

    /// Character data: counts inside a `w:t` (of the body or of a text box).
    fn text(&mut self, text: &str) {
        if let Some(d) = self.drawing.as_mut() {
            if d.in_text {
                d.object.text.push_str(text);
            }
            return;
        }
        if self.in_text {
            self.push(text);
        }
    }

    /// Appends to the current run's text (nothing outside a run, or in a hidden one).
    fn push(&mut self, text: &str) {
        if self.skip > 0 || self.in_ppr {
            return;
        }
        let (Some(run), Some(p)) = (self.run.as_ref(), self.para.as_mut()) else {
            return;
        };
        if run.hidden == Some(true) {
            return;
        }
        let start = p.text.len();
        p.text.push_str(text);
        let end = p.text.len();
        match self.span {
            Some(i) => p.runs[i].end = end,
            None => {
                self.span = Some(p.runs.len());
                p.runs.push(RawRun {
                    start,
                    end,
                    props: run.clone(),
                });
            }
        }
    }
}

impl Drawing {
    fn element(&mut self, e: &BytesStart<'_>, name: &[u8], empty: bool) {
        if !empty {
            self.depth += 1;
        }
        let kind = match name {
            b"txbx" | b"textbox" | b"txbxContent" => Some(ObjectKind::TextBox),
            b"pic" | b"imagedata" | b"blip" => Some(ObjectKind::Picture),
            b"chart" => Some(ObjectKind::Chart),
            b"OLEObject" => Some(ObjectKind::Embedded),
            _ => None,
        };
        if let Some(k) = kind {
            self.object.kind = self.object.kind.max(k);
        }
        match name {
            b"docPr" => {
                self.object.name = xml::attr(e, b"name")
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| n.into_owned());
            }
            b"shape" | b"line" | b"rect" | b"roundrect" => {
                if self.object.name.is_none() {
                    self.object.name = xml::attr(e, b"alt")
                        .filter(|n| !n.trim().is_empty())
                        .map(|n| n.into_owned());
                }
                let stroke = xml::attr(e, b"strokecolor").or_else(|| xml::attr(e, b"fillcolor"));
                if stroke.is_some_and(|c| {
                    let c = c.trim_start_matches('#');
                    c.eq_ignore_ascii_case("red") || super::styles::is_red(c)
                }) {
                    self.object.red = true;
                }
            }
            b"srgbClr" if xml::val(e).is_some_and(|c| super::styles::is_red(&c)) => {
                self.object.red = true;
            }
            b"t" if !empty && self.object.kind == ObjectKind::TextBox => self.in_text = true,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_doc(body: &str) -> Document {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w" xmlns:wp="wp" xmlns:mc="mc" xmlns:v="v"><w:body>{body}<w:sectPr><w:pgSz/></w:sectPr></w:body></w:document>"#
        );
        read(&xml, "word/document.xml", &Input::Document).unwrap()
    }

    #[test]
    fn text_runs_and_properties() {
        let doc = read_doc(
            r#"<w:p><w:pPr><w:pStyle w:val="2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr><w:jc w:val="center"/><w:tabs><w:tab w:val="left" w:pos="1"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr><w:t>强化</w:t><w:t xml:space="preserve">领导。</w:t></w:r><w:r><w:t>正文&amp;</w:t><w:tab/><w:t>尾</w:t><w:br/><w:t>下</w:t></w:r></w:p><w:p/>"#,
        );
        assert_eq!(doc.paras.len(), 2);
        let p = &doc.paras[0];
        assert_eq!(p.text, "强化领导。正文&\t尾\n下");
        assert_eq!(p.style.as_deref(), Some("2"));
        assert_eq!(p.props.centred, Some(true));
        assert_eq!(
            p.props.num,
            Some(super::super::styles::NumRef {
                num_id: Some(4),
                ilvl: Some(1)
            })
        );
        assert_eq!(p.runs.len(), 2);
        assert_eq!((p.runs[0].start, p.runs[0].end), (0, "强化领导。".len()));
        assert_eq!(p.runs[0].props.bold, Some(true));
        assert_eq!(p.runs[0].props.font.as_deref(), Some("黑体"));
        assert_eq!(p.runs[1].props.bold, None);
        assert_eq!(doc.paras[1].text, "");
    }

    #[test]
    fn tracked_changes_fields_hidden_text_and_fallbacks() {
        let doc = read_doc(
            r#"<w:p><w:ins w:id="1"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:rPrChange><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>字</w:t></w:r></w:p>"#,
        );
        assert_eq!(doc.paras[0].text, "新增3字");
        assert_eq!((doc.insertions, doc.deletions), (1, 1));
        assert_eq!(doc.paras[0].runs.last().unwrap().props.bold, None);
    }

    #[test]
    fn drawings_text_boxes_and_tables() {
        let doc = read_doc(
            r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 2"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:drawing><wp:inline><wp:docPr id="2" name="图片 1"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t>后</w:t></w:r></w:p>
<w:tbl><w:tblPr><w:jc w:val="center"/></w:tblPr><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        let p = &doc.paras[0];
        assert_eq!(p.text, "前后");
        assert_eq!(p.objects.len(), 2);
        assert_eq!(p.objects[0].kind, ObjectKind::TextBox);
        assert_eq!(p.objects[0].name.as_deref(), Some("文本框 2"));
        assert_eq!(p.objects[0].text, "框内\n第二段");
        assert_eq!(p.objects[1].kind, ObjectKind::Picture);
        assert_eq!(p.objects[1].name.as_deref(), Some("图片 1"));
        let cells: Vec<(Place, &str)> = doc.paras[1..]
            .iter()
            .map(|p| (p.place, p.text.as_str()))
            .collect();
        let cell = |row, cell| Place::Cell {
            table: 1,
            row,
            cell,
        };
        assert_eq!(
            cells,
            [
                (cell(1, 1), "甲"),
                (cell(1, 2), "乙"),
                (cell(1, 2), "内"),
                (cell(2, 1), "丙")
            ]
        );
    }
}
