//! `to_docx` on synthetic reports of about 10 and 100 pages, and 100 with a 版记: the export
//! must stay well under 50 ms for 100 pages and grow linearly.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao_report::{DocDate, Imprint, synthetic};

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("to_docx");
    for pages in [10, 100] {
        let report = synthetic::report(pages);
        group.bench_function(format!("{pages} pages"), |b| {
            b.iter(|| nianbao_docx::to_docx(black_box(&report)))
        });
    }
    // A 版记 asks the pagination engine where the text ends: one layout of the report more.
    let mut report = synthetic::report(100);
    report.meta.imprint = Some(Imprint {
        cc: Some("区委依法治区办，区司法局".into()),
        printer: "某镇人民政府办公室".into(),
        date: DocDate::new(2024, 3, 29).expect("a valid date"),
    });
    group.bench_function("100 pages with a 版记", |b| {
        b.iter(|| nianbao_docx::to_docx(black_box(&report)))
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
