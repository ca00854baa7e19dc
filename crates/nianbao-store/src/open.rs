//! Opening a database file: refuse what is not ours or not whole before anything writes to
//! it, create a new one atomically, then set the pragmas and bring the schema up to date.
//!
//! The order matters. A foreign, damaged or too-new file must never be written to, and with
//! SQLite even opening can write: a read-write connection rolls back a hot journal, and closing
//! the last connection of a WAL database checkpoints into the main file. So the checks run
//! first on the raw header bytes, then through a read-only connection, and only a file that
//! passes both is opened for writing. The one exception is a hot rollback journal next to a
//! file whose header is ours (left where the file system refused WAL): only a read-write
//! connection can roll it back, so that rollback happens before SQLite's checks.

use std::{
    fs::{self, File},
    io::{self, Read},
    path::{Path, PathBuf},
    time::Duration,
};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use tracing::{info, warn};

use crate::{
    Store, StoreError,
    schema::{self, APPLICATION_ID, SCHEMA_VERSION},
};

/// The first 16 bytes of every SQLite 3 database file.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How long a write waits for another process (the app and the CLI at once) to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Enough cached statements for every query the store runs.
const STATEMENT_CACHE: usize = 64;

/// What the raw bytes at the path say.
enum Found {
    /// No file or an empty one: a new database goes there.
    Nothing,
    /// A Nianbao header; how the checks must read the file.
    Ours(Reading),
}

/// How the checks read a file whose header is ours, given the files lying next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Nothing next to it: the main file is the whole database and no process has it open.
    Alone,
    /// A `-wal` file: committed pages may live there, and another process may be writing.
    Wal,
    /// A `-journal` file (only where the file system refused WAL): an interrupted transaction
    /// that only a read-write connection can roll back.
    Journal,
}

impl Store {
    /// Opens the database at `path`, creating it (and its directories) when the file is
    /// missing or empty; refuses foreign, damaged and too-new files without writing to them.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let reading = match inspect(path)? {
            Found::Ours(reading) => reading,
            Found::Nothing => {
                create(path)?;
                Reading::Alone
            }
        };
        let conn = match reading {
            Reading::Alone | Reading::Wal => {
                check(path, &open_for_checks(path, reading)?)?;
                open_read_write(path)?
            }
            Reading::Journal => {
                // The header is ours, and rolling back our own interrupted transaction is
                // the one write that may happen before the checks, on their first read.
                let conn = open_read_write(path)?;
                check(path, &conn)?;
                conn
            }
        };
        let conn = configure(path, conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The path the store was opened at.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Checks a file the way [`Store::open`] does, without ever writing to it: a Nianbao database,
/// whole, and not newer than this program. For backups about to be restored.
pub(crate) fn verify(path: &Path) -> Result<(), StoreError> {
    match inspect(path)? {
        Found::Nothing => Err(StoreError::Damaged {
            path: path.into(),
            detail: "the file is missing or empty".into(),
        }),
        Found::Ours(Reading::Journal) => Err(StoreError::Damaged {
            path: path.into(),
            detail: "an interrupted transaction lies next to it".into(),
        }),
        Found::Ours(reading) => check(path, &open_for_checks(path, reading)?),
    }
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn file_len(path: &Path) -> Result<Option<u64>, StoreError> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(StoreError::Foreign {
            path: path.into(),
            what: "it is a directory",
        }),
        Ok(m) => Ok(Some(m.len())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, e)),
    }
}

