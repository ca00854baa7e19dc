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

/// 新建报告 测试县司法局 2025, opened in the editor.
async fn new_report(app: &App) {
    app.click("new-report").await;
    let issuer = app.id("new-report-issuer").await;
    issuer.clear().await.unwrap();
    issuer.send_keys("测试县司法局").await.unwrap();
    let year = app.id("new-report-year").await;
    year.clear().await.unwrap();
    year.send_keys("2025").await.unwrap();
    app.click("new-report-confirm").await;
}

/// Types `value` into a figure's field and leaves it with Enter (which saves it).
async fn type_value(app: &App, id: &str, value: &str) {
    let input = app.id(id).await;
    input.clear().await.unwrap();
    input.send_keys(&format!("{value}{ENTER}")).await.unwrap();
}

/// What an element shows (a button's `value` is not its text).
async fn shown(app: &App, el: &fantoccini::elements::Element) -> String {
    app.client
        .execute(
            "return arguments[0].innerText;",
            vec![serde_json::to_value(el).unwrap()],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The id of the library's first report.
async fn first_report_id(app: &App) -> i64 {
    app.invoke("list_reports", json!({})).await["ok"][0]["id"]
        .as_i64()
        .expect("a report id")
}

/// The report's first 导语 paragraph as the store holds it.
async fn stored_preface(app: &App, report: i64) -> serde_json::Value {
    let stored = app.invoke("load_report", json!({ "id": report })).await;
    stored["ok"]["preface"][0]["text"].clone()
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
    new_report(&app).await;

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
    let report_id = first_report_id(&app).await;
    assert_eq!(
        stored_preface(&app, report_id).await,
        format!("行政复议案件比上年{QUOTE}")
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

    // An edit after 定稿 voids the review: the library says 需重新审查.
    app.open_first_report().await;
    let preface = app.editor("preface", 0).await;
    preface.send_keys("。").await.unwrap();
    app.wait_saved().await;
    app.click("back-to-library").await;
    wait_text(&app, &tid("report-review-stale"), "需重新审查").await;
    app.quit().await;
    driver.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn last_years_plan_is_a_checklist_linked_to_part_one_and_shown_before_定稿() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.import_sample_into_empty_library().await;
    let sample = first_report_id(&app).await;
    let next = app
        .invoke(
            "create_from_previous",
            json!({ "sourceId": sample, "year": 2024 }),
        )
        .await["ok"]
        .as_i64()
        .expect("2024 report id");
    let items = app
        .invoke("list_plan_items", json!({ "reportId": next }))
        .await["ok"]
        .as_array()
        .expect("plan items")
        .len();
    assert!(items >= 2, "the sample's part 四 carries items: {items}");

    // Open the 2024 report (the list is re-read on a reload).
    app.client.refresh().await.unwrap();
    app.wait(&format!(
        "{}[data-report-id=\"{next}\"]",
        tid("report-item")
    ))
    .await
    .click()
    .await
    .unwrap();
    app.id("outline").await;
    app.click("figures").await;
    app.click("plan-tab").await;
    wait_text(
        &app,
        &tid("plan-unlinked"),
        &format!("{items} 项安排尚未对应到本年报告的内容。"),
    )
    .await;

    // Link the first item to the second entry of part 一's list: it shows the block's words.
    let pick = app.id("plan-pick").await;
    pick.select_by_index(2).await.unwrap();
    wait_text(
        &app,
        &tid("plan-unlinked"),
        &format!("{} 项安排尚未对应到本年报告的内容。", items - 1),
    )
    .await;
    let jump = app.id("plan-jump").await;
    assert!(
        shown(&app, &jump).await.starts_with("→ "),
        "{}",
        shown(&app, &jump).await
    );
    let stored = app
        .invoke("list_plan_items", json!({ "reportId": next }))
        .await;
    assert!(stored["ok"][0]["block"].is_i64(), "{stored}");
    jump.click().await.unwrap();
    let focused = app
        .client
        .execute(
            "return document.activeElement?.dataset.blockId ?? null",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        focused.as_str().and_then(|s| s.parse::<i64>().ok()),
        stored["ok"][0]["block"].as_i64(),
        "the jump focuses the linked block"
    );

    // 定稿: the dialog lists the items still unlinked.
    app.click("back-to-library").await;
    app.wait(&format!(
        "{}[data-report-id=\"{next}\"] {}",
        tid("report-item"),
        tid("report-status")
    ))
    .await
    .click()
    .await
    .unwrap();
    let unlinked = app.id("review-unlinked").await;
    assert!(
        app.text_of(&unlinked)
            .await
            .starts_with(&format!("{} 项上年安排尚未对应", items - 1)),
        "{}",
        app.text_of(&unlinked).await
    );
    app.quit().await;
    driver.stop().await;
}

/// A new report whose 导语 reads 共 and this year's 行政复议案件数 (6) as a chip: `共6件`.
async fn preface_with_a_chip(app: &App) {
    new_report(app).await;
    let preface = app.editor("preface", 0).await;
    preface.click().await.unwrap();
    preface.send_keys("共").await.unwrap();
    app.click("figures").await;
    type_value(app, &format!("figure-value-{KEY}"), "6").await;
    app.click(&format!("figure-insert-{KEY}")).await;
    app.click("insert-form-本年").await;
    app.click("insert-confirm").await;
    wait_text(app, &tid("figure-chip"), "6件").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn copy_and_paste_of_a_chip_keep_its_placeholder() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    preface_with_a_chip(&app).await;

    // Copy of the whole text, then paste at its end, through the page's own clipboard events.
    let copied = app
        .client
        .execute(
            "const e = document.querySelector('[data-kind=preface]');\
             const r = document.createRange(); r.selectNodeContents(e);\
             const s = getSelection(); s.removeAllRanges(); s.addRange(r);\
             const dt = new DataTransfer();\
             e.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));\
             const plain = dt.getData('text/plain');\
             s.collapseToEnd();\
             e.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));\
             return [plain, dt.getData('text/html')];",
            vec![],
        )
        .await
        .unwrap();
    let token = "{{数据：reconsideration_cases}}";
    assert_eq!(copied[0], format!("共{token}"), "{copied}");
    assert!(copied[1].as_str().unwrap().contains("共6件"), "{copied}");
    wait_text(
        &app,
        &format!("{}[data-kind=\"preface\"]", tid("block-editor")),
        &format!("共{token}共{token}"),
    )
    .await;
    assert_eq!(app.all(&tid("figure-chip")).await.len(), 2);
    app.wait_saved().await;
    app.quit().await;
    driver.stop().await;
}

/// 拼音 typed beside a chip: nothing of the composition is saved or re-rendered while it runs,
/// the chip stays one unit, and the chosen characters follow it once the IME commits.
#[tokio::test(flavor = "multi_thread")]
async fn an_ime_composition_beside_a_chip_keeps_the_chip_and_saves_the_choice() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    preface_with_a_chip(&app).await;
    app.wait_saved().await;
    let token = "{{数据：reconsideration_cases}}";

    // The IME's events as WebKit sends them: the candidate text ("fa") enters the DOM after
    // the chip during the composition, then is replaced by the chosen 法.
    let composing = app
        .client
        .execute(
            "const e = document.querySelector('[data-kind=preface]');\
             e.focus();\
             e.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));\
             const candidate = document.createTextNode('fa');\
             e.append(candidate);\
             e.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'fa', inputType: 'insertCompositionText', isComposing: true }));\
             window.__candidate = candidate;\
             return [e.querySelectorAll('.figure-chip').length, e.hasAttribute('data-composing')];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(composing, json!([1, true]), "the chip and the composition");
    // Longer than autosave's delay: had the composition been taken as text, it would be stored.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let report_id = first_report_id(&app).await;
    assert_eq!(stored_preface(&app, report_id).await, format!("共{token}"));

    app.client
        .execute(
            "const e = document.querySelector('[data-kind=preface]');\
             window.__candidate.textContent = '法';\
             e.dispatchEvent(new InputEvent('input', { bubbles: true, data: '法', inputType: 'insertCompositionText', isComposing: true }));\
             e.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '法' }));",
            vec![],
        )
        .await
        .unwrap();
    let editor = format!("{}[data-kind=\"preface\"]", tid("block-editor"));
    wait_text(&app, &editor, &format!("共{token}法")).await;
    assert_eq!(app.all(&tid("figure-chip")).await.len(), 1);
    app.wait_saved().await;
    assert_eq!(
        stored_preface(&app, report_id).await,
        format!("共{token}法")
    );
    app.quit().await;
    driver.stop().await;
}
