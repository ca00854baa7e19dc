//! `word/styles.xml`: what a paragraph's style and a run's style say, resolved along their
//! `basedOn` chains and the document defaults, reduced to what recognition looks at (numbering,
//! outline level, centring, bold, East Asian font, size, colour).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::xml::{self, Xml};
use crate::error::{ImportError, Input};

/// Longest `basedOn` chain followed (Word allows few; a loop stops here).
const MAX_CHAIN: usize = 16;

/// Run formatting that recognition looks at; `None` means inherited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RunProps {
    pub bold: Option<bool>,
    /// East Asian font family, normalised by [`family`].
    pub font: Option<String>,
    /// Size in half-points.
    pub size: Option<u16>,
    /// Whether the colour is a red.
    pub red: Option<bool>,
    /// Hidden text (`w:vanish`).
    pub hidden: Option<bool>,
    /// The run's character style (direct formatting only).
    pub style: Option<String>,
}

impl RunProps {
    /// Fills what is still inherited from `from`.
    pub(crate) fn inherit(&mut self, from: &RunProps) {
        if self.bold.is_none() {
            self.bold = from.bold;
        }
        if self.font.is_none() {
            self.font.clone_from(&from.font);
        }
        if self.size.is_none() {
            self.size = from.size;
        }
        if self.red.is_none() {
            self.red = from.red;
        }
        if self.hidden.is_none() {
            self.hidden = from.hidden;
        }
    }

    /// Applies one child element of a `w:rPr`.
    pub(crate) fn apply(&mut self, e: &BytesStart<'_>) {
        match e.local_name().as_ref() {
            b"b" => self.bold = Some(xml::toggle(e)),
            b"vanish" => self.hidden = Some(xml::toggle(e)),
            b"sz" => self.size = xml::number(e),
            b"color" => {
                self.red = xml::val(e).map(|v| is_red(&v));
            }
            b"rFonts" => {
                if let Some(f) =
                    xml::attr(e, b"eastAsia").or_else(|| xml::attr(e, b"eastAsiaTheme"))
                {
                    self.font = Some(family(&f));
                }
            }
            b"rStyle" => self.style = xml::val(e).map(|v| v.into_owned()),
            _ => {}
        }
    }
}

/// A paragraph's numbering reference: `w:numId` and `w:ilvl` (either may be absent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct NumRef {
    pub num_id: Option<u32>,
    pub ilvl: Option<u8>,
}

/// Paragraph formatting that recognition looks at; `None` means inherited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ParaProps {
    pub num: Option<NumRef>,
    /// `w:outlineLvl`, 0-based (9 is body text).
    pub outline: Option<u8>,
    pub centred: Option<bool>,
    /// A paragraph border in red (the 版头's separator line).
    pub red_rule: Option<bool>,
}

impl ParaProps {
    /// Fills what is still inherited from `from`.
    pub(crate) fn inherit(&mut self, from: &ParaProps) {
        match (&mut self.num, from.num) {
            (None, n) => self.num = n,
            (Some(mine), Some(theirs)) => {
                if mine.num_id.is_none() {
                    mine.num_id = theirs.num_id;
                }
                if mine.ilvl.is_none() {
                    mine.ilvl = theirs.ilvl;
                }
            }
            (Some(_), None) => {}
        }
        if self.outline.is_none() {
            self.outline = from.outline;
        }
        if self.centred.is_none() {
            self.centred = from.centred;
        }
        if self.red_rule.is_none() {
            self.red_rule = from.red_rule;
        }
    }

    /// Applies one element inside a `w:pPr` (numbering, outline level, alignment, borders).
    pub(crate) fn apply(&mut self, e: &BytesStart<'_>) {
        match e.local_name().as_ref() {
            b"numId" => self.num.get_or_insert_default().num_id = xml::number(e),
            b"ilvl" => self.num.get_or_insert_default().ilvl = xml::number(e),
            b"outlineLvl" => self.outline = xml::number(e),
            b"jc" => {
                self.centred = xml::val(e).map(|v| v == "center");
            }
            b"top" | b"bottom" => {
                let red = xml::attr(e, b"color").is_some_and(|c| is_red(&c));
                let drawn = !matches!(xml::val(e).as_deref(), Some("nil" | "none"));
                if red && drawn {
                    self.red_rule = Some(true);
                }
            }
            _ => {}
        }
    }
}

/// Whether a `w:color` value (`FF0000`, `auto`) is a red.
pub(crate) fn is_red(hex: &str) -> bool {
    let h = hex.trim();
    if h.len() != 6 {
        return false;
    }
    let channel = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    match (channel(0), channel(2), channel(4)) {
        (Some(r), Some(g), Some(b)) => r >= 0xC0 && g <= 0x60 && b <= 0x60,
        _ => false,
    }
}

