//! Tests of whole exports, read back from the real packages.

use std::io::{Cursor, Read};

use nianbao_report::{Block, DocDate, Heading, Imprint, Paragraph, Part, Report, synthetic};
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::{ExportError, build, layout, read_paragraphs, schema_order, to_docx, to_docx_with};

/// An element of a part, parsed for inspection.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

impl Node {
    fn parse(xml: &str) -> Node {
        let mut reader = Reader::from_str(xml);
        let mut stack = vec![Node::default()];
        loop {
            match reader.read_event().unwrap() {
                Event::Start(t) => stack.push(Node::from_tag(&t)),
                Event::Empty(t) => stack.last_mut().unwrap().children.push(Node::from_tag(&t)),
                Event::End(_) => {
                    let done = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(done);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        stack.pop().unwrap().children.pop().unwrap()
    }

    fn from_tag(t: &quick_xml::events::BytesStart<'_>) -> Node {
        Node {
            name: String::from_utf8(t.name().as_ref().to_vec()).unwrap(),
            attrs: t
                .attributes()
                .map(|a| {
                    let a = a.unwrap();
                    (
                        String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    )
                })
                .collect(),
            children: Vec::new(),
        }
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every descendant (and self) named `name`, in document order.
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.all(name, out);
        }
    }

    fn find_all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }

    /// `a/b/c` below this node.
    fn path(&self, path: &str) -> Option<&Node> {
        path.split('/').try_fold(self, |n, step| n.child(step))
    }
}

fn zip_entries(docx: &[u8]) -> zip::ZipArchive<Cursor<&[u8]>> {
    zip::ZipArchive::new(Cursor::new(docx)).unwrap()
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip_entries(docx);
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn has_part(docx: &[u8], name: &str) -> bool {
    zip_entries(docx).by_name(name).is_ok()
}

/// Per run of a paragraph: its East Asian font and whether it is bold.
fn runs(p: &Node) -> Vec<(String, bool)> {
    p.find_all("w:r")
        .into_iter()
        .map(|r| {
            let rpr = r.child("w:rPr");
            let font = rpr
                .and_then(|x| x.child("w:rFonts"))
                .and_then(|f| f.attr("w:eastAsia"))
                .unwrap_or("")
                .to_string();
            let bold = rpr.is_some_and(|x| x.child("w:b").is_some());
            (font, bold)
        })
        .collect()
}

fn body_paragraphs(docx: &[u8]) -> (Node, Vec<String>) {
    let doc = Node::parse(&part(docx, "word/document.xml"));
    (doc, read_paragraphs(docx).unwrap())
}

/// A report exercising every element: recipient, preface, all four levels, run-in bodies.
fn sample() -> Report {
    let mut r = Report::from_template(
        nianbao_report::template::default_template(),
        "某镇人民政府",
        2023,
    );
    r.meta.recipient = Some("区委、区政府".into());
    r.meta.date = Some(DocDate::new(2024, 3, 28).unwrap());
    r.preface.push(Paragraph::new("2023年，我镇坚持依法行政。"));
    r.preface.push(Paragraph::new("现将有关情况报告如下："));
    let mut l4 = Heading::new("建立台账。");
    l4.body = "逐项销号。".into();
    let mut l3 = Heading::new("积极走访企业，稳企解困。");
    l3.body = "以重点企业联络员制度为抓手。".into();
    l3.children.push(Block::Heading(l4));
    let mut l2 = Heading::new("加快推进政府职能转变");
    l2.children
        .push(Block::Paragraph(Paragraph::new("加大放管服改革力度。")));
    l2.children.push(Block::Heading(l3));
    r.parts[0].body = "全年工作稳步推进。".into();
    r.parts[0].blocks = vec![
        Block::Heading(Heading::new("强化组织领导")),
        Block::Heading(l2),
    ];
    r.parts[1]
        .blocks
        .push(Block::Paragraph(Paragraph::new("一是学习不够深入。")));
    r.parts[4]
        .blocks
        .push(Block::Paragraph(Paragraph::new("无其他需要报告的情况。")));
    r
}

fn with_extras(mut r: Report) -> Report {
    r.meta.attachments = vec!["执法数据统计表".into(), "重点任务完成情况".into()];
    r.meta.imprint = Some(Imprint {
        cc: Some("区委依法治区办，区司法局".into()),
        printer: "某镇人民政府办公室".into(),
        date: DocDate::new(2024, 3, 29).unwrap(),
    });
    r
}

#[test]
fn paragraphs_read_back_in_order_character_for_character() {
    let docx = to_docx(&sample()).unwrap();
    assert!(docx.warnings.is_empty(), "{:?}", docx.warnings);
    let paragraphs = read_paragraphs(&docx.bytes).unwrap();
    let expected = [
        "某镇人民政府2023年法治政府建设年度情况报告",
        "",
        "区委、区政府：",
        "2023年，我镇坚持依法行政。",
        "现将有关情况报告如下：",
        "一、推进法治政府建设的主要举措和成效全年工作稳步推进。",
        "（一）强化组织领导",
        "（二）加快推进政府职能转变",
        "加大放管服改革力度。",
        "1.积极走访企业，稳企解困。以重点企业联络员制度为抓手。",
        "（1）建立台账。逐项销号。",
        "二、推进法治政府建设存在的不足和原因",
        "一是学习不够深入。",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、2024年度推进法治政府建设的主要安排",
        "五、其他需要报告的情况",
        "无其他需要报告的情况。",
        "",
        "某镇人民政府",
        "2024年3月28日",
    ];
    assert_eq!(paragraphs, expected);
}

#[test]
fn figure_placeholders_print_as_their_values() {
    let mut r = sample();
    let key = r.figures[2].key.clone();
    r.figures[2].value = Some("1".into());
    r.figures[2].last_value = Some("4".into());
    r.parts[1].blocks = vec![Block::Paragraph(Paragraph::new(format!(
        "败诉{{{{数据：{key}}}}}，比去年{{{{数据：{key}|变化}}}}，开展普法{{{{数据：legal_education_events}}}}。"
    )))];
    let paragraphs = read_paragraphs(&to_docx(&r).unwrap().bytes).unwrap();
    assert!(
        paragraphs
            .contains(&"败诉1件，比去年降低75%，开展普法〔待填：普法活动次数〕。".to_string()),
        "{paragraphs:?}"
    );
    assert!(!paragraphs.iter().any(|p| p.contains("{{")));
    r.figures[2].value = Some("2".into());
    let again = read_paragraphs(&to_docx(&r).unwrap().bytes).unwrap();
    assert!(
        again
            .iter()
            .any(|p| p.starts_with("败诉2件，比去年降低50%"))
    );
}

#[test]
fn run_in_headings_share_the_paragraph_with_the_body_in_fangsong() {
    let docx = to_docx(&sample()).unwrap().bytes;
    let (doc, texts) = body_paragraphs(&docx);
    let ps = doc.find_all("w:p");
    let at = |prefix: &str| {
        let i = texts.iter().position(|t| t.starts_with(prefix)).unwrap();
        runs(ps[i])
    };
    let fs = layout::FONT_BODY.to_string();
    assert_eq!(
        at("一、"),
        [(layout::FONT_LEVEL1.into(), false), (fs.clone(), false)]
    );
    assert_eq!(at("（一）"), [(layout::FONT_LEVEL2.to_string(), false)]);
    assert_eq!(at("1."), [(fs.clone(), true), (fs.clone(), false)]);
    assert_eq!(at("（1）"), [(fs.clone(), false), (fs.clone(), false)]);
    assert_eq!(at("加大"), [(fs.clone(), false)]);
    let outline = |prefix: &str| {
        let i = texts.iter().position(|t| t.starts_with(prefix)).unwrap();
        ps[i]
            .path("w:pPr/w:outlineLvl")
            .and_then(|o| o.attr("w:val"))
            .map(str::to_string)
    };
    assert_eq!(outline("一、").as_deref(), Some("0"));
    assert_eq!(outline("（一）").as_deref(), Some("1"));
    assert_eq!(outline("1.").as_deref(), Some("2"));
    assert_eq!(outline("（1）").as_deref(), Some("3"));
    assert_eq!(outline("加大"), None);
    let title = runs(ps[0]);
    assert_eq!(title[0].0, layout::FONT_TITLE);
}

#[test]
fn level3_bold_follows_the_template_flag() {
    let report = sample();
    let bold_of = |level3_bold| {
        let docx = to_docx_with(&report, build::Options { level3_bold })
            .unwrap()
            .bytes;
        let (doc, texts) = body_paragraphs(&docx);
        let i = texts.iter().position(|t| t.starts_with("1.")).unwrap();
        runs(doc.find_all("w:p")[i])
            .into_iter()
            .map(|r| r.1)
            .collect::<Vec<_>>()
    };
    assert_eq!(bold_of(true), [true, false]);
    assert_eq!(bold_of(false), [false, false]);
    assert!(report.template().level3_bold);
}

#[test]
fn characters_xml_cannot_hold_are_dropped_with_a_warning() {
    let mut r = sample();
    r.parts[1].blocks.push(Block::Paragraph(Paragraph::new(
        "含\u{1}控制\u{b}字符\u{FFFE}。",
    )));
    r.meta.title = Some("标题\u{7}".into());
    let out = to_docx(&r).unwrap();
    assert_eq!(
        out.warnings,
        [
            "dropped 1 character that Word cannot store in the title",
            "dropped 3 characters that Word cannot store in part 二"
        ]
    );
    let paragraphs = read_paragraphs(&out.bytes).unwrap();
    assert_eq!(paragraphs[0], "标题");
    assert!(paragraphs.contains(&"含控制字符。".to_string()));
}

#[test]
fn title_lines_markup_line_breaks_and_tabs_survive() {
    let mut r = sample();
    r.meta.title = Some("某镇人民政府\n2023年法治政府建设年度情况报告".into());
    r.parts[1].blocks.push(Block::Paragraph(Paragraph::new(
        "A&B <c> \"d\"\t'e'\n第二行",
    )));
    let out = to_docx(&r).unwrap();
    let paragraphs = read_paragraphs(&out.bytes).unwrap();
    // The title: one centred paragraph per line.
    assert_eq!(
        paragraphs[..3],
        ["某镇人民政府", "2023年法治政府建设年度情况报告", ""]
    );
    // In the body a typed line break stays a line break inside its paragraph.
    assert!(paragraphs.contains(&"A&B <c> \"d\"\t'e'\n第二行".to_string()));
}

#[test]
fn package_is_deflated_without_directories_numbering_or_unused_parts() {
    let docx = to_docx(&with_extras(sample())).unwrap().bytes;
    let mut zip = zip_entries(&docx);
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        assert!(!f.is_dir(), "directory entry {}", f.name());
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            f.name()
        );
    }
    drop(zip);
    for gone in [
        "word/numbering.xml",
        "word/comments.xml",
        "word/commentsExtended.xml",
        "word/footnotes.xml",
        "docProps/custom.xml",
        "word/_rels/header1.xml.rels",
        "word/_rels/footer3.xml.rels",
    ] {
        assert!(!has_part(&docx, gone), "{gone} is still there");
    }
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(
        !rels.contains("numbering") && !rels.contains("comments"),
        "{rels}"
    );
    assert!(rels.contains("theme/theme1.xml"), "{rels}");
    let types = part(&docx, "[Content_Types].xml");
    assert!(
        !types.contains("numbering") && !types.contains("header"),
        "{types}"
    );
    assert!(has_part(&docx, "word/theme/theme1.xml"));
    assert!(!part(&docx, "word/document.xml").contains("w:numPr"));
}

