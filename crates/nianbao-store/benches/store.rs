//! The cost of the store's hot paths on real files: update_block must not grow with the
//! report (10 vs 100 pages), and creating and loading a large report stay well under a
//! keystroke's budget. Set NIANBAO_BENCH_DIR to measure on a particular disk (every commit
//! is synced, so the disk decides most of update_block's cost).

use std::{
    hint::black_box,
    path::PathBuf,
    time::{Duration, Instant},
};

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao_report::{Block, Report, synthetic};
use nianbao_store::Store;

/// The id of a paragraph in the middle of the report's first part.
fn middle_paragraph(r: &Report) -> i64 {
    let blocks = &r.parts[0].blocks;
    let Some(Block::Heading(item)) = blocks.get(blocks.len() / 2) else {
        panic!("the synthetic report has level-2 items");
    };
    let Some(Block::Paragraph(p)) = item.children.first() else {
        panic!("each item starts with a paragraph");
    };
    p.id.expect("stored")
}

fn bench_dir() -> tempfile::TempDir {
    match std::env::var_os("NIANBAO_BENCH_DIR").map(PathBuf::from) {
        Some(b) => tempfile::tempdir_in(b),
        None => tempfile::tempdir(),
    }
    .expect("temp dir")
}

fn bench(c: &mut Criterion) {
    let dir = bench_dir();
    let mut store = Store::open(&dir.path().join("bench.db")).expect("open");
    let small = synthetic::report(10);
    let large = synthetic::report(100);
    let small_id = store.create_report(&small).expect("create 10");
    let large_id = store.create_report(&large).expect("create 100");

    let mut group = c.benchmark_group("update_block");
    for (name, id) in [("10 pages", small_id), ("100 pages", large_id)] {
        let target = middle_paragraph(&store.load_report(id).expect("load"));
        let mut n = 0u64;
        group.bench_function(name, |b| {
            b.iter(|| {
                n += 1;
                store
                    .update_block(
                        target,
                        &format!("第{n}次修改：全年受理行政复议案件5件。"),
                        "",
                    )
                    .expect("update");
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("create_report");
    group.sample_size(20);
    group.bench_function("100 pages", |b| {
        // Each created copy is purged outside the timed part, so the file does not grow.
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let id = store.create_report(black_box(&large)).expect("create");
                spent += start.elapsed();
                store.trash_report(id).expect("trash");
                store.purge_report(id).expect("purge");
            }
            spent
        })
    });
    group.finish();

    let mut group = c.benchmark_group("load_report");
    for (name, id) in [("10 pages", small_id), ("100 pages", large_id)] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(store.load_report(id).expect("load")))
        });
    }
    group.finish();

    c.bench_function("list_reports", |b| {
        b.iter(|| black_box(store.list_reports().expect("list")))
    });
}

/// Opening runs quick_check over the whole file: measured on a library of twenty
/// 100-page reports.
fn bench_open(c: &mut Criterion) {
    let dir = bench_dir();
    let path = dir.path().join("library.db");
    {
        let mut store = Store::open(&path).expect("open");
        let report = synthetic::report(100);
        for _ in 0..20 {
            store.create_report(&report).expect("create");
        }
    }
    let mut group = c.benchmark_group("open");
    group.sample_size(20);
    group.bench_function("20 reports of 100 pages", |b| {
        b.iter(|| black_box(Store::open(&path).expect("open")))
    });
    group.finish();
}

criterion_group!(benches, bench, bench_open);
criterion_main!(benches);
