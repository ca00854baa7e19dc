//! Mangled input never panics: every outcome is an error or a report that validates.

mod common;

use common::Noise;
use nianbao_import::{import_text, import_text_bytes};

#[test]
fn shuffled_cut_and_truncated_samples_never_panic() {
    let text = common::sample_text();
    let lines: Vec<&str> = text.lines().collect();
    let extra = [
        "一、",
        "（",
        "1.",
        "(1)",
        "附件：",
        "2024年3月28日",
        "某镇人民政府",
        "区委：",
        "十、",
        "抄送：",
        "印发",
        "（此件公开发布）",
        "\u{1}",
        "。",
        "：",
        "2023年",
    ];
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    for round in 0..300 {
        let mut picked: Vec<String> = Vec::new();
        for _ in 0..noise.next(40) {
            let line = if noise.next(4) == 0 {
                extra[noise.next(extra.len())].to_string()
            } else {
                lines[noise.next(lines.len())].to_string()
            };
            // Cut each line at a random character.
            let cut: String = line
                .chars()
                .take(noise.next(line.chars().count() + 1))
                .collect();
            picked.push(cut);
        }
        let candidate = picked.join("\n");
        if let Ok(imported) = import_text(&candidate) {
            assert_eq!(imported.report.validate(), Ok(()), "round {round}");
        }
        let bytes = candidate.as_bytes();
        if let Ok(imported) = import_text_bytes(&bytes[..noise.next(bytes.len() + 1)]) {
            assert_eq!(imported.report.validate(), Ok(()), "round {round}");
        }
    }
}
