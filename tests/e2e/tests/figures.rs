//! The app's speed on a 30-page report, measured in the real window and printed for the
//! README (`cargo test -p nianbao-e2e --test figures -- --nocapture`). Not timed tests: the
//! assertions check that the work was done, the figures are for people.

mod harness;

use std::time::{Duration, Instant};

use harness::{Driver, tid};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn keystroke_and_autosave_figures_on_a_30_page_report() {
    let driver = Driver::start().await;
    let launched = Instant::now();
    let app = driver.launch().await;
    app.id("new-report").await;
    let cold_start = launched.elapsed();

    // A 30-page report, stored through the same command undo uses.
    let id = app
        .invoke(
            "create_report",
            json!({ "issuer": "某市某区某镇人民政府", "year": 2023 }),
        )
        .await["ok"]
        .as_i64()
        .expect("new report id");
    let report = nianbao_report::synthetic::report(30);
    let stored = app
        .invoke(
            "replace_report",
            json!({ "reportId": id, "report": report }),
        )
        .await;
    assert!(stored.get("ok").is_some(), "{stored}");
    app.client.refresh().await.expect("reload the library");
    app.id("report-item").await.click().await.expect("open");
    app.id("outline").await;

    // Keystroke handling: the input handler and the reactive updates it causes, per character.
    let css = format!("{}[data-kind=\"paragraph\"]", tid("block-editor"));
    let paragraphs = app.all(&css).await;
    assert!(
        paragraphs.len() > 30,
        "a 30-page report has many paragraphs"
    );
    let target = &paragraphs[paragraphs.len() / 2];
    target.click().await.expect("focus a paragraph");
    // performance.now() is coarse (1 ms) in WebKit, so each figure is a batch divided by its size.
    let typing = app
        .client
        .execute_async(
            "const [el, done] = arguments;\
             (async () => {\
               const t0 = performance.now();\
               for (let i = 0; i < 200; i++) {\
                 if ('value' in el) { el.value += '字'; } else { el.textContent += '字'; }\
                 el.dispatchEvent(new InputEvent('input', { bubbles: true, data: '字', inputType: 'insertText' }));\
                 await Promise.resolve();\
                 void el.offsetHeight;\
               }\
               done((performance.now() - t0) / 200);\
             })();",
            vec![serde_json::to_value(target).expect("element")],
        )
        .await
        .expect("typing");
    let keystroke_ms = typing.as_f64().expect("a number");
    app.wait_saved().await;

    // One autosave: the update_block round trip from the window to SQLite and back.
    let block_id: i64 = target
        .attr("data-block-id")
        .await
        .ok()
        .flatten()
        .and_then(|s| s.parse().ok())
        .expect("block id");
    let save_ms = app
        .client
        .execute_async(
            "const [id, done] = arguments;\
             (async () => {\
               const t0 = performance.now();\
               for (let i = 0; i < 50; i++) {\
                 await window.__TAURI_INTERNALS__.invoke('update_block', { blockId: id, text: '测量第' + i + '次保存。', body: '' });\
               }\
               done((performance.now() - t0) / 50);\
             })();",
            vec![json!(block_id)],
        )
        .await
        .expect("saves")
        .as_f64()
        .expect("a number");
    let saved = app.invoke("load_report", json!({ "id": id })).await;
    assert!(
        saved.to_string().contains("测量第49次保存。"),
        "the last save is in the database"
    );
    eprintln!(
        "cold start to an interactive library (with the WebDriver session): {:.0} ms",
        cold_start.as_secs_f64() * 1000.0
    );
    eprintln!(
        "keystroke handling on a 30-page report (input event, updates, layout): {keystroke_ms:.2} ms"
    );
    eprintln!("autosave of one block (IPC + SQLite, round trip from the window): {save_ms:.2} ms");
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.quit().await;
    driver.stop().await;
}
