//! Import of the real sample report (text) and of a 30-page Word export (.docx): decoding or
//! unpacking, cleaning and structure recognition.

use std::{hint::black_box, path::Path};

use criterion::{Criterion, criterion_group, criterion_main};

fn sample() -> Vec<u8> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples/changziying-2023.txt");
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn bench(c: &mut Criterion) {
    let bytes = sample();
    c.bench_function("import_text_bytes(changziying-2023)", |b| {
        b.iter(|| nianbao_import::import_text_bytes(black_box(&bytes)))
    });
    // About 30 pages at 22 lines × 28 characters, as the exporter writes them.
    let docx = nianbao_docx::to_docx(&nianbao_report::synthetic::report(30))
        .expect("the synthetic report exports")
        .bytes;
    c.bench_function("import_docx_bytes(synthetic 30 pages)", |b| {
        b.iter(|| nianbao_import::import_docx_bytes(black_box(&docx)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
