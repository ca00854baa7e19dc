//! Pagination speed: a full layout of a 100-page report (target ≤ 50 ms), and the re-layout
//! of a 30-page report after one paragraph in the middle changed (target ≤ 16 ms, the
//! engine's share of a frame of the live preview).

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use nianbao_layout::{Paginator, paginate};
use nianbao_report::{Block, Report, synthetic};

/// The report with the first paragraph of its middle item lengthened by `extra`.
fn edited(report: &Report, extra: &str) -> Report {
    let mut r = report.clone();
    let blocks = &mut r.parts[0].blocks;
    let middle = blocks.len() / 2;
    if let Block::Heading(item) = &mut blocks[middle]
        && let Some(Block::Paragraph(p)) = item.children.first_mut()
    {
        p.text.push_str(extra);
    }
    r
}

fn full(c: &mut Criterion) {
    let report = synthetic::report(100);
    c.bench_function("paginate/100 pages", |b| {
        b.iter(|| paginate(black_box(&report)))
    });
}

fn incremental(c: &mut Criterion) {
    let report = synthetic::report(30);
    let changed = edited(&report, "新增一句话。");
    c.bench_function("paginate/30 pages, one paragraph edited", |b| {
        b.iter_batched_ref(
            || {
                let mut p = Paginator::new();
                p.update(&report);
                p
            },
            |p| {
                p.update(black_box(&changed));
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, full, incremental);
criterion_main!(benches);