#[test]
fn every_ordered_element_is_in_schema_order() {
    let docx = to_docx(&with_extras(synthetic::report(3))).unwrap().bytes;
    let mut zip = zip_entries(&docx);
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    for name in names.iter().filter(|n| n.ends_with(".xml")) {
        let mut xml = Vec::new();
        zip.by_name(name).unwrap().read_to_end(&mut xml).unwrap();
        assert_eq!(
            schema_order::violations(&xml).unwrap(),
            Vec::<String>::new(),
            "{name}"
        );
    }
    // Only a paragraph's own properties hold run properties.
    let styles = Node::parse(&part(&docx, "word/styles.xml"));
    for ppr in styles.find_all("w:pPr") {
        assert!(ppr.child("w:rPr").is_none());
    }
}

#[test]
fn page_setup_grid_and_footers() {
    let docx = to_docx(&sample()).unwrap().bytes;
    let doc = Node::parse(&part(&docx, "word/document.xml"));
    let sect = doc.path("w:body/w:sectPr").unwrap();
    let size = sect.child("w:pgSz").unwrap();
    assert_eq!(
        (size.attr("w:w"), size.attr("w:h")),
        (Some("11906"), Some("16838"))
    );
    let mar = sect.child("w:pgMar").unwrap();
    for (k, v) in [
        ("w:top", "2098"),
        ("w:bottom", "1984"),
        ("w:left", "1587"),
        ("w:right", "1474"),
        ("w:footer", "1434"),
    ] {
        assert_eq!(mar.attr(k), Some(v), "{k}");
    }
    let grid = sect.child("w:docGrid").unwrap();
    assert_eq!(grid.attr("w:type"), Some("lines"));
    assert_eq!(grid.attr("w:linePitch"), Some("579"));
    assert_eq!(grid.attr("w:charSpace"), None);

    let settings = Node::parse(&part(&docx, "word/settings.xml"));
    assert!(settings.child("w:evenAndOddHeaders").is_some());

    let refs: Vec<(&str, &str)> = sect
        .find_all("w:footerReference")
        .iter()
        .map(|r| (r.attr("w:type").unwrap(), r.attr("r:id").unwrap()))
        .collect();
    assert_eq!(refs.len(), 2);
    let rels = Node::parse(&part(&docx, "word/_rels/document.xml.rels"));
    for (kind, id) in refs {
        let target = rels
            .find_all("Relationship")
            .into_iter()
            .find(|r| r.attr("Id") == Some(id))
            .and_then(|r| r.attr("Target"))
            .unwrap();
        let xml = part(&docx, &format!("word/{target}"));
        assert!(xml.contains("<w:instrText"), "{kind}: {xml}");
        assert!(xml.contains("PAGE"), "{kind}");
        let footer = Node::parse(&xml);
        let p = footer.child("w:p").unwrap();
        let ppr = p.child("w:pPr").unwrap();
        let ind = ppr.child("w:ind").unwrap();
        let jc = ppr.child("w:jc").unwrap().attr("w:val");
        if kind == "even" {
            assert_eq!(jc, Some("left"));
            assert_eq!(ind.attr("w:left"), Some("280"));
        } else {
            assert_eq!(kind, "default");
            assert_eq!(jc, Some("right"));
            assert_eq!(ind.attr("w:right"), Some("280"));
        }
        for r in footer.find_all("w:r") {
            let f = r.path("w:rPr/w:rFonts").unwrap();
            assert_eq!(f.attr("w:eastAsia"), Some(layout::FONT_PAGE_NUMBER));
            assert_eq!(f.attr("w:ascii"), Some(layout::FONT_PAGE_NUMBER));
            assert_eq!(r.path("w:rPr/w:sz").unwrap().attr("w:val"), Some("28"));
        }
        assert!(xml.contains("— ") && xml.contains(" —"), "{xml}");
    }
}

