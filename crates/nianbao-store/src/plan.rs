//! Rows of `plan_items` (last year's planned items, each linked to the block that reports on
//! it) and the `review` column (保密审查); and writing both with the figures whenever a
//! whole report is written.

use std::collections::HashMap;

use nianbao_report::{Block, DocDate, PlanItem, Report, Review, ReviewState};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::{Missing, Refusal, Store, StoreError, blocks::report_exists, schema::NOW};

/// The plan items of report `id`, in order.
fn read_items(conn: &Connection, id: i64) -> Result<Vec<PlanItem>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, text, source, block_id FROM plan_items WHERE report_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(PlanItem {
            id: Some(r.get(0)?),
            text: r.get(1)?,
            source: r.get(2)?,
            block: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The review recorded on report `id`; `Err` with the reason when the stored JSON is damaged.
fn read_review(conn: &Connection, id: i64) -> Result<Option<Result<Review, String>>, StoreError> {
    let json: Option<String> = conn
        .prepare_cached("SELECT review FROM reports WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(json.map(|j| serde_json::from_str(&j).map_err(|e| format!("review: {e}"))))
}

fn write_review(tx: &Transaction<'_>, id: i64, review: Option<&Review>) -> Result<(), StoreError> {
    let json = review
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into())))?;
    tx.prepare_cached("UPDATE reports SET review = ?2 WHERE id = ?1")?
        .execute(params![id, json])?;
    Ok(())
}

/// Block ids in document order: preface, then each part followed by its tree depth first.
fn model_order(report: &Report) -> Vec<Option<i64>> {
    fn walk(blocks: &[Block], out: &mut Vec<Option<i64>>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push(p.id),
                Block::Heading(h) => {
                    out.push(h.id);
                    walk(&h.children, out);
                }
            }
        }
    }
    let mut out: Vec<Option<i64>> = report.preface.iter().map(|p| p.id).collect();
    for part in &report.parts {
        out.push(part.id);
        walk(&part.blocks, &mut out);
    }
    out
}

