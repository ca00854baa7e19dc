//! Writing a `.nianbao` file: the zip built in memory, then a temporary file beside the target,
//! synced and renamed over it, so the target is the old file or the new one, never half.

use std::{
    fs::File,
    io::{self, Cursor, Write},
    path::{Path, PathBuf},
};

use zip::{CompressionMethod, ZipWriter, write::SimpleFileOptions};

use crate::{Bundle, BundleError};

/// The file's bytes: manifest first, then the report, then the named versions.
pub fn to_bytes(bundle: &Bundle) -> io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut put = |name: &str, json: Vec<u8>| -> io::Result<()> {
        zip.start_file(name, options)?;
        zip.write_all(&json)
    };
    put(
        "manifest.json",
        serde_json::to_vec_pretty(&bundle.manifest)?,
    )?;
    put("report.json", serde_json::to_vec_pretty(&bundle.report)?)?;
    for (entry, version) in bundle.manifest.versions.iter().zip(&bundle.versions) {
        put(&entry.file, serde_json::to_vec_pretty(&version.report)?)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Writes `bundle` to `path` atomically (temporary file, fsync, rename, directory fsync).
pub fn write(path: &Path, bundle: &Bundle) -> Result<(), BundleError> {
    let bytes = to_bytes(bundle).map_err(|e| BundleError::io(path, e))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.file_name().is_none() {
        let e = io::Error::new(io::ErrorKind::InvalidInput, "the path names no file");
        return Err(BundleError::io(path, e));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".nianbao-bundle-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| BundleError::io(path, e))?;
    tmp.write_all(&bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| BundleError::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| BundleError::io(path, e.error))?;
    // Without this a power cut can forget the rename. Best effort: some file systems refuse.
    #[cfg(unix)]
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
