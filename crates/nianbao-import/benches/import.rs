//! Import of the real sample report: decoding, cleaning and structure recognition.

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