/// The stored rows of report `id` in the same document order.
fn stored_order(tx: &Transaction<'_>, id: i64) -> Result<Vec<i64>, StoreError> {
    let rows: Vec<(i64, Option<i64>, String)> = tx
        .prepare_cached(
            "SELECT id, parent_id, section FROM blocks WHERE report_id = ?1
             ORDER BY parent_id, position, id",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut children: HashMap<i64, Vec<i64>> = HashMap::new();
    let (mut preface, mut parts) = (Vec::new(), Vec::new());
    for (row, parent, section) in rows {
        match (parent, section.as_str()) {
            (Some(p), _) => children.entry(p).or_default().push(row),
            (None, "preface") => preface.push(row),
            (None, _) => parts.push(row),
        }
    }
    fn walk(id: i64, children: &HashMap<i64, Vec<i64>>, out: &mut Vec<i64>) {
        out.push(id);
        for &c in children.get(&id).into_iter().flatten() {
            walk(c, children, out);
        }
    }
    let mut out = preface;
    for p in parts {
        walk(p, &children, &mut out);
    }
    Ok(out)
}

/// Writes the figures, plan items and review of a report whose tree was just written as
/// report `id`. Plan links follow their blocks to the ids the tree got (a copy's blocks have
/// new ids); a link to a block the report does not hold is dropped.
pub(crate) fn write_extras(
    tx: &Transaction<'_>,
    id: i64,
    report: &Report,
) -> Result<(), StoreError> {
    crate::figures::write(tx, id, &report.figures)?;
    let ids: HashMap<i64, i64> = model_order(report)
        .into_iter()
        .zip(stored_order(tx, id)?)
        .filter_map(|(old, new)| Some((old?, new)))
        .collect();
    tx.prepare_cached("DELETE FROM plan_items WHERE report_id = ?1")?
        .execute([id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO plan_items (report_id, position, text, source, block_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, item) in report.plan.iter().enumerate() {
        let block = item.block.and_then(|b| ids.get(&b).copied());
        stmt.execute(params![id, i as i64, item.text, item.source, block])?;
    }
    write_review(tx, id, report.review.as_ref())
}

/// The planned items of report `id` that are linked, with their blocks.
pub(crate) fn links(tx: &Transaction<'_>, id: i64) -> Result<Vec<(i64, i64)>, StoreError> {
    let rows = tx
        .prepare_cached(
            "SELECT id, block_id FROM plan_items WHERE report_id = ?1 AND block_id IS NOT NULL",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Links each item of `links` to its block again where report `id` holds that block.
pub(crate) fn relink(
    tx: &Transaction<'_>,
    id: i64,
    links: &[(i64, i64)],
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "UPDATE plan_items SET block_id = ?2
         WHERE id = ?1 AND EXISTS (SELECT 1 FROM blocks WHERE id = ?2 AND report_id = ?3)",
    )?;
    for &(item, block) in links {
        stmt.execute(params![item, block, id])?;
    }
    Ok(())
}

/// Fills in the figures, plan items and review of a loaded report.
pub(crate) fn read_extras(store: &Store, id: i64, report: &mut Report) -> Result<(), StoreError> {
    report.figures = crate::figures::read(&store.conn, id)?;
    report.plan = read_items(&store.conn, id)?;
    report.review = read_review(&store.conn, id)?
        .transpose()
        .map_err(|detail| store.damaged(format!("report {id}: {detail}")))?;
    Ok(())
}

impl Store {
    /// Links planned item `item_id` to block `block_id` of the same report (the block that
    /// says what became of it), or unlinks it with `None`.
    pub fn link_plan_item(
        &mut self,
        item_id: i64,
        block_id: Option<i64>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let report_id: i64 = tx
                .prepare_cached("SELECT report_id FROM plan_items WHERE id = ?1")?
                .query_row([item_id], |r| r.get(0))
                .optional()?
                .ok_or(StoreError::NotFound(Missing::PlanItem(item_id)))?;
            if let Some(block) = block_id {
                let owner: i64 = tx
                    .prepare_cached("SELECT report_id FROM blocks WHERE id = ?1")?
                    .query_row([block], |r| r.get(0))
                    .optional()?
                    .ok_or(StoreError::NotFound(Missing::Block(block)))?;
                if owner != report_id {
                    return Err(Refusal::LinkToOtherReport.into());
                }
            }
            tx.prepare_cached("UPDATE plan_items SET block_id = ?2 WHERE id = ?1")?
                .execute(params![item_id, block_id])?;
            tx.prepare_cached(&format!(
                "UPDATE reports SET updated_at = {NOW} WHERE id = ?1"
            ))?
            .execute([report_id])?;
            Ok(())
        })
    }

    /// Records the 保密审查 of report `id` as it is now (the three ticks, dated `date`).
    pub fn record_review(&mut self, report_id: i64, date: DocDate) -> Result<Review, StoreError> {
        let review = self.load_report(report_id)?.review_now(date);
        self.write(|tx| {
            report_exists(tx, report_id)?;
            write_review(tx, report_id, Some(&review))?;
            Ok(review.clone())
        })
    }

    /// 以上年度报告为基础新建: a new report for `year` from report `source_id` (see
    /// [`Report::carried_to`]: figures carried, part 四 as the planned-items checklist).
    pub fn create_from_previous(&mut self, source_id: i64, year: u16) -> Result<i64, StoreError> {
        let next = self.load_report(source_id)?.carried_to(year);
        self.create_report(&next)
    }

    /// Clears the 保密审查 of report `id`.
    pub fn clear_review(&mut self, report_id: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            report_exists(tx, report_id)?;
            write_review(tx, report_id, None)
        })
    }

    /// Where the 保密审查 of report `id` stands against its content now.
    pub fn review_state(&self, report_id: i64) -> Result<ReviewState, StoreError> {
        Ok(self.load_report(report_id)?.review_state())
    }
}
