//! ECMA-376 child order of the WordprocessingML elements docx-rs writes out of sequence, and the
//! one streaming pass over a part that puts them in order.
//!
//! Word refuses (offers to "recover") a file whose property children are out of schema order;
//! LibreOffice does not care, which is how docx-rs gets away with it. The pass moves whole child
//! subtrees, so it never changes what a property says, only where it stands.
//!
//! Names are matched with the `w:` prefix: the pass normalises docx-rs output, whose prefixes are
//! fixed, not arbitrary WordprocessingML.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::writer::Writer;

/// The children of one element, in the order of its schema sequence (ECMA-376 Part 1, 5th ed.,
/// transitional schema `wml.xsd`).
pub(crate) struct Sequence {
    pub element: &'static str,
    pub children: &'static [&'static str],
}

/// CT_PPr (17.3.1.26). CT_PPrBase, CT_PPrGeneral and CT_PPrStyle are prefixes of it with the
/// same relative order, so one table serves every `w:pPr`.
const PPR: Sequence = Sequence {
    element: "w:pPr",
    children: &[
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:framePr",
        "w:widowControl",
        "w:numPr",
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    ],
};

/// CT_ParaRPr (17.3.1.29), a superset of CT_RPr (17.3.2.28) and CT_RPrStyle in the same order,
/// so one table serves every `w:rPr`.
const RPR: Sequence = Sequence {
    element: "w:rPr",
    children: &[
        "w:ins",
        "w:del",
        "w:moveFrom",
        "w:moveTo",
        "w:rStyle",
        "w:rFonts",
        "w:b",
        "w:bCs",
        "w:i",
        "w:iCs",
        "w:caps",
        "w:smallCaps",
        "w:strike",
        "w:dstrike",
        "w:outline",
        "w:shadow",
        "w:emboss",
        "w:imprint",
        "w:noProof",
        "w:snapToGrid",
        "w:vanish",
        "w:webHidden",
        "w:color",
        "w:spacing",
        "w:w",
        "w:kern",
        "w:position",
        "w:sz",
        "w:szCs",
        "w:highlight",
        "w:u",
        "w:effect",
        "w:bdr",
        "w:shd",
        "w:fitText",
        "w:vertAlign",
        "w:rtl",
        "w:cs",
        "w:em",
        "w:lang",
        "w:eastAsianLayout",
        "w:specVanish",
        "w14:glow",
        "w14:shadow",
        "w14:reflection",
        "w14:textOutline",
        "w14:textFill",
        "w14:scene3d",
        "w14:props3d",
        "w14:ligatures",
        "w14:numForm",
        "w14:numSpacing",
        "w14:stylisticSets",
        "w14:cntxtAlts",
        "w:oMath",
        "w:rPrChange",
    ],
};

/// CT_SectPr (17.6.17). Header and footer references form a repeated choice at the start; any
/// order among them is valid, so giving headers the lower rank is fine.
const SECT_PR: Sequence = Sequence {
    element: "w:sectPr",
    children: &[
        "w:headerReference",
        "w:footerReference",
        "w:footnotePr",
        "w:endnotePr",
        "w:type",
        "w:pgSz",
        "w:pgMar",
        "w:paperSrc",
        "w:pgBorders",
        "w:lnNumType",
        "w:pgNumType",
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    ],
};

/// CT_Style (17.7.4.17).
const STYLE: Sequence = Sequence {
    element: "w:style",
    children: &[
        "w:name",
        "w:aliases",
        "w:basedOn",
        "w:next",
        "w:link",
        "w:autoRedefine",
        "w:hidden",
        "w:uiPriority",
        "w:semiHidden",
        "w:unhideWhenUsed",
        "w:qFormat",
        "w:locked",
        "w:personal",
        "w:personalCompose",
        "w:personalReply",
        "w:rsid",
        "w:pPr",
        "w:rPr",
        "w:tblPr",
        "w:trPr",
        "w:tcPr",
        "w:tblStylePr",
    ],
};

/// CT_Styles (17.7.4.18).
const STYLES: Sequence = Sequence {
    element: "w:styles",
    children: &["w:docDefaults", "w:latentStyles", "w:style"],
};

