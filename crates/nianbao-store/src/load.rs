//! Loading a report: its meta row, then all its block rows in one ordered query, rebuilt into
//! the model tree in memory in O(n).

use std::collections::HashMap;

use nianbao_report::{Block, Heading, Paragraph, Part, Report};
use rusqlite::{OptionalExtension, params};

use crate::{Missing, Store, StoreError, reports::read_meta};

/// One row of `blocks` as loading needs it.
struct Row {
    id: i64,
    parent_id: Option<i64>,
    section: String,
    kind: String,
    statutory: Option<String>,
    text: String,
    body: String,
}

/// Deeper than any sound report (part plus four levels); a file past it is damaged.
const MAX_NESTING: usize = 8;

impl Store {
    /// The report with this id (in the trash or not), with ids filled in on every part,
    /// block and preface paragraph, and its figures, planned items and review.
    pub fn load_report(&self, id: i64) -> Result<Report, StoreError> {
        let meta = self
            .conn
            .prepare_cached(
                "SELECT template, issuer, year, title, recipient, signature, date, attachments,
                        imprint, sealed
                 FROM reports WHERE id = ?1",
            )?
            .query_row([id], read_meta)
            .optional()?
            .ok_or(StoreError::NotFound(Missing::Report(id)))?
            .map_err(|detail| self.damaged(format!("report {id}: {detail}")))?;

        // The index (report_id, parent_id, position) yields the rows already in this order.
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, parent_id, section, kind, statutory, text, body FROM blocks
             WHERE report_id = ?1 ORDER BY parent_id, position, id",
        )?;
        let rows = stmt
            .query_map(params![id], |r| {
                Ok(Row {
                    id: r.get(0)?,
                    parent_id: r.get(1)?,
                    section: r.get(2)?,
                    kind: r.get(3)?,
                    statutory: r.get(4)?,
                    text: r.get(5)?,
                    body: r.get(6)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;

        let mut children: HashMap<i64, Vec<usize>> = HashMap::new();
        let mut report = Report::empty(meta);
        let mut parts = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            match (row.parent_id, row.section.as_str()) {
                (Some(parent), _) => children.entry(parent).or_default().push(i),
                (None, "preface") => report.preface.push(Paragraph {
                    id: Some(row.id),
                    text: row.text.clone(),
                }),
                (None, _) => parts.push(i),
            }
        }
        let builder = Builder {
            rows: &rows,
            children: &children,
        };
        for i in parts {
            let row = &rows[i];
            report.parts.push(Part {
                id: Some(row.id),
                statutory: row.statutory.clone(),
                heading: row.text.clone(),
                body: row.body.clone(),
                blocks: builder
                    .blocks(row.id, 1)
                    .map_err(|detail| self.damaged(format!("report {id}: {detail}")))?,
            });
        }
        crate::plan::read_extras(self, id, &mut report)?;
        Ok(report)
    }

    pub(crate) fn damaged(&self, detail: String) -> StoreError {
        StoreError::Damaged {
            path: self.path.clone(),
            detail,
        }
    }
}

struct Builder<'a> {
    rows: &'a [Row],
    children: &'a HashMap<i64, Vec<usize>>,
}

impl Builder<'_> {
    /// The children of row `parent`, in order, with their subtrees.
    fn blocks(&self, parent: i64, depth: usize) -> Result<Vec<Block>, String> {
        if depth > MAX_NESTING {
            return Err(format!("blocks nest deeper than {MAX_NESTING} levels"));
        }
        let Some(list) = self.children.get(&parent) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::with_capacity(list.len());
        for &i in list {
            let row = &self.rows[i];
            out.push(match row.kind.as_str() {
                "heading" => Block::Heading(Heading {
                    id: Some(row.id),
                    text: row.text.clone(),
                    body: row.body.clone(),
                    children: self.blocks(row.id, depth + 1)?,
                }),
                _ => Block::Paragraph(Paragraph {
                    id: Some(row.id),
                    text: row.text.clone(),
                }),
            });
        }
        Ok(out)
    }
}
