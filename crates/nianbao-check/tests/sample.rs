//! The checker on the real published sample (北京市大兴区长子营镇, 2023), imported as the
//! CLI imports it.

use std::path::Path;

use nianbao_check::{
    Field, Finding, Rule, Severity, Target, apply_fixes, check, claims::claims, count,
    punctuation_fixes,
};
use nianbao_report::{Block, DocDate, Report};

const HALF: [char; 9] = [',', ':', ';', '(', ')', '?', '!', '"', '\''];

/// The pairs the punctuation fix may write.
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

fn source() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples/changziying-2023.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn sample() -> Report {
    nianbao_import::import_text(&source())
        .expect("the sample imports")
        .report
}

fn today() -> DocDate {
    DocDate::new(2024, 2, 18).unwrap()
}

/// Every text of the report with its target and field, in document order.
fn texts(r: &Report) -> Vec<(Target, Field, String)> {
    fn blocks(
        list: &[Block],
        part: usize,
        path: &mut Vec<usize>,
        out: &mut Vec<(Target, Field, String)>,
    ) {
        for (i, b) in list.iter().enumerate() {
            path.push(i);
            let target = |id| Target::Block {
                part,
                path: path.clone(),
                id,
            };
            match b {
                Block::Paragraph(p) => out.push((target(p.id), Field::Text, p.text.clone())),
                Block::Heading(h) => {
                    out.push((target(h.id), Field::Text, h.text.clone()));
                    out.push((target(h.id), Field::Body, h.body.clone()));
                    blocks(&h.children, part, path, out);
                }
            }
            path.pop();
        }
    }
    let mut out = Vec::new();
    for (index, p) in r.preface.iter().enumerate() {
        out.push((
            Target::Preface { index, id: p.id },
            Field::Text,
            p.text.clone(),
        ));
    }
    for (pi, part) in r.parts.iter().enumerate() {
        let t = Target::Part {
            part: pi,
            id: part.id,
        };
        out.push((t.clone(), Field::Text, part.heading.clone()));
        out.push((t, Field::Body, part.body.clone()));
        blocks(&part.blocks, pi, &mut Vec::new(), &mut out);
    }
    out
}

fn of_rule(findings: &[Finding], rule: Rule) -> Vec<&Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn every_half_width_mark_is_found() {
    let src = source();
    let in_source = src.chars().filter(|c| HALF.contains(c)).count();
    // The source: 196 commas, 5 colons, 7 semicolons, 15 pairs of brackets.
    assert_eq!(in_source, 196 + 5 + 7 + 30);

    let r = sample();
    let mut marks = Vec::new();
    for (target, field, text) in texts(&r) {
        for (at, c) in text.chars().enumerate() {
            if HALF.contains(&c) {
                marks.push((target.clone(), field, at));
            }
        }
    }
    // Not in the report: the chrome line `来源:长子营镇  日期:2024-03-28 10:09 打印 【字体:`
    // (4 colons) and the markers (一)…(八), (一)…(三) of 11 level-2 headings (22 brackets),
    // which are numbering, generated on export.
    assert_eq!(marks.len(), in_source - 4 - 22);
    assert_eq!(marks.len(), 212);

    let findings = check(&r, today());
    let found: Vec<_> = of_rule(&findings, Rule::Punctuation)
        .into_iter()
        .map(|f| {
            (
                f.location.target.clone(),
                f.location.field,
                f.location.range.unwrap().start,
            )
        })
        .collect();
    // Every one of them stands in Chinese text, and every one is found, in order.
    assert_eq!(found, marks);
    assert!(
        of_rule(&findings, Rule::Punctuation)
            .iter()
            .all(|f| f.severity == Severity::Error && f.fix.is_some())
    );
}

