//! Where the database lives: `--db PATH`, else `NIANBAO_DB`, else the OS data directory.

use std::{
    env,
    path::{Path, PathBuf},
};

use directories::ProjectDirs;

use crate::StoreError;

/// Environment variable that overrides the default database path.
pub const ENV_DB: &str = "NIANBAO_DB";

/// File name of the database inside the data directory.
pub const DB_FILE: &str = "nianbao.db";

/// `nianbao.db` in the OS data directory (e.g. `~/.local/share/nianbao/` on Linux).
pub fn default_db_path() -> Result<PathBuf, StoreError> {
    let dirs = ProjectDirs::from("", "", "Nianbao").ok_or(StoreError::NoDataDir)?;
    Ok(dirs.data_dir().join(DB_FILE))
}

/// The database path: `cli` (from `--db`) first, then `NIANBAO_DB` if set and not empty,
/// then [`default_db_path`].
pub fn resolve_db_path(cli: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(p) = cli {
        return Ok(p.to_path_buf());
    }
    // An empty value counts as unset, as `NIANBAO_DB= nianbao list` means "no override".
    match env::var_os(ENV_DB) {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => default_db_path(),
    }
}