/// The family of an East Asian font name, so that `仿宋_GB2312`, `仿宋` and `FangSong` compare
/// equal.
pub(crate) fn family(name: &str) -> String {
    let n = name.trim();
    let lower = n.to_ascii_lowercase();
    let f = if n.contains("仿宋") || lower.contains("fangsong") {
        "仿宋"
    } else if n.contains('楷') || lower.contains("kaiti") {
        "楷体"
    } else if n.contains("小标宋") || lower.contains("xiaobiaosong") {
        "小标宋"
    } else if n.contains('黑') || lower.contains("simhei") || lower.contains("heiti") {
        "黑体"
    } else if n.contains('宋') || lower.contains("simsun") || lower.contains("songti") {
        "宋体"
    } else {
        n
    };
    f.to_string()
}

/// What a paragraph style comes to once its chain is followed.
#[derive(Debug, Clone, Default)]
pub(crate) struct ParaStyle {
    pub para: ParaProps,
    pub run: RunProps,
    /// 1–4 for a heading style by name (`heading 2`, `标题 2`).
    pub heading: Option<u8>,
}

#[derive(Debug, Default)]
struct Style {
    character: bool,
    based_on: Option<String>,
    heading: Option<u8>,
    para: ParaProps,
    run: RunProps,
}

/// The styles of a document, resolved.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    /// Paragraph styles by id, chain and defaults applied.
    paragraph: HashMap<String, ParaStyle>,
    /// Character styles by id, chain applied.
    character: HashMap<String, RunProps>,
    /// What a paragraph without a style gets: the default paragraph style and the defaults.
    default: ParaStyle,
}

impl Styles {
    /// Reads `styles.xml` (its text).
    pub(crate) fn parse(text: &str, part: &str, input: &Input) -> Result<Styles, ImportError> {
        let mut x = Xml::new(text, part, input);
        let mut raw: HashMap<String, Style> = HashMap::new();
        let mut default_id: Option<String> = None;
        let mut defaults_run = RunProps::default();
        let mut defaults_para = ParaProps::default();
        let mut current: Option<(String, Style)> = None;
        // Where property elements go: 0 none, 1 pPr, 2 rPr.
        let mut target = 0u8;
        let mut in_defaults = false;
        let mut depth_skip = 0usize;
        loop {
            let event = x.next()?;
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        _ if depth_skip > 0 => depth_skip -= 1,
                        b"style" => {
                            if let Some((id, style)) = current.take() {
                                raw.insert(id, style);
                            }
                        }
                        b"pPr" | b"rPr" => target = 0,
                        b"docDefaults" => in_defaults = false,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            if depth_skip > 0 {
                if !empty {
                    depth_skip += 1;
                }
                continue;
            }
            match e.local_name().as_ref() {
                b"latentStyles" | b"tblPr" | b"tcPr" | b"trPr" | b"tblStylePr" if !empty => {
                    depth_skip = 1;
                }
                b"docDefaults" => in_defaults = !empty,
                b"style" => {
                    let id = xml::attr(e, b"styleId").map(|s| s.into_owned());
                    let kind = xml::attr(e, b"type");
                    let style = Style {
                        character: kind.as_deref() == Some("character"),
                        ..Style::default()
                    };
                    if kind.as_deref().is_none_or(|k| k == "paragraph")
                        && xml::attr(e, b"default").is_some_and(|d| d == "1" || d == "true")
                    {
                        default_id.clone_from(&id);
                    }
                    if let Some(id) = id
                        && !empty
                    {
                        current = Some((id, style));
                    }
                }
                b"name" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.heading = xml::val(e).and_then(|n| heading_level(&n));
                    }
                }
                b"basedOn" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.based_on = xml::val(e).map(|v| v.into_owned());
                    }
                }
                b"pPr" if !empty => target = 1,
                b"rPr" if !empty => target = 2,
                _ => match (target, current.as_mut()) {
                    (1, Some((_, style))) => style.para.apply(e),
                    (2, Some((_, style))) => style.run.apply(e),
                    (1, None) if in_defaults => defaults_para.apply(e),
                    (2, None) if in_defaults => defaults_run.apply(e),
                    _ => {}
                },
            }
        }
        Ok(resolve(raw, default_id, defaults_para, defaults_run))
    }

    /// The resolved paragraph style `id`, or the default one.
    pub(crate) fn paragraph(&self, id: Option<&str>) -> &ParaStyle {
        id.and_then(|id| self.paragraph.get(id))
            .unwrap_or(&self.default)
    }

    /// The resolved paragraph (or numbering) style `id`, if there is one.
    pub(crate) fn get(&self, id: &str) -> Option<&ParaStyle> {
        self.paragraph.get(id)
    }

    /// The resolved character style `id`, if there is one.
    pub(crate) fn character(&self, id: &str) -> Option<&RunProps> {
        self.character.get(id)
    }
}