/// CT_DocDefaults (17.7.5.1).
const DOC_DEFAULTS: Sequence = Sequence {
    element: "w:docDefaults",
    children: &["w:rPrDefault", "w:pPrDefault"],
};

/// CT_Lvl (17.9.6), a numbering level.
const LVL: Sequence = Sequence {
    element: "w:lvl",
    children: &[
        "w:start",
        "w:numFmt",
        "w:lvlRestart",
        "w:pStyle",
        "w:isLgl",
        "w:suff",
        "w:lvlText",
        "w:lvlPicBulletId",
        "w:legacy",
        "w:lvlJc",
        "w:pPr",
        "w:rPr",
    ],
};

/// CT_PBdr (17.3.1.24), paragraph borders.
const P_BDR: Sequence = Sequence {
    element: "w:pBdr",
    children: &[
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:between",
        "w:bar",
    ],
};

/// CT_Font (17.8.3.10), an entry of the font table.
const FONT: Sequence = Sequence {
    element: "w:font",
    children: &[
        "w:altName",
        "w:panose1",
        "w:charset",
        "w:family",
        "w:notTrueType",
        "w:pitch",
        "w:sig",
        "w:embedRegular",
        "w:embedBold",
        "w:embedItalic",
        "w:embedBoldItalic",
    ],
};

/// CT_Settings (17.15.1.78), the elements a settings part can hold.
const SETTINGS: Sequence = Sequence {
    element: "w:settings",
    children: &[
        "w:writeProtection",
        "w:view",
        "w:zoom",
        "w:removePersonalInformation",
        "w:removeDateAndTime",
        "w:doNotDisplayPageBoundaries",
        "w:displayBackgroundShape",
        "w:printPostScriptOverText",
        "w:printFractionalCharacterWidth",
        "w:printFormsData",
        "w:embedTrueTypeFonts",
        "w:embedSystemFonts",
        "w:saveSubsetFonts",
        "w:saveFormsData",
        "w:mirrorMargins",
        "w:alignBordersAndEdges",
        "w:bordersDoNotSurroundHeader",
        "w:bordersDoNotSurroundFooter",
        "w:gutterAtTop",
        "w:hideSpellingErrors",
        "w:hideGrammaticalErrors",
        "w:activeWritingStyle",
        "w:proofState",
        "w:formsDesign",
        "w:attachedTemplate",
        "w:linkStyles",
        "w:stylePaneFormatFilter",
        "w:stylePaneSortMethod",
        "w:documentType",
        "w:mailMerge",
        "w:revisionView",
        "w:trackRevisions",
        "w:doNotTrackMoves",
        "w:doNotTrackFormatting",
        "w:documentProtection",
        "w:autoFormatOverride",
        "w:styleLockTheme",
        "w:styleLockQFSet",
        "w:defaultTabStop",
        "w:autoHyphenation",
        "w:consecutiveHyphenLimit",
        "w:hyphenationZone",
        "w:doNotHyphenateCaps",
        "w:showEnvelope",
        "w:summaryLength",
        "w:clickAndTypeStyle",
        "w:defaultTableStyle",
        "w:evenAndOddHeaders",
        "w:bookFoldRevPrinting",
        "w:bookFoldPrinting",
        "w:bookFoldPrintingSheets",
        "w:drawingGridHorizontalSpacing",
        "w:drawingGridVerticalSpacing",
        "w:displayHorizontalDrawingGridEvery",
        "w:displayVerticalDrawingGridEvery",
        "w:doNotUseMarginsForDrawingGridOrigin",
        "w:drawingGridHorizontalOrigin",
        "w:drawingGridVerticalOrigin",
        "w:doNotShadeFormData",
        "w:noPunctuationKerning",
        "w:characterSpacingControl",
        "w:printTwoOnOne",
        "w:strictFirstAndLastChars",
        "w:noLineBreaksAfter",
        "w:noLineBreaksBefore",
        "w:savePreviewPicture",
        "w:doNotValidateAgainstSchema",
        "w:saveInvalidXml",
        "w:ignoreMixedContent",
        "w:alwaysShowPlaceholderText",
        "w:doNotDemarcateInvalidXml",
        "w:saveXmlDataOnly",
        "w:useXSLTWhenSaving",
        "w:saveThroughXslt",
        "w:showXMLTags",
        "w:alwaysMergeEmptyNamespace",
        "w:updateFields",
        "w:hdrShapeDefaults",
        "w:footnotePr",
        "w:endnotePr",
        "w:compat",
        "w:docVars",
        "w:rsids",
        "m:mathPr",
        "w:uiCompat97To2003",
        "w:attachedSchema",
        "w:themeFontLang",
        "w:clrSchemeMapping",
        "w:doNotIncludeSubdocsInStats",
        "w:doNotAutoCompressPictures",
        "w:forceUpgrade",
        "w:captions",
        "w:readModeInkLockDown",
        "w:smartTagType",
        "sl:schemaLibrary",
        "w:shapeDefaults",
        "w:doNotEmbedSmartTags",
        "w:decimalSymbol",
        "w:listSeparator",
        "w14:docId",
        "w14:discardImageEditingData",
        "w14:defaultImageDpi",
        "w14:conflictMode",
        "w15:chartTrackingRefBased",
        "w15:docId",
    ],
};