fn be_u32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Reads the 100-byte header (https://sqlite.org/fileformat.html#the_database_header)
/// without SQLite, so that files which are not ours never reach a connection.
fn inspect(path: &Path) -> Result<Found, StoreError> {
    let damaged = |detail: String| StoreError::Damaged {
        path: path.into(),
        detail,
    };
    let Some(len) = file_len(path)? else {
        return Ok(Found::Nothing);
    };
    let wal = file_len(&sidecar(path, "-wal"))?;
    let journal = file_len(&sidecar(path, "-journal"))?.is_some_and(|n| n > 0);
    let unmerged = wal.is_some_and(|n| n > 0);
    if len == 0 {
        // SQLite would replay such a journal into the new file, so it cannot be taken as new.
        return if unmerged || journal {
            Err(damaged(
                "the file is empty but a -wal or -journal file lies next to it".into(),
            ))
        } else {
            Ok(Found::Nothing)
        };
    }
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)
        .and_then(|f| f.take(SNIFF_BYTES as u64).read_to_end(&mut head))
        .map_err(|e| StoreError::io(path, e))?;
    if !head.starts_with(MAGIC) {
        return Err(if destroyed_header(path, len, &head) {
            damaged("its first bytes are not a database header: the header is destroyed".into())
        } else {
            StoreError::Foreign {
                path: path.into(),
                what: "not a SQLite file",
            }
        });
    }
    let header = &head[..head.len().min(100)];
    if header.len() < 100 {
        return Err(damaged("the file is truncated inside its header".into()));
    }
    // The application id is written once, when the file is created and before it is renamed
    // into place, so the main file's header always holds it, even with an unmerged -wal.
    if be_u32(header, 68) != APPLICATION_ID as u32 {
        return Err(StoreError::Foreign {
            path: path.into(),
            what: "a SQLite database of another program",
        });
    }
    let page_size = match u32::from(u16::from_be_bytes([header[16], header[17]])) {
        1 => 65536,
        n if n.is_power_of_two() && (512..=32768).contains(&n) => n,
        n => return Err(damaged(format!("page size {n} in the header"))),
    };
    let user_version = i64::from(be_u32(header, 60) as i32);
    if user_version > SCHEMA_VERSION as i64 {
        return Err(StoreError::TooNew {
            path: path.into(),
            found: user_version,
            known: SCHEMA_VERSION,
        });
    }
    // Without a journal the main file is the whole database, so its length must match the
    // page count the header records (valid when the two change counters agree).
    if !unmerged && !journal {
        let pages = u64::from(be_u32(header, 28));
        let counted = be_u32(header, 24) == be_u32(header, 92) && pages > 0;
        if counted && len < pages * u64::from(page_size) {
            return Err(damaged(format!(
                "the file holds {len} bytes, its header says {pages} pages of {page_size}: truncated"
            )));
        }
        if len % u64::from(page_size) != 0 {
            return Err(damaged(format!(
                "the file length {len} is not a whole number of {page_size}-byte pages"
            )));
        }
    }
    Ok(Found::Ours(if journal {
        Reading::Journal
    } else if wal.is_some() {
        Reading::Wal
    } else {
        Reading::Alone
    }))
}

/// How much of a file is read to judge what it is: a few pages, as page 1 alone may be all
/// schema text.
const SNIFF_BYTES: usize = 64 << 10;

/// Whether a file without a SQLite header is one of ours whose header was destroyed (offered
/// for recovery: set aside, newest backup restored) rather than somebody else's file (refused
/// and never touched). Every condition must hold, so that a file that is not ours is never
/// moved:
/// - it is not recognisably something else: no known format's signature, and not text (a NUL
///   byte in its first 64 KB; text files, UTF-8 or GBK, have none, database pages do);
/// - its length is a non-zero multiple of 512 bytes, as every SQLite database's is;
/// - there is evidence it is ours: it has our file name (`nianbao.db`), or a `backups/`
///   folder beside it holds a Nianbao database.
fn destroyed_header(path: &Path, len: u64, head: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 11] = [
        b"PK\x03\x04",
        b"PK\x05\x06",
        b"%PDF",
        b"\xD0\xCF\x11\xE0",
        b"\x1F\x8B",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"{\\rtf",
        b"7z\xBC\xAF",
        b"Rar!",
    ];
    let another_format = SIGNATURES.iter().any(|s| head.starts_with(s)) || !head.contains(&0);
    if another_format || len == 0 || !len.is_multiple_of(512) {
        return false;
    }
    let our_name = path.file_name() == Some(std::ffi::OsStr::new(crate::DB_FILE));
    our_name || has_our_backups(path)
}

/// Whether `backups/` beside `path` holds a file with a Nianbao database header.
fn has_our_backups(path: &Path) -> bool {
    let Ok(entries) = fs::read_dir(crate::backups_dir(path)) else {
        return false;
    };
    entries.flatten().take(100).any(|e| {
        let mut header = Vec::with_capacity(100);
        File::open(e.path())
            .and_then(|f| f.take(100).read_to_end(&mut header))
            .is_ok()
            && header.len() == 100
            && header.starts_with(MAGIC)
            && be_u32(&header, 68) == APPLICATION_ID as u32
    })
}

/// A read-only connection for the checks; it never writes to the main file.
fn open_for_checks(path: &Path, reading: Reading) -> Result<Connection, StoreError> {
    let conn = if reading == Reading::Wal {
        // The -wal may hold committed pages the main file lacks, and a process may be writing:
        // a plain read-only connection sees a consistent snapshot (it may create the -shm
        // index) and never checkpoints into the main file.
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    } else {
        // Nothing next to the file: it is the whole database, nobody has it open, and
        // `immutable` reads it without locks and without creating -wal or -shm files.
        Connection::open_with_flags(
            format!("{}?immutable=1", file_uri(path)),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    };
    let conn = conn.map_err(|e| damaged(path, e))?;
    // A writer in another process may be mid-checkpoint; wait for it rather than fail.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// SQLite's verdict on a file it cannot read as a database, as [`StoreError::Damaged`].
fn damaged(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            path: path.into(),
            detail: e.to_string(),
        },
        _ => StoreError::Sqlite(e),
    }
}

