//! Parts whose docx-rs version says the wrong thing: the core properties (docx-rs writes
//! "unknown" and 1970 dates, which Word shows in 文件 › 信息) and the font table (docx-rs lists
//! Times New Roman, Symbol and Arial whatever the document uses).

use quick_xml::escape::escape;

use crate::layout;

/// `word/fontTable.xml` listing the fonts of [`layout::FONTS`], each CJK font marked GB2312
/// (charset 86) with its fallback name, so Word substitutes 仿宋 for a missing 仿宋_GB2312
/// instead of a default font.
pub(crate) fn font_table_xml() -> Vec<u8> {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
    ));
    for (name, alternate) in layout::FONTS {
        xml.push_str(&format!(r#"<w:font w:name="{}">"#, escape(name)));
        if let Some(alt) = alternate {
            xml.push_str(&format!(r#"<w:altName w:val="{}"/>"#, escape(alt)));
        }
        if name.is_ascii() {
            xml.push_str(
                r#"<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>"#,
            );
        } else {
            xml.push_str(
                r#"<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>"#,
            );
        }
        xml.push_str("</w:font>");
    }
    xml.push_str("</w:fonts>");
    xml.into_bytes()
}

/// `docProps/core.xml` naming `title` and `creator`; no dates, so that an export depends on the
/// report alone.
pub(crate) fn core_xml(title: &str, creator: &str) -> Vec<u8> {
    // One line: the drafter's breaks are layout, not part of the name.
    let title: String = title.split('\n').map(str::trim).collect();
    let (title, creator) = (xml_only(&title), xml_only(creator));
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy>",
            "</cp:coreProperties>"
        ),
        escape(title.as_str()),
        escape(creator.as_str()),
        escape(creator.as_str()),
    )
    .into_bytes()
}

fn xml_only(s: &str) -> String {
    s.chars()
        .filter(|&c| nianbao_report::text::is_xml_char(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_table_names_every_font_once() {
        let xml = String::from_utf8(font_table_xml()).unwrap();
        for (name, _) in layout::FONTS {
            assert_eq!(
                xml.matches(&format!("w:name=\"{name}\"")).count(),
                1,
                "{name}"
            );
        }
        assert!(xml.contains(
            r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>"#
        ));
    }

    #[test]
    fn escapes_and_joins_lines() {
        let xml = String::from_utf8(core_xml("甲<乙\n丙\u{1}", "A&B")).unwrap();
        assert!(xml.contains("<dc:title>甲&lt;乙丙</dc:title>"), "{xml}");
        assert!(xml.contains("<dc:creator>A&amp;B</dc:creator>"), "{xml}");
    }
}
