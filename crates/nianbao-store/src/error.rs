//! What can go wrong, each as one English line a CLI can print as it is.

use std::{fmt, io, path::PathBuf};

use nianbao_report::StructureError;

/// Everything the store refuses or fails at.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not a Nianbao database (not SQLite, or another program's SQLite file).
    #[error("{}: not a Nianbao database ({what}); it was left untouched", path.display())]
    Foreign { path: PathBuf, what: &'static str },
    /// The file is a Nianbao database that SQLite cannot read whole.
    #[error("{}: the database is damaged ({detail}); it was left untouched, restore a backup", path.display())]
    Damaged { path: PathBuf, detail: String },
    /// The file was written by a newer Nianbao whose schema this program does not know.
    #[error(
        "{}: the database was written by a newer version of Nianbao (schema {found}, this program knows up to {known}); it was left untouched",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: usize,
    },
    /// No report or block has this id.
    #[error("no {0}")]
    NotFound(Missing),
    /// The edit would break the report's structure.
    #[error("refused: {0}")]
    Refused(Refusal),
    /// The report does not pass [`nianbao_report::Report::validate`].
    #[error("invalid report: {0}")]
    Invalid(#[from] StructureError),
    /// The OS names no home or data directory.
    #[error("found no data directory for the database; pass --db PATH or set NIANBAO_DB")]
    NoDataDir,
    /// Reading or creating the file or its directory failed.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// Bringing the schema up to date failed.
    #[error("could not upgrade the database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The disk or the file cannot be written (write-protected, read-only mount, file
    /// permissions); nothing of the failed write was stored.
    #[error("{}: the disk or the file is read-only, the change was not saved ({detail})", path.display())]
    ReadOnly { path: PathBuf, detail: String },
    /// SQLite failed (disk full, locked by another program, …).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// What an id named that the database does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// A report id.
    Report(i64),
    /// A block id (part, heading or paragraph).
    Block(i64),
    /// A snapshot id (of this report).
    Snapshot(i64),
    /// A planned item's id.
    PlanItem(i64),
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::Report(id) => write!(f, "report with id {id}"),
            Missing::Block(id) => write!(f, "block with id {id}"),
            Missing::Snapshot(id) => write!(f, "snapshot with id {id} of this report"),
            Missing::PlanItem(id) => write!(f, "planned item with id {id}"),
        }
    }
}

/// Why a structural edit was refused; the report is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The edit would put a heading below level 4.
    #[error("headings would nest deeper than level 4")]
    TooDeep,
    /// A heading cannot move below itself.
    #[error("a heading cannot move into its own subtree")]
    IntoOwnSubtree,
    /// Only parts and headings hold blocks.
    #[error("block {0} is a paragraph and cannot hold other blocks")]
    UnderParagraph(i64),
    /// The position names a block of the wrong kind (a paragraph where a part was expected, …).
    #[error("block {id} is not a {expected}")]
    WrongKind { id: i64, expected: &'static str },
    /// The preface holds paragraphs only.
    #[error("the preface holds paragraphs only")]
    HeadingInPreface,
    /// Parts stand at the top level only and move with `move_part`.
    #[error("block {0} is a part; parts are moved with move_part")]
    PartAsBlock(i64),
    /// Blocks move within their report only.
    #[error("a block cannot move to another report")]
    OtherReport,
    /// The index lies past the end of the sibling list.
    #[error("position {index} is past the end ({len} blocks there)")]
    IndexOutOfRange { index: usize, len: usize },
    /// A paragraph has text only.
    #[error("a paragraph has no run-in body")]
    ParagraphBody,
    /// Purging is only for reports in the trash.
    #[error("report {0} is not in the trash; move it there first")]
    NotInTrash(i64),
    /// The report has no figure with this key.
    #[error("the report has no figure with the key {0:?}")]
    UnknownFigure(String),
    /// A figure value that is not a number (the reason says why).
    #[error("{0}")]
    BadValue(String),
    /// A figure name that is empty or already taken in this report.
    #[error("the figure name {0:?} is empty or already used in this report")]
    FigureName(String),
    /// The template's figures cannot be renamed or removed.
    #[error(
        "{0} is a figure of the template; only the drafter's own figures can be renamed or removed"
    )]
    TemplateFigure(String),
    /// A planned item links only to a block of its own report.
    #[error("a planned item can only link to a block of its own report")]
    LinkToOtherReport,
    /// 定稿 needs the 保密审查 recorded first.
    #[error(
        "the secrecy review (保密审查) is not recorded; record it before marking the report final"
    )]
    NotReviewed,
    /// 定稿 needs the 保密审查 to cover the text as it is now.
    #[error(
        "the text changed after the secrecy review (保密审查); record it again before marking the report final"
    )]
    ReviewStale,
}

impl From<Refusal> for StoreError {
    fn from(r: Refusal) -> Self {
        StoreError::Refused(r)
    }
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }
}
