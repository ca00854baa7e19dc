//! The fonts a GB/T 9704 file names (仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体, 宋体) are
//! not free and are missing on most Linux desktops. For LibreOffice's conversion only, a
//! fontconfig file maps each to a free look-alike of the same kind (serif, kai, sans) *after*
//! the real font, so an installed original still wins and the PDF embeds the best available.

use std::path::{Path, PathBuf};

/// Each font the .docx names, and the look-alike that replaces it when it is missing.
#[cfg(all(unix, not(target_os = "macos")))]
const LOOK_ALIKES: &[(&str, &str)] = &[
    ("仿宋_GB2312", "Noto Serif CJK SC"),
    ("仿宋", "Noto Serif CJK SC"),
    ("宋体", "Noto Serif CJK SC"),
    ("方正小标宋简体", "Noto Serif CJK SC"),
    ("楷体_GB2312", "AR PL UKai CN"),
    ("楷体", "AR PL UKai CN"),
    ("黑体", "Noto Sans CJK SC"),
    ("Times New Roman", "Liberation Serif"),
];

/// Writes the fontconfig file into `dir` and returns its path; `None` where fonts are not
/// configured by fontconfig (Windows, macOS).
#[cfg(all(unix, not(target_os = "macos")))]
pub(crate) fn config(dir: &Path) -> std::io::Result<Option<PathBuf>> {
    // The drafter's own configuration stays in force: it is included first.
    let base = std::env::var_os("FONTCONFIG_FILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/etc/fonts/fonts.conf"));
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n",
    );
    xml.push_str(&format!(
        "  <include ignore_missing=\"yes\">{}</include>\n",
        escape(&base.to_string_lossy())
    ));
    for (family, look_alike) in LOOK_ALIKES {
        xml.push_str(&format!(
            "  <alias binding=\"same\"><family>{family}</family><accept><family>{look_alike}</family></accept></alias>\n"
        ));
    }
    xml.push_str("</fontconfig>\n");
    let path = dir.join("fonts.conf");
    std::fs::write(&path, xml)?;
    Ok(Some(path))
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub(crate) fn config(_dir: &Path) -> std::io::Result<Option<PathBuf>> {
    Ok(None)
}

#[cfg(all(unix, not(target_os = "macos")))]
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
