//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod docx;

use std::path::{Path, PathBuf};

use nianbao_report::{Block, Heading, Report};

/// The real published sample report, kept in the shared folder beside the repository.
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples/changziying-2023.txt")
}

/// The sample's bytes (UTF-8, LF line ends, as published).
pub fn sample_bytes() -> Vec<u8> {
    let path = sample_path();
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The sample as text.
pub fn sample_text() -> String {
    String::from_utf8(sample_bytes()).expect("the sample is UTF-8")
}

/// Every paragraph of the report in reading order, as one line each: a heading with its
/// run-in body is one line, as in the source.
pub fn flatten(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = report.preface.iter().map(|p| p.text.clone()).collect();
    for part in &report.parts {
        out.push(format!("{}{}", part.heading, part.body));
        flatten_blocks(&part.blocks, &mut out);
    }
    out
}

fn flatten_blocks(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(p.text.clone()),
            Block::Heading(h) => {
                out.push(format!("{}{}", h.text, h.body));
                flatten_blocks(&h.children, out);
            }
        }
    }
}

/// The heading at `index` among `blocks`, counting headings only.
pub fn nth_heading(blocks: &[Block], index: usize) -> &Heading {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h),
            Block::Paragraph(_) => None,
        })
        .nth(index)
        .unwrap_or_else(|| panic!("no heading {index}"))
}

/// Texts of the paragraphs directly in `blocks`.
pub fn paragraphs(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.as_str()),
            Block::Heading(_) => None,
        })
        .collect()
}

/// A small but complete report used to try one feature at a time.
pub fn mini(body: &str) -> String {
    format!("某镇人民政府2023年法治政府建设年度情况报告\n\n{body}")
}

/// The outline as `marker + text` lines, e.g. `（一）强化组织领导`.
pub fn outline(report: &Report) -> Vec<String> {
    report
        .outline()
        .into_iter()
        .map(|e| format!("{}{}", e.marker, e.text))
        .collect()
}

/// The statutory key of each part (`-` for an extra part).
pub fn keys(report: &Report) -> Vec<String> {
    report
        .parts
        .iter()
        .map(|p| p.statutory.clone().unwrap_or_else(|| "-".into()))
        .collect()
}

/// xorshift: deterministic noise without a dependency, for the mangling tests.
pub struct Noise(pub u64);

impl Noise {
    /// A number below `below` (0 when `below` is 0).
    pub fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below.max(1) as u64) as usize
    }
}
