//! `nianbao check` and `nianbao fix --punctuation` on the real sample and on made-up reports.

mod common;

use common::{Cli, sample_path};
use serde_json::Value;

const HALF: [char; 9] = [',', ':', ';', '(', ')', '?', '!', '"', '\''];
const MAPPED: [(char, char); 10] = [
    (',', '，'),
    (':', '：'),
    (';', '；'),
    ('(', '（'),
    (')', '）'),
    ('?', '？'),
    ('!', '！'),
    ('"', '“'),
    ('"', '”'),
    ('\'', '‘'),
];

fn check_json(cli: &Cli, id: &str) -> (Option<i32>, Value) {
    let out = cli.run(&["check", id, "--json", "--today", "2024-02-18"]);
    let json = serde_json::from_slice(&out.stdout).expect("check --json prints JSON");
    (out.status.code(), json)
}

#[test]
fn check_lists_the_samples_findings_and_fails_on_errors() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let out = cli.run(&["check", &id, "--today", "2024-02-18"]);
    assert_eq!(out.status.code(), Some(1), "errors make the exit status 1");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.last().copied(),
        Some(format!("report {id}: 212 errors, 1 warning, 3 hints").as_str())
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.ends_with("[punctuation]"))
            .count(),
        212
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        lines.contains(&"error   preface ¶1, char 6: half-width comma ',' in Chinese text; use the full-width '，' [punctuation]"),
        "{stdout}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("hint    whole report: send the report to the Party committee and government one level up by 2024年3月1日 (12 days from today)")),
        "{stdout}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("warning date (成文日期): not set yet"))
    );
}

#[test]
fn check_json_has_counts_and_findings() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let (code, json) = check_json(&cli, &id);
    assert_eq!(code, Some(1));
    assert_eq!(json["report"], id.parse::<i64>().unwrap());
    assert_eq!(json["today"], "2024-02-18");
    assert_eq!(
        (&json["errors"], &json["warnings"], &json["hints"]),
        (&Value::from(212), &Value::from(1), &Value::from(3))
    );
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 216);
    let f = findings
        .iter()
        .find(|f| f["rule"] == "punctuation")
        .unwrap();
    for key in [
        "location",
        "severity",
        "rule",
        "message_en",
        "message_zh",
        "fix",
    ] {
        assert!(f.get(key).is_some(), "finding has {key}: {f}");
    }
    assert_eq!(f["severity"], "error");
    assert_eq!(f["location"]["target"]["in"], "preface");
    assert!(
        f["location"]["target"]["id"].is_i64(),
        "stored ids are given"
    );
    assert_eq!(f["location"]["range"]["start"], 5);
    assert_eq!(f["location"]["range"]["end"], 6);
    assert!(f["message_zh"].as_str().unwrap().contains("全角"));
    assert!(
        f["fix"]["after"]["text"]
            .as_str()
            .unwrap()
            .starts_with("2023年，在区委")
    );
    // Every block finding names the block by id and by path.
    for f in findings
        .iter()
        .filter(|f| f["location"]["target"]["in"] == "block")
    {
        assert!(f["location"]["target"]["id"].is_i64());
        assert!(f["location"]["target"]["path"].is_array());
        assert!(
            f["location"]["label"]
                .as_str()
                .unwrap()
                .starts_with(['一', '二', '三', '四', '五'])
        );
    }
}

#[test]
fn fix_punctuation_fixes_every_mark_and_nothing_else() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let shown_before = cli.ok(&["show", &id]);
    let json_before: Value = serde_json::from_str(&cli.ok(&["show", &id, "--json"])).unwrap();

    let out = cli.ok(&["fix", &id, "--punctuation"]);
    let texts = out
        .trim()
        .strip_prefix("fixed 212 punctuation marks in ")
        .and_then(|s| s.strip_suffix(&format!(" texts of report {id}")))
        .unwrap_or_else(|| panic!("unexpected: {out}"));
    // The preface, and the headings and paragraphs of parts 一 to 四 that have marks.
    assert_eq!(texts, "26", "{out}");

    // Checked again: no punctuation left, no error at all, so exit 0.
    let (code, json) = check_json(&cli, &id);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["errors"], 0);
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "punctuation")
    );

    // The printed text: same lines, same lengths, every change one of the mapped pairs.
    let shown_after = cli.ok(&["show", &id]);
    let (before, after): (Vec<&str>, Vec<&str>) = (
        shown_before.lines().collect(),
        shown_after.lines().collect(),
    );
    assert_eq!(before.len(), after.len());
    let mut changed = 0;
    for (a, b) in before.iter().zip(&after) {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            if x != y {
                changed += 1;
                assert!(MAPPED.contains(&(*x, *y)), "{x} → {y}");
            }
        }
        assert!(
            !b.iter().any(|c| HALF.contains(c)),
            "{}",
            b.iter().collect::<String>()
        );
    }
    assert_eq!(changed, 212);

    // The stored structure: same ids, same shape; only texts changed.
    let json_after: Value = serde_json::from_str(&cli.ok(&["show", &id, "--json"])).unwrap();
    fn shape(v: &Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| {
                        let v = if matches!(k.as_str(), "text" | "heading" | "body") {
                            Value::Null
                        } else {
                            shape(v)
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(shape).collect()),
            other => other.clone(),
        }
    }
    assert_eq!(shape(&json_before), shape(&json_after));
    assert_ne!(json_before, json_after);

    // A second run has nothing to do.
    assert_eq!(
        cli.ok(&["fix", &id, "--punctuation"]).trim(),
        format!("no half-width punctuation to fix in report {id}")
    );
}

#[test]
fn a_clean_report_exits_zero_and_an_empty_one_does_not() {
    let cli = Cli::new();
    let mut report = nianbao_report::synthetic::report(5);
    report.meta.date = nianbao_report::DocDate::new(2024, 3, 28).ok();
    let file = cli.path("clean.json");
    std::fs::write(&file, serde_json::to_vec(&report).unwrap()).unwrap();
    let id = cli.import(&file);
    let out = cli.run(&["check", &id, "--today", "2024-04-02"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.ends_with(&format!("report {id}: 0 errors, 0 warnings, 3 hints\n")),
        "{stdout}"
    );
    assert!(
        stdout.contains("publish the report (government website, press): was due 2024年4月1日 (1 day ago); make sure it was published"),
        "{stdout}"
    );
    assert!(
        stdout.contains("was due 2024年3月1日 (32 days ago)"),
        "{stdout}"
    );

    let empty = cli.ok(&["new", "--issuer", "某镇人民政府", "--year", "2023"]);
    let (code, json) = check_json(&cli, empty.trim());
    assert_eq!(code, Some(1));
    let rules: Vec<(&str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rules,
        [
            ("date", "warning"),
            ("part_empty", "error"),
            ("part_empty", "error"),
            ("part_empty", "error"),
            ("part_empty", "error"),
            ("part_empty", "warning"),
            ("deadline", "hint"),
            ("deadline", "hint"),
            ("review", "hint"),
        ]
    );
    let other = &json["findings"][5];
    assert_eq!(other["fix"]["after"]["text"], "无其他需要报告的情况。");
}

#[test]
fn user_errors() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let err = cli.user_error(&["check", "99"]);
    assert!(err.contains("99"), "{err}");
    let err = cli.user_error(&["fix", &id]);
    assert!(err.contains("--punctuation"), "{err}");
    let err = cli.user_error(&["check", &id, "--today", "2024-02-30"]);
    assert!(err.contains("2024-02-30"), "{err}");
    let err = cli.user_error(&["fix", "99", "--punctuation"]);
    assert!(err.contains("99"), "{err}");
}
