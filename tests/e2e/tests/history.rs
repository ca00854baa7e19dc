//! 历史版本 in the real window: edit, compare with the version taken when the report was
//! opened, restore it, and undo the restore.

mod harness;

use std::time::Duration;

use harness::{App, Driver, root, tid};
use serde_json::{Value, json};

/// The snapshots of a report, as the store lists them (newest first).
async fn snapshots(app: &App, report_id: i64) -> Vec<Value> {
    let v = app
        .invoke("list_snapshots", json!({ "reportId": report_id }))
        .await;
    v["ok"].as_array().cloned().unwrap_or_default()
}

/// Waits until the first preface paragraph reads `want`.
async fn preface_reads(app: &App, want: &str) {
    app.until(10, &format!("the preface to read {want:?}"), || async {
        let p = app.editor("preface", 0).await;
        (app.text_of(&p).await == want).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn restoring_an_earlier_version_and_undoing_the_restore() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.import_sample_into_empty_library().await;
    app.open_first_report().await;
    let report_id = app.invoke("list_reports", json!({})).await["ok"][0]["id"]
        .as_i64()
        .expect("report id");
    app.until(10, "the 打开时 version", || async {
        snapshots(&app, report_id)
            .await
            .iter()
            .any(|s| s["reason"] == "opened")
            .then_some(())
    })
    .await;

    // The editor opens with the caret at the end of the first preface paragraph.
    let preface = app.editor("preface", 0).await;
    let original = app.text_of(&preface).await;
    assert!(!original.is_empty());
    preface.send_keys("全年新建法律顾问库一个。").await.unwrap();
    let edited = format!("{original}全年新建法律顾问库一个。");
    preface_reads(&app, &edited).await;
    app.wait_saved().await;

    // 查看 the version taken when the report was opened: read only, the text as it was.
    app.click("history").await;
    app.id("history-panel").await;
    let opened = "[data-testid=\"history-item\"][data-reason=\"opened\"]";
    app.wait(&format!("{opened} {}", tid("history-view")))
        .await
        .click()
        .await
        .unwrap();
    let page = app.text_of_id("version-page").await;
    assert!(page.contains(&original) && !page.contains("全年新建法律顾问库一个。"));
    assert!(
        app.all("[data-testid=\"version-page\"] [contenteditable]")
            .await
            .is_empty()
    );
    let shots = root().join("target/e2e-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = app.client.screenshot().await.expect("screenshot");
    std::fs::write(shots.join("history-view.png"), png).unwrap();

    // 对比 with it: the new words are 新增.
    app.wait(&format!("{opened} {}", tid("history-compare")))
        .await
        .click()
        .await
        .unwrap();
    let changed = app.id("diff-changed").await;
    let text = app.text_of(&changed).await;
    assert!(text.contains("全年新建法律顾问库一个。"), "{text}");
    let inserted = app.wait(&format!("{} ins", tid("diff-changed"))).await;
    assert_eq!(app.text_of(&inserted).await, "全年新建法律顾问库一个。");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = app.client.screenshot().await.expect("screenshot");
    std::fs::write(shots.join("history-compare.png"), png).unwrap();

    // 恢复此版本 (the confirmation answered yes): the original text is back in the editor.
    app.answer_dialogs(true).await;
    app.wait(&format!("{opened} {}", tid("history-restore")))
        .await
        .click()
        .await
        .unwrap();
    preface_reads(&app, &original).await;
    app.wait_saved().await;
    let list = snapshots(&app, report_id).await;
    assert_eq!(list[0]["reason"], "before_restore", "{list:?}");
    // The undo history described the tree before the restore: it starts afresh.
    assert!(!app.id("undo").await.is_enabled().await.unwrap());

    // 撤销 in the notice puts the edited text back.
    app.click("history-undo-restore").await;
    preface_reads(&app, &edited).await;
    app.wait_saved().await;
    let stored = app.invoke("load_report", json!({ "id": report_id })).await;
    assert_eq!(stored["ok"]["preface"][0]["text"], edited.as_str());
    let reasons: Vec<Value> = snapshots(&app, report_id)
        .await
        .iter()
        .map(|s| s["reason"].clone())
        .collect();
    assert_eq!(
        reasons,
        [
            json!("before_restore"),
            json!("before_restore"),
            json!("opened")
        ]
    );
    // The panel lists them too, in Chinese.
    app.until(10, "the panel to list three versions", || async {
        (app.all(&tid("history-item")).await.len() == 3).then_some(())
    })
    .await;
    let first = app.text_of_id("history-item").await;
    assert!(first.contains("恢复前"), "{first}");

    // 保存为命名版本: 送审稿 is proposed.
    app.click("history-name").await;
    let name = app.id("history-name-input").await;
    assert_eq!(app.text_of(&name).await, "送审稿");
    app.click("history-name-confirm").await;
    app.until(10, "the named version in the list", || async {
        let items = app.all(&tid("history-item")).await;
        let first = items.first()?;
        app.text_of(first)
            .await
            .contains("命名版本「送审稿」")
            .then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = app.client.screenshot().await.expect("screenshot");
    std::fs::write(shots.join("history-panel.png"), png).unwrap();

    app.quit().await;
    driver.stop().await;
}
