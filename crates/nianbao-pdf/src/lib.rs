//! PDF export of Nianbao: the GB/T 9704 .docx that `nianbao-docx` writes, converted to PDF by
//! LibreOffice running headless in a private profile, so the PDF is the page LibreOffice
//! renders from the very file the drafter would submit.
//!
//! [`Finder`] locates `soffice`; [`LibreOffice::docx_to_pdf`] converts with a timeout and moves
//! the result into place atomically; [`export_pdf`] does both steps for a report.

mod convert;
mod finder;
mod fonts;
mod place;

use std::path::{Path, PathBuf};
use std::time::Duration;

use nianbao_docx::ExportError;
use nianbao_report::Report;

pub use convert::{DEFAULT_TIMEOUT, LibreOffice};
pub use finder::{DIRS_VARIABLE, Finder};

/// Why a PDF could not be made. Nothing is ever left half-written at the chosen path.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No LibreOffice program was found in any of the places searched.
    #[error("LibreOffice is not installed (no soffice in {} places searched); install it from https://www.libreoffice.org", searched.len())]
    NotInstalled {
        /// Every directory that was looked in, in order.
        searched: Vec<PathBuf>,
    },
    /// LibreOffice ran but wrote no PDF (it exited with an error or could not load the file).
    #[error("LibreOffice could not convert the document: {reason}")]
    ConversionFailed {
        /// LibreOffice's exit status and the last lines it printed.
        reason: String,
    },
    /// LibreOffice did not finish in time and was stopped.
    #[error("LibreOffice did not finish within {} s and was stopped", after.as_secs())]
    Timeout {
        /// The time allowed.
        after: Duration,
    },
    /// The report could not be built as a .docx.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// A file could not be written or read; `path` is untouched.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file or directory concerned.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// Exports `report` as a PDF at `out`: the .docx of `nianbao-docx`, converted by `office`.
/// Returns the warnings of the .docx export (e.g. characters Word cannot store).
pub fn export_pdf(
    report: &Report,
    out: &Path,
    office: &LibreOffice,
) -> Result<Vec<String>, PdfError> {
    let exported = nianbao_docx::to_docx(report)?;
    office.docx_to_pdf(&exported.bytes, out)?;
    Ok(exported.warnings)
}
