//! `nianbao figures`, `review` and `status` on real database files: values set and listed,
//! bad input refused with the database unchanged, the 保密审查 before 定稿, quotes of figures
//! in `show`, in the exported .docx read back, and in `check`.

mod common;

use common::Cli;
use nianbao_report::{Block, Paragraph, PlanItem, Report, template};
use serde_json::Value;

/// A 2023 report whose part 一 holds `paragraphs`, stored through `import`; returns its id.
fn report_with(cli: &Cli, paragraphs: &[&str], plan: Vec<PlanItem>) -> String {
    let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
    r.parts[0].blocks = paragraphs
        .iter()
        .map(|p| Block::Paragraph(Paragraph::new(*p)))
        .collect();
    r.plan = plan;
    let file = cli.path("report.json");
    std::fs::write(&file, serde_json::to_vec(&r).unwrap()).unwrap();
    cli.import(&file)
}

fn figures_json(cli: &Cli, id: &str) -> Vec<Value> {
    let out = cli.ok(&["figures", id, "--json"]);
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn figure<'a>(all: &'a [Value], key: &str) -> &'a Value {
    all.iter().find(|f| f["key"] == key).unwrap()
}

#[test]
fn values_set_and_listed_round_trip() {
    let cli = Cli::new();
    let id = report_with(&cli, &["无。"], vec![]);
    let listed = cli.ok(&[
        "figures",
        &id,
        "--set",
        "reconsideration_cases=15",
        "--last",
        "reconsideration_cases=11",
        "--set",
        "head_appearance_rate=97.5%",
        "--last",
        "head_appearance_rate=92.5",
        "--set",
        "lost_cases=１",
    ]);
    let line = |key: &str| {
        listed
            .lines()
            .find(|l| l.starts_with(&format!("{key} ")))
            .unwrap_or_else(|| panic!("{key} listed: {listed}"))
            .to_string()
    };
    let l = line("reconsideration_cases");
    assert!(l.contains("this 15件"), "{l}");
    assert!(l.contains("last 11件"), "{l}");
    assert!(l.ends_with("行政复议案件数  增加4件，增长36.36%"), "{l}");
    assert!(line("head_appearance_rate").ends_with("行政机关负责人出庭应诉率  提高5个百分点"));
    // Only this year's value: no change to print.
    let l = line("lost_cases");
    assert!(l.contains("this 1件") && l.contains("last —"), "{l}");
    assert!(l.ends_with("败诉案件数"), "{l}");
    assert_eq!(listed.lines().count(), 11, "the template's eleven figures");

    // Read back from the database by another process.
    let all = figures_json(&cli, &id);
    let f = figure(&all, "reconsideration_cases");
    assert_eq!(
        (&f["value"], &f["last_value"]),
        (&Value::from("15"), &Value::from("11"))
    );
    assert_eq!(
        (&f["difference"], &f["change"]),
        (&Value::from("增加4件"), &Value::from("增长36.36%"))
    );
    assert_eq!(f["name"], "行政复议案件数");
    assert_eq!(f["unit"], "件");
    let rate = figure(&all, "head_appearance_rate");
    assert_eq!(rate["value"], "97.5");
    assert_eq!(rate["difference"], "提高5个百分点");
    assert_eq!(rate["change"], Value::Null);
    assert_eq!(figure(&all, "lost_cases")["value"], "1");
    // The report's JSON carries them too.
    let shown: Value = serde_json::from_str(&cli.ok(&["show", &id, "--json"])).unwrap();
    assert_eq!(shown["figures"][0]["value"], "15");

    // KEY= clears a value.
    cli.ok(&["figures", &id, "--set", "reconsideration_cases="]);
    let all = figures_json(&cli, &id);
    let f = figure(&all, "reconsideration_cases");
    assert_eq!(
        (&f["value"], &f["last_value"]),
        (&Value::Null, &Value::from("11"))
    );
    assert_eq!(f["change"], Value::Null);

    // A figure named as the report names it (行政复议案件数) is the same figure.
    cli.ok(&["figures", &id, "--set", "行政复议案件数=6"]);
    let all = figures_json(&cli, &id);
    assert_eq!(figure(&all, "reconsideration_cases")["value"], "6");
}

