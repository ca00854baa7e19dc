//! The smallest theme part the schema accepts. docx-rs writes none, and Word's validator
//! expects every main document to have one; the report's runs name their fonts directly, so
//! nothing in it changes the look.

/// Path of the theme part in the package.
pub(crate) const PART: &str = "word/theme/theme1.xml";
/// Its content type.
pub(crate) const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
/// Relationship type from the main document to it.
pub(crate) const RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";

/// The part itself: the Office colours, the fonts of the report, three plain fill, line,
/// effect and background styles each (the schema asks for at least three of each).
pub(crate) const XML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Nianbao">"#,
    r#"<a:themeElements>"#,
    r#"<a:clrScheme name="Office">"#,
    r#"<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>"#,
    r#"<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>"#,
    r#"<a:dk2><a:srgbClr val="44546A"/></a:dk2>"#,
    r#"<a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>"#,
    r#"<a:accent1><a:srgbClr val="4472C4"/></a:accent1>"#,
    r#"<a:accent2><a:srgbClr val="ED7D31"/></a:accent2>"#,
    r#"<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>"#,
    r#"<a:accent4><a:srgbClr val="FFC000"/></a:accent4>"#,
    r#"<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5>"#,
    r#"<a:accent6><a:srgbClr val="70AD47"/></a:accent6>"#,
    r#"<a:hlink><a:srgbClr val="0563C1"/></a:hlink>"#,
    r#"<a:folHlink><a:srgbClr val="954F72"/></a:folHlink>"#,
    r#"</a:clrScheme>"#,
    r#"<a:fontScheme name="Nianbao">"#,
    r#"<a:majorFont><a:latin typeface="Times New Roman"/><a:ea typeface="黑体"/><a:cs typeface=""/></a:majorFont>"#,
    r#"<a:minorFont><a:latin typeface="Times New Roman"/><a:ea typeface="仿宋_GB2312"/><a:cs typeface=""/></a:minorFont>"#,
    r#"</a:fontScheme>"#,
    r#"<a:fmtScheme name="Office">"#,
    r#"<a:fillStyleLst>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"</a:fillStyleLst>"#,
    r#"<a:lnStyleLst>"#,
    r#"<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#,
    r#"<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#,
    r#"<a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#,
    r#"</a:lnStyleLst>"#,
    r#"<a:effectStyleLst>"#,
    r#"<a:effectStyle><a:effectLst/></a:effectStyle>"#,
    r#"<a:effectStyle><a:effectLst/></a:effectStyle>"#,
    r#"<a:effectStyle><a:effectLst/></a:effectStyle>"#,
    r#"</a:effectStyleLst>"#,
    r#"<a:bgFillStyleLst>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
    r#"</a:bgFillStyleLst>"#,
    r#"</a:fmtScheme>"#,
    r#"</a:themeElements>"#,
    r#"<a:objectDefaults/>"#,
    r#"<a:extraClrSchemeLst/>"#,
    r#"</a:theme>"#,
);
