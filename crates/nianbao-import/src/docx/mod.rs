//! Word `.docx` import: the package is opened with limits ([`package`]), the body read in one
//! pass ([`document`]) and resolved against the styles ([`styles`]) and lists ([`numbering`])
//! into lines with [`Hint`]s; the red 版头 is removed ([`redhead`]); the lines then go through the
//! same recognition as plain text.

mod document;
mod numbering;
mod package;
mod redhead;
mod styles;
mod xml;

use std::collections::HashMap;

use crate::{
    Imported,
    error::{ImportError, Input},
    lines::{self, Hint, Line, RunIn},
    markers,
    warning::ImportWarning,
};
use document::{Object, ObjectKind, Place, RawPara};
use numbering::{Numbering, Shown};
use styles::{ParaStyle, RunProps, Styles};

/// Font size (half-points) from which a centred line may be a 发文机关标志: 20 pt.
const BIG_SIZE: u16 = 40;
/// Longest start of a text box quoted in a warning.
const TEXT_BOX_EXCERPT: usize = 20;

/// Imports the bytes of a .docx package.
pub(crate) fn import(bytes: &[u8], input: Input) -> Result<Imported, ImportError> {
    let mut parts = read_parts(bytes, &input)?;
    let mut warnings = Vec::new();
    let pieces = pieces(&mut parts, &mut warnings);
    if parts.doc.insertions + parts.doc.deletions > 0 {
        warnings.push(ImportWarning::TrackedChangesAccepted {
            insertions: parts.doc.insertions,
            deletions: parts.doc.deletions,
        });
    }
    // The red header, from the top.
    let visible: Vec<&Piece> = pieces
        .iter()
        .filter(|p| !p.text.is_empty() || p.rule)
        .collect();
    let tops: Vec<redhead::Top<'_>> = visible
        .iter()
        .map(|p| redhead::Top {
            text: &p.text,
            red: p.red,
            big_centred: p.big && p.hint.centred,
            rule: p.rule,
        })
        .collect();
    let (head, consumed) = redhead::find(&tops);
    if consumed > 0 {
        warnings.push(ImportWarning::RedHeaderDropped {
            organ: head.organ.clone(),
            number: head.number.clone(),
            signer: head.signer.clone(),
        });
    }
    let mut lines: Vec<Line<'_>> = Vec::new();
    for p in &visible[consumed..] {
        if let Some(name) = &p.text_box {
            warnings.push(ImportWarning::TextBoxDropped {
                line: p.no,
                name: name.clone(),
                text: excerpt(&p.text),
            });
            continue;
        }
        if !p.text.is_empty() {
            lines.push(Line {
                no: p.no,
                text: &p.text,
                hint: p.hint,
            });
        }
    }
    let (report, mapping) = crate::recognise(lines, &input, &mut warnings, head.organ.as_deref())?;
    Ok(crate::finish(report, warnings, mapping, &input))
}

/// Warns once per table whose rows ended up in the body (rows read as the sign-off or the
/// header are not worth a word).
pub(crate) fn warn_tables(body: &[Line<'_>], warnings: &mut Vec<ImportWarning>) {
    let mut tables: Vec<(usize, usize, usize)> = Vec::new();
    for l in body {
        let Some(t) = l.hint.table else { continue };
        match tables.iter_mut().find(|(n, _, _)| *n == t) {
            Some((_, _, rows)) => *rows += 1,
            None => tables.push((t, l.no, 1)),
        }
    }
    for (table, line, rows) in tables {
        warnings.push(ImportWarning::TableFlattened { table, line, rows });
    }
}

fn excerpt(text: &str) -> String {
    let one_line = text.replace('\n', " ");
    let mut out: String = one_line.chars().take(TEXT_BOX_EXCERPT).collect();
    if one_line.chars().count() > TEXT_BOX_EXCERPT {
        out.push('…');
    }
    out
}

/// The parts of the package the import reads.
struct Parts {
    doc: document::Document,
    styles: Styles,
    numbering: Numbering,
}

fn read_parts(bytes: &[u8], input: &Input) -> Result<Parts, ImportError> {
    let mut pkg = package::open(bytes, input)?;
    const DEFAULT_MAIN: &str = "word/document.xml";
    let main = pkg
        .related("_rels/.rels", "", "officeDocument")?
        .into_iter()
        .find(|m| pkg.has(m))
        .unwrap_or_else(|| DEFAULT_MAIN.to_string());
    let Some(doc_bytes) = pkg.read(&main)? else {
        return Err(ImportError::NotDocx {
            input: input.clone(),
            reason: pkg.what_else(),
        });
    };
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels = if folder.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{folder}/_rels/{file}.rels")
    };
    let in_folder = |name: &str| {
        if folder.is_empty() {
            name.to_string()
        } else {
            format!("{folder}/{name}")
        }
    };
    let styles_name = pkg
        .related(&rels, folder, "styles")?
        .into_iter()
        .next()
        .unwrap_or_else(|| in_folder("styles.xml"));
    let numbering_name = pkg
        .related(&rels, folder, "numbering")?
        .into_iter()
        .next()
        .unwrap_or_else(|| in_folder("numbering.xml"));
    // Everything is inflated (within the limits) before anything is parsed.
    let styles_bytes = pkg.read(&styles_name)?;
    let numbering_bytes = pkg.read(&numbering_name)?;
    let doc = document::read(xml::utf8(&doc_bytes, &main, input)?, &main, input)?;
    let styles = match styles_bytes {
        Some(b) => Styles::parse(xml::utf8(&b, &styles_name, input)?, &styles_name, input)?,
        None => Styles::default(),
    };
    let numbering = match numbering_bytes {
        Some(b) => Numbering::parse(
            xml::utf8(&b, &numbering_name, input)?,
            &numbering_name,
            input,
        )?,
        None => Numbering::default(),
    };
    Ok(Parts {
        doc,
        styles,
        numbering,
    })
}

