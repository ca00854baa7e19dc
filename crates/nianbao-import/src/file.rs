//! Reading a report file: extension first, then size from the metadata (so a huge file is
//! refused without reading it), then at most the limit's worth of bytes.

use std::{
    fs::File,
    io::{self, Read},
    path::Path,
};

use crate::{
    MAX_TEXT_BYTES,
    error::{ImportError, Input},
};

/// Extensions of plain-text files.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
/// Extensions of word-processor files, refused with advice to save as text.
const WORD_EXTENSIONS: &[&str] = &["docx", "doc", "docm", "dotx", "dot", "wps"];

/// The bytes of a text file that passed the extension and size checks.
pub(crate) fn read_text_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if WORD_EXTENSIONS.contains(&ext.as_str()) {
        return Err(ImportError::WordNotAvailable {
            path: path.to_path_buf(),
        });
    }
    if !TEXT_EXTENSIONS.contains(&ext.as_str()) {
        return Err(ImportError::UnsupportedExtension {
            path: path.to_path_buf(),
        });
    }
    let io_error = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => ImportError::NotFound {
            path: path.to_path_buf(),
        },
        _ => ImportError::Unreadable {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
    };
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if !meta.is_file() {
        return Err(ImportError::Unreadable {
            path: path.to_path_buf(),
            reason: "not a regular file".into(),
        });
    }
    let input = || Input::File(path.to_path_buf());
    if meta.len() > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            input: input(),
            size: meta.len(),
        });
    }
    if meta.len() == 0 {
        return Err(ImportError::Empty { input: input() });
    }
    // The file may grow between the metadata and the read: never take more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    File::open(path)
        .map_err(io_error)?
        .take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            input: input(),
            size,
        });
    }
    Ok(bytes)
}