#[test]
fn body_paragraphs_sit_on_the_grid() {
    let docx = to_docx(&sample()).unwrap().bytes;
    let (doc, texts) = body_paragraphs(&docx);
    let ps = doc.find_all("w:p");
    for (p, text) in ps.iter().zip(&texts) {
        let ppr = p.child("w:pPr").unwrap();
        let spacing = ppr.child("w:spacing").unwrap();
        assert_eq!(spacing.attr("w:line"), Some("579"), "{text}");
        assert_eq!(spacing.attr("w:lineRule"), Some("exact"), "{text}");
        assert_eq!(
            ppr.child("w:widowControl").unwrap().attr("w:val"),
            Some("0"),
            "{text}"
        );
    }
    // Preface, headings and body: justified, 2 characters in.
    for prefix in ["2023年，", "一、", "（一）", "1.", "（1）", "加大"] {
        let i = texts.iter().position(|t| t.starts_with(prefix)).unwrap();
        let ppr = ps[i].child("w:pPr").unwrap();
        assert_eq!(ppr.child("w:jc").unwrap().attr("w:val"), Some("both"));
        let ind = ppr.child("w:ind").unwrap();
        assert_eq!(ind.attr("w:firstLine"), Some("640"), "{prefix}");
        assert_eq!(ind.attr("w:firstLineChars"), Some("200"), "{prefix}");
        for r in ps[i].find_all("w:r") {
            let rpr = r.child("w:rPr").unwrap();
            assert_eq!(rpr.child("w:sz").unwrap().attr("w:val"), Some("32"));
            assert_eq!(rpr.child("w:spacing").unwrap().attr("w:val"), Some("-5"));
            let fonts = rpr.child("w:rFonts").unwrap();
            assert_eq!(fonts.attr("w:ascii"), Some(layout::FONT_LATIN));
            assert_eq!(fonts.attr("w:hAnsi"), Some(layout::FONT_LATIN));
        }
    }
    // The recipient is flush left; the title centred, 22 pt, off the grid.
    let recipient = ps[2].child("w:pPr").unwrap();
    assert_eq!(recipient.child("w:jc").unwrap().attr("w:val"), Some("left"));
    assert!(
        recipient
            .child("w:ind")
            .is_none_or(|i| i.attr("w:firstLine").is_none())
    );
    let title = ps[0].child("w:pPr").unwrap();
    assert_eq!(title.child("w:jc").unwrap().attr("w:val"), Some("center"));
    assert_eq!(
        title.child("w:snapToGrid").unwrap().attr("w:val"),
        Some("false")
    );
    assert_eq!(
        ps[0].path("w:r/w:rPr/w:sz").unwrap().attr("w:val"),
        Some("44")
    );
}