#[test]
fn the_fix_leaves_no_mark_and_changes_nothing_else() {
    let original = sample();
    let mut fixed = original.clone();
    let (fixes, marks) = punctuation_fixes(&check(&original, today()));
    assert_eq!(marks, 212);
    let changed = apply_fixes(&mut fixed, &fixes);
    assert_eq!(changed, fixes.len());

    // Nothing outside the texts changed.
    let strip = |r: &Report| {
        let mut r = r.clone();
        for p in &mut r.preface {
            p.text.clear();
        }
        fn clear(list: &mut [Block]) {
            for b in list {
                match b {
                    Block::Paragraph(p) => p.text.clear(),
                    Block::Heading(h) => {
                        h.text.clear();
                        h.body.clear();
                        clear(&mut h.children);
                    }
                }
            }
        }
        for p in &mut r.parts {
            p.heading.clear();
            p.body.clear();
            clear(&mut p.blocks);
        }
        r
    };
    assert_eq!(strip(&original), strip(&fixed));

    // Character by character: same length, every difference one of the mapped pairs.
    let (before, after) = (texts(&original), texts(&fixed));
    assert_eq!(before.len(), after.len());
    let mut differing = 0;
    for ((t1, f1, a), (t2, f2, b)) in before.iter().zip(&after) {
        assert_eq!((t1, f1), (t2, f2));
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        assert_eq!(a.len(), b.len(), "{t1:?}");
        for (x, y) in a.iter().zip(&b) {
            if x != y {
                differing += 1;
                assert!(MAPPED.contains(&(*x, *y)), "{x} → {y} in {t1:?}");
            }
        }
        assert!(!b.iter().any(|c| HALF.contains(c)), "{t1:?} keeps a mark");
    }
    assert_eq!(differing, 212);

    // Checked again: no punctuation finding left, and no new finding of any kind.
    let again = check(&fixed, today());
    assert!(of_rule(&again, Rule::Punctuation).is_empty());
    let (e, w, h) = count(&again);
    // The hints: the two deadlines and the 保密审查 not recorded.
    assert_eq!((e, w, h), (0, 1, 3), "{again:#?}");
}

#[test]
fn the_samples_findings() {
    let findings = check(&sample(), today());
    let mut rules: Vec<(Rule, Severity)> = findings.iter().map(|f| (f.rule, f.severity)).collect();
    rules.dedup();
    assert_eq!(
        rules,
        [
            // Imported from the web page, the sample has no 成文日期 (it was in the chrome).
            (Rule::Date, Severity::Warning),
            (Rule::Punctuation, Severity::Error),
            (Rule::Deadline, Severity::Hint),
            // Never reviewed: a hint until the 保密审查 is recorded.
            (Rule::Review, Severity::Hint),
        ]
    );
    assert_eq!(count(&findings), (212, 1, 3));
}

/// The paragraph under part 一 （七） with the case figures.
fn case_paragraph(r: &mut Report) -> &mut String {
    let Some(Block::Heading(h)) = r.parts[0].blocks.get_mut(6) else {
        panic!("part 一 has its item （七）");
    };
    assert_eq!(h.text, "持续改进行政复议、行政诉讼工作");
    let Some(Block::Paragraph(p)) = h.children.get_mut(0) else {
        panic!("（七） has its paragraph");
    };
    &mut p.text
}

#[test]
fn the_samples_sixty_and_seventy_five_per_cent_check_out() {
    let mut r = sample();
    let text = case_paragraph(&mut r).clone();
    let c = claims(&text);
    let got: Vec<_> = c
        .iter()
        .map(|c| {
            (
                c.written.as_str(),
                c.last.value.to_string(),
                c.current_value.to_string(),
                c.agrees,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("降低了9件", "15".into(), "6".into(), true),
            ("降低了3件", "4".into(), "1".into(), true),
            ("降低60%", "15".into(), "6".into(), true),
            ("降低75%", "4".into(), "1".into(), true),
        ]
    );
    assert!(of_rule(&check(&r, today()), Rule::Claim).is_empty());
}

#[test]
fn a_mutated_count_is_caught() {
    let mut r = sample();
    let p = case_paragraph(&mut r);
    assert!(p.contains("共计6件"));
    *p = p.replace("共计6件", "共计7件");
    let text = p.clone();
    let findings = check(&r, today());
    let claims = of_rule(&findings, Rule::Claim);
    let chars: Vec<char> = text.chars().collect();
    let flagged: Vec<String> = claims
        .iter()
        .map(|f| {
            let s = f.location.range.unwrap();
            chars[s.start..s.end].iter().collect()
        })
        .collect();
    assert_eq!(flagged, ["9件", "60%"]);
    assert!(claims.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(claims[0].location.label, "一、（七）¶1");
    assert!(
        claims[1].message_en.contains("a fall of 53.33%"),
        "{}",
        claims[1].message_en
    );
    assert!(
        claims[1].message_zh.contains("文中写作“降低60%”"),
        "{}",
        claims[1].message_zh
    );
}

/// Figure placeholders are not text to correct: nothing inside `{{数据：…}}` is flagged, and
/// the punctuation fix of the sentence around one keeps it intact.
#[test]
fn placeholders_are_left_alone() {
    use nianbao_report::{Block, Paragraph, Report, template};
    let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
    // Filled in, so that the placeholders print (an unfilled one is an error of its own).
    for (key, value, last) in [
        ("reconsideration_cases", "5", "11"),
        ("litigation_cases", "1", "4"),
    ] {
        let f = r.figures.iter_mut().find(|f| f.key == key).unwrap();
        (f.value, f.last_value) = (Some(value.into()), Some(last.into()));
    }
    let text = "受理行政复议案件{{数据：reconsideration_cases}},比去年{{数据：reconsideration_cases+litigation_cases|变化}}。";
    r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(text))];
    let today = nianbao_report::DocDate::new(2024, 2, 18).unwrap();
    let found: Vec<_> = nianbao_check::check(&r, today)
        .into_iter()
        .filter(|f| f.location.label.starts_with("一、¶"))
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, nianbao_check::Rule::Punctuation);
    let fixed = &found[0].fix.as_ref().unwrap().after.text;
    assert_eq!(fixed, &text.replacen(',', "，", 1));
}

