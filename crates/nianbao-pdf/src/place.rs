//! Putting the finished PDF at the drafter's path: a temporary file in the same folder,
//! flushed, then renamed over the target, so the target is the old file or the whole new one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::PdfError;

/// Writes `bytes` to `path` atomically; on failure `path` is untouched and no temporary file
/// is left.
pub(crate) fn atomically(path: &Path, bytes: &[u8]) -> Result<(), PdfError> {
    let fail = |source| PdfError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.file_name().is_none() {
        return Err(fail(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path names no file",
        )));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".nianbao-pdf-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