#[test]
fn normal_style_is_fangsong_16pt_and_defined_once() {
    let docx = to_docx(&sample()).unwrap().bytes;
    let styles = Node::parse(&part(&docx, "word/styles.xml"));
    let normal: Vec<&Node> = styles
        .find_all("w:style")
        .into_iter()
        .filter(|s| s.attr("w:styleId") == Some("Normal"))
        .collect();
    assert_eq!(normal.len(), 1);
    assert_eq!(normal[0].attr("w:default"), Some("1"));
    assert_eq!(normal[0].attr("w:type"), Some("paragraph"));
    let rpr = normal[0].child("w:rPr").unwrap();
    assert_eq!(
        rpr.child("w:rFonts").unwrap().attr("w:eastAsia"),
        Some(layout::FONT_BODY)
    );
    assert_eq!(rpr.child("w:sz").unwrap().attr("w:val"), Some("32"));
    let defaults = styles.path("w:docDefaults/w:rPrDefault/w:rPr").unwrap();
    assert_eq!(defaults.child("w:sz").unwrap().attr("w:val"), Some("32"));
    let paragraph = styles.path("w:docDefaults/w:pPrDefault/w:pPr").unwrap();
    for spacing in ["w:autoSpaceDE", "w:autoSpaceDN"] {
        assert_eq!(paragraph.child(spacing).unwrap().attr("w:val"), Some("0"));
    }
}