/// Every element whose children the pass orders.
pub(crate) const SEQUENCES: &[&Sequence] = &[
    &PPR,
    &RPR,
    &SECT_PR,
    &STYLE,
    &STYLES,
    &DOC_DEFAULTS,
    &LVL,
    &P_BDR,
    &FONT,
    &SETTINGS,
];

/// The sequence that orders the children of an element with this qualified name.
pub(crate) fn sequence_of(name: &[u8]) -> Option<&'static Sequence> {
    SEQUENCES
        .iter()
        .copied()
        .find(|s| s.element.as_bytes() == name)
}

impl Sequence {
    /// Position of a child in the sequence; unknown children sort last, keeping their order.
    pub(crate) fn rank(&self, child: &[u8]) -> usize {
        self.children
            .iter()
            .position(|c| c.as_bytes() == child)
            .unwrap_or(self.children.len())
    }
}

/// Changes a caller makes to tags on the way through the pass.
pub(crate) trait Fix {
    /// A replacement for this start tag, if it needs one.
    fn rewrite(&mut self, _tag: &BytesStart<'_>) -> Option<BytesStart<'static>> {
        None
    }
    /// Whether this element, with everything inside it, is left out.
    fn skip(&mut self, _tag: &BytesStart<'_>) -> bool {
        false
    }
    /// Empty children to add to this element, each written as the inside of a tag (`w:b` or
    /// `w:jc w:val="both"`); the pass puts them in schema order with the others.
    fn insert(&mut self, _tag: &BytesStart<'_>) -> &'static [&'static str] {
        &[]
    }
}

/// No changes beyond ordering.
#[cfg(test)]
pub(crate) struct NoFix;
#[cfg(test)]
impl Fix for NoFix {}

/// An element open during the pass.
struct Open {
    sequence: Option<&'static Sequence>,
    is_paragraph: bool,
    is_ppr: bool,
    /// A `w:rPr` inside a `w:pPr` that is not a paragraph's: CT_PPrGeneral (styles, numbering
    /// levels, document defaults) has no run properties; they belong beside the `w:pPr`.
    misplaced: bool,
    /// Offset of the start tag in the output.
    start: usize,
    /// Offset just after the start tag.
    content: usize,
    /// Index of this element's first child in the shared child list.
    children: usize,
    /// Misplaced run properties cut out of this `w:pPr`, written after it closes.
    hoisted: Option<Vec<u8>>,
}

/// Rewrites one XML part with the children of every element in [`SEQUENCES`] in schema order,
/// misplaced run properties moved out of general paragraph properties (or dropped when empty),
/// and the caller's [`Fix`] applied. Streams: each subtree is copied at most twice.
pub(crate) fn normalise(xml: &[u8], fix: &mut impl Fix) -> Result<Vec<u8>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut writer = Writer::new(Vec::with_capacity(xml.len() + xml.len() / 8));
    let mut stack: Vec<Open> = Vec::new();
    // (rank, offset) of the children of every open ordered element, innermost last.
    let mut children: Vec<(usize, usize)> = Vec::new();
    let mut scratch: Vec<u8> = Vec::new();
    let mut skipping = 0usize;

    loop {
        let event = reader.read_event()?;
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) if fix.skip(tag) => {
                if matches!(event, Event::Start(_)) {
                    skipping = 1;
                }
            }
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let empty = matches!(event, Event::Empty(_));
                let name = tag.name();
                let name = name.as_ref();
                let misplaced = name == b"w:rPr"
                    && stack.last().is_some_and(|p| p.is_ppr)
                    && stack.len() >= 2
                    && !stack[stack.len() - 2].is_paragraph;
                if misplaced && empty {
                    continue;
                }
                let offset = writer.get_ref().len();
                if !misplaced && let Some(seq) = stack.last().and_then(|p| p.sequence) {
                    children.push((seq.rank(name), offset));
                }
                let rewritten = fix.rewrite(tag);
                let tag = rewritten.as_ref().unwrap_or(tag).borrow();
                let sequence = sequence_of(name);
                let is_paragraph = name == b"w:p";
                let is_ppr = name == b"w:pPr";
                let inserted = fix.insert(&tag);
                if empty && !inserted.is_empty() {
                    // Opened so the new children have somewhere to go.
                    writer.write_event(Event::Start(tag.borrow()))?;
                    let first_child = children.len();
                    write_inserted(&mut writer, inserted, sequence, &mut children);
                    reorder(writer.get_mut(), &children[first_child..], &mut scratch);
                    children.truncate(first_child);
                    writer.write_event(Event::End(tag.to_end()))?;
                } else if empty {
                    writer.write_event(Event::Empty(tag))?;
                } else {
                    writer.write_event(Event::Start(tag))?;
                    let content = writer.get_ref().len();
                    let first_child = children.len();
                    write_inserted(&mut writer, inserted, sequence, &mut children);
                    stack.push(Open {
                        sequence,
                        is_paragraph,
                        is_ppr,
                        misplaced,
                        start: offset,
                        content,
                        children: first_child,
                        hoisted: None,
                    });
                }
            }
            Event::End(tag) => {
                let Some(open) = stack.pop() else {
                    // quick-xml checks end names, so this cannot happen; pass it through.
                    writer.write_event(Event::End(tag))?;
                    continue;
                };
                let own = &children[open.children.min(children.len())..];
                if open.sequence.is_some() && own.len() > 1 {
                    reorder(writer.get_mut(), own, &mut scratch);
                }
                children.truncate(open.children);
                if open.misplaced {
                    if writer.get_ref().len() > open.content {
                        writer.write_event(Event::End(tag))?;
                        let cut = writer.get_mut().split_off(open.start);
                        if let Some(parent) = stack.last_mut() {
                            parent.hoisted.get_or_insert_with(Vec::new).extend(cut);
                        }
                    } else {
                        writer.get_mut().truncate(open.start);
                    }
                    continue;
                }
                writer.write_event(Event::End(tag))?;
                if let Some(hoisted) = open.hoisted {
                    let offset = writer.get_ref().len();
                    if let Some(seq) = stack.last().and_then(|p| p.sequence) {
                        children.push((seq.rank(b"w:rPr"), offset));
                    }
                    writer.get_mut().extend_from_slice(&hoisted);
                }
            }
            Event::Eof => break,
            other => writer.write_event(other)?,
        }
    }
    Ok(writer.into_inner())
}

