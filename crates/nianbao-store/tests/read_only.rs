//! A disk that turns read-only under an open database (a USB stick's write-protect switch, a
//! file system remounted read-only after an error): the save fails as `ReadOnly`, the
//! database stays whole with every committed edit, and the same save succeeds once writing
//! is possible again.
//!
//! Linux cannot make a file read-only under a process that has it open for writing: a
//! read-only remount is refused while writers exist, and a read-only bind mount applies to
//! opens that come after it only. So the fault is injected where SQLite's own tests inject
//! theirs, in the VFS: a shim over the default one whose writes fail with EROFS, exactly as
//! the kernel answers a write on a read-only file system, while the switch is on.

mod common;

use std::{
    ffi::{CStr, c_char, c_int, c_void},
    ptr,
    sync::{
        Mutex, OnceLock,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
};

use common::{full_report, temp_db};
use nianbao_store::{Store, StoreError};
use rusqlite::{Connection, OpenFlags, ffi};

/// While set, every write and truncate through the shim fails as on a read-only disk.
static READ_ONLY: AtomicBool = AtomicBool::new(false);
/// Writes the shim refused, to show the fault was really hit.
static REFUSED: AtomicUsize = AtomicUsize::new(0);

/// EROFS on Linux and the BSDs; what `write(2)` returns on a read-only file system.
const EROFS: c_int = 30;

struct Shim {
    base: *mut ffi::sqlite3_vfs,
    /// (the base VFS's method table, our copy of it) for each kind of file it opened
    /// (locking and `immutable` files have tables of their own).
    tables: Mutex<Vec<(usize, usize)>>,
}

// SAFETY: the pointers are set once, before any connection opens, and never freed.
unsafe impl Sync for Shim {}
unsafe impl Send for Shim {}

static SHIM: OnceLock<Shim> = OnceLock::new();

fn shim() -> &'static Shim {
    SHIM.get().expect("installed")
}

/// The base VFS's method table behind the file's (swapped) table.
fn real(file: *mut ffi::sqlite3_file) -> &'static ffi::sqlite3_io_methods {
    // SAFETY: SQLite passes a file this VFS opened; the tables are static or leaked.
    unsafe {
        let ours = (*file).pMethods as usize;
        let tables = shim().tables.lock().unwrap_or_else(|e| e.into_inner());
        let real = tables.iter().find(|(_, o)| *o == ours).map(|(r, _)| *r);
        &*(real.unwrap_or(ours) as *const ffi::sqlite3_io_methods)
    }
}

unsafe extern "C" fn x_write(
    file: *mut ffi::sqlite3_file,
    buf: *const c_void,
    amount: c_int,
    offset: ffi::sqlite3_int64,
) -> c_int {
    if READ_ONLY.load(Ordering::SeqCst) {
        REFUSED.fetch_add(1, Ordering::SeqCst);
        return ffi::SQLITE_IOERR_WRITE;
    }
    // SAFETY: forwarding SQLite's own arguments to the method the file was opened with.
    unsafe { real(file).xWrite.expect("xWrite")(file, buf, amount, offset) }
}

unsafe extern "C" fn x_truncate(file: *mut ffi::sqlite3_file, size: ffi::sqlite3_int64) -> c_int {
    if READ_ONLY.load(Ordering::SeqCst) {
        REFUSED.fetch_add(1, Ordering::SeqCst);
        return ffi::SQLITE_IOERR_TRUNCATE;
    }
    // SAFETY: as in `x_write`.
    unsafe { real(file).xTruncate.expect("xTruncate")(file, size) }
}

