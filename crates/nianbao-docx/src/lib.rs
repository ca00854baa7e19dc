//! The GB/T 9704-2012 .docx writer of Nianbao: builds 《法治政府建设年度情况报告》 as a Word
//! document laid out 22 lines × 28 characters, valid for Word (no repair prompt) and deflated.
//!
//! docx-rs assembles the document ([`build`]); one normalisation pass over the rendered package
//! ([`package`]) puts it into schema order and zips it. All layout numbers live in [`layout`].

mod build;
mod format;
pub mod layout;
mod package;
mod properties;
mod readback;
mod schema_order;
mod theme;
mod write;

use std::path::{Path, PathBuf};

use nianbao_report::{Report, StructureError};

pub use readback::read_paragraphs;

/// A built .docx package and what had to change on the way (e.g. characters Word cannot store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The .docx file.
    pub bytes: Vec<u8>,
    /// One English line per change, e.g. "dropped 2 characters that Word cannot store in part 二".
    pub warnings: Vec<String>,
}

/// Why a report could not be exported or a .docx not read.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The report's structure cannot be laid out (see [`Report::validate`]).
    #[error("the report cannot be exported: {0}")]
    Structure(#[from] StructureError),
    /// The file could not be written; nothing was left at `path`.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The package could not be assembled (a bug, not a user error).
    #[error("cannot build the .docx package: {reason}")]
    Package { reason: String },
    /// The bytes given to [`read_paragraphs`] are not a readable .docx.
    #[error("cannot read the .docx: {reason}")]
    Unreadable { reason: String },
}

/// Builds the .docx package of a report, figure placeholders printed as text; returns the
/// bytes and warnings (e.g. "dropped 2 characters that Word cannot store in part 二").
pub fn to_docx(report: &Report) -> Result<Exported, ExportError> {
    to_docx_with(report, build::Options::of(report))
}

fn to_docx_with(report: &Report, options: build::Options) -> Result<Exported, ExportError> {
    report.validate()?;
    // Figure placeholders print as their text; nothing below sees a `{{数据:…}}`.
    let resolved = report.resolved();
    let report = &resolved;
    let built = build::document(report, options);
    let mut package = package::Package::from_docx_rs(built.docx.build());
    package.put(
        "docProps/core.xml",
        properties::core_xml(&report.title(), report.signature()),
    );
    package.put("word/fontTable.xml", properties::font_table_xml());
    let failed = |e: package::PackageError| ExportError::Package {
        reason: e.to_string(),
    };
    package
        .normalise(package::Extras {
            first_line_chars: Some((layout::FIRST_LINE_INDENT, layout::FIRST_LINE_CHARS)),
            paragraph_defaults: layout::PARAGRAPH_DEFAULTS,
        })
        .map_err(failed)?;
    let bytes = package.zip().map_err(failed)?;
    for w in &built.warnings {
        tracing::warn!("{w}");
    }
    Ok(Exported {
        bytes,
        warnings: built.warnings,
    })
}

/// Writes atomically: a temp file in the target's directory, fsync, then rename; nothing
/// half-written is left at `path` on failure. Returns the warnings of [`to_docx`].
pub fn write_docx(report: &Report, path: &Path) -> Result<Vec<String>, ExportError> {
    let exported = to_docx(report)?;
    write::atomically(path, &exported.bytes)?;
    Ok(exported.warnings)
}

#[cfg(test)]
mod tests;