#[test]
fn bad_input_leaves_the_database_unchanged() {
    let cli = Cli::new();
    let id = report_with(&cli, &["无。"], vec![]);
    cli.ok(&[
        "figures",
        &id,
        "--set",
        "lost_cases=1",
        "--last",
        "lost_cases=4",
    ]);
    let state = |cli: &Cli| {
        (
            cli.ok(&["figures", &id, "--json"]),
            cli.ok(&["show", &id, "--json"]),
            cli.ok(&["list", "--json"]),
        )
    };
    let before = state(&cli);
    for (args, says) in [
        // A good value first: it is not stored either.
        (
            vec!["--set", "lost_cases=2", "--set", "no_such_figure=3"],
            "no figure with the key or name \"no_such_figure\"",
        ),
        (vec!["--last", "lost_cases=abc"], "\"abc\" is not a number"),
        (vec!["--set", "lost_cases=-3"], "negative"),
        (vec!["--set", "lost_cases=1.23456"], "decimals"),
        (vec!["--set", "lost_cases"], "write KEY=VALUE"),
        (vec!["--set", "=5"], "no figure with the key or name \"\""),
    ] {
        let mut full = vec!["figures", id.as_str()];
        full.extend(&args);
        let err = cli.user_error(&full);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let err = cli.user_error(&["figures", "99", "--set", "lost_cases=2"]);
    assert!(err.contains("99"), "{err}");
    assert_eq!(state(&cli), before);
}

#[test]
fn final_needs_the_review_of_the_text_as_it_is() {
    let cli = Cli::new();
    let plan = vec![PlanItem {
        id: None,
        text: "加强行政执法监督".into(),
        source: "2022年度报告 四、（一）".into(),
        block: None,
    }];
    let id = report_with(
        &cli,
        &["全年受理行政复议案件{{数据：reconsideration_cases}}。"],
        plan,
    );
    cli.ok(&["figures", &id, "--set", "reconsideration_cases=5"]);
    assert_eq!(cli.ok(&["status", &id]), "draft\n");

    let err = cli.user_error(&["status", &id, "final"]);
    assert!(
        err.starts_with(&format!("error: cannot mark report {id} final: refused: the secrecy review (保密审查) is not recorded")),
        "{err}"
    );
    assert_eq!(cli.ok(&["status", &id]), "draft\n");

    // Without --confirm: the state and what --confirm records; exit status 1.
    let out = cli.run(&["review", &id]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!(
            "report {id}: the secrecy review (保密审查) is not recorded\n"
        )),
        "{stdout}"
    );
    for tick in [
        "no state secrets",
        "no personal information",
        "no internal-only figures",
    ] {
        assert!(stdout.contains(tick), "{stdout}");
    }

    let recorded = cli.ok(&["review", &id, "--confirm"]);
    assert!(
        recorded.starts_with(&format!(
            "recorded the secrecy review (保密审查) of report {id} on "
        )),
        "{recorded}"
    );
    let shown: Value = serde_json::from_str(&cli.ok(&["show", &id, "--json"])).unwrap();
    let review = &shown["review"];
    assert_eq!(
        (
            &review["no_state_secrets"],
            &review["no_personal_info"],
            &review["no_internal_figures"]
        ),
        (&Value::Bool(true), &Value::Bool(true), &Value::Bool(true))
    );
    assert!(
        cli.ok(&["review", &id])
            .contains("holds for the text as it is")
    );

    // Marked final; the planned item not linked is shown on the way.
    let out = cli.run(&["status", &id, "final"]);
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("warning: last year's planned item “加强行政执法监督” (2022年度报告 四、（一）) is linked to no block"), "{stderr}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("report {id} is now final (定稿)\n")
    );
    assert_eq!(cli.ok(&["status", &id]), "final\n");

    // A figure the text quotes changes what prints: the review no longer holds.
    cli.ok(&["status", &id, "draft"]);
    cli.ok(&["figures", &id, "--set", "reconsideration_cases=6"]);
    let out = cli.run(&["review", &id]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("the text changed after the secrecy review")
    );
    let err = cli.user_error(&["status", &id, "final"]);
    assert!(
        err.contains("the text changed after the secrecy review"),
        "{err}"
    );
    let err = cli.user_error(&["status", &id, "published"]);
    assert!(err.contains("published"), "{err}");
}

