//! Reading a `.nianbao` file: the file's size is bounded before it is read, the zip's entry
//! count before its entries are walked, and every entry is inflated through a counter, so a
//! zip bomb stops at the limit whatever its headers claim (as the .docx importer does).

use std::{
    fs,
    io::{Cursor, Read},
    path::Path,
};

use nianbao_report::Report;
use nianbao_store::KeptVersion;
use serde::de::DeserializeOwned;
use zip::{ZipArchive, result::ZipError};

use crate::{
    Bundle, BundleError,
    manifest::{FORMAT, Header, Manifest, VERSION},
};

/// Largest `.nianbao` file read; a 100-page report with fifty named versions is about 1 MB.
pub const MAX_FILE_BYTES: u64 = 50 << 20;
/// Most bytes one entry may inflate to; a 100-page report's JSON is about 400 KB.
pub const MAX_ENTRY_BYTES: u64 = 32 << 20;
/// Most bytes all entries together may inflate to.
pub const MAX_TOTAL_BYTES: u64 = 128 << 20;
/// Most named versions a file may carry.
pub const MAX_VERSIONS: usize = 500;
/// Most entries the zip may list: the manifest, the report, the versions, a little slack.
const MAX_ENTRIES: usize = MAX_VERSIONS + 8;
/// Longest version label and timestamp accepted, in characters.
const MAX_LABEL_CHARS: usize = 200;

/// Reads and checks the `.nianbao` file at `path`.
pub fn read(path: &Path) -> Result<Bundle, BundleError> {
    let size = fs::metadata(path)
        .map_err(|e| BundleError::io(path, e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, format!("the file holds {size} bytes")));
    }
    let bytes = fs::read(path).map_err(|e| BundleError::io(path, e))?;
    from_bytes(&bytes, path)
}

fn too_large(path: &Path, what: String) -> BundleError {
    BundleError::TooLarge {
        path: path.into(),
        reason: format!(
            "{what} (a report file is at most {} MB)",
            MAX_FILE_BYTES >> 20
        ),
    }
}

/// Checks `bytes` as the contents of a `.nianbao` file; `path` names it in errors.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Bundle, BundleError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(
            path,
            format!("the file holds {} bytes", bytes.len()),
        ));
    }
    let not_bundle = |reason: &str| BundleError::NotBundle {
        path: path.into(),
        reason: reason.into(),
    };
    if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
        return Err(not_bundle("it is not a zip file"));
    }
    let zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| not_bundle(&format!("the zip archive is damaged: {e}")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(too_large(
            path,
            format!("the zip lists {} entries", zip.len()),
        ));
    }
    let mut entries = Entries {
        zip,
        budget: MAX_TOTAL_BYTES,
        path,
    };
    let manifest = entries.manifest()?;
    let report: Report = entries.json("report.json")?;
    entries.valid("report.json", &report)?;
    let mut versions = Vec::with_capacity(manifest.versions.len());
    for v in &manifest.versions {
        for (what, text) in [("label", &v.label), ("created_at", &v.created_at)] {
            if text.chars().count() > MAX_LABEL_CHARS || text.chars().any(char::is_control) {
                return Err(entries.damaged("manifest.json", format!("a version's {what}")));
            }
        }
        let report: Report = entries.json(&v.file)?;
        entries.valid(&v.file, &report)?;
        versions.push(KeptVersion {
            label: v.label.clone(),
            created_at: v.created_at.clone(),
            report,
        });
    }
    Ok(Bundle {
        manifest,
        report,
        versions,
    })
}

/// The zip and what may still be inflated from it.
struct Entries<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
    path: &'a Path,
}

impl Entries<'_> {
    fn damaged(&self, entry: &str, detail: String) -> BundleError {
        BundleError::Damaged {
            path: self.path.into(),
            entry: entry.into(),
            detail,
        }
    }

    /// The manifest: the format and version are judged first, the rest of its shape after.
    fn manifest(&mut self) -> Result<Manifest, BundleError> {
        const NAME: &str = "manifest.json";
        let Some(bytes) = self.inflate(NAME)? else {
            return Err(BundleError::NotBundle {
                path: self.path.into(),
                reason: "the zip holds no manifest.json".into(),
            });
        };
        let header: Header =
            serde_json::from_slice(&bytes).map_err(|e| self.damaged(NAME, e.to_string()))?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(BundleError::NotBundle {
                path: self.path.into(),
                reason: format!("its manifest names the format {:?}", header.format),
            });
        }
        match header.version {
            Some(v) if v > u64::from(VERSION) => {
                return Err(BundleError::TooNew {
                    path: self.path.into(),
                    found: v,
                    known: VERSION,
                });
            }
            Some(1..) => {}
            _ => return Err(self.damaged(NAME, "no format version".into())),
        }
        let manifest: Manifest =
            serde_json::from_slice(&bytes).map_err(|e| self.damaged(NAME, e.to_string()))?;
        if manifest.versions.len() > MAX_VERSIONS {
            let n = manifest.versions.len();
            return Err(too_large(self.path, format!("the file lists {n} versions")));
        }
        Ok(manifest)
    }

    /// Entry `name` parsed as JSON; a missing entry is damage.
    fn json<T: DeserializeOwned>(&mut self, name: &str) -> Result<T, BundleError> {
        let bytes = self
            .inflate(name)?
            .ok_or_else(|| self.damaged(name, "the entry is missing".into()))?;
        serde_json::from_slice(&bytes).map_err(|e| self.damaged(name, e.to_string()))
    }

    fn valid(&self, name: &str, report: &Report) -> Result<(), BundleError> {
        report.validate().map_err(|source| BundleError::Invalid {
            path: self.path.into(),
            entry: name.into(),
            source,
        })
    }

    /// The inflated bytes of entry `name` (`None` when absent), stopped at the limits.
    fn inflate(&mut self, name: &str) -> Result<Option<Vec<u8>>, BundleError> {
        let limit = MAX_ENTRY_BYTES.min(self.budget);
        let path = self.path;
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(BundleError::Damaged {
                    path: path.into(),
                    entry: name.into(),
                    detail: e.to_string(),
                });
            }
        };
        let over = || {
            too_large(
                path,
                format!("{name} inflates past {} MB", limit.div_ceil(1 << 20)),
            )
        };
        if file.size() > limit {
            return Err(over());
        }
        let mut bytes = Vec::new();
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| BundleError::Damaged {
                path: path.into(),
                entry: name.into(),
                detail: e.to_string(),
            })?;
        if bytes.len() as u64 > limit {
            return Err(over());
        }
        self.budget -= bytes.len() as u64;
        Ok(Some(bytes))
    }
}
