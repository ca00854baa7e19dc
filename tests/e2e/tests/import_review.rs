//! 导入… with confirmation (issue 5): the drafter checks which statutory part each imported part
//! fills before the report is saved; 取消 saves nothing.

mod harness;

use std::path::PathBuf;

use harness::{App, Driver, tid};
use serde_json::json;

/// A Word report whose part 二 has a heading that names no statutory part.
fn ambiguous_docx(dir: &std::path::Path) -> PathBuf {
    let mut report = nianbao_report::synthetic::report(3);
    report.parts[1].heading = "关于有关工作的情况".into();
    let exported = nianbao_docx::to_docx(&report).expect("export the fixture");
    let path = dir.join("待导入的报告.docx");
    std::fs::write(&path, exported.bytes).expect("write the fixture");
    path
}

/// Picks the file through 导入… and waits for the review dialog with its five parts.
async fn open_review(app: &App, path: &std::path::Path) -> Vec<fantoccini::elements::Element> {
    app.id("new-report").await;
    app.answer_open_dialog(path).await;
    app.click("import-file").await;
    app.id("import-review").await;
    let rows = app.all(&tid("import-part")).await;
    assert_eq!(rows.len(), 5, "one row per part");
    app.all(&tid("import-part-statutory")).await
}

async fn report_count(app: &App) -> usize {
    let list = app.invoke("list_reports", json!({})).await;
    list["ok"].as_array().expect("list_reports").len()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_drafter_confirms_the_statutory_parts_before_the_import_is_saved() {
    let driver = Driver::start().await;
    let path = ambiguous_docx(driver.dir.path());
    let app = driver.launch().await;
    let selects = open_review(&app, &path).await;

    let first = app.text_of(&selects[0]).await;
    assert_eq!(first, "measures", "part 一 is recognised");
    let second = app.text_of(&selects[1]).await;
    assert_ne!(
        second, "shortcomings",
        "the importer could not tell part 二"
    );
    let row = &app.all(&tid("import-part")).await[1];
    let row_text = app.text_of(row).await;
    assert!(row_text.contains("二、关于有关工作的情况"), "{row_text}");
    assert!(
        row_text.contains("请确认"),
        "an unsure part is asked about: {row_text}"
    );
    if let Ok(shot) = std::env::var("NIANBAO_SCREENSHOT") {
        let png = app.client.screenshot().await.expect("screenshot");
        std::fs::write(shot, png).expect("write screenshot");
    }
    assert_eq!(report_count(&app).await, 0, "nothing is saved before 导入");

    // Choosing a statutory part twice blocks 导入 until it is put right.
    selects[1]
        .select_by_value("measures")
        .await
        .expect("choose");
    app.id("import-problem").await;
    let confirm = app.id("import-confirm").await;
    assert!(!confirm.is_enabled().await.unwrap(), "导入 waits for a fix");
    selects[1]
        .select_by_value("shortcomings")
        .await
        .expect("choose");
    app.until(5, "导入 enabled", || async {
        confirm.is_enabled().await.unwrap().then_some(())
    })
    .await;
    confirm.click().await.expect("导入");

    app.wait(&format!("{}.highlight", tid("report-item"))).await;
    assert!(
        app.all(&tid("import-review")).await.is_empty(),
        "dialog closed"
    );
    let list = app.invoke("list_reports", json!({})).await;
    let id = list["ok"][0]["id"].as_i64().expect("the new report");
    let report = app.invoke("load_report", json!({ "id": id })).await;
    let parts = report["ok"]["parts"].as_array().expect("parts");
    assert_eq!(
        parts[1]["statutory"], "shortcomings",
        "the drafter's choice"
    );
    assert_eq!(parts[1]["heading"], "关于有关工作的情况");
    assert_eq!(parts[0]["statutory"], "measures");
    app.quit().await;
    driver.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cancelling_the_review_saves_nothing() {
    let driver = Driver::start().await;
    let path = ambiguous_docx(driver.dir.path());
    let app = driver.launch().await;
    open_review(&app, &path).await;
    app.click("import-cancel").await;
    app.until_gone(5, "import-review").await;
    assert_eq!(report_count(&app).await, 0);
    assert_eq!(app.all(&tid("report-item")).await.len(), 0);
    app.quit().await;
    driver.stop().await;
}
