//! The full check of a 30-page report must stay within 20 ms, so that the app can re-check
//! on every pause in typing.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao_report::{DocDate, synthetic};

fn bench(c: &mut Criterion) {
    let report = synthetic::report(30);
    let today = DocDate::new(2024, 2, 18).expect("a date");
    c.bench_function("check(synthetic 30 pages)", |b| {
        b.iter(|| nianbao_check::check(black_box(&report), today))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
