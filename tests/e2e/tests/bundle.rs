//! The .nianbao file in the real window: 导出为 .nianbao from one database, 导入… of the file
//! into a fresh one, the text is there — and the open 历史版本 panel shows a version taken
//! meanwhile (an export) without being reopened.

mod harness;

use harness::{App, Driver, tid};
use serde_json::{Value, json};

async fn first_report(app: &App) -> Value {
    let list = app.invoke("list_reports", json!({})).await;
    let id = list["ok"][0]["id"].as_i64().expect("a report");
    app.invoke("load_report", json!({ "id": id })).await["ok"].clone()
}

/// The report without row ids: they differ between databases, nothing else may.
fn without_ids(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("id");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

#[tokio::test(flavor = "multi_thread")]
async fn a_report_moves_to_a_fresh_database_through_a_nianbao_file() {
    // Outside the drivers' directories, which go when a driver stops.
    let carried = tempfile::tempdir().expect("temp dir");
    let file = carried.path().join("长子营镇 2023.nianbao");
    let first = Driver::start().await;
    let app = first.launch().await;
    app.import_sample_into_empty_library().await;
    let exported = first_report(&app).await;
    assert!(
        exported["preface"][0]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    app.answer_save_dialog(&file).await;
    app.click("report-export-bundle").await;
    app.until(10, "the .nianbao file", || async {
        file.exists().then_some(())
    })
    .await;
    app.quit().await;
    first.stop().await;

    let second = Driver::start().await;
    let app = second.launch().await;
    app.id("new-report").await;
    app.answer_open_dialog(&file).await;
    app.click("import-file").await;
    app.id("report-item").await;
    let imported = first_report(&app).await;
    assert_eq!(without_ids(imported.clone()), without_ids(exported));

    // The text is on the page of the imported report.
    app.open_first_report().await;
    let preface = app.editor("preface", 0).await;
    let want = imported["preface"][0]["text"].as_str().unwrap().to_string();
    app.until(10, "the preface on the page", || async {
        (app.text_of(&preface).await == want).then_some(())
    })
    .await;

    // With 历史版本 open, an export's version appears without reopening the panel.
    app.click("history").await;
    app.id("history-panel").await;
    let before = app.all(&tid("history-item")).await.len();
    let id = imported_id(&app).await;
    let docx = second.dir.path().join("报告.docx");
    let out = app
        .invoke("export_docx", json!({ "reportId": id, "path": docx }))
        .await;
    assert!(out.get("ok").is_some(), "{out}");
    app.until(10, "the exported version in the open panel", || async {
        let items = app.all(&tid("history-item")).await;
        let exported = app
            .all(&format!(
                "{}[data-reason=\"exported\"]",
                tid("history-item")
            ))
            .await;
        (items.len() == before + 1 && exported.len() == 1).then_some(())
    })
    .await;
    app.quit().await;
    second.stop().await;
}

async fn imported_id(app: &App) -> i64 {
    app.invoke("list_reports", json!({})).await["ok"][0]["id"]
        .as_i64()
        .expect("the imported report")
}
