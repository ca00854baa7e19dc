//! `manifest.json`: what a `.nianbao` file says about itself.

use nianbao_store::Status;
use serde::{Deserialize, Serialize};

/// The value of `format` in every `.nianbao` manifest.
pub const FORMAT: &str = "nianbao";

/// The format version this program writes and the newest it reads.
pub const VERSION: u32 = 1;

/// The manifest of a `.nianbao` file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version; a reader refuses a newer one.
    pub version: u32,
    /// The version of Nianbao that wrote the file.
    pub app_version: String,
    /// When the file was written, RFC 3339 UTC.
    pub exported_at: String,
    /// 草稿 or 定稿.
    pub status: Status,
    /// The report's title, for a reader that only lists files.
    pub title: String,
    /// The named versions the file carries, oldest first.
    #[serde(default)]
    pub versions: Vec<VersionEntry>,
}

/// One named version in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionEntry {
    /// The zip entry holding the version's report.
    pub file: String,
    /// The drafter's name for it (送审稿, 定稿, …).
    pub label: String,
    /// When it was taken, RFC 3339 UTC.
    pub created_at: String,
}

/// The two fields read before anything else, so that a newer format is recognised as newer
/// even when the rest of its manifest has changed shape.
#[derive(Debug, Deserialize)]
pub(crate) struct Header {
    pub format: Option<String>,
    pub version: Option<u64>,
}
