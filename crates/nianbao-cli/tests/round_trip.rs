//! The sample report through the whole pipeline: text → SQLite → .docx → read back.

mod common;

use common::{Cli, sample_path, without_ids};

/// The paragraphs the source text holds, as a GB/T 9704 document prints them: publication
/// chrome left out, half-width level-2 markers written full-width, text otherwise untouched.
fn expected_paragraphs(source: &str) -> Vec<String> {
    source
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty() && !l.starts_with("来源:"))
        .map(|l| {
            // "(一)" → "（一）"; "1." level-3 markers are already as generated.
            if let Some(rest) = l.strip_prefix('(')
                && let Some((num, text)) = rest.split_once(')')
                && num.chars().all(|c| "一二三四五六七八九十".contains(c))
            {
                return format!("（{num}）{text}");
            }
            l.to_string()
        })
        .collect()
}

#[test]
fn sample_survives_import_and_export_character_for_character() {
    let cli = Cli::new();
    let source = std::fs::read_to_string(sample_path()).unwrap();
    let id = cli.import(&sample_path());
    let out = cli.path("sample.docx");
    cli.ok(&["export", &id, "--out", out.to_str().unwrap()]);

    let bytes = std::fs::read(&out).unwrap();
    let printed: Vec<String> = nianbao_docx::read_paragraphs(&bytes)
        .unwrap()
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect();
    let expected = expected_paragraphs(&source);
    // The export adds the 署名 after the text; everything before it is the source, in order.
    assert_eq!(printed[..expected.len()], expected[..]);
    assert_eq!(printed[expected.len()..], ["北京市大兴区长子营镇人民政府"]);
    assert!(
        !printed
            .iter()
            .any(|p| p.contains("来源") || p.contains("【字体"))
    );
}

#[test]
fn sample_outline_has_its_parts_and_levels() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let outline = cli.ok(&["outline", &id]);
    let lines: Vec<&str> = outline.lines().collect();
    assert_eq!(
        lines[0],
        "北京市大兴区长子营镇人民政府2023年法治政府建设年度情况报告"
    );
    let parts: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.starts_with(' '))
        .skip(1)
        .collect();
    assert_eq!(
        parts,
        [
            "一、推进法治政府建设的主要举措和成效",
            "二、推进法治政府建设存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "四、2024年度推进法治政府建设的主要安排",
            "五、其他需要报告的情况",
        ]
    );
    // Part 一 holds eight second-level items, （一）…（八）.
    let part_one: Vec<&str> = lines[2..]
        .iter()
        .copied()
        .take_while(|l| l.starts_with(' '))
        .collect();
    let level2: Vec<&str> = part_one
        .iter()
        .copied()
        .filter(|l| l.starts_with("  （"))
        .collect();
    assert_eq!(level2.len(), 8);
    assert!(level2[7].starts_with("  （八）持续强化对行政权力的监督"));
    // （三） holds items 1–5 at level 3, four spaces in.
    let three = part_one
        .iter()
        .position(|l| l.starts_with("  （三）"))
        .unwrap();
    let items: Vec<&str> = part_one[three + 1..]
        .iter()
        .copied()
        .take_while(|l| l.starts_with("    "))
        .collect();
    assert_eq!(items.len(), 5);
    for (n, item) in items.iter().enumerate() {
        assert!(item.starts_with(&format!("    {}.", n + 1)), "{item}");
    }
    assert_eq!(items[0], "    1.积极走访企业,稳企解困。");
}

#[test]
fn new_list_show_and_json_import_agree() {
    let cli = Cli::new();
    let id = cli
        .ok(&["new", "--issuer", "某县司法局", "--year", "2025"])
        .trim()
        .to_string();
    let list: serde_json::Value = serde_json::from_str(&cli.ok(&["list", "--json"])).unwrap();
    let item = &list.as_array().unwrap()[0];
    assert_eq!(item["id"].to_string(), id);
    assert_eq!(item["issuer"], "某县司法局");
    assert_eq!(item["year"], 2025);
    assert_eq!(item["title"], "某县司法局2025年法治政府建设年度情况报告");
    assert!(item["updated_at"].as_str().unwrap().starts_with("20"));

    // The JSON of `show --json` imports back as an equal report.
    let json = cli.ok(&["show", &id, "--json"]);
    let file = cli.path("report.json");
    std::fs::write(&file, &json).unwrap();
    let copy = cli.import(&file);
    assert_ne!(copy, id);
    assert_eq!(
        without_ids(&cli.ok(&["show", &copy, "--json"])),
        without_ids(&json)
    );
    assert!(cli.ok(&["show", &id]).contains("五、其他需要报告的情况"));
}
