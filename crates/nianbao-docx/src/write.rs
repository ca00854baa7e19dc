//! Writing the package to disk so that the target is either the old file or the new one,
//! never half of either.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ExportError;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it over
/// `path`. On failure the temporary file is removed and `path` is untouched.
pub(crate) fn atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.file_name().is_none() {
        return Err(io_error(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file"),
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".nianbao-export-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| io_error(path, e))?;
    tmp.write_all(bytes).map_err(|e| io_error(path, e))?;
    tmp.as_file().sync_all().map_err(|e| io_error(path, e))?;
    tmp.persist(path).map_err(|e| io_error(path, e.error))?;
    sync_dir(&dir);
    Ok(())
}

fn io_error(path: &Path, source: std::io::Error) -> ExportError {
    ExportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Makes the rename itself durable. Best effort: some file systems cannot sync a directory,
/// and the file is complete either way.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