/// The sample with its own figures filled in: every number it quotes agrees, so the figure
/// rule adds nothing; a figure typed wrong is caught where the text quotes it.
#[test]
fn the_samples_figures_quote_without_false_alarms() {
    let mut r = sample();
    let fill = |r: &mut Report, key: &str, value: &str, last: Option<&str>| {
        let f = r.figures.iter_mut().find(|f| f.key == key).unwrap();
        f.value = Some(value.into());
        f.last_value = last.map(Into::into);
    };
    for (key, value, last) in [
        ("reconsideration_cases", "5", Some("11")),
        ("litigation_cases", "1", Some("4")),
        ("lost_cases", "1", Some("4")),
        ("head_appearance_rate", "100", None),
        ("service_items", "8552", None),
        ("legal_reviews", "186", None),
        ("dispute_screenings", "50", None),
        ("disputes_resolved", "13", None),
        ("enforcement_cases", "20", None),
        ("normative_reviews", "3", None),
        ("legal_education_events", "30", None),
    ] {
        fill(&mut r, key, value, last);
    }
    let before = check(&sample(), today());
    let after = check(&r, today());
    assert_eq!(before, after, "filled-in figures that agree add no finding");

    // 行政复议案件 5 → 7; 败诉案件 last year 4 → 3; 出庭应诉率 → 95; 政务服务事项 → 8500.
    fill(&mut r, "reconsideration_cases", "7", Some("11"));
    fill(&mut r, "lost_cases", "1", Some("3"));
    fill(&mut r, "head_appearance_rate", "95", None);
    fill(&mut r, "service_items", "8500", None);
    let all = check(&r, today());
    let found = of_rule(&all, Rule::FigureQuote);
    let quoted: Vec<(String, String)> = found
        .iter()
        .map(|f| (f.location.label.clone(), f.message_en.clone()))
        .collect();
    assert_eq!(
        quoted,
        [
            (
                "一、（三）5.".to_string(),
                "政务服务事项受理数 is 8500件 this year, but the text says 8552件".to_string()
            ),
            (
                "一、（七）¶1".to_string(),
                "行政复议案件数 is 7件 this year, but the text says 5件".to_string()
            ),
            (
                "一、（七）¶1".to_string(),
                "败诉案件数 was 3件 last year, but the text says 4件".to_string()
            ),
            (
                "三、（三）¶1".to_string(),
                "行政机关负责人出庭应诉率 is 95% this year, but the text says 100%".to_string()
            ),
        ]
    );
    // The 60% and 75% still check out: the claims read the text, not the figures.
    assert!(of_rule(&check(&r, today()), Rule::Claim).is_empty());
    // The fix of the case paragraph writes both values in, and nothing else.
    let fix = found[1].fix.clone().expect("a fix");
    let text = case_paragraph(&mut r).clone();
    let fixed = &fix.after.text;
    assert_eq!(
        fixed,
        &text
            .replacen("行政复议案件5件", "行政复议案件7件", 1)
            .replacen("比去年4件", "比去年3件", 1)
    );
}