/// Writes children a [`Fix`] adds, recording them for ordering.
fn write_inserted(
    writer: &mut Writer<Vec<u8>>,
    inserted: &[&str],
    sequence: Option<&Sequence>,
    children: &mut Vec<(usize, usize)>,
) {
    for child in inserted {
        let name = child.split(' ').next().unwrap_or(child);
        if let Some(seq) = sequence {
            children.push((seq.rank(name.as_bytes()), writer.get_ref().len()));
        }
        let out = writer.get_mut();
        out.push(b'<');
        out.extend_from_slice(child.as_bytes());
        out.extend_from_slice(b"/>");
    }
}

/// Puts the children (`(rank, offset)`, in document order) of the element whose content ends at
/// `out.len()` into rank order; equal ranks keep their order.
fn reorder(out: &mut [u8], kids: &[(usize, usize)], scratch: &mut Vec<u8>) {
    if kids.is_sorted_by_key(|k| k.0) {
        return;
    }
    let end = out.len();
    let span = |i: usize| kids[i].1..kids.get(i + 1).map_or(end, |k| k.1);
    let mut order: Vec<usize> = (0..kids.len()).collect();
    order.sort_by_key(|&i| kids[i].0);
    scratch.clear();
    for i in order {
        scratch.extend_from_slice(&out[span(i)]);
    }
    out[kids[0].1..end].copy_from_slice(scratch);
}

