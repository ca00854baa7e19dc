//! Reading a report file: extension first, then size from the metadata (so a huge file is
//! refused without reading it), then at most the limit's worth of bytes. The file is read once
//! and nothing is ever written next to it.

use std::{
    fs::File,
    io::{self, Read},
    path::Path,
};

use crate::{
    MAX_DOCX_BYTES, MAX_TEXT_BYTES,
    error::{ImportError, Input},
};

/// Extensions of plain-text files.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
/// Extensions of word-processor files: read as a .docx package whatever they hold, so a
/// `.doc` that is really a `.docx` imports, and a real `.doc` gets advice to save as `.docx`.
const WORD_EXTENSIONS: &[&str] = &["docx", "docm", "dotx", "dotm", "doc", "dot", "wps", "wpt"];

/// What kind of file the extension announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Word,
}

/// The kind of file by its extension, or the refusal of any other extension.
pub(crate) fn kind(path: &Path) -> Result<Kind, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        Ok(Kind::Text)
    } else if WORD_EXTENSIONS.contains(&ext.as_str()) {
        Ok(Kind::Word)
    } else {
        Err(ImportError::UnsupportedExtension {
            path: path.to_path_buf(),
        })
    }
}

/// The bytes of a file of `kind`, refused when larger than that kind's limit or empty.
pub(crate) fn read(path: &Path, kind: Kind) -> Result<Vec<u8>, ImportError> {
    let limit = match kind {
        Kind::Text => MAX_TEXT_BYTES,
        Kind::Word => MAX_DOCX_BYTES,
    };
    let input = || Input::File(path.to_path_buf());
    let too_large = |size: u64| match kind {
        Kind::Text => ImportError::TooLarge {
            input: input(),
            size,
        },
        Kind::Word => ImportError::DocxTooLarge {
            input: input(),
            size,
        },
    };
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
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    if meta.len() == 0 {
        return Err(ImportError::Empty { input: input() });
    }
    // The file may grow between the metadata and the read: never take more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    File::open(path)
        .map_err(io_error)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limit {
        return Err(too_large(size));
    }
    Ok(bytes)
}
