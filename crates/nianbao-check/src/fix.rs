//! Applying fixes to a report: each replaces the text and body of one target, found by its
//! id when it has one (stable across edits) and by its path otherwise, and only while the
//! target still reads as it did when checked.

use nianbao_report::{Block, Paragraph, Part, Report};

use crate::finding::{Finding, Fix, FixText, MetaField, Rule, Target};

/// Two mutable strings a fix may rewrite: (text, body). Paragraphs and meta fields have no
/// body; theirs is `None`.
type Slot<'a> = (&'a mut String, Option<&'a mut String>);

fn find_block_by_id(blocks: &mut [Block], id: i64) -> Option<&mut Block> {
    for b in blocks {
        let hit = match b {
            Block::Paragraph(p) => p.id == Some(id),
            Block::Heading(h) => h.id == Some(id),
        };
        if hit {
            return Some(b);
        }
        if let Block::Heading(h) = b
            && let Some(found) = find_block_by_id(&mut h.children, id)
        {
            return Some(found);
        }
    }
    None
}

fn find_block_by_path<'a>(blocks: &'a mut [Block], path: &[usize]) -> Option<&'a mut Block> {
    let (first, rest) = path.split_first()?;
    let block = blocks.get_mut(*first)?;
    if rest.is_empty() {
        return Some(block);
    }
    match block {
        Block::Heading(h) => find_block_by_path(&mut h.children, rest),
        Block::Paragraph(_) => None,
    }
}

fn part_mut(report: &mut Report, index: usize, id: Option<i64>) -> Option<&mut Part> {
    match id {
        Some(id) => report.parts.iter_mut().find(|p| p.id == Some(id)),
        None => report.parts.get_mut(index),
    }
}

fn slot<'a>(report: &'a mut Report, target: &Target) -> Option<Slot<'a>> {
    match target {
        Target::Report => None,
        Target::Meta { field } => {
            let m = &mut report.meta;
            let s = match field {
                MetaField::Title => m.title.as_mut()?,
                MetaField::Issuer => &mut m.issuer,
                MetaField::Recipient => m.recipient.as_mut()?,
                MetaField::Signature => m.signature.as_mut()?,
                MetaField::Date | MetaField::ImprintDate => return None,
            };
            Some((s, None))
        }
        Target::Preface { index, id } => {
            let p = match id {
                Some(id) => report.preface.iter_mut().find(|p| p.id == Some(*id)),
                None => report.preface.get_mut(*index),
            }?;
            Some((&mut p.text, None))
        }
        Target::Part { part, id } => {
            let p = part_mut(report, *part, *id)?;
            Some((&mut p.heading, Some(&mut p.body)))
        }
        Target::Block { part, path, id } => {
            let block = match id {
                Some(id) => report
                    .parts
                    .iter_mut()
                    .find_map(|p| find_block_by_id(&mut p.blocks, *id)),
                None => find_block_by_path(&mut report.parts.get_mut(*part)?.blocks, path),
            }?;
            Some(match block {
                Block::Paragraph(p) => (&mut p.text, None),
                Block::Heading(h) => (&mut h.text, Some(&mut h.body)),
            })
        }
    }
}

fn reads(slot: &Slot<'_>, t: &FixText) -> bool {
    *slot.0 == t.text && slot.1.as_ref().map_or(t.body.is_empty(), |b| **b == t.body)
}

/// Adds the paragraph of a fix with no `before` to the end of its part, unless the part
/// already has it.
fn add_paragraph(report: &mut Report, target: &Target, text: &str) -> bool {
    let Target::Part { part, id } = target else {
        return false;
    };
    let Some(p) = part_mut(report, *part, *id) else {
        return false;
    };
    if p.blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph(q) if q.text == text))
    {
        return false;
    }
    p.blocks.push(Block::Paragraph(Paragraph::new(text)));
    true
}

/// Applies the fixes in order and returns how many changed the report. A fix whose target
/// no longer reads as `before` (edited since, or already changed by an earlier fix) is
/// skipped; the same fix given twice applies once. Check again to pick up what was skipped.
pub fn apply_fixes(report: &mut Report, fixes: &[Fix]) -> usize {
    let mut applied = 0;
    for fix in fixes {
        let Some(before) = &fix.before else {
            applied += usize::from(add_paragraph(report, &fix.target, &fix.after.text));
            continue;
        };
        let Some(slot) = slot(report, &fix.target) else {
            continue;
        };
        if !reads(&slot, before) || reads(&slot, &fix.after) {
            continue;
        }
        let (text, body) = slot;
        *text = fix.after.text.clone();
        if let Some(body) = body {
            *body = fix.after.body.clone();
        }
        applied += 1;
    }
    applied
}

