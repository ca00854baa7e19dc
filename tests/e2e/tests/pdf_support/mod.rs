//! What the preview and PDF tests share: reading a PDF.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// The page count poppler reads (which also proves the file opens as a PDF).
pub fn pdf_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) runs");
    assert!(out.status.success(), "{} opens: {out:?}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}
