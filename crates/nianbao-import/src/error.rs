//! Why an import was refused: one clear English line each, naming the file or the limit.

use std::{fmt, path::PathBuf};

use crate::{MAX_DOCX_BYTES, MAX_TEXT_BYTES};

/// What was being imported, so that a message can name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Bytes or text handed over in memory.
    Text,
    /// The bytes of a Word document handed over in memory.
    Document,
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::File(p) => write!(f, "{}", p.display()),
            Input::Text => f.write_str("the text"),
            Input::Document => f.write_str("the document"),
        }
    }
}

/// Why a file or text could not be imported.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    /// The path names no file.
    #[error("file not found: {}", .path.display())]
    NotFound { path: PathBuf },

    /// The file exists but cannot be read (permissions, a directory, a device).
    #[error("cannot read {}: {reason}", .path.display())]
    Unreadable { path: PathBuf, reason: String },

    /// Zero bytes, or nothing but whitespace.
    #[error("{input} is empty: it holds no text to import")]
    Empty { input: Input },

    /// Larger than [`MAX_TEXT_BYTES`].
    #[error(
        "{input} is too large ({size} bytes); text reports over 10 MB ({limit} bytes) are refused",
        limit = MAX_TEXT_BYTES
    )]
    TooLarge { input: Input, size: u64 },

    /// NUL bytes or a high share of control characters.
    #[error("{input} holds binary data, not text (NUL bytes or many control characters)")]
    Binary { input: Input },

    /// The bytes are a known non-text format whatever the file is called.
    #[error("{input} is not plain text: it looks like {looks_like}")]
    NotText {
        input: Input,
        looks_like: &'static str,
    },

    /// Any extension other than `.txt`/`.text` and the Word ones.
    #[error(
        "cannot import {}: only plain-text reports (.txt) and Word documents (.docx) can be imported",
        .path.display()
    )]
    UnsupportedExtension { path: PathBuf },

    /// A Word file larger than [`MAX_DOCX_BYTES`].
    #[error(
        "{input} is too large ({size} bytes); Word reports over 50 MB ({limit} bytes) are refused",
        limit = MAX_DOCX_BYTES
    )]
    DocxTooLarge { input: Input, size: u64 },

    /// A Word 97–2003 `.doc` (or WPS `.wps`) file: an OLE compound document.
    #[error(
        "{input} is an old Word 97-2003 (.doc) or WPS file; open it in Word or WPS, save it as .docx and import that"
    )]
    OldWord { input: Input },

    /// A password-protected Word file (an OLE container holding an `EncryptedPackage`), or a zip
    /// whose entries are encrypted.
    #[error(
        "{input} is encrypted (password-protected); save a copy without the password in Word or WPS and import that"
    )]
    Encrypted { input: Input },

    /// A Word extension, but not a `.docx` package: another format, another zip, a damaged zip.
    #[error("{input} is not a Word .docx document: {reason}")]
    NotDocx { input: Input, reason: String },

    /// The package would unpack to more than the limits allow (a zip bomb, or not a report).
    #[error("{input} is refused: {reason}; a Word report unpacks to far less")]
    UnpackLimit { input: Input, reason: String },

    /// A part of the package declares a DOCTYPE: entities are never expanded or fetched.
    #[error(
        "{input} is refused: {part} declares a DOCTYPE with possible entities, which Word never writes and which are not read"
    )]
    XmlDoctype { input: Input, part: String },

    /// A part of the package is not well-formed XML or not UTF-8.
    #[error("{input} is damaged: {part} {reason}")]
    DamagedDocx {
        input: Input,
        part: String,
        reason: String,
    },

    /// Neither UTF-8, UTF-16 with a byte-order mark nor GB18030/GBK.
    #[error("{input} cannot be decoded: it is neither UTF-8, UTF-16 nor GB18030/GBK text")]
    Undecodable { input: Input },

    /// Text, but not a report (no title, no part headings).
    #[error("{input} does not look like a report: {reason}")]
    NoReport { input: Input, reason: String },

    /// No `2023年` in the title and no 成文日期 at the end.
    #[error(
        "{input}: no year found; looked for a year such as 2023年 in the title “{title}” and for a date such as 2024年3月28日 on the last lines"
    )]
    NoYear { input: Input, title: String },

    /// No 机关全称 before the year in the title and no 署名 line.
    #[error(
        "{input}: no issuer found; looked for the organ's name before the year in the title “{title}” and for a signature line above the date"
    )]
    NoIssuer { input: Input, title: String },
}