#[test]
fn a_quote_prints_its_value_in_show_and_in_the_exported_docx() {
    let cli = Cli::new();
    let id = report_with(
        &cli,
        &[
            "全年受理行政复议案件{{数据：reconsideration_cases}}，较上年{{数据：reconsideration_cases|变化}}。",
        ],
        vec![],
    );
    // Unfilled: the page shows the visible note.
    assert!(
        cli.ok(&["show", &id])
            .contains("全年受理行政复议案件〔待填：行政复议案件数〕")
    );
    cli.ok(&[
        "figures",
        &id,
        "--set",
        "reconsideration_cases=15",
        "--last",
        "reconsideration_cases=11",
    ]);
    let printed = "全年受理行政复议案件15件，较上年增长36.36%。";
    let shown = cli.ok(&["show", &id]);
    assert!(shown.contains(printed), "{shown}");
    assert!(!shown.contains("{{"), "{shown}");

    // The exported Word file, read back by the importer, prints the same.
    let docx = cli.path("报告.docx");
    cli.ok(&["export", &id, "--out", docx.to_str().unwrap()]);
    let back = cli.import(&docx);
    let shown_back = cli.ok(&["show", &back]);
    assert!(shown_back.contains(printed), "{shown_back}");
    assert!(!shown_back.contains("数据："), "{shown_back}");

    // Changing the value changes every quote.
    cli.ok(&["figures", &id, "--set", "reconsideration_cases=12"]);
    assert!(
        cli.ok(&["show", &id])
            .contains("全年受理行政复议案件12件，较上年增长9.09%。")
    );
}

#[test]
fn check_flags_a_disagreeing_number_and_an_unfilled_placeholder() {
    let cli = Cli::new();
    let id = report_with(
        &cli,
        &[
            "全年受理行政复议案件12件，均已依法办结。",
            "败诉案件{{数据：lost_cases}}。",
        ],
        vec![],
    );
    cli.ok(&["figures", &id, "--set", "reconsideration_cases=15"]);
    let out = cli.run(&["check", &id, "--json", "--today", "2024-02-18"]);
    assert_eq!(out.status.code(), Some(1), "errors");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let of = |rule: &str| -> Vec<Value> {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .cloned()
            .collect()
    };
    let quote = of("figure_quote");
    assert_eq!(quote.len(), 1, "{json}");
    assert_eq!(quote[0]["severity"], "error");
    assert_eq!(
        quote[0]["message_en"],
        "行政复议案件数 is 15件 this year, but the text says 12件"
    );
    assert_eq!(quote[0]["location"]["label"], "一、¶1");
    assert_eq!(
        quote[0]["fix"]["after"]["text"],
        "全年受理行政复议案件15件，均已依法办结。"
    );
    let unfilled = of("placeholder");
    assert_eq!(unfilled.len(), 1, "{json}");
    assert_eq!(unfilled[0]["severity"], "error");
    assert!(
        unfilled[0]["message_zh"]
            .as_str()
            .unwrap()
            .contains("〔待填：败诉案件数〕")
    );
    assert_eq!(unfilled[0]["location"]["label"], "一、¶2");
    assert_eq!(of("review").len(), 1, "the 保密审查 hint");

    // The text form, one line each.
    let text = String::from_utf8(cli.run(&["check", &id, "--today", "2024-02-18"]).stdout).unwrap();
    assert!(text.contains("error   一、¶1, char 11: 行政复议案件数 is 15件 this year, but the text says 12件 [figure_quote]"), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with(
            "error   一、¶2, char 5: {{数据：lost_cases}} prints 〔待填：败诉案件数〕"
        ) && l.ends_with("[placeholder]")),
        "{text}"
    );

    // Filled in and agreeing: both errors go.
    cli.ok(&[
        "figures",
        &id,
        "--set",
        "lost_cases=1",
        "--set",
        "reconsideration_cases=12",
    ]);
    let json: Value = serde_json::from_slice(
        &cli.run(&["check", &id, "--json", "--today", "2024-02-18"])
            .stdout,
    )
    .unwrap();
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "figure_quote" && f["rule"] != "placeholder"),
        "{json}"
    );
}
