//! Writing model trees (a whole report, a part, a block with its subtree) as rows of
//! `blocks`, one row per part, heading and paragraph.

use nianbao_report::{Block, Part, Report};
use rusqlite::{Transaction, params};

use crate::StoreError;

/// The `section` column: which sibling list a root-level row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Preface,
    Part,
    Body,
}

impl Section {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Section::Preface => "preface",
            Section::Part => "part",
            Section::Body => "body",
        }
    }

    /// The value of a `section` column (its CHECK admits only the three names).
    pub(crate) fn from_column(s: &str) -> Self {
        match s {
            "preface" => Section::Preface,
            "part" => Section::Part,
            _ => Section::Body,
        }
    }
}

/// Writes model trees as rows of one report.
pub(crate) struct Writer<'a, 't> {
    pub(crate) tx: &'a Transaction<'t>,
    pub(crate) report_id: i64,
    /// Reuse the ids the model carries when no other row holds them (undo restores ids).
    pub(crate) keep_ids: bool,
}

impl Writer<'_, '_> {
    #[allow(clippy::too_many_arguments)]
    fn row(
        &self,
        id: Option<i64>,
        parent_id: Option<i64>,
        section: Section,
        position: usize,
        kind: &str,
        statutory: Option<&str>,
        text: &str,
        body: &str,
    ) -> Result<i64, StoreError> {
        let id = if self.keep_ids { id } else { None };
        self.tx
            .prepare_cached(
                "INSERT INTO blocks
                     (id, report_id, parent_id, section, position, kind, statutory, text, body)
                 VALUES (
                     CASE WHEN ?1 IS NULL OR EXISTS (SELECT 1 FROM blocks WHERE id = ?1)
                          THEN NULL ELSE ?1 END,
                     ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                id,
                self.report_id,
                parent_id,
                section.as_str(),
                position as i64,
                kind,
                statutory,
                text,
                body
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Inserts `block` with its subtree as child `position` of `parent_id` (None: preface).
    pub(crate) fn block(
        &self,
        parent_id: Option<i64>,
        position: usize,
        block: &Block,
    ) -> Result<i64, StoreError> {
        let section = if parent_id.is_some() {
            Section::Body
        } else {
            Section::Preface
        };
        match block {
            Block::Paragraph(p) => self.row(
                p.id,
                parent_id,
                section,
                position,
                "paragraph",
                None,
                &p.text,
                "",
            ),
            Block::Heading(h) => {
                let id = self.row(
                    h.id, parent_id, section, position, "heading", None, &h.text, &h.body,
                )?;
                for (i, child) in h.children.iter().enumerate() {
                    self.block(Some(id), i, child)?;
                }
                Ok(id)
            }
        }
    }

    /// Inserts `part` with its blocks as part number `position`.
    pub(crate) fn part(&self, position: usize, part: &Part) -> Result<i64, StoreError> {
        let id = self.row(
            part.id,
            None,
            Section::Part,
            position,
            "part",
            part.statutory.as_deref(),
            &part.heading,
            &part.body,
        )?;
        for (i, block) in part.blocks.iter().enumerate() {
            self.block(Some(id), i, block)?;
        }
        Ok(id)
    }

    /// Inserts the preface and all parts of `report` (not its figures, planned items or
    /// review: see [`crate::plan::write_extras`]).
    pub(crate) fn tree(&self, report: &Report) -> Result<(), StoreError> {
        for (i, p) in report.preface.iter().enumerate() {
            self.row(
                p.id,
                None,
                Section::Preface,
                i,
                "paragraph",
                None,
                &p.text,
                "",
            )?;
        }
        for (i, part) in report.parts.iter().enumerate() {
            self.part(i, part)?;
        }
        Ok(())
    }
}
