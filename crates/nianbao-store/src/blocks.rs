//! Edits of one block (update, insert, move, delete) that touch only that block's rows and
//! its siblings' positions, never the rest of the report.

use nianbao_report::{Block, Part};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::{
    Missing, Refusal, Store, StoreError,
    schema::NOW,
    tree::{Section, Writer},
};

/// Where a block goes: an index among the children of the preface, a part or a heading.
/// For a move, the index counts the new siblings without the moved block.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum Position {
    /// Among the 导语 paragraphs of a report.
    Preface { report_id: i64, index: usize },
    /// Directly in a part (a heading placed here is level 2).
    InPart { part_id: i64, index: usize },
    /// Under a heading (one level below it).
    InHeading { heading_id: i64, index: usize },
}

/// The deepest heading level; a part's own heading is level 1.
const MAX_LEVEL: usize = 4;

/// One sibling list: the children of `parent` (or the report's preface or parts when none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Siblings {
    report_id: i64,
    parent_id: Option<i64>,
    section: Section,
}

/// A block's row, without its text.
struct Row {
    report_id: i64,
    parent_id: Option<i64>,
    section: Section,
    position: usize,
    kind: String,
}

impl Row {
    fn siblings(&self) -> Siblings {
        Siblings {
            report_id: self.report_id,
            parent_id: self.parent_id,
            section: self.section,
        }
    }
}

fn row(tx: &Transaction<'_>, id: i64) -> Result<Row, StoreError> {
    tx.prepare_cached(
        "SELECT report_id, parent_id, section, position, kind FROM blocks WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Row {
            report_id: r.get(0)?,
            parent_id: r.get(1)?,
            section: Section::from_column(&r.get::<_, String>(2)?),
            position: r.get::<_, i64>(3)?.try_into().unwrap_or(0),
            kind: r.get(4)?,
        })
    })
    .optional()?
    .ok_or(StoreError::NotFound(Missing::Block(id)))
}

