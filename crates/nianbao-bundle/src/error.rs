//! Why a `.nianbao` file could not be read or written, each as one English line.

use std::{io, path::PathBuf};

use nianbao_report::StructureError;
use nianbao_store::StoreError;

/// Everything reading, writing or transferring a `.nianbao` file can fail at.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// Reading or writing the file failed.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// The file is not a `.nianbao` file (not a zip, or a zip of something else).
    #[error("{}: not a Nianbao file ({reason})", path.display())]
    NotBundle { path: PathBuf, reason: String },
    /// A newer Nianbao wrote it, in a format version this program does not know.
    #[error(
        "{}: made by a newer Nianbao (file format {found}, this program reads up to {known}); update Nianbao to open it",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: u64,
        known: u32,
    },
    /// A part of the file does not parse: the file is damaged or was edited by hand.
    #[error("{}: the file is damaged ({entry}: {detail})", path.display())]
    Damaged {
        path: PathBuf,
        entry: String,
        detail: String,
    },
    /// The report (or a named version) inside is not one Nianbao can use.
    #[error("{}: {entry} holds an unusable report: {source}", path.display())]
    Invalid {
        path: PathBuf,
        entry: String,
        source: StructureError,
    },
    /// The file, or what it inflates to, is larger than any real report.
    #[error("{}: refused, {reason}", path.display())]
    TooLarge { path: PathBuf, reason: String },
    /// The database refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl BundleError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        BundleError::Io {
            path: path.into(),
            source,
        }
    }
}
