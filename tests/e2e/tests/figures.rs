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

/// 版面预览 on a 30-page report: from asking the engine for the layout after an edit to the
/// repainted sheets (`paginate` over IPC, the keyed re-render of the changed pages, the next
/// frame), as the preview itself measures it (`window.__nianbaoPreview`). Target ≤ 16 ms.
#[tokio::test(flavor = "multi_thread")]
async fn repagination_figure_on_a_30_page_report() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.id("new-report").await;
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
    app.click("toggle-preview").await;
    let pages = app.invoke("paginate", json!({ "reportId": id })).await["ok"]["pages"]
        .as_array()
        .expect("pages")
        .len();
    assert!(pages >= 30, "a 30-page report, got {pages}");
    app.until(20, "every sheet in the preview", || async {
        (app.all(&tid("preview-sheet")).await.len() == pages).then_some(())
    })
    .await;

    // Edits in the middle of the report through the editor's input path (the editor is
    // hidden behind the preview, not removed); each autosave re-paginates once.
    let css = format!("{}[data-kind=\"paragraph\"]", tid("block-editor"));
    let paragraphs = app.all(&css).await;
    let target = serde_json::to_value(&paragraphs[paragraphs.len() / 2]).expect("element");
    let rounds = 20;
    for i in 0..rounds {
        let before = app
            .client
            .execute("return window.__nianbaoPreview.samples.length;", vec![])
            .await
            .unwrap()
            .as_u64()
            .unwrap();
        app.client
            .execute(
                "const [el, i] = arguments;\
                 el.textContent += '依法行政第' + i + '次';\
                 el.dispatchEvent(new InputEvent('input', { bubbles: true, data: '次', inputType: 'insertText' }));",
                vec![target.clone(), json!(i)],
            )
            .await
            .unwrap();
        app.until(30, "the re-paginated preview", || async {
            let now = app
                .client
                .execute("return window.__nianbaoPreview.samples.length;", vec![])
                .await
                .ok()?
                .as_u64()?;
            (now > before).then_some(())
        })
        .await;
    }
    let timings = app
        .client
        .execute("return window.__nianbaoPreview;", vec![])
        .await
        .unwrap();
    let median_of = |key: &str| -> (f64, f64) {
        let all: Vec<f64> = serde_json::from_value(timings[key].clone()).expect("samples");
        let mut last = all[all.len() - rounds..].to_vec();
        last.sort_by(f64::total_cmp);
        (
            (last[rounds / 2 - 1] + last[rounds / 2]) / 2.0,
            last[rounds - 1],
        )
    };
    let (median, max) = median_of("samples");
    let (render_median, render_max) = median_of("render");
    let (dom_median, _) = median_of("dom");
    let stored = app.invoke("load_report", json!({ "id": id })).await;
    assert!(
        stored
            .to_string()
            .contains(&format!("依法行政第{}次", rounds - 1)),
        "the last edit is stored and laid out"
    );
    // The part of it that is the engine and the IPC alone (no edit: the paginator's cache).
    let ipc_ms = app
        .client
        .execute_async(
            "const [id, done] = arguments;\
             (async () => {\
               const t0 = performance.now();\
               for (let i = 0; i < 20; i++) await window.__TAURI_INTERNALS__.invoke('paginate', { reportId: id });\
               done((performance.now() - t0) / 20);\
             })();",
            vec![json!(id)],
        )
        .await
        .expect("paginate")
        .as_f64()
        .expect("a number");
    eprintln!("paginate over IPC, unchanged report (load + engine + JSON): {ipc_ms:.1} ms");
    eprintln!(
        "re-pagination after an edit on a {pages}-page report (paginate + repaint): median {median:.1} ms, max {max:.1} ms over {rounds} edits (target ≤ 16 ms)"
    );
    eprintln!(
        "  of which repainting the changed sheets (layout arrived → next frame): median {render_median:.1} ms, max {render_max:.1} ms; the DOM update alone: median {dom_median:.1} ms"
    );
    app.quit().await;
    driver.stop().await;
}
