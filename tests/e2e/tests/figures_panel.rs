//! The 数据项 panel, figure chips in the text, the exported quote, and the 保密审查 before
//! 定稿, in the real window. (tests/figures.rs is the performance-figures test.)

mod harness;

use harness::{App, Driver, tid};
use serde_json::json;

const ENTER: &str = "\u{e007}";
const BACKSPACE: &str = "\u{e003}";
const END: &str = "\u{e010}";
const KEY: &str = "reconsideration_cases";
const QUOTE: &str = "{{数据：reconsideration_cases|变化}}";

/// Types `value` into a figure's field and leaves it with Enter (which saves it).
async fn type_value(app: &App, id: &str, value: &str) {
    let input = app.id(id).await;
    input.clear().await.unwrap();
    input.send_keys(&format!("{value}{ENTER}")).await.unwrap();
}

/// Waits until the element matching `css` reads `want` (an editable text: its model text,
/// placeholders included; anything else: what it shows).
async fn wait_text(app: &App, css: &str, want: &str) {
    app.until(10, &format!("{css} to read {want}"), || async {
        let el = app.wait(css).await;
        let got = app
            .client
            .execute(
                "const e = arguments[0]; return e.classList.contains('editable') ? e.value : e.innerText;",
                vec![serde_json::to_value(&el).unwrap()],
            )
            .await
            .unwrap();
        (got == want).then_some(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quoted_figure_follows_its_value_into_the_export_and_定稿_asks_the_review() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.click("new-report").await;
    let issuer = app.id("new-report-issuer").await;
    issuer.clear().await.unwrap();
    issuer.send_keys("测试县司法局").await.unwrap();
    let year = app.id("new-report-year").await;
    year.clear().await.unwrap();
    year.send_keys("2025").await.unwrap();
    app.click("new-report-confirm").await;

    let preface = app.editor("preface", 0).await;
    preface.click().await.unwrap();
    preface.send_keys("行政复议案件比上年").await.unwrap();

    // 数据项: a value that is not a number is refused in Chinese and nothing is saved.
    app.click("figures").await;
    app.id("figures-panel").await;
    type_value(&app, &format!("figure-value-{KEY}"), "十五件").await;
    let alert = app
        .wait(&format!("{} .field-error", tid("figures-panel")))
        .await;
    assert!(
        app.text_of(&alert).await.contains("数值无效"),
        "{}",
        app.text_of(&alert).await
    );
    type_value(&app, &format!("figure-value-{KEY}"), "6").await;
    type_value(&app, &format!("figure-last-{KEY}"), "15").await;
    wait_text(&app, &tid(&format!("figure-change-{KEY}")), "降低60%").await;
    assert!(
        app.all(&format!("{} .field-error", tid("figures-panel")))
            .await
            .is_empty(),
        "the error went with the good value"
    );

    // 插入 → 变化率: a chip at the caret of the preface, showing what Rust prints.
    app.click(&format!("figure-insert-{KEY}")).await;
    app.click("insert-form-变化").await;
    app.click("insert-confirm").await;
    wait_text(&app, &tid("figure-chip"), "降低60%").await;
    let chip = app.id("figure-chip").await;
    assert_eq!(
        chip.attr("title").await.unwrap().as_deref(),
        Some("行政复议案件数 · 变化率")
    );
    let preface = app.editor("preface", 0).await;
    assert_eq!(
        app.text_of(&preface).await,
        format!("行政复议案件比上年{QUOTE}"),
        "the text keeps the placeholder"
    );
    app.wait_saved().await;
    let report_id = app.invoke("list_reports", json!({})).await["ok"][0]["id"]
        .as_i64()
        .expect("report id");
    let stored = app.invoke("load_report", json!({ "id": report_id })).await;
    assert_eq!(
        stored["ok"]["preface"][0]["text"],
        format!("行政复议案件比上年{QUOTE}"),
        "{stored}"
    );

    // A new value repaints the chip.
    type_value(&app, &format!("figure-value-{KEY}"), "9").await;
    wait_text(&app, &tid(&format!("figure-change-{KEY}")), "降低40%").await;
    wait_text(&app, &tid("figure-chip"), "降低40%").await;

    // 导出 Word prints the value.
    let out = driver.dir.path().join("数据项.docx");
    let result = app
        .invoke("export_docx", json!({ "reportId": report_id, "path": out }))
        .await;
    assert!(result.get("ok").is_some(), "{result}");
    let paragraphs = nianbao_docx::read_paragraphs(&std::fs::read(&out).unwrap()).unwrap();
    assert!(
        paragraphs.iter().any(|p| p == "行政复议案件比上年降低40%"),
        "{paragraphs:?}"
    );
    assert!(
        !paragraphs.iter().any(|p| p.contains("{{")),
        "{paragraphs:?}"
    );

    // End, then Backspace: the chip before the caret goes whole.
    let preface = app.editor("preface", 0).await;
    preface
        .send_keys(&format!("{END}{BACKSPACE}"))
        .await
        .unwrap();
    wait_text(
        &app,
        &format!("{}[data-kind=\"preface\"]", tid("block-editor")),
        "行政复议案件比上年",
    )
    .await;
    assert!(app.all(&tid("figure-chip")).await.is_empty());
    app.wait_saved().await;

    // 定稿 from the library: the 保密审查 first, then the status.
    app.click("back-to-library").await;
    app.click("report-status").await;
    app.id("review-dialog").await;
    let confirm = app.id("review-confirm").await;
    assert!(!confirm.is_enabled().await.unwrap(), "nothing ticked yet");
    app.click("review-secrets").await;
    app.click("review-personal").await;
    assert!(!confirm.is_enabled().await.unwrap(), "two of three ticked");
    app.click("review-internal").await;
    app.click("review-confirm").await;
    wait_text(&app, &tid("report-status"), "定稿").await;
    let state = app
        .invoke("review_state", json!({ "reportId": report_id }))
        .await;
    assert_eq!(state["ok"], "current", "{state}");
    assert!(app.all(&tid("report-review-stale")).await.is_empty());
    app.quit().await;
    driver.stop().await;
}
