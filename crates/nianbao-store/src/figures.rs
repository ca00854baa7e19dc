//! Rows of `figures`: a report's 数据项 in order, with this year's and last year's value as
//! exact decimal text.

use nianbao_report::{
    figures::{Figure, parse_value},
    template,
};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rusqlite_migration::HookResult;
use serde::{Deserialize, Serialize};

use crate::{Refusal, Store, StoreError, blocks::report_exists, schema::NOW};

/// Which of a figure's two values.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureYear {
    /// This year's value (本年).
    This,
    /// Last year's value (上年).
    Last,
}

const COLUMNS: &str = "key, name, unit, meaning, value, last_value, custom";

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Figure> {
    Ok(Figure {
        key: r.get(0)?,
        name: r.get(1)?,
        unit: r.get(2)?,
        meaning: r.get(3)?,
        value: r.get(4)?,
        last_value: r.get(5)?,
        custom: r.get(6)?,
    })
}

/// The figures of report `id`, in order.
pub(crate) fn read(conn: &Connection, id: i64) -> Result<Vec<Figure>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM figures WHERE report_id = ?1 ORDER BY position"
    ))?;
    let rows = stmt.query_map([id], read_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Replaces the figures of report `id` with `figures`, in order.
pub(crate) fn write(tx: &Transaction<'_>, id: i64, figures: &[Figure]) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM figures WHERE report_id = ?1")?
        .execute([id])?;
    let mut stmt = tx.prepare_cached(&format!(
        "INSERT INTO figures (report_id, position, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    ))?;
    for (i, f) in figures.iter().enumerate() {
        // Values that do not read as figures (a hand-edited JSON import) are dropped, not stored.
        let clean = |v: &Option<String>| v.as_deref().and_then(|v| parse_value(v, &f.unit).ok());
        stmt.execute(params![
            id,
            i as i64,
            f.key,
            f.name,
            f.unit,
            f.meaning,
            clean(&f.value),
            clean(&f.last_value),
            f.custom
        ])?;
    }
    Ok(())
}

/// Migration 3's hook: every existing report gets its template's figures, without values.
pub(crate) fn seed_existing_reports(tx: &Transaction<'_>) -> HookResult {
    let reports: Vec<(i64, String)> = tx
        .prepare("SELECT id, template FROM reports")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (id, template_id) in reports {
        let tpl = template::builtin(&template_id).unwrap_or_else(template::default_template);
        write(tx, id, &tpl.seed_figures())
            .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
    }
    Ok(())
}

fn touch(tx: &Transaction<'_>, report_id: i64) -> Result<(), StoreError> {
    tx.prepare_cached(&format!(
        "UPDATE reports SET updated_at = {NOW} WHERE id = ?1"
    ))?
    .execute([report_id])?;
    Ok(())
}

fn figure(tx: &Transaction<'_>, report_id: i64, key: &str) -> Result<Figure, StoreError> {
    report_exists(tx, report_id)?;
    tx.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM figures WHERE report_id = ?1 AND key = ?2"
    ))?
    .query_row(params![report_id, key], read_row)
    .optional()?
    .ok_or_else(|| Refusal::UnknownFigure(key.to_string()).into())
}

/// A name for a figure: not empty, not another figure's.
fn check_name(
    tx: &Transaction<'_>,
    report_id: i64,
    name: &str,
    except_key: Option<&str>,
) -> Result<(), StoreError> {
    if name.trim().is_empty() {
        return Err(Refusal::FigureName(name.to_string()).into());
    }
    let taken: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM figures WHERE report_id = ?1 AND name = ?2 AND key IS NOT ?3)",
        )?
        .query_row(params![report_id, name.trim(), except_key], |r| r.get(0))?;
    if taken {
        return Err(Refusal::FigureName(name.to_string()).into());
    }
    Ok(())
}

