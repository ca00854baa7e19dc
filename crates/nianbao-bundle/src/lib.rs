//! The `.nianbao` file: one report, self-contained, to move it to another computer.
//!
//! A zip holding `manifest.json` (format, version, the app that wrote it, when, the status,
//! the named versions it carries) and `report.json` (the [`Report`] as serde writes it, so
//! every field of the model travels), plus `versions/N.json` for each named version. Reading
//! refuses, with a typed error, what is not such a file, what a newer Nianbao wrote, damaged
//! JSON, a report that fails [`Report::validate`], and packages past the size limits; it never
//! inflates more than the limits allow, whatever the zip's headers claim.
//!
//! Importing is [`read`], then [`Store::transfer_in`] with what it returned: the file is
//! checked whole before the database is even opened, so a refused file never touches it.

mod error;
mod manifest;
mod read;
mod write;

use std::path::Path;

use nianbao_report::Report;
use nianbao_store::{KeptVersion, Status, Store};

pub use error::BundleError;
pub use manifest::{FORMAT, Manifest, VERSION, VersionEntry};
pub use read::{MAX_ENTRY_BYTES, MAX_FILE_BYTES, MAX_TOTAL_BYTES, MAX_VERSIONS, from_bytes, read};
pub use write::{to_bytes, write};

/// The file name extension, without the dot.
pub const EXTENSION: &str = "nianbao";

/// The contents of a `.nianbao` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// What the file says about itself.
    pub manifest: Manifest,
    /// The report.
    pub report: Report,
    /// Its named versions, oldest first, as the manifest lists them.
    pub versions: Vec<KeptVersion>,
}

impl Bundle {
    /// A bundle of `report` with `status` and `versions`, written by `app_version` at `at`.
    pub fn new(
        report: Report,
        status: Status,
        versions: Vec<KeptVersion>,
        app_version: &str,
        at: &str,
    ) -> Self {
        let manifest = Manifest {
            format: FORMAT.into(),
            version: VERSION,
            app_version: app_version.into(),
            exported_at: at.into(),
            status,
            title: report.title(),
            versions: versions
                .iter()
                .enumerate()
                .map(|(i, v)| VersionEntry {
                    file: format!("versions/{}.json", i + 1),
                    label: v.label.clone(),
                    created_at: v.created_at.clone(),
                })
                .collect(),
        };
        Bundle {
            manifest,
            report,
            versions,
        }
    }
}

/// Writes report `id` of `store`, with its status and named versions, to `path` (atomically).
pub fn export(
    store: &Store,
    id: i64,
    path: &Path,
    app_version: &str,
) -> Result<Manifest, BundleError> {
    let t = store.transfer_out(id)?;
    let bundle = Bundle::new(t.report, t.status, t.versions, app_version, &t.read_at);
    write(path, &bundle)?;
    Ok(bundle.manifest)
}