/// The punctuation fixes among `findings`, one per target, and how many marks they correct.
pub fn punctuation_fixes(findings: &[Finding]) -> (Vec<Fix>, usize) {
    let mut fixes: Vec<Fix> = Vec::new();
    let mut marks = 0;
    for f in findings.iter().filter(|f| f.rule == Rule::Punctuation) {
        let Some(fix) = &f.fix else { continue };
        marks += 1;
        if fixes.last() != Some(fix) {
            fixes.push(fix.clone());
        }
    }
    (fixes, marks)
}

#[cfg(test)]
mod tests {
    use nianbao_report::{DocDate, Heading, template};

    use super::*;
    use crate::check;

    fn today() -> DocDate {
        DocDate::new(2024, 2, 18).unwrap()
    }

    fn report() -> Report {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.meta.title = Some("某镇人民政府2023年法治政府建设年度情况报告(草稿)".into());
        r.preface[0].text = "2023年,在区委、区政府的坚强领导下,我镇坚持依法行政。".into();
        let mut h = Heading::new("积极走访企业,稳企解困。");
        h.body = "走访\"服务包\"企业34家次;解决诉求93件。".into();
        h.id = Some(9);
        let mut l2 = Heading::new("加快推进政府职能转变");
        l2.children.push(Block::Heading(h));
        r.parts[0].blocks = vec![Block::Heading(l2)];
        r
    }

    #[test]
    fn punctuation_fixes_apply_once_and_fix_everything() {
        let mut r = report();
        let findings = check(&r, today());
        let (fixes, marks) = punctuation_fixes(&findings);
        assert_eq!((fixes.len(), marks), (3, 8));
        assert_eq!(apply_fixes(&mut r, &fixes), 3);
        assert_eq!(
            r.meta.title.as_deref(),
            Some("某镇人民政府2023年法治政府建设年度情况报告（草稿）")
        );
        assert_eq!(
            r.preface[0].text,
            "2023年，在区委、区政府的坚强领导下，我镇坚持依法行政。"
        );
        let Block::Heading(l2) = &r.parts[0].blocks[0] else {
            panic!()
        };
        let Block::Heading(h) = &l2.children[0] else {
            panic!()
        };
        assert_eq!(h.text, "积极走访企业，稳企解困。");
        assert_eq!(h.body, "走访“服务包”企业34家次；解决诉求93件。");
        // Again: nothing left, nothing applied.
        assert_eq!(apply_fixes(&mut r, &fixes), 0);
        assert!(
            check(&r, today())
                .iter()
                .all(|f| f.rule != Rule::Punctuation)
        );
    }

    #[test]
    fn stale_fixes_are_skipped_and_ids_win_over_paths() {
        let mut r = report();
        let (fixes, _) = punctuation_fixes(&check(&r, today()));
        // The heading moves: its id still finds it.
        let l2 = r.parts[0].blocks.remove(0);
        r.parts[1].blocks.insert(0, l2);
        // The preface was edited since the check: its fix is stale.
        r.preface[0].text.push('X');
        assert_eq!(apply_fixes(&mut r, &fixes), 2);
        assert!(r.preface[0].text.contains(','));
        let Block::Heading(l2) = &r.parts[1].blocks[0] else {
            panic!()
        };
        let Block::Heading(h) = &l2.children[0] else {
            panic!()
        };
        assert_eq!(h.text, "积极走访企业，稳企解困。");
    }

    #[test]
    fn an_empty_part_five_gets_its_sentence() {
        let mut r = report();
        r.parts[4].blocks.clear();
        let fixes: Vec<Fix> = check(&r, today())
            .into_iter()
            .filter(|f| f.rule == Rule::PartEmpty && f.location.label == "五、")
            .filter_map(|f| f.fix)
            .collect();
        assert_eq!(apply_fixes(&mut r, &fixes), 1);
        assert_eq!(apply_fixes(&mut r, &fixes), 0);
        assert_eq!(
            r.parts[4].blocks,
            [Block::Paragraph(Paragraph::new(crate::NOTHING_ELSE))]
        );
    }
}