/// Right indents of the paragraphs whose text is `text`.
fn right_indent(docx: &[u8], text: &str) -> (Option<String>, i32) {
    let (doc, texts) = body_paragraphs(docx);
    let i = texts.iter().position(|t| t == text).unwrap();
    let ppr = doc.find_all("w:p")[i].child("w:pPr").unwrap();
    let jc = ppr
        .child("w:jc")
        .and_then(|j| j.attr("w:val"))
        .map(str::to_string);
    let right = ppr
        .child("w:ind")
        .and_then(|i| i.attr("w:right"))
        .unwrap()
        .parse()
        .unwrap();
    (jc, right)
}

#[test]
fn sign_off_indents_unsealed_and_sealed() {
    let c = layout::CELL;
    let mut r = sample();
    let docx = to_docx(&r).unwrap().bytes;
    // 署名 6 cells, date 6.5 cells: date 右空二字, 署名 2 cells to its left.
    assert_eq!(
        right_indent(&docx, "某镇人民政府"),
        (Some("right".into()), 9 * c / 2)
    );
    assert_eq!(
        right_indent(&docx, "2024年3月28日"),
        (Some("right".into()), 2 * c)
    );
    r.meta.sealed = true;
    let docx = to_docx(&r).unwrap().bytes;
    assert_eq!(right_indent(&docx, "2024年3月28日").1, 4 * c);
    assert_eq!(right_indent(&docx, "某镇人民政府").1, 4 * c + c / 4);

    r.meta.date = None;
    let paragraphs = read_paragraphs(&to_docx(&r).unwrap().bytes).unwrap();
    assert_eq!(paragraphs.last().map(String::as_str), Some("某镇人民政府"));
}

