//! `to_docx` on synthetic reports of about 10 and 100 pages: the export must stay well under
//! 50 ms for 100 pages and grow linearly.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao_report::synthetic;

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("to_docx");
    for pages in [10, 100] {
        let report = synthetic::report(pages);
        group.bench_function(format!("{pages} pages"), |b| {
            b.iter(|| nianbao_docx::to_docx(black_box(&report)))
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
