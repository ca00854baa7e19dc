//! The app's speed on a 30-page report, measured in the real window and printed for the
//! README (`cargo test -p nianbao-e2e --test figures -- --nocapture`). Not timed tests: the
//! assertions check that the work was done, the figures are for people.

mod harness;

use std::time::{Duration, Instant};

use harness::{Driver, block_id, tid};
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
    let block = block_id(target).await.expect("block id");
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
            vec![json!(block)],
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

/// 版面预览 on a 30-page report, typing beside the sheets: from the edit's input event to the
/// changed page in the sheets' DOM (the engine in the window re-breaks the paragraph and
/// re-places the pages after it, the view takes the changed pages), target ≤ 16 ms; and
/// whether the first frame after the keystroke shows it, with the time until that frame is
/// painted. The app's own clock (`window.__nianbaoPreview`) gives the parts.
/// `NIANBAO_APP=target/release/nianbao-app` measures the release build.
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
    let layout = app.invoke("paginate", json!({ "reportId": id })).await["ok"].clone();
    let pages = layout["pages"].as_array().expect("pages").len();
    assert!(pages >= 30, "a 30-page report, got {pages}");
    app.until(20, "every sheet in the preview", || async {
        (app.all(&tid("preview-sheet")).await.len() == pages).then_some(())
    })
    .await;

    // A paragraph in the middle, and its sheet scrolled into view: the measured repaint is
    // that of the edited page with its lines, not of a blank sheet off screen.
    let css = format!("{}[data-kind=\"paragraph\"]", tid("block-editor"));
    let paragraphs = app.all(&css).await;
    let target = &paragraphs[paragraphs.len() / 2];
    let block = block_id(target).await.expect("block id");
    let page = layout["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["lines"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["block"] == block)
        })
        .expect("the paragraph's page")["number"]
        .as_u64()
        .unwrap();
    app.client
        .execute(
            "document.querySelector(`[data-testid=\"preview-sheet\"][data-page=\"${arguments[0]}\"]`).scrollIntoView({ block: 'start' });",
            vec![json!(page)],
        )
        .await
        .unwrap();
    let lines_of_block = format!(".line[data-block=\"{block}\"]");
    app.until(10, "the paragraph's lines on its sheet", || async {
        (!app.all(&lines_of_block).await.is_empty()).then_some(())
    })
    .await;

    // Typing: one character per edit through the editor's input path (the editor sits beside
    // or behind the sheets), the next once the last is shown and a short pause has passed,
    // so autosave runs among the edits as it does while a drafter types. Now and then a
    // character adds a line, and every later page moves.
    let target = serde_json::to_value(target).expect("element");
    let rounds = 24;
    // Each edit is timed in the window from just before its input event: until the sheets'
    // DOM holds the changed lines (a MutationObserver on the sheets), and until the first
    // frame after the keystroke has been painted, which must already show the character.
    let mut laid_out = Vec::new();
    let mut painted = Vec::new();
    let mut first_frame = 0;
    for i in 0..rounds {
        let ch = if i % 2 == 0 { "法" } else { "治" };
        let edit = app
            .client
            .execute_async(
                "const [el, ch, block, done] = arguments;\
                 const lines = () => [...document.querySelectorAll(`.line[data-block=\"${block}\"]`)].map((l) => l.textContent).join('');\
                 const pane = document.querySelector('[data-testid=\"preview-sheet\"]').parentElement;\
                 let inDom = null;\
                 const seen = new MutationObserver(() => { if (inDom === null && lines().endsWith(ch)) inDom = performance.now(); });\
                 seen.observe(pane, { subtree: true, childList: true, characterData: true });\
                 const t0 = performance.now();\
                 el.textContent += ch;\
                 el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));\
                 requestAnimationFrame(() => {\
                   const shows = lines().endsWith(ch);\
                   const channel = new MessageChannel();\
                   channel.port1.onmessage = () => {\
                     seen.disconnect();\
                     done({ dom: inDom === null ? null : inDom - t0, painted: performance.now() - t0, shows });\
                   };\
                   channel.port2.postMessage(null);\
                 });",
                vec![target.clone(), json!(ch), json!(block)],
            )
            .await
            .expect("an edit timed");
        laid_out.push(
            edit["dom"]
                .as_f64()
                .expect("the edit reached the sheets' DOM"),
        );
        painted.push(edit["painted"].as_f64().expect("painted"));
        first_frame += usize::from(edit["shows"] == json!(true));
        // A pause between keys, so autosave runs among the edits as it does while one types.
        tokio::time::sleep(Duration::from_millis(120)).await;
    }
    // What the sheet shows is the text typed: the paragraph's lines end as the editor does.
    let typed = app
        .client
        .execute("return arguments[0].textContent;", vec![target.clone()])
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    let shown = app
        .client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map((l) => l.textContent).join('');",
            vec![json!(lines_of_block)],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    let tail: String = typed
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(
        shown.ends_with(&tail),
        "the sheet shows {shown:?}, typed {typed:?}"
    );
    app.wait_saved().await;
    let stored = app.invoke("load_report", json!({ "id": id })).await;
    assert!(
        stored.to_string().contains(&tail),
        "the typing is stored too"
    );

    let timings = app
        .client
        .execute("return window.__nianbaoPreview;", vec![])
        .await
        .unwrap();
    assert_eq!(timings["engine"], "window", "the engine runs in the window");
    // Laid out within the input event, so never a frame late (a save's reload meanwhile
    // included).
    assert_eq!(
        first_frame, rounds,
        "the first frame after each keystroke shows it"
    );
    let stats = |all: Vec<f64>| -> (f64, f64) {
        let mut v = all;
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n.is_multiple_of(2) {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        } else {
            v[n / 2]
        };
        (median, v[n - 1])
    };
    let (median, max) = stats(laid_out);
    let (painted_median, painted_max) = stats(painted);
    // The app's own clock, over every re-pagination of the run (the edits' and the saves').
    let part = |key: &str| stats(serde_json::from_value(timings[key].clone()).expect("samples"));
    let (engine_median, engine_max) = part("layout");
    let (dom_median, _) = part("dom");
    let (wait_median, _) = part("wait");
    let (frame_median, _) = part("frame");
    // The floor: the same keystrokes with the sheets closed, until the frame that shows the
    // editor's own echo is painted.
    app.click("show-editor").await;
    app.until_gone(10, "preview-sheet").await;
    let mut echo = Vec::new();
    for i in 0..rounds {
        let ms = app
            .client
            .execute_async(
                "const [el, ch, done] = arguments;\
                 const t0 = performance.now();\
                 el.textContent += ch;\
                 el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));\
                 requestAnimationFrame(() => {\
                   const channel = new MessageChannel();\
                   channel.port1.onmessage = () => done(performance.now() - t0);\
                   channel.port2.postMessage(null);\
                 });",
                vec![target.clone(), json!(if i % 2 == 0 { "法" } else { "治" })],
            )
            .await
            .expect("an edit timed");
        echo.push(ms.as_f64().expect("ms"));
        tokio::time::sleep(Duration::from_millis(120)).await;
    }
    let (echo_median, echo_max) = stats(echo);
    // The engine and the IPC alone, all pages (a window opening the report).
    let full_ms = app
        .client
        .execute_async(
            "const [id, done] = arguments;\
             (async () => {\
               const t0 = performance.now();\
               for (let i = 0; i < 20; i++) await window.__TAURI_INTERNALS__.invoke('repaginate', { reportId: id, base: null, edits: [] });\
               done((performance.now() - t0) / 20);\
             })();",
            vec![json!(id)],
        )
        .await
        .expect("repaginate")
        .as_f64()
        .expect("a number");
    eprintln!(
        "re-pagination while typing on a {pages}-page report, input event → the changed page in the sheets' DOM: median {median:.1} ms, max {max:.1} ms over {rounds} edits (target ≤ 16 ms)"
    );
    eprintln!(
        "  the first frame after the keystroke showed it in {first_frame} of {rounds} edits; input event → that frame painted: median {painted_median:.1} ms, max {painted_max:.1} ms (the 60 Hz frame clock and the paint)"
    );
    eprintln!(
        "  the same keystrokes with the sheets closed, input event → the editor's echo painted: median {echo_median:.1} ms, max {echo_max:.1} ms"
    );
    eprintln!(
        "  the app's clock, every re-pagination: engine (in the window; the saves' loads of the stored report over IPC) median {engine_median:.1} ms, max {engine_max:.1} ms; DOM update / wait for the frame / the frame's own work: medians {dom_median:.1} / {wait_median:.1} / {frame_median:.1} ms"
    );
    eprintln!("every page over IPC (a window opening the report): {full_ms:.1} ms");
    app.quit().await;
    driver.stop().await;
}