/// How a run looks, as far as headings go.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Look {
    bold: bool,
    font: Option<String>,
}

/// A run of a resolved paragraph: its range and its look.
struct Span {
    start: usize,
    end: usize,
    look: Look,
    red: bool,
    size: Option<u16>,
}

/// A paragraph with its numbering rendered and formatting resolved.
struct Resolved {
    place: Place,
    text: String,
    spans: Vec<Span>,
    level: Option<u8>,
    centred: bool,
    red_rule: bool,
    objects: Vec<Object>,
}

/// A line in the making: owned text, hints, and what the red header needs.
#[derive(Debug, Clone, Default)]
struct Piece {
    no: usize,
    text: String,
    hint: Hint,
    red: bool,
    big: bool,
    rule: bool,
    /// Set when the piece is the text of a text box: its name.
    text_box: Option<String>,
}

fn pieces(parts: &mut Parts, warnings: &mut Vec<ImportWarning>) -> Vec<Piece> {
    let resolved: Vec<Resolved> = parts
        .doc
        .paras
        .iter()
        .map(|p| resolve(p, &parts.styles, &mut parts.numbering))
        .collect();
    let body = body_look(&resolved);
    let mut out: Vec<Piece> = Vec::new();
    let mut no = 0;
    let mut i = 0;
    while i < resolved.len() {
        let r = &resolved[i];
        no += 1;
        match r.place {
            Place::Body => {
                objects(r, no, &mut out, warnings);
                split(r, no, &body, &mut out);
                i += 1;
            }
            Place::Cell { table, row, .. } => {
                let same_row = |c: &Resolved| matches!(c.place, Place::Cell { table: t, row: w, .. } if t == table && w == row);
                let end = resolved[i..]
                    .iter()
                    .position(|c| !same_row(c))
                    .map_or(resolved.len(), |k| i + k);
                let row_paras = &resolved[i..end];
                for c in row_paras {
                    objects(c, no, &mut out, warnings);
                }
                out.push(row_piece(row_paras, no, table));
                i = end;
            }
        }
    }
    // XML keeps out most controls, not all (C1, DEL); the writer could not store them.
    let mut dropped = 0;
    for p in &mut out {
        let n = crate::controls::strip_controls(&mut p.text);
        if n > 0 {
            dropped += n;
            p.text = lines::trim(&p.text).to_string();
            // Offsets into the text no longer hold.
            p.hint.run_in = None;
        }
    }
    if dropped > 0 {
        warnings.push(ImportWarning::ControlCharactersDropped { count: dropped });
    }
    out
}