impl Store {
    /// The figures of report `id`, in order.
    pub fn figures(&self, report_id: i64) -> Result<Vec<Figure>, StoreError> {
        let exists: bool = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM reports WHERE id = ?1)")?
            .query_row([report_id], |r| r.get(0))?;
        if !exists {
            return Err(StoreError::NotFound(crate::Missing::Report(report_id)));
        }
        read(&self.conn, report_id)
    }

    /// Sets (or with `None` clears) one value of figure `key`; the input is read as the
    /// drafter types it (`15`, `12.5`, `100%`) and stored exactly. Returns the figure.
    pub fn set_figure_value(
        &mut self,
        report_id: i64,
        key: &str,
        year: FigureYear,
        input: Option<&str>,
    ) -> Result<Figure, StoreError> {
        self.write(|tx| {
            let mut f = figure(tx, report_id, key)?;
            let value = input
                .filter(|s| !s.trim().is_empty())
                .map(|s| parse_value(s, &f.unit))
                .transpose()
                .map_err(|e| Refusal::BadValue(e.to_string()))?;
            let column = match year {
                FigureYear::This => {
                    f.value = value.clone();
                    "value"
                }
                FigureYear::Last => {
                    f.last_value = value.clone();
                    "last_value"
                }
            };
            tx.prepare_cached(&format!(
                "UPDATE figures SET {column} = ?3 WHERE report_id = ?1 AND key = ?2"
            ))?
            .execute(params![report_id, key, value])?;
            touch(tx, report_id)?;
            Ok(f)
        })
    }

    /// Adds a figure of the drafter's own at the end; its key is generated (`custom_1`, …).
    pub fn add_figure(
        &mut self,
        report_id: i64,
        name: &str,
        unit: &str,
        meaning: &str,
    ) -> Result<Figure, StoreError> {
        self.write(|tx| {
            report_exists(tx, report_id)?;
            check_name(tx, report_id, name, None)?;
            let (n, position): (i64, i64) = tx
                .prepare_cached(
                    "SELECT coalesce(max(CAST(substr(key, 8) AS INTEGER)), 0) + 1,
                            (SELECT count(*) FROM figures WHERE report_id = ?1)
                     FROM figures WHERE report_id = ?1 AND key GLOB 'custom_[0-9]*'",
                )?
                .query_row([report_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let mut f = Figure::custom(format!("custom_{n}"), name.trim(), unit.trim());
            f.meaning = meaning.trim().to_string();
            tx.prepare_cached(&format!(
                "INSERT INTO figures (report_id, position, {COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, NULL, 1)"
            ))?
            .execute(params![report_id, position, f.key, f.name, f.unit, f.meaning])?;
            touch(tx, report_id)?;
            Ok(f)
        })
    }

    /// Renames a figure of the drafter's own (name, unit, meaning); the key, and so every
    /// quote of it, stays. The template's figures keep their names.
    pub fn rename_figure(
        &mut self,
        report_id: i64,
        key: &str,
        name: &str,
        unit: &str,
        meaning: &str,
    ) -> Result<Figure, StoreError> {
        self.write(|tx| {
            let mut f = figure(tx, report_id, key)?;
            if !f.custom {
                return Err(Refusal::TemplateFigure(f.name).into());
            }
            check_name(tx, report_id, name, Some(key))?;
            (f.name, f.unit, f.meaning) = (
                name.trim().to_string(),
                unit.trim().to_string(),
                meaning.trim().to_string(),
            );
            tx.prepare_cached(
                "UPDATE figures SET name = ?3, unit = ?4, meaning = ?5 WHERE report_id = ?1 AND key = ?2",
            )?
            .execute(params![report_id, key, f.name, f.unit, f.meaning])?;
            touch(tx, report_id)?;
            Ok(f)
        })
    }

    /// Removes a figure of the drafter's own; quotes of it then print 〔未知数据项〕 and the
    /// checker reports them. The template's figures stay.
    pub fn remove_figure(&mut self, report_id: i64, key: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            let f = figure(tx, report_id, key)?;
            if !f.custom {
                return Err(Refusal::TemplateFigure(f.name).into());
            }
            tx.prepare_cached("DELETE FROM figures WHERE report_id = ?1 AND key = ?2")?
                .execute(params![report_id, key])?;
            // Keep positions dense.
            tx.prepare_cached(
                "UPDATE figures SET position = (SELECT count(*) FROM figures g
                     WHERE g.report_id = figures.report_id AND g.position < figures.position)
                 WHERE report_id = ?1",
            )?
            .execute([report_id])?;
            touch(tx, report_id)
        })
    }
}