#[test]
fn attachment_note_and_imprint() {
    let report = with_extras(sample());
    let docx = to_docx(&report).unwrap().bytes;
    let (doc, texts) = body_paragraphs(&docx);
    let date = texts.iter().position(|t| t == "2024年3月28日").unwrap();
    let n = texts.len();
    assert_eq!(
        texts[date - 6..date + 1],
        [
            "无其他需要报告的情况。",
            "",
            "附件：1.执法数据统计表",
            "2.重点任务完成情况",
            "",
            "某镇人民政府",
            "2024年3月28日",
        ]
    );
    assert_eq!(
        texts[n - 3..],
        [
            "",
            "抄送：区委依法治区办，区司法局。",
            "某镇人民政府办公室\t2024年3月29日印发",
        ]
    );
    // 7.4: between the date and the rule carrier, empty lines as high as the space the engine
    // leaves above the 版记 at the foot of the page.
    let ps = doc.find_all("w:p");
    let place = nianbao_layout::imprint_place(&report).unwrap();
    assert!(!place.new_page && place.space >= layout::LINE_PITCH);
    let spacers = &ps[date + 1..n - 3];
    assert!(spacers.iter().all(|p| p.child("w:r").is_none()));
    assert_eq!(spacer_heights(spacers), place.space);
    assert_eq!(
        spacers.len() as i32,
        place.space / layout::LINE_PITCH + i32::from(place.space % layout::LINE_PITCH > 0)
    );
    assert!(
        spacers
            .iter()
            .all(|p| p.path("w:pPr/w:pageBreakBefore").is_none())
    );
    // The 版记 never splits across pages: the carrier and the 抄送 line keep with the next.
    for p in &ps[n - 3..n - 1] {
        assert!(p.path("w:pPr/w:keepNext").is_some());
    }
    assert!(ps[n - 2].path("w:pPr/w:keepLines").is_some());
    assert!(ps[date].path("w:pPr/w:keepNext").is_none());
    let ind = |i: usize, k: &str| -> i32 {
        ps[i]
            .path("w:pPr/w:ind")
            .and_then(|x| x.attr(k))
            .unwrap_or("0")
            .parse()
            .unwrap()
    };
    // 附件：1. starts 2 cells in; "2." starts under "1." (5 cells).
    let c = layout::CELL;
    assert_eq!(ind(date - 4, "w:left") - ind(date - 4, "w:hanging"), 2 * c);
    assert_eq!(ind(date - 3, "w:left") - ind(date - 3, "w:hanging"), 5 * c);
    // 4号 imprint lines between full-width rules.
    let border = |i: usize, side: &str| {
        ps[i]
            .path(&format!("w:pPr/w:pBdr/{side}"))
            .and_then(|b| b.attr("w:sz"))
            .map(str::to_string)
    };
    assert_eq!(border(n - 3, "w:bottom").as_deref(), Some("8"));
    assert_eq!(border(n - 1, "w:top").as_deref(), Some("6"));
    assert_eq!(border(n - 1, "w:bottom").as_deref(), Some("8"));
    assert_eq!((ind(n - 1, "w:left"), ind(n - 1, "w:right")), (0, 0));
    assert_eq!(
        ps[n - 2].path("w:r/w:rPr/w:sz").unwrap().attr("w:val"),
        Some("28")
    );
    let tab = ps[n - 1].path("w:pPr/w:tabs/w:tab").unwrap();
    assert_eq!(tab.attr("w:val"), Some("right"));
    assert_eq!(tab.attr("w:pos"), Some("8565"));

    // Without 抄送 the 印发 line carries both thick rules.
    let mut r = with_extras(sample());
    if let Some(i) = r.meta.imprint.as_mut() {
        i.cc = None;
    }
    let docx = to_docx(&r).unwrap().bytes;
    let doc = Node::parse(&part(&docx, "word/document.xml"));
    let last = *doc.find_all("w:p").last().unwrap();
    assert_eq!(
        last.path("w:pPr/w:pBdr/w:top").unwrap().attr("w:sz"),
        Some("8")
    );
}