/// A paragraph's formatting resolved, its numbering advanced and rendered.
fn resolve(p: &RawPara, styles: &Styles, numbering: &mut Numbering) -> Resolved {
    let style: &ParaStyle = styles.paragraph(p.style.as_deref());
    let mut props = p.props.clone();
    props.inherit(&style.para);
    let style_num = |id: &str| styles.get(id).and_then(|s| s.para.num?.num_id);
    let shown = match props.num {
        Some(n) => match n.num_id {
            Some(id) if id != 0 => {
                let ilvl = n.ilvl.unwrap_or_else(|| {
                    numbering.level_for_style(id, p.style.as_deref(), &style_num)
                });
                numbering.advance(id, ilvl, &style_num)
            }
            _ => None,
        },
        None => None,
    };
    let mut text = p.text.clone();
    let mut prefix = 0;
    if let Some(Shown::Number(marker)) = shown {
        let joined = if text.starts_with(|c: char| c.is_ascii_digit()) {
            format!("{marker} {text}")
        } else {
            format!("{marker}{text}")
        };
        let numbered = markers::parse(lines::trim(&joined)).is_some();
        // A number that is no heading marker (①, a), ⑴) stays as the drafter saw it.
        let shown_text = if numbered {
            joined
        } else {
            format!("{marker}{text}")
        };
        prefix = shown_text.len() - text.len();
        text = shown_text;
    }
    let base = &style.run;
    let spans = p
        .runs
        .iter()
        .map(|r| {
            let mut props: RunProps = r.props.clone();
            if let Some(character) = r.props.style.as_deref().and_then(|s| styles.character(s)) {
                props.inherit(character);
            }
            props.inherit(base);
            Span {
                start: r.start + prefix,
                end: r.end + prefix,
                look: Look {
                    bold: props.bold == Some(true),
                    font: props.font,
                },
                red: props.red == Some(true),
                size: props.size,
            }
        })
        .collect();
    let level = props
        .outline
        .filter(|&o| o <= 3)
        .map(|o| o + 1)
        .or(style.heading);
    Resolved {
        place: p.place,
        text,
        spans,
        level,
        centred: props.centred == Some(true),
        red_rule: props.red_rule == Some(true),
        objects: p.objects.clone(),
    }
}

/// The body's look: the one most of the document's plain paragraphs (outside tables, neither
/// centred nor starting with a heading marker) are set in; all text counts when there are none.
fn body_look(paras: &[Resolved]) -> Look {
    let plain = |p: &&Resolved| {
        p.place == Place::Body && !p.centred && markers::parse(lines::trim(&p.text)).is_none()
    };
    let count_in = |paras: &mut dyn Iterator<Item = &Resolved>| {
        let mut count: HashMap<&Look, usize> = HashMap::new();
        for p in paras {
            for s in &p.spans {
                let chars = p.text[s.start..s.end].chars().count();
                *count.entry(&s.look).or_insert(0) += chars;
            }
        }
        count
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.bold.cmp(&a.0.bold)))
            .map(|(l, _)| l.clone())
    };
    count_in(&mut paras.iter().filter(plain))
        .or_else(|| count_in(&mut paras.iter().filter(|p| p.place == Place::Body)))
        .unwrap_or(Look {
            bold: false,
            font: None,
        })
}

/// Pictures become warnings, text boxes pieces of their own (the red header may be one);
/// shapes are dropped silently (a line is the header's rule, see [`split`]).
fn objects(r: &Resolved, no: usize, out: &mut Vec<Piece>, warnings: &mut Vec<ImportWarning>) {
    for o in &r.objects {
        match o.kind {
            ObjectKind::Picture | ObjectKind::Chart | ObjectKind::Embedded => {
                let kind = match o.kind {
                    ObjectKind::Chart => "chart",
                    ObjectKind::Embedded => "embedded object",
                    _ => "picture",
                };
                warnings.push(ImportWarning::ImageDropped {
                    line: no,
                    name: o.name.clone().unwrap_or_else(|| kind.to_string()),
                });
            }
            ObjectKind::TextBox => out.push(Piece {
                no,
                text: lines::trim(&o.text).to_string(),
                text_box: Some(o.name.clone().unwrap_or_else(|| "text box".into())),
                red: false,
                big: false,
                rule: false,
                hint: Hint::default(),
            }),
            ObjectKind::Shape => {}
        }
    }
}

