//! Helpers shared by the integration tests: temporary databases, sample reports, file
//! snapshots.
#![allow(dead_code)]

use std::{
    fs,
    path::{Path, PathBuf},
};

use nianbao_report::{Block, DocDate, Heading, Imprint, Paragraph, Part, Report, template};
use nianbao_store::Store;
use tempfile::TempDir;

/// A fresh directory and the path of a database inside it (not yet created).
pub fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nianbao.db");
    (dir, path)
}

/// A store on a fresh file.
pub fn temp_store() -> (TempDir, Store) {
    let (dir, path) = temp_db();
    let store = Store::open(&path).expect("open a new database");
    (dir, store)
}

/// A report with every meta field set and a small tree of every kind of block.
pub fn full_report() -> Report {
    let mut r = Report::from_template(
        template::default_template(),
        "北京市大兴区长子营镇人民政府",
        2023,
    );
    r.meta.title = Some("长子营镇2023年法治政府建设\n年度情况报告".into());
    r.meta.recipient = Some("区委、区政府".into());
    r.meta.signature = Some("长子营镇人民政府".into());
    r.meta.date = DocDate::new(2024, 3, 28).ok();
    r.meta.attachments = vec!["行政复议案件统计表".into(), "法治宣传活动清单".into()];
    r.meta.imprint = Some(Imprint {
        cc: Some("区司法局".into()),
        printer: "长子营镇党政办公室".into(),
        date: DocDate::new(2024, 3, 28).expect("date"),
    });
    r.meta.sealed = true;
    // Start from the template's skeleton without its placeholder paragraphs.
    r.preface.clear();
    for part in &mut r.parts {
        part.blocks.clear();
    }
    r.preface.push(Paragraph::new(
        "2023年，长子营镇坚持以习近平法治思想为指导。",
    ));
    r.preface.push(Paragraph::new("现将有关情况报告如下："));
    let mut l2 = Heading::new("强化组织领导，引领政治建设");
    l2.children
        .push(Block::Paragraph(Paragraph::new("镇党委高度重视。")));
    let mut l3 = Heading::new("积极走访企业，稳企解困。");
    l3.body = "以重点企业联络员制度为抓手。".into();
    let mut l4 = Heading::new("建立台账。");
    l4.body = "逐户登记。".into();
    l3.children.push(Block::Heading(l4));
    l2.children.push(Block::Heading(l3));
    r.parts[0].blocks.push(Block::Heading(l2));
    r.parts[0].body = "主要举措如下。".into();
    r.parts[1]
        .blocks
        .push(Block::Paragraph(Paragraph::new("一是……二是……")));
    let mut extra = Part::new("其他工作");
    extra.blocks.push(Block::Paragraph(Paragraph::new("无。")));
    r.parts.push(extra);
    r
}

/// The report without its row ids, for comparing with what went in.
pub fn without_ids(r: &Report) -> Report {
    fn blocks(bs: &mut [Block]) {
        for b in bs {
            match b {
                Block::Paragraph(p) => p.id = None,
                Block::Heading(h) => {
                    h.id = None;
                    blocks(&mut h.children);
                }
            }
        }
    }
    let mut r = r.clone();
    for p in &mut r.preface {
        p.id = None;
    }
    for part in &mut r.parts {
        part.id = None;
        blocks(&mut part.blocks);
    }
    r
}

/// Every file in `dir` with its bytes, sorted by name.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("dir entry");
            let bytes = fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// The block's shape as text: `P` paragraph, `H(...)` heading with children, by text.
pub fn shape(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.text.clone(),
            Block::Heading(h) if h.children.is_empty() => h.text.clone(),
            Block::Heading(h) => format!("{}({})", h.text, shape(&h.children)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