/// The exact line heights of empty paragraphs, summed (twips).
fn spacer_heights(spacers: &[&Node]) -> i32 {
    spacers
        .iter()
        .map(|p| {
            let spacing = p.path("w:pPr/w:spacing").unwrap();
            assert_eq!(spacing.attr("w:lineRule"), Some("exact"));
            spacing.attr("w:line").unwrap().parse::<i32>().unwrap()
        })
        .sum()
}

#[test]
fn an_imprint_without_room_opens_the_next_page_at_its_foot() {
    // Grow the report a paragraph at a time until the engine sends the 版记 to a page of its own.
    let mut report = with_extras(sample());
    let place = loop {
        let place = nianbao_layout::imprint_place(&report).unwrap();
        if place.new_page {
            break place;
        }
        report.parts[4]
            .blocks
            .push(Block::Paragraph(Paragraph::new("无其他需要报告的情况。")));
    };
    assert_eq!(
        place.space,
        nianbao_layout::geometry::IMPRINT_BOTTOM - place.height
    );
    let docx = to_docx(&report).unwrap().bytes;
    let (doc, texts) = body_paragraphs(&docx);
    let ps = doc.find_all("w:p");
    let date = texts.iter().rposition(|t| t == "2024年3月28日").unwrap();
    let carrier = ps.len() - 3;
    // The first empty line breaks the page; all of them fill it down to the 版记.
    assert!(ps[date + 1].path("w:pPr/w:pageBreakBefore").is_some());
    assert!(
        ps[date + 2..]
            .iter()
            .all(|p| p.path("w:pPr/w:pageBreakBefore").is_none())
    );
    assert_eq!(spacer_heights(&ps[date + 1..carrier]), place.space);
}

#[test]
fn one_attachment_has_no_number() {
    let mut r = sample();
    r.meta.attachments = vec!["执法数据统计表".into()];
    let paragraphs = read_paragraphs(&to_docx(&r).unwrap().bytes).unwrap();
    assert!(paragraphs.contains(&"附件：执法数据统计表".to_string()));
}

#[test]
fn invalid_structure_is_refused() {
    let mut r = sample();
    r.meta.issuer = " ".into();
    let e = to_docx(&r).unwrap_err();
    assert!(matches!(e, ExportError::Structure(_)));
    assert_eq!(
        e.to_string(),
        "the report cannot be exported: the issuer (机关全称) is empty"
    );
}

#[test]
fn exports_are_deterministic() {
    let r = with_extras(sample());
    assert_eq!(to_docx(&r).unwrap().bytes, to_docx(&r).unwrap().bytes);
}

#[test]
fn eighty_pages_stay_under_80_kb() {
    let out = to_docx(&synthetic::report(80)).unwrap();
    assert!(out.bytes.len() < 80 * 1024, "{} bytes", out.bytes.len());
}

#[test]
fn an_extra_part_and_empty_parts_export() {
    let mut r = sample();
    r.parts.push(Part::new("其他事项"));
    r.parts[2].heading.clear();
    let paragraphs = read_paragraphs(&to_docx(&r).unwrap().bytes).unwrap();
    assert!(paragraphs.contains(&"六、其他事项".to_string()));
    assert!(paragraphs.contains(&"三、".to_string()));
}

mod write {
    use std::fs;