/// Checks through SQLite: application id, schema version, `quick_check`.
fn check(path: &Path, conn: &Connection) -> Result<(), StoreError> {
    let damaged = |e| damaged(path, e);
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(damaged)?;
    if app != APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.into(),
            what: "a SQLite database of another program",
        });
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(damaged)?;
    if version > SCHEMA_VERSION as i64 {
        return Err(StoreError::TooNew {
            path: path.into(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    if version < 1 {
        // Ours are created with schema 1 in the same transaction as the application id.
        return Err(StoreError::Damaged {
            path: path.into(),
            detail: "the file has no schema".into(),
        });
    }
    let mut problems = Vec::new();
    conn.pragma_query(None, "quick_check", |r| {
        problems.push(r.get::<_, String>(0)?);
        Ok(())
    })
    .map_err(damaged)?;
    if problems != ["ok"] {
        let more = match problems.len() {
            0 | 1 => String::new(),
            n => format!(" and {} more problems", n - 1),
        };
        // SQLite's messages span lines ("*** in database main ***\nPage 31: …").
        let first = problems.first().map_or("no result", String::as_str);
        let first = first
            .lines()
            .filter(|l| !l.starts_with("*** in database"))
            .collect::<Vec<_>>()
            .join(" ");
        return Err(StoreError::Damaged {
            path: path.into(),
            detail: format!("quick_check: {first}{more}"),
        });
    }
    Ok(())
}

/// A `file:` URI for `path`, every byte outside the unreserved set percent-encoded.
fn file_uri(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = {
        // Windows: C:\a\b becomes /C:/a/b (https://sqlite.org/uri.html).
        let s = path.to_string_lossy().replace('\\', "/");
        let s = if s.as_bytes().get(1) == Some(&b':') {
            format!("/{s}")
        } else {
            s
        };
        s.into_bytes()
    };
    let mut uri = String::from("file:");
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (cfg!(windows) && b == b':') {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// Creates a new database next to `path` and renames it into place, so the file at `path`
/// is only ever missing, empty, or a whole Nianbao database.
fn create(path: &Path) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let temp = tempfile::Builder::new()
        .prefix(".nianbao-new-")
        .suffix(".db")
        .tempfile_in(dir)
        .map_err(|e| StoreError::io(dir, e))?
        .into_temp_path();
    {
        let mut conn = Connection::open_with_flags(
            &temp,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Schema 1 sets the application id, in rollback-journal mode so it lands in the main file.
        schema::migrations().to_latest(&mut conn)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            warn!(path = %path.display(), %mode, "the file system refuses WAL; using {mode}");
        }
        conn.close().map_err(|(_, e)| StoreError::Sqlite(e))?;
    }
    File::open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io(&*temp, e))?;
    if file_len(path)? == Some(0) {
        fs::remove_file(path).map_err(|e| StoreError::io(path, e))?;
    }
    match temp.persist_noclobber(path) {
        Ok(()) => {}
        // Another process created it in the meantime; the checks that follow judge its file.
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => return Ok(()),
        Err(e) => return Err(StoreError::io(path, e.error)),
    }
    sync_dir(dir);
    info!(path = %path.display(), "created a new database");
    Ok(())
}

/// Makes the rename durable: without it a power cut can forget the new directory entry.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Err(e) = File::open(dir).and_then(|d| d.sync_all()) {
        warn!(dir = %dir.display(), error = %e, "could not sync the directory");
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The read-write connection.
fn open_read_write(path: &Path) -> Result<Connection, StoreError> {
    // No CREATE: the checked file must still be there. No URI: a path may start with "file:".
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Pragmas, then the schema brought up to date.
fn configure(path: &Path, mut conn: Connection) -> Result<Connection, StoreError> {
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        warn!(path = %path.display(), %mode, "the file system refuses WAL; using {mode}");
    }
    // FULL: every commit is synced, so a drafter's last words survive a power cut.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    let migrations = schema::migrations();
    if migrations.pending_migrations(&conn)? > 0 {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > 0 {
            // An upgrade rewrites tables: keep the drafter's data as it was before it.
            let dest = crate::backup::stamped_path(
                &conn,
                path,
                &format!("before-schema-{SCHEMA_VERSION}"),
            )?;
            crate::backup::backup_connection(&conn, &dest)?;
        }
        info!(path = %path.display(), "upgrading the database schema");
        migrations.to_latest(&mut conn)?;
    }
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_what_sqlite_would_parse() {
        let uri = file_uri(Path::new("/tmp/a b/报告?#%.db"));
        assert_eq!(
            uri,
            "file:/tmp/a%20b/%E6%8A%A5%E5%91%8A%3F%23%25.db".to_string()
        );
    }
}
