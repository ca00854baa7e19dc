//! Prints `nianbao_report::synthetic::report(N)` as JSON for `nianbao import` (the conformance
//! test lays out the same report with LibreOffice and with this crate).
//!
//! `cargo run -p nianbao-layout --example synthetic -- 30 > report.json`
//!
//! With `--full`, the report also has everything that ends a formal copy: 附件说明 with two
//! attachments, a sealed sign-off with its 成文日期, and a 版记 with 抄送 and 印发.

use nianbao_report::{DocDate, Imprint};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pages = (args.iter()).find_map(|a| a.parse().ok()).unwrap_or(30);
    let mut report = nianbao_report::synthetic::report(pages);
    if args.iter().any(|a| a == "--full") {
        let meta = &mut report.meta;
        meta.attachments = vec![
            "2023年度行政执法数据统计表".into(),
            "2023年度法治政府建设重点任务完成情况".into(),
        ];
        meta.sealed = true;
        meta.date = DocDate::new(2024, 3, 28).ok();
        meta.imprint = Some(Imprint {
            cc: Some("区委依法治区办，区司法局，区人大常委会办公室".into()),
            printer: "某市某区某镇人民政府办公室".into(),
            date: DocDate::new(2024, 3, 29).expect("a valid date"),
        });
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&report).expect("a report serialises")
    );
}
