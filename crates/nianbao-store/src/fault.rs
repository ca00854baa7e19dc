//! Telling a read-only disk or file apart from other failed writes, so that the drafter is
//! told what to fix (a write-protect switch, a file marked read-only) rather than "I/O error".

use std::{io, path::Path};

use rusqlite::{Connection, ErrorCode, ffi};

use crate::StoreError;

/// `e` as [`StoreError::ReadOnly`] when SQLite or the OS says the file cannot be written.
pub(crate) fn classify(conn: &Connection, path: &Path, e: StoreError) -> StoreError {
    let StoreError::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) = &e else {
        return e;
    };
    let read_only = match failure.code {
        // A connection SQLite had to open read-only (file or directory not writable).
        ErrorCode::ReadOnly => true,
        // The OS refused a write on a file already open: the errno says why.
        ErrorCode::SystemIoFailure | ErrorCode::CannotOpen => {
            // SAFETY: the handle is valid while `conn` lives, and the call only reads the
            // errno SQLite recorded for this connection's last failure.
            let errno = unsafe { ffi::sqlite3_system_errno(conn.handle()) };
            errno != 0
                && matches!(
                    io::Error::from_raw_os_error(errno).kind(),
                    io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
                )
        }
        _ => false,
    };
    if read_only {
        StoreError::ReadOnly {
            path: path.into(),
            detail: e.to_string(),
        }
    } else {
        e
    }
}