unsafe extern "C" fn x_open(
    vfs: *mut ffi::sqlite3_vfs,
    name: ffi::sqlite3_filename,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let _ = vfs;
    let base = shim().base;
    // SAFETY: the base VFS opens into the same `file` (its szOsFile is ours); afterwards only
    // the method table is swapped for a copy whose write and truncate check the switch.
    unsafe {
        let rc = (*base).xOpen.expect("xOpen")(base, name, file, flags, out_flags);
        if rc == ffi::SQLITE_OK && !(*file).pMethods.is_null() {
            let real = (*file).pMethods as usize;
            let mut tables = shim().tables.lock().unwrap_or_else(|e| e.into_inner());
            let ours = match tables.iter().find(|(r, _)| *r == real) {
                Some((_, ours)) => *ours,
                None => {
                    let mut m = *(*file).pMethods;
                    m.xWrite = Some(x_write);
                    m.xTruncate = Some(x_truncate);
                    let ours = Box::into_raw(Box::new(m)) as usize;
                    tables.push((real, ours));
                    ours
                }
            };
            (*file).pMethods = ours as *const ffi::sqlite3_io_methods;
        }
        rc
    }
}

unsafe extern "C" fn x_get_last_error(
    vfs: *mut ffi::sqlite3_vfs,
    n: c_int,
    buf: *mut c_char,
) -> c_int {
    let _ = vfs;
    if READ_ONLY.load(Ordering::SeqCst) {
        return EROFS;
    }
    let base = shim().base;
    // SAFETY: forwarding to the base VFS.
    unsafe { (*base).xGetLastError.map_or(0, |f| f(base, n, buf)) }
}

/// Registers the shim as the default VFS of this test process (once).
fn install() {
    SHIM.get_or_init(|| {
        // SAFETY: sqlite3_vfs_find initialises SQLite; the copy is leaked, as a registered
        // VFS must outlive every connection.
        unsafe {
            let base = ffi::sqlite3_vfs_find(ptr::null());
            assert!(!base.is_null());
            let mut vfs = *base;
            vfs.zName = c"nianbao-read-only-shim".as_ptr();
            vfs.pNext = ptr::null_mut();
            vfs.xOpen = Some(x_open);
            vfs.xGetLastError = Some(x_get_last_error);
            let vfs = Box::into_raw(Box::new(vfs));
            let shim = Shim {
                base,
                tables: Mutex::new(Vec::new()),
            };
            assert_eq!(ffi::sqlite3_vfs_register(vfs, 1), ffi::SQLITE_OK);
            let name = CStr::from_ptr((*ffi::sqlite3_vfs_find(ptr::null())).zName);
            assert_eq!(name.to_str().unwrap(), "nianbao-read-only-shim");
            shim
        }
    });
}

fn integrity(path: &std::path::Path) -> String {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.pragma_query_value(None, "integrity_check", |r| r.get(0))
        .unwrap()
}

#[test]
fn a_disk_turned_read_only_fails_the_save_keeps_the_database_and_the_retry_works() {
    install();
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).expect("open while writable");
    let id = store.create_report(&full_report()).unwrap();
    let pid = store.load_report(id).unwrap().preface[0].id.unwrap();
    store
        .update_block(pid, "只读之前保存的导语。", "")
        .expect("a save while writable");

    READ_ONLY.store(true, Ordering::SeqCst);
    // A save large enough to spill pages, and a small one: both fail the same way.
    for text in [
        "只读时输入的文字。".repeat(5000),
        "只读时输入的一句话。".into(),
    ] {
        let err = store
            .update_block(pid, &text, "")
            .expect_err("nothing can be written");
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
        assert!(err.to_string().contains("read-only"), "{err}");
    }
    assert!(REFUSED.load(Ordering::SeqCst) > 0, "the fault was hit");
    // Reading still works, and shows the last committed text.
    assert_eq!(
        store.load_report(id).unwrap().preface[0].text,
        "只读之前保存的导语。"
    );
    assert_eq!(integrity(&path), "ok");

    // Writable again: the retry of the same save goes through and survives a reopen.
    READ_ONLY.store(false, Ordering::SeqCst);
    store
        .update_block(pid, "只读时输入的一句话。", "")
        .expect("the retry");
    drop(store);
    assert_eq!(integrity(&path), "ok");
    let store = Store::open(&path).expect("reopen");
    let report = store.load_report(id).unwrap();
    assert_eq!(report.preface[0].text, "只读时输入的一句话。");
    assert_eq!(report.preface[1].text, full_report().preface[1].text);
}