/// Every child of an ordered element that stands before a sibling it should follow, or that
/// the sequence does not know, as `parent/child` strings; empty when the part is in order.
#[cfg(test)]
pub(crate) fn violations(xml: &[u8]) -> Result<Vec<String>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<(Option<&'static Sequence>, usize)> = Vec::new();
    let mut found = Vec::new();
    loop {
        let event = reader.read_event()?;
        let (tag, empty) = match &event {
            Event::Start(t) => (t, false),
            Event::Empty(t) => (t, true),
            Event::End(_) => {
                stack.pop();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = tag.name();
        if let Some((Some(seq), last)) = stack.last_mut() {
            let rank = seq.rank(name.as_ref());
            let child = String::from_utf8_lossy(name.as_ref());
            if rank == seq.children.len() {
                found.push(format!("{}/{child} (unknown)", seq.element));
            } else if rank < *last {
                found.push(format!("{}/{child}", seq.element));
            }
            *last = (*last).max(rank);
        }
        if !empty {
            stack.push((sequence_of(name.as_ref()), 0));
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(xml: &str) -> String {
        String::from_utf8(normalise(xml.as_bytes(), &mut NoFix).unwrap()).unwrap()
    }

    #[test]
    fn tables_have_no_duplicates_and_distinct_elements() {
        for seq in SEQUENCES {
            for (i, c) in seq.children.iter().enumerate() {
                assert!(
                    !seq.children[i + 1..].contains(c),
                    "{} lists {c} twice",
                    seq.element
                );
            }
            assert_eq!(
                SEQUENCES
                    .iter()
                    .filter(|s| s.element == seq.element)
                    .count(),
                1
            );
        }
    }

    #[test]
    fn orders_paragraph_and_run_properties() {
        let xml = r#"<w:p><w:pPr><w:rPr /><w:jc w:val="both" /><w:ind w:firstLine="640" /><w:spacing w:line="579" /><w:widowControl w:val="0" /></w:pPr><w:r><w:rPr><w:sz w:val="32" /><w:b /><w:rFonts w:eastAsia="仿宋" /><w:spacing w:val="-5" /></w:rPr><w:t>甲</w:t><w:tab /><w:t>乙</w:t></w:r></w:p>"#;
        assert_eq!(
            run(xml),
            r#"<w:p><w:pPr><w:widowControl w:val="0" /><w:spacing w:line="579" /><w:ind w:firstLine="640" /><w:jc w:val="both" /><w:rPr /></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋" /><w:b /><w:spacing w:val="-5" /><w:sz w:val="32" /></w:rPr><w:t>甲</w:t><w:tab /><w:t>乙</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn leaves_run_content_and_text_alone() {
        let xml = "<w:r><w:t>a &amp; b</w:t><w:br /><w:t xml:space=\"preserve\"> c </w:t></w:r>";
        assert_eq!(run(xml), xml);
    }

    #[test]
    fn orders_section_properties_and_nested_ordered_elements() {
        let xml = r#"<w:sectPr><w:pgSz /><w:pgMar /><w:docGrid /><w:footerReference w:type="default" /><w:footerReference w:type="even" /></w:sectPr>"#;
        assert_eq!(
            run(xml),
            r#"<w:sectPr><w:footerReference w:type="default" /><w:footerReference w:type="even" /><w:pgSz /><w:pgMar /><w:docGrid /></w:sectPr>"#
        );
        // An rPr reordered inside a pPr that is itself reordered keeps its new content.
        let xml = r#"<w:p><w:pPr><w:rPr><w:sz /><w:b /></w:rPr><w:jc /></w:pPr></w:p>"#;
        assert_eq!(
            run(xml),
            r#"<w:p><w:pPr><w:jc /><w:rPr><w:b /><w:sz /></w:rPr></w:pPr></w:p>"#
        );
    }

    #[test]
    fn moves_run_properties_out_of_general_paragraph_properties() {
        // numbering level: empty one dropped
        let xml = r#"<w:lvl><w:start /><w:pPr><w:rPr /><w:ind /></w:pPr><w:rPr /></w:lvl>"#;
        assert_eq!(
            run(xml),
            r#"<w:lvl><w:start /><w:pPr><w:ind /></w:pPr><w:rPr /></w:lvl>"#
        );
        let xml = r#"<w:pPrDefault><w:pPr><w:rPr></w:rPr></w:pPr></w:pPrDefault>"#;
        assert_eq!(run(xml), r#"<w:pPrDefault><w:pPr></w:pPr></w:pPrDefault>"#);
        // style: a non-empty one becomes the style's run properties, in schema place
        let xml =
            r#"<w:style><w:pPr><w:rPr><w:sz /><w:b /></w:rPr><w:jc /></w:pPr><w:name /></w:style>"#;
        assert_eq!(
            run(xml),
            r#"<w:style><w:name /><w:pPr><w:jc /></w:pPr><w:rPr><w:b /><w:sz /></w:rPr></w:style>"#
        );
    }

    #[test]
    fn orders_settings_and_styles() {
        let xml = r#"<w:settings><w:defaultTabStop w:val="840" /><w:zoom w:percent="100" /><w:compat /><w:evenAndOddHeaders /></w:settings>"#;
        assert_eq!(
            run(xml),
            r#"<w:settings><w:zoom w:percent="100" /><w:defaultTabStop w:val="840" /><w:evenAndOddHeaders /><w:compat /></w:settings>"#
        );
        let xml = r#"<w:style><w:name /><w:rPr /><w:pPr /><w:qFormat /></w:style>"#;
        assert_eq!(
            run(xml),
            r#"<w:style><w:name /><w:qFormat /><w:pPr /><w:rPr /></w:style>"#
        );
    }

    #[test]
    fn violations_name_what_is_out_of_order() {
        let bad = br#"<w:p><w:pPr><w:jc /><w:ind /><w:foo /></w:pPr></w:p>"#;
        assert_eq!(
            violations(bad).unwrap(),
            ["w:pPr/w:ind", "w:pPr/w:foo (unknown)"]
        );
        let fixed = normalise(bad, &mut NoFix).unwrap();
        assert_eq!(violations(&fixed).unwrap(), ["w:pPr/w:foo (unknown)"]);
    }

    #[test]
    fn inserted_children_take_their_schema_place() {
        struct Spacing;
        impl Fix for Spacing {
            fn insert(&mut self, tag: &BytesStart<'_>) -> &'static [&'static str] {
                if tag.name().as_ref() == b"w:pPr" {
                    &["w:autoSpaceDN w:val=\"0\"", "w:autoSpaceDE w:val=\"0\""]
                } else {
                    &[]
                }
            }
        }
        let out = normalise(b"<w:p><w:pPr><w:jc/><w:tabs/></w:pPr></w:p>", &mut Spacing).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"<w:p><w:pPr><w:tabs/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:jc/></w:pPr></w:p>"#
        );
        let out = normalise(b"<w:pPrDefault><w:pPr/></w:pPrDefault>", &mut Spacing).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/></w:pPr></w:pPrDefault>"#
        );
    }

    #[test]
    fn fixes_rewrite_and_skip() {
        struct Drop2;
        impl Fix for Drop2 {
            fn skip(&mut self, tag: &BytesStart<'_>) -> bool {
                tag.name().as_ref() == b"w:x"
            }
            fn rewrite(&mut self, tag: &BytesStart<'_>) -> Option<BytesStart<'static>> {
                (tag.name().as_ref() == b"w:y").then(|| BytesStart::new("w:z"))
            }
        }
        let out = normalise(b"<a><w:x><b/></w:x><w:y/><w:x/></a>", &mut Drop2).unwrap();
        assert_eq!(out, b"<a><w:z/></a>");
    }
}
