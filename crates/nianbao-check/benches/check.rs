//! The full check of a 30-page report must stay within 20 ms, so that the app can re-check
//! on every pause in typing.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao_report::{Block, DocDate, Paragraph, PlanItem, Report, synthetic};

/// The synthetic report with every figure filled in, a placeholder in every item, planned
/// items and a recorded 保密审查: every rule has work to do (the review's fingerprint too).
fn with_figures(pages: usize) -> Report {
    let mut r = synthetic::report(pages);
    for (i, f) in r.figures.iter_mut().enumerate() {
        f.value = Some(format!("{}", 5 + i));
        f.last_value = Some(format!("{}", 8 + i));
    }
    for (n, b) in r.parts[0].blocks.iter_mut().enumerate() {
        if let Block::Heading(h) = b {
            h.children.push(Block::Paragraph(Paragraph::new(format!(
                "全年受理行政复议案件{{{{数据：reconsideration_cases}}}}，较上年{{{{数据：reconsideration_cases|变化}}}}，第{n}项。"
            ))));
        }
    }
    r.plan = (0..10)
        .map(|i| PlanItem {
            id: Some(i),
            text: format!("持续推进第{i}项重点工作"),
            source: "2022年度报告 四、".into(),
            block: (i % 2 == 0).then_some(i),
        })
        .collect();
    r.review = Some(r.review_now(DocDate::new(2024, 3, 20).expect("a date")));
    r
}

fn bench(c: &mut Criterion) {
    let today = DocDate::new(2024, 2, 18).expect("a date");
    let report = synthetic::report(30);
    c.bench_function("check(synthetic 30 pages)", |b| {
        b.iter(|| nianbao_check::check(black_box(&report), today))
    });
    let filled = with_figures(30);
    c.bench_function("check(synthetic 30 pages, figures filled)", |b| {
        b.iter(|| nianbao_check::check(black_box(&filled), today))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
