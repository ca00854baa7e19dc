//! The real app, driven like a drafter drives it. Each test runs on its own database.

mod harness;

use std::time::Duration;

use harness::{Driver, root, tid};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn typed_text_survives_a_relaunch_and_exports() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.id("new-report").await;
    eprintln!(
        "cold start to an interactive library: {:?}",
        app.started.elapsed()
    );

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
    preface
        .send_keys("2025年，我局坚持依法行政，“法治政府”建设取得新进展。")
        .await
        .unwrap();

    app.editor("part", 0).await.click().await.unwrap();
    app.click("add-block").await;
    app.click("add-heading").await;
    let heading_css = format!(
        "{}[data-kind=\"heading\"][data-level=\"2\"]",
        tid("block-editor")
    );
    let heading = app.wait(&heading_css).await;
    heading.click().await.unwrap();
    heading.send_keys("强化组织领导（新增）").await.unwrap();
    app.wait_saved().await;
    let report_id = app.invoke("list_reports", json!({})).await["ok"][0]["id"]
        .as_i64()
        .expect("report id");
    app.quit().await;

    let app = driver.launch().await;
    app.open_first_report().await;
    let preface = app.editor("preface", 0).await;
    assert_eq!(
        app.text_of(&preface).await,
        "2025年，我局坚持依法行政，“法治政府”建设取得新进展。"
    );
    let heading = app.wait(&heading_css).await;
    assert_eq!(app.text_of(&heading).await, "强化组织领导（新增）");
    let outline = app.outline().await;
    assert!(
        outline.contains(&(2, "（一）强化组织领导（新增）".to_string())),
        "{outline:?}"
    );

    // 导出 Word: the command behind the save dialog.
    let out = driver.dir.path().join("导出.docx");
    let result = app
        .invoke("export_docx", json!({ "reportId": report_id, "path": out }))
        .await;
    assert!(result.get("ok").is_some(), "{result}");
    let paragraphs = nianbao_docx::read_paragraphs(&std::fs::read(&out).unwrap()).unwrap();
    assert!(
        paragraphs
            .iter()
            .any(|p| p == "2025年，我局坚持依法行政，“法治政府”建设取得新进展。")
    );
    assert!(paragraphs.iter().any(|p| p == "（一）强化组织领导（新增）"));
    app.quit().await;
    driver.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn moving_and_relevelling_a_heading_renumbers_the_outline() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.import_sample_into_empty_library().await;
    app.open_first_report().await;
    let level2 = |o: &[(u8, String)]| {
        o.iter()
            .filter(|(l, _)| *l == 2)
            .map(|(_, t)| t.clone())
            .collect::<Vec<_>>()
    };
    let before = level2(&app.outline().await);
    assert!(
        before[1].starts_with("（二）全面学习贯彻习近平法治思想"),
        "{before:?}"
    );

    // Move （二） above （一）.
    app.editor("heading", 1).await.click().await.unwrap();
    app.click("move-up").await;
    let moved = app
        .until(10, "the outline to follow the move", || async {
            let now = level2(&app.outline().await);
            now[0]
                .starts_with("（一）全面学习贯彻习近平法治思想")
                .then_some(now)
        })
        .await;
    assert!(moved[1].starts_with("（二）强化组织领导"), "{moved:?}");

    // Demote the heading now second: it becomes 1. under the first.
    app.editor("heading", 1).await.click().await.unwrap();
    app.click("indent").await;
    let outline = app
        .until(10, "the outline to follow the level change", || async {
            let o = app.outline().await;
            o.iter()
                .any(|(l, t)| *l == 3 && t.starts_with("1.强化组织领导"))
                .then_some(o)
        })
        .await;
    let now = level2(&outline);
    assert!(now[1].starts_with("（二）加快推进政府职能转变"), "{now:?}");
    assert_eq!(now.len(), before.len() - 1);

    app.wait_saved().await;
    app.quit().await;
    driver.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sample_opens_with_its_five_parts() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.import_sample_into_empty_library().await;
    app.id("report-item").await;
    let items = app.all(&tid("report-item")).await;
    assert_eq!(items.len(), 1);
    app.open_first_report().await;
    let outline = app.outline().await;
    let parts: Vec<&String> = outline
        .iter()
        .filter(|(l, _)| *l == 1)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(parts.len(), 5, "{outline:?}");
    assert_eq!(parts[4], "五、其他需要报告的情况");
    let estimate = app.text_of_id("page-estimate").await;
    assert!(estimate.contains('页'), "{estimate}");

    // The screenshot in the README: the editor with the sample open.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let png = app.client.screenshot().await.expect("screenshot");
    std::fs::create_dir_all(root().join("docs")).unwrap();
    std::fs::write(root().join("docs/screenshot.png"), png).unwrap();
    app.quit().await;
    driver.stop().await;
}