/// A body paragraph as pieces: one per line break in it (a soft return often stands for a
/// paragraph break), the first keeping the numbering and heading style.
fn split(r: &Resolved, no: usize, body: &Look, out: &mut Vec<Piece>) {
    let has_shape = r.objects.iter().any(|o| o.kind == ObjectKind::Shape);
    let blank = lines::trim(&r.text).is_empty();
    if blank {
        // An empty paragraph matters only as the header's rule.
        if r.red_rule || (has_shape && r.objects.iter().any(|o| o.red || o.text.is_empty())) {
            out.push(Piece {
                no,
                rule: true,
                ..Piece::default()
            });
        }
        return;
    }
    let mut start = 0;
    for (k, raw) in r.text.split('\n').enumerate() {
        let end = start + raw.len();
        let text = lines::trim(raw);
        if !text.is_empty() {
            let lead = raw.len() - raw.trim_start_matches(lines::is_padding).len();
            let from = start + lead;
            let to = from + text.len();
            let level = if k == 0 { r.level } else { None };
            let in_piece = |s: &&Span| {
                s.end > from
                    && s.start < to
                    && !r.text[s.start.max(from)..s.end.min(to)].trim().is_empty()
            };
            let spans: Vec<&Span> = r.spans.iter().filter(in_piece).collect();
            let hint = Hint {
                level,
                centred: r.centred,
                run_in: run_in(text, from, level, &spans, body),
                table: None,
            };
            out.push(Piece {
                no,
                text: text.to_string(),
                hint,
                red: spans.iter().any(|s| s.red),
                big: spans.iter().any(|s| s.size.is_some_and(|z| z >= BIG_SIZE)),
                rule: false,
                text_box: None,
            });
        }
        start = end + 1;
    }
}

/// Where formatting ends a heading sentence in a line starting at byte `from` of its paragraph
/// (see [`RunIn`]); `None` for a line that is no heading or whose looks say nothing.
fn run_in(
    text: &str,
    from: usize,
    level: Option<u8>,
    spans: &[&Span],
    body: &Look,
) -> Option<RunIn> {
    // Only the heading's text counts, after its marker (a plain `1.` before a bold sentence).
    let rest_at = match markers::parse(text) {
        Some(m) => text.len() - m.rest.len(),
        None if level.is_some() => 0,
        None => return None,
    };
    let rest_from = from + rest_at;
    let looks: Vec<&Span> = spans
        .iter()
        .copied()
        .filter(|s| s.end > rest_from)
        .collect();
    let first = looks.first()?;
    for (k, s) in looks.iter().enumerate().skip(1) {
        if s.look == first.look {
            continue;
        }
        // Digits and Latin letters set in another font inside a heading do not end it: decide
        // by the next run of other text.
        let deciding = if is_neutral(text, from, s) {
            match looks[k + 1..].iter().find(|t| !is_neutral(text, from, t)) {
                Some(t) if t.look == first.look => continue,
                Some(t) => t,
                None => s,
            }
        } else {
            s
        };
        let sets_apart = (first.look.bold && !deciding.look.bold)
            || (first.look.font.is_some()
                && first.look.font != deciding.look.font
                && (deciding.look.font == body.font || first.look.font != body.font));
        return if sets_apart && s.start > from {
            Some(RunIn::At(s.start - from))
        } else {
            None
        };
    }
    let emphatic = (first.look.bold && !body.bold)
        || (first.look.font.is_some() && first.look.font != body.font);
    emphatic.then_some(RunIn::Whole)
}

/// A run of ASCII only (digits, Latin letters, half-width punctuation), clipped to the line.
fn is_neutral(text: &str, from: usize, s: &Span) -> bool {
    let start = s.start.saturating_sub(from).min(text.len());
    let end = s.end.saturating_sub(from).min(text.len());
    text.get(start..end).is_some_and(str::is_ascii)
}

/// A table row as one piece: its cells' text separated by tabs (a cell's paragraphs by line
/// breaks).
fn row_piece(row: &[Resolved], no: usize, table: usize) -> Piece {
    let mut cells: Vec<String> = Vec::new();
    let mut current: Option<usize> = None;
    for c in row {
        let Place::Cell { cell, .. } = c.place else {
            continue;
        };
        let text = lines::trim(&c.text);
        if current != Some(cell) {
            cells.push(text.to_string());
            current = Some(cell);
        } else if !text.is_empty()
            && let Some(last) = cells.last_mut()
        {
            if !last.is_empty() {
                last.push('\n');
            }
            last.push_str(text);
        }
    }
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    Piece {
        no,
        text: lines::trim(&cells.join("\t")).to_string(),
        hint: Hint {
            table: Some(table),
            ..Hint::default()
        },
        red: row.iter().any(|c| c.spans.iter().any(|s| s.red)),
        big: false,
        rule: false,
        text_box: None,
    }
}