    use super::*;
    use crate::write_docx;

    #[test]
    fn writes_and_replaces_only_on_success() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("报告.docx");
        fs::write(&path, b"old").unwrap();
        let mut bad = sample();
        bad.meta.year = 1;
        assert!(write_docx(&bad, &path).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");

        let warnings = write_docx(&sample(), &path).unwrap();
        assert!(warnings.is_empty());
        let bytes = fs::read(&path).unwrap();
        assert_eq!(read_paragraphs(&bytes).unwrap()[2], "区委、区政府：");
        // No temporary file is left beside it.
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_missing_directory_fails_clearly_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/dir/报告.docx");
        let e = write_docx(&sample(), &path).unwrap_err();
        assert!(matches!(e, ExportError::Io { .. }));
        let msg = e.to_string();
        assert!(
            msg.starts_with(&format!("cannot write {}: ", path.display())),
            "{msg}"
        );
        assert!(!path.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// Root ignores directory permissions, so as root the check runs in a copy of this test
    /// binary started as `nobody` (setpriv, util-linux); elsewhere it runs in process.
    #[test]
    fn a_read_only_directory_fails_and_keeps_the_old_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("报告.docx");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        let as_root = fs::write(dir.path().join("probe"), b"").is_ok();
        if as_root {
            let _ = fs::remove_file(dir.path().join("probe"));
            let status = std::process::Command::new("setpriv")
                .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
                .arg(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "tests::write_into_read_only_directory",
                    "--nocapture",
                    "--include-ignored",
                ])
                .env("NIANBAO_READ_ONLY_DIR", dir.path())
                .status()
                .expect("setpriv (util-linux) runs the check as nobody");
            // nobody must be able to reach the temp dir to find it read-only.
            assert!(status.success(), "the unprivileged check failed");
        } else {
            check_read_only_directory(dir.path());
        }
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Run by the test above in a child process as `nobody`; ignored on its own.
    #[test]
    #[ignore = "runs only as the unprivileged child of a_read_only_directory_fails_and_keeps_the_old_file"]
    fn write_into_read_only_directory() {
        let dir = std::env::var_os("NIANBAO_READ_ONLY_DIR").expect("started by the parent test");
        check_read_only_directory(std::path::Path::new(&dir));
    }

    fn check_read_only_directory(dir: &std::path::Path) {
        let path = dir.join("报告.docx");
        let e = write_docx(&sample(), &path).unwrap_err();
        assert!(matches!(e, ExportError::Io { .. }), "{e}");
        assert!(e.to_string().contains("ermission denied"), "{e}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir).unwrap().count(), 1);
    }

    #[test]
    fn a_directory_as_target_fails_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("报告.docx");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("keep"), b"x").unwrap();
        let e = write_docx(&sample(), &target).unwrap_err();
        assert!(matches!(e, ExportError::Io { .. }), "{e}");
        assert!(target.join("keep").exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

#[test]
fn export_prints_what_the_model_says_it_prints() {
    for report in [sample(), synthetic::report(5), {
        let mut r = sample();
        r.meta.title = Some("某镇人民政府\n2023年法治政府建设年度情况报告".into());
        r.meta.sealed = true;
        r
    }] {
        let printed: Vec<String> = read_paragraphs(&to_docx(&report).unwrap().bytes)
            .unwrap()
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(printed, report.printed_paragraphs());
    }
}

#[test]
fn blank_placeholders_and_fields_are_not_printed() {
    let mut r = Report::from_template(
        nianbao_report::template::default_template(),
        "某镇人民政府",
        2023,
    );
    r.meta.recipient = Some("  ".into());
    r.preface.push(Paragraph::new(" \t"));
    let paragraphs = read_paragraphs(&to_docx(&r).unwrap().bytes).unwrap();
    assert_eq!(
        paragraphs,
        [
            "某镇人民政府2023年法治政府建设年度情况报告",
            "",
            "一、推进法治政府建设的主要举措和成效",
            "二、推进法治政府建设存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "四、2024年度推进法治政府建设的主要安排",
            "五、其他需要报告的情况",
            "",
            "某镇人民政府",
        ]
    );
}
