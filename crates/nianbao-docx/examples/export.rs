//! Writes sample exports into a directory for the OOXML validator and LibreOffice:
//! `cargo run -p nianbao-docx --example export -- /tmp/nianbao-docx`.

use std::path::PathBuf;

use nianbao_report::{Block, DocDate, Heading, Imprint, Paragraph, Report, synthetic, template};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/nianbao-docx".into()),
    );
    std::fs::create_dir_all(&dir)?;
    let plain = synthetic::report(30);
    let mut full = synthetic::report(3);
    full.meta.date = Some(DocDate::new(2024, 3, 28)?);
    full.meta.attachments = vec!["2023年度行政执法数据统计表".into(), "2023年度法治政府建设重点任务完成情况一览表（含各职能部门责任分工、完成时限及佐证材料目录）".into()];
    full.meta.imprint = Some(Imprint {
        cc: Some("区委依法治区办，区司法局，区人大常委会办公室，区政协办公室，各街道办事处，区政府各委、办、局".into()),
        printer: "某市某区某镇人民政府办公室".into(),
        date: DocDate::new(2024, 3, 28)?,
    });
    let mut levels = Report::from_template(template::default_template(), "某县司法局", 2024);
    let mut l4 = Heading::new("建立台账。");
    l4.body = "逐项销号，A&B <c>\t制表\n换行。".into();
    let mut l3 = Heading::new("积极走访企业，稳企解困。");
    l3.body = "以重点企业联络员制度为抓手。".into();
    l3.children.push(Block::Heading(l4));
    let mut l2 = Heading::new("加快推进政府职能转变");
    l2.children
        .push(Block::Paragraph(Paragraph::new("加大放管服改革力度。")));
    l2.children.push(Block::Heading(l3));
    levels.parts[0].blocks.push(Block::Heading(l2));
    levels.meta.title = Some("某县司法局\n2024年法治政府建设年度情况报告".into());
    levels.meta.attachments = vec!["执法数据统计表".into()];
    let mut minimal = Report::from_template(template::default_template(), "某县司法局", 2024);
    minimal.parts.clear();
    let mut sealed = full.clone();
    sealed.meta.sealed = true;
    for (name, report) in [
        ("synthetic-30", &plain),
        ("full-unsealed", &full),
        ("full-sealed", &sealed),
        ("synthetic-80", &synthetic::report(80)),
        ("levels", &levels),
        ("minimal", &minimal),
    ] {
        let path = dir.join(format!("{name}.docx"));
        let warnings = nianbao_docx::write_docx(report, &path)?;
        println!(
            "{} {} bytes {warnings:?}",
            path.display(),
            std::fs::metadata(&path)?.len()
        );
    }
    Ok(())
}