fn count(tx: &Transaction<'_>, s: Siblings) -> Result<usize, StoreError> {
    let n: i64 = tx
        .prepare_cached(
            "SELECT count(*) FROM blocks
             WHERE report_id = ?1 AND parent_id IS ?2 AND section = ?3",
        )?
        .query_row(params![s.report_id, s.parent_id, s.section.as_str()], |r| {
            r.get(0)
        })?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Makes room at `index` among `s` (all positions from `index` move one up).
fn open_gap(tx: &Transaction<'_>, s: Siblings, index: usize) -> Result<(), StoreError> {
    tx.prepare_cached(
        "UPDATE blocks SET position = position + 1
         WHERE report_id = ?1 AND parent_id IS ?2 AND section = ?3 AND position >= ?4",
    )?
    .execute(params![
        s.report_id,
        s.parent_id,
        s.section.as_str(),
        index as i64
    ])?;
    Ok(())
}

/// Closes the hole a block left at `index` among `s`.
fn close_gap(tx: &Transaction<'_>, s: Siblings, index: usize) -> Result<(), StoreError> {
    tx.prepare_cached(
        "UPDATE blocks SET position = position - 1
         WHERE report_id = ?1 AND parent_id IS ?2 AND section = ?3 AND position > ?4",
    )?
    .execute(params![
        s.report_id,
        s.parent_id,
        s.section.as_str(),
        index as i64
    ])?;
    Ok(())
}

pub(crate) fn touch(tx: &Transaction<'_>, report_id: i64) -> Result<(), StoreError> {
    let n = tx
        .prepare_cached(&format!(
            "UPDATE reports SET updated_at = {NOW} WHERE id = ?1"
        ))?
        .execute([report_id])?;
    if n == 0 {
        return Err(StoreError::NotFound(Missing::Report(report_id)));
    }
    Ok(())
}

pub(crate) fn report_exists(tx: &Transaction<'_>, id: i64) -> Result<(), StoreError> {
    tx.prepare_cached("SELECT 1 FROM reports WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .ok_or(StoreError::NotFound(Missing::Report(id)))
}

/// A resolved [`Position`]: the sibling list, the index, the ancestors (nearest first) and
/// the level a heading placed there would have.
struct Slot {
    siblings: Siblings,
    index: usize,
    ancestors: Vec<i64>,
    level: usize,
}

fn resolve(tx: &Transaction<'_>, at: Position) -> Result<Slot, StoreError> {
    match at {
        Position::Preface { report_id, index } => {
            report_exists(tx, report_id)?;
            Ok(Slot {
                siblings: Siblings {
                    report_id,
                    parent_id: None,
                    section: Section::Preface,
                },
                index,
                ancestors: Vec::new(),
                level: 0,
            })
        }
        Position::InPart { part_id, index } => {
            let part = row(tx, part_id)?;
            if part.kind != "part" {
                return Err(Refusal::WrongKind {
                    id: part_id,
                    expected: "part",
                }
                .into());
            }
            Ok(Slot {
                siblings: Siblings {
                    report_id: part.report_id,
                    parent_id: Some(part_id),
                    section: Section::Body,
                },
                index,
                ancestors: vec![part_id],
                level: 2,
            })
        }
        Position::InHeading { heading_id, index } => {
            let heading = row(tx, heading_id)?;
            match heading.kind.as_str() {
                "heading" => {}
                "paragraph" => return Err(Refusal::UnderParagraph(heading_id).into()),
                _ => {
                    return Err(Refusal::WrongKind {
                        id: heading_id,
                        expected: "heading",
                    }
                    .into());
                }
            }
            let mut ancestors = vec![heading_id];
            let mut up = heading.parent_id;
            // The chain is at most four rows long in a sound file; the bound stops a loop
            // that a hand-edited file could hold.
            while let Some(id) = up {
                if ancestors.len() > MAX_LEVEL + 1 {
                    return Err(Refusal::TooDeep.into());
                }
                ancestors.push(id);
                up = tx
                    .prepare_cached("SELECT parent_id FROM blocks WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))?;
            }
            Ok(Slot {
                siblings: Siblings {
                    report_id: heading.report_id,
                    parent_id: Some(heading_id),
                    section: Section::Body,
                },
                index,
                // The part is the last ancestor and is level 1, so a child sits one below.
                level: ancestors.len() + 1,
                ancestors,
            })
        }
    }
}

/// How many heading levels a block spans (0 for a paragraph, 1 for a bare heading).
fn height(block: &Block) -> usize {
    match block {
        Block::Paragraph(_) => 0,
        Block::Heading(h) => 1 + h.children.iter().map(height).max().unwrap_or(0),
    }
}

/// How many heading levels the stored heading `id` spans with its subtree.
fn stored_height(tx: &Transaction<'_>, id: i64) -> Result<usize, StoreError> {
    let h: i64 = tx
        .prepare_cached(
            "WITH RECURSIVE sub(id, depth) AS (
                 SELECT id, 1 FROM blocks WHERE id = ?1
                 UNION ALL
                 SELECT b.id, sub.depth + 1 FROM blocks b JOIN sub ON b.parent_id = sub.id
                 WHERE b.kind = 'heading' AND sub.depth <= 8
             )
             SELECT max(depth) FROM sub",
        )?
        .query_row([id], |r| r.get(0))?;
    Ok(usize::try_from(h).unwrap_or(0))
}

/// Refuses a heading of `height` levels at `slot` when it would go below level 4.
fn check_depth(slot: &Slot, height: usize) -> Result<(), StoreError> {
    if height == 0 {
        return Ok(());
    }
    if slot.siblings.section == Section::Preface {
        return Err(Refusal::HeadingInPreface.into());
    }
    if slot.level + height - 1 > MAX_LEVEL {
        return Err(Refusal::TooDeep.into());
    }
    Ok(())
}

fn check_index(index: usize, len: usize) -> Result<(), StoreError> {
    if index > len {
        return Err(Refusal::IndexOutOfRange { index, len }.into());
    }
    Ok(())
}

impl Store {
    /// Sets a paragraph's text, or a heading's or part's heading sentence and run-in body:
    /// one row and the report's `updated_at`, whatever the size of the report.
    pub fn update_block(
        &mut self,
        block_id: i64,
        text: &str,
        body: &str,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            // One statement finds and changes the row; a paragraph keeps its empty body, and
            // a body passed for one rolls the transaction back below.
            let found: Option<(i64, String)> = tx
                .prepare_cached(
                    "UPDATE blocks
                     SET text = ?2, body = CASE kind WHEN 'paragraph' THEN '' ELSE ?3 END
                     WHERE id = ?1
                     RETURNING report_id, kind",
                )?
                .query_row(params![block_id, text, body], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let (report_id, kind) = found.ok_or(StoreError::NotFound(Missing::Block(block_id)))?;
            if kind == "paragraph" && !body.is_empty() {
                return Err(Refusal::ParagraphBody.into());
            }
            touch(tx, report_id)
        })
    }

    /// Inserts `block` with its subtree at `at`; returns the new block's id.
    pub fn insert_block(&mut self, at: Position, block: &Block) -> Result<i64, StoreError> {
        self.write(|tx| {
            let slot = resolve(tx, at)?;
            check_depth(&slot, height(block))?;
            check_index(slot.index, count(tx, slot.siblings)?)?;
            open_gap(tx, slot.siblings, slot.index)?;
            let writer = Writer {
                tx,
                report_id: slot.siblings.report_id,
                keep_ids: false,
            };
            let id = writer.block(slot.siblings.parent_id, slot.index, block)?;
            touch(tx, slot.siblings.report_id)?;
            Ok(id)
        })
    }

    /// Moves a heading or paragraph with its subtree to `to`, in the same report; refuses
    /// moves into its own subtree, below level 4, under a paragraph, or of a heading into
    /// the preface.
    pub fn move_block(&mut self, block_id: i64, to: Position) -> Result<(), StoreError> {
        self.write(|tx| {
            let block = row(tx, block_id)?;
            if block.kind == "part" {
                return Err(Refusal::PartAsBlock(block_id).into());
            }
            let slot = resolve(tx, to)?;
            if slot.siblings.report_id != block.report_id {
                return Err(Refusal::OtherReport.into());
            }
            if block.kind == "heading" {
                if slot.ancestors.contains(&block_id) {
                    return Err(Refusal::IntoOwnSubtree.into());
                }
                check_depth(&slot, stored_height(tx, block_id)?)?;
            }
            let from = block.siblings();
            let mut len = count(tx, slot.siblings)?;
            if from == slot.siblings {
                len -= 1;
            }
            check_index(slot.index, len)?;
            close_gap(tx, from, block.position)?;
            tx.prepare_cached(
                "UPDATE blocks SET position = position + 1
                 WHERE report_id = ?1 AND parent_id IS ?2 AND section = ?3 AND position >= ?4
                   AND id <> ?5",
            )?
            .execute(params![
                slot.siblings.report_id,
                slot.siblings.parent_id,
                slot.siblings.section.as_str(),
                slot.index as i64,
                block_id
            ])?;
            tx.prepare_cached(
                "UPDATE blocks SET parent_id = ?2, section = ?3, position = ?4 WHERE id = ?1",
            )?
            .execute(params![
                block_id,
                slot.siblings.parent_id,
                slot.siblings.section.as_str(),
                slot.index as i64
            ])?;
            touch(tx, block.report_id)
        })
    }

    /// Deletes a block (a part, heading or paragraph) with its subtree.
    pub fn delete_block(&mut self, block_id: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            let block = row(tx, block_id)?;
            // ON DELETE CASCADE removes the subtree.
            tx.prepare_cached("DELETE FROM blocks WHERE id = ?1")?
                .execute([block_id])?;
            close_gap(tx, block.siblings(), block.position)?;
            touch(tx, block.report_id)
        })
    }

    /// Inserts `part` with its blocks as part number `index` (0-based); returns its id.
    pub fn insert_part(
        &mut self,
        report_id: i64,
        index: usize,
        part: &Part,
    ) -> Result<i64, StoreError> {
        self.write(|tx| {
            report_exists(tx, report_id)?;
            // The part is level 1, so its blocks may span three more levels.
            if part.blocks.iter().map(height).max().unwrap_or(0) > MAX_LEVEL - 1 {
                return Err(Refusal::TooDeep.into());
            }
            let parts = Siblings {
                report_id,
                parent_id: None,
                section: Section::Part,
            };
            check_index(index, count(tx, parts)?)?;
            open_gap(tx, parts, index)?;
            let writer = Writer {
                tx,
                report_id,
                keep_ids: false,
            };
            let id = writer.part(index, part)?;
            touch(tx, report_id)?;
            Ok(id)
        })
    }

    /// Moves a part to number `index` (0-based, counted without the part itself).
    pub fn move_part(&mut self, part_id: i64, index: usize) -> Result<(), StoreError> {
        self.write(|tx| {
            let part = row(tx, part_id)?;
            if part.kind != "part" {
                return Err(Refusal::WrongKind {
                    id: part_id,
                    expected: "part",
                }
                .into());
            }
            let parts = part.siblings();
            check_index(index, count(tx, parts)? - 1)?;
            close_gap(tx, parts, part.position)?;
            tx.prepare_cached(
                "UPDATE blocks SET position = position + 1
                 WHERE report_id = ?1 AND parent_id IS NULL AND section = 'part'
                   AND position >= ?2 AND id <> ?3",
            )?
            .execute(params![part.report_id, index as i64, part_id])?;
            tx.prepare_cached("UPDATE blocks SET position = ?2 WHERE id = ?1")?
                .execute(params![part_id, index as i64])?;
            touch(tx, part.report_id)
        })
    }
}
