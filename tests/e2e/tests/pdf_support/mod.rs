//! What the preview and PDF tests share: answering the native save dialog, reading a PDF.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use serde_json::json;

use crate::harness::App;

/// Answers the native save dialog (`plugin:dialog|save`) with `path`, in the page, the way
/// the harness answers the open dialog; every other command goes through. Lasts until a reload.
pub async fn answer_save_dialog(app: &App, path: &Path) {
    app.client
        .execute(
            "const [path] = arguments;\
             const real = window.__nianbaoRealSaveFetch || window.fetch;\
             window.__nianbaoRealSaveFetch = real;\
             window.fetch = (input, init) => {\
               const url = typeof input === 'string' ? input : input.url;\
               const cmd = decodeURIComponent(url.split('/').pop() || '');\
               if (cmd === 'plugin:dialog|save') {\
                 return Promise.resolve(new Response(JSON.stringify(path), {\
                   headers: { 'Tauri-Response': 'ok', 'Content-Type': 'application/json' } }));\
               }\
               return real(input, init);\
             };",
            vec![json!(path)],
        )
        .await
        .expect("answer the save dialog");
}

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
