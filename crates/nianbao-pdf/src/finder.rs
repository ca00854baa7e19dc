//! Where LibreOffice lives: the directories of `PATH`, then the places its installers use on
//! Linux, macOS and Windows. The list is injectable so that "not installed" can be tested.

use std::path::{Path, PathBuf};

use crate::{LibreOffice, PdfError};

/// Program names, most specific first (`libreoffice` is Debian's wrapper of `soffice`).
#[cfg(windows)]
const PROGRAMS: &[&str] = &["soffice.exe"];
#[cfg(not(windows))]
const PROGRAMS: &[&str] = &["soffice", "libreoffice"];

/// A path list (like `PATH`) that replaces the whole search, for LibreOffice installed in an
/// unusual place, and for testing what happens when it is missing.
pub const DIRS_VARIABLE: &str = "NIANBAO_LIBREOFFICE_DIRS";

/// An ordered list of directories to look for LibreOffice in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finder {
    dirs: Vec<PathBuf>,
}

impl Finder {
    /// The folders of [`DIRS_VARIABLE`] when it is set; otherwise `PATH`, then the usual
    /// install folders of this system.
    pub fn system() -> Self {
        if let Some(dirs) = std::env::var_os(DIRS_VARIABLE) {
            return Finder::in_dirs(std::env::split_paths(&dirs));
        }
        let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect())
            .unwrap_or_default();
        dirs.extend(usual_dirs());
        let mut seen = std::collections::HashSet::new();
        dirs.retain(|d| !d.as_os_str().is_empty() && seen.insert(d.clone()));
        Finder { dirs }
    }

    /// Exactly these directories, in this order.
    pub fn in_dirs<I, P>(dirs: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: Into<PathBuf>,
    {
        Finder {
            dirs: dirs.into_iter().map(Into::into).collect(),
        }
    }

    /// The directories searched, in order.
    pub fn dirs(&self) -> &[PathBuf] {
        &self.dirs
    }

    /// The first LibreOffice program found, or [`PdfError::NotInstalled`].
    pub fn find(&self) -> Result<LibreOffice, PdfError> {
        self.dirs
            .iter()
            .flat_map(|dir| PROGRAMS.iter().map(move |p| dir.join(p)))
            .find(|p| is_executable(p))
            .map(LibreOffice::at)
            .ok_or_else(|| PdfError::NotInstalled {
                searched: self.dirs.clone(),
            })
    }
}

/// Where the installers put it: distribution packages, the Document Foundation's own
/// packages under /opt (newest version first), snaps, the macOS bundle, Program Files.
fn usual_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if cfg!(windows) {
        for var in ["ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"] {
            if let Some(root) = std::env::var_os(var) {
                dirs.push(Path::new(&root).join("LibreOffice").join("program"));
            }
        }
        dirs.push(PathBuf::from(r"C:\Program Files\LibreOffice\program"));
    } else {
        dirs.extend(
            [
                "/usr/bin",
                "/usr/local/bin",
                "/usr/lib/libreoffice/program",
                "/snap/bin",
            ]
            .map(PathBuf::from),
        );
        let mut opt: Vec<PathBuf> = std::fs::read_dir("/opt")
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("libreoffice"))
            .map(|e| e.path().join("program"))
            .collect();
        opt.sort_by(|a, b| b.cmp(a));
        dirs.extend(opt);
        dirs.push(PathBuf::from(
            "/Applications/LibreOffice.app/Contents/MacOS",
        ));
    }
    dirs
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_search_list_means_not_installed() {
        let err = Finder::in_dirs(Vec::<PathBuf>::new()).find().unwrap_err();
        assert!(matches!(err, PdfError::NotInstalled { ref searched } if searched.is_empty()));
    }

    #[test]
    fn directories_without_the_program_mean_not_installed_and_are_listed() {
        let empty = tempfile::tempdir().unwrap();
        let err = Finder::in_dirs([empty.path()]).find().unwrap_err();
        match err {
            PdfError::NotInstalled { searched } => assert_eq!(searched, [empty.path()]),
            other => panic!("expected NotInstalled, got {other}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_is_not_executable_is_not_a_program() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("soffice"), "not a program").unwrap();
        assert!(Finder::in_dirs([dir.path()]).find().is_err());
    }

    #[cfg(unix)]
    #[test]
    fn the_first_directory_holding_the_program_wins() {
        use std::os::unix::fs::PermissionsExt;
        let (empty, a, b) = (
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
        );
        for dir in [&a, &b] {
            let program = dir.path().join("soffice");
            std::fs::write(&program, "#!/bin/sh\n").unwrap();
            std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let found = Finder::in_dirs([empty.path(), a.path(), b.path()])
            .find()
            .unwrap();
        assert_eq!(found.program(), a.path().join("soffice"));
    }

    #[test]
    fn the_system_list_starts_with_path_and_has_no_duplicates() {
        let finder = Finder::system();
        let mut unique = finder.dirs().to_vec();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), finder.dirs().len());
        if let Some(first) = std::env::var_os("PATH")
            .and_then(|p| std::env::split_paths(&p).find(|d| !d.as_os_str().is_empty()))
        {
            assert_eq!(finder.dirs()[0], first);
        }
    }
}