fn resolve(
    raw: HashMap<String, Style>,
    default_id: Option<String>,
    defaults_para: ParaProps,
    defaults_run: RunProps,
) -> Styles {
    let chain = |id: &str| {
        let mut out: Vec<&Style> = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            let Some(style) = raw.get(id) else { break };
            if out.len() >= MAX_CHAIN {
                break;
            }
            out.push(style);
            next = style.based_on.as_deref();
        }
        out
    };
    let mut default = ParaStyle {
        para: defaults_para.clone(),
        run: defaults_run.clone(),
        heading: None,
    };
    if let Some(id) = default_id.as_deref() {
        let mut para = ParaProps::default();
        let mut run = RunProps::default();
        for s in chain(id) {
            para.inherit(&s.para);
            run.inherit(&s.run);
        }
        para.inherit(&defaults_para);
        run.inherit(&defaults_run);
        default = ParaStyle {
            para,
            run,
            heading: None,
        };
    }
    let mut styles = Styles {
        default,
        ..Styles::default()
    };
    for (id, style) in &raw {
        let links = chain(id);
        if style.character {
            let mut run = RunProps::default();
            for s in &links {
                run.inherit(&s.run);
            }
            styles.character.insert(id.clone(), run);
            continue;
        }
        let mut para = ParaProps::default();
        let mut run = RunProps::default();
        let mut heading = None;
        for s in &links {
            para.inherit(&s.para);
            run.inherit(&s.run);
            heading = heading.or(s.heading);
        }
        para.inherit(&defaults_para);
        run.inherit(&defaults_run);
        styles
            .paragraph
            .insert(id.clone(), ParaStyle { para, run, heading });
    }
    styles
}

/// `heading 2`, `Heading2`, `标题 2`, `标题2` → 2 (levels 1–4 only).
fn heading_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=4).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:latentStyles><w:lsdException w:name="heading 1"/></w:latentStyles>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="T2"><w:name w:val="标题 2"/><w:basedOn w:val="1"/><w:rPr><w:rFonts w:eastAsia="KaiTi_GB2312"/><w:b w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="L"><w:name w:val="List"/><w:basedOn w:val="L"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="S"><w:name w:val="Strong"/><w:rPr><w:b/><w:color w:val="E00010"/></w:rPr></w:style>
</w:styles>"#;

    #[test]
    fn chains_defaults_and_heading_names() {
        let s = Styles::parse(STYLES, "word/styles.xml", &Input::Document).unwrap();
        let normal = s.paragraph(None);
        assert_eq!(normal.run.font.as_deref(), Some("仿宋"));
        assert_eq!(normal.run.size, Some(32));
        assert_eq!(normal.para.centred, Some(false));
        let h1 = s.paragraph(Some("1"));
        assert_eq!((h1.heading, h1.para.outline), (Some(1), Some(0)));
        assert_eq!(
            (h1.run.font.as_deref(), h1.run.bold),
            (Some("黑体"), Some(true))
        );
        let h2 = s.paragraph(Some("T2"));
        assert_eq!(h2.heading, Some(2));
        assert_eq!(
            (h2.run.font.as_deref(), h2.run.bold),
            (Some("楷体"), Some(false))
        );
        // A loop in basedOn ends; numbering comes with the style.
        let list = s.paragraph(Some("L"));
        assert_eq!(
            list.para.num,
            Some(NumRef {
                num_id: Some(3),
                ilvl: Some(1)
            })
        );
        let strong = s.character("S").unwrap();
        assert_eq!((strong.bold, strong.red), (Some(true), Some(true)));
        assert!(std::ptr::eq(
            s.paragraph(Some("missing")),
            s.paragraph(None)
        ));
    }

    #[test]
    fn font_families_and_reds() {
        assert_eq!(family("仿宋_GB2312"), "仿宋");
        assert_eq!(family("FangSong"), "仿宋");
        assert_eq!(family("方正小标宋简体"), "小标宋");
        assert_eq!(family("SimHei"), "黑体");
        assert_eq!(family("楷体"), "楷体");
        assert_eq!(family("宋体"), "宋体");
        assert_eq!(family("Times New Roman"), "Times New Roman");
        assert!(is_red("FF0000") && is_red("e60012"));
        assert!(!is_red("auto") && !is_red("000000") && !is_red("FF9900"));
    }
}
