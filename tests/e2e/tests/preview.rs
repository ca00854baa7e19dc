//! 版面预览 in the real window: the sheets are the engine's pages, they follow typing, the
//! layout warnings point at their page, and 导出 PDF prints on as many pages as the preview.

mod harness;
mod pdf_support;

use std::time::Duration;

use harness::{App, Driver, block_id, root, tid};
use pdf_support::pdf_pages;
use serde_json::{Value, json};

/// The engine's layout of a report, asked for the way the window asks.
async fn layout(app: &App, report_id: i64) -> Value {
    let answer = app
        .invoke("paginate", json!({ "reportId": report_id }))
        .await;
    answer
        .get("ok")
        .cloned()
        .unwrap_or_else(|| panic!("paginate: {answer}"))
}

/// Lines of the layout that come from one block.
fn block_lines(layout: &Value, block: i64) -> usize {
    layout["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .flat_map(|p| p["lines"].as_array().expect("lines"))
        .filter(|l| l["block"] == block)
        .count()
}

fn page_count(layout: &Value) -> usize {
    layout["pages"].as_array().expect("pages").len()
}

fn has_warning(layout: &Value, kind: &str) -> bool {
    layout["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .any(|w| w["kind"] == kind)
}

/// Sheets in the DOM, and the number the preview shows.
async fn sheets(app: &App) -> (usize, String) {
    let n = app.all(&tid("preview-sheet")).await.len();
    let shown = app.text_of_id("preview-pages").await;
    (n, shown)
}

/// Lines of the preview that come from one block.
async fn lines_of_block(app: &App, block: i64) -> usize {
    app.all(&format!(
        "{} [data-block=\"{block}\"]",
        tid("preview-sheet")
    ))
    .await
    .len()
}

/// Waits until the preview shows `pages` sheets.
async fn until_sheets(app: &App, pages: usize) {
    app.until(20, &format!("{pages} sheets in the preview"), || async {
        let (n, shown) = sheets(app).await;
        (n == pages && shown == pages.to_string()).then_some(())
    })
    .await
}

/// Every sheet of the window, scrolled into view and read, against the app's own layout of the
/// same report: the engine in the window (WebAssembly) and the engine of the PDF and the
/// conformance tests print the same lines on the same pages.
async fn sheets_match(app: &App, layout: &Value) {
    let pages = layout["pages"].as_array().expect("pages");
    until_sheets(app, pages.len()).await;
    for page in pages {
        let number = page["number"].as_u64().expect("page number");
        let want: Vec<String> = (page["lines"].as_array().expect("lines").iter())
            .map(|l| {
                (l["spans"].as_array().expect("spans").iter())
                    .map(|s| s["text"].as_str().expect("text"))
                    .collect()
            })
            .collect();
        let shown = app
            .until(10, &format!("sheet {number} drawn"), || async {
                let lines = app
                    .client
                    .execute(
                        "const [n] = arguments;\
                         const sheet = document.querySelector(`[data-testid=\"preview-sheet\"][data-page=\"${n}\"]`);\
                         sheet.scrollIntoView({ block: 'start' });\
                         return [...sheet.querySelectorAll('.line')].map((l) => l.textContent);",
                        vec![json!(number)],
                    )
                    .await
                    .ok()?;
                let lines: Vec<String> = serde_json::from_value(lines).ok()?;
                (!lines.is_empty()).then_some(lines)
            })
            .await;
        assert_eq!(
            shown, want,
            "sheet {number} as the window lays it out and as the app does"
        );
    }
}

async fn report_id(app: &App) -> i64 {
    let list = app.invoke("list_reports", json!({})).await;
    list["ok"][0]["id"].as_i64().expect("a report id")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_preview_follows_the_engine_the_typing_and_the_pdf() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.import_sample_into_empty_library().await;
    app.open_first_report().await;
    let id = report_id(&app).await;

    // The sheets are the engine's pages, and the status line counts them.
    app.click("toggle-preview").await;
    let engine = page_count(&layout(&app, id).await);
    assert!(engine >= 3, "the sample fills several pages, got {engine}");
    until_sheets(&app, engine).await;
    let status = app.text_of_id("page-estimate").await;
    assert!(status.starts_with(&format!("共 {engine} 页")), "{status}");
    let laid_out_by = app
        .client
        .execute("return window.__nianbaoPreview.engine;", vec![])
        .await
        .unwrap();
    assert_eq!(
        laid_out_by,
        json!("window"),
        "the engine runs in the window"
    );

    // The window with the first sheet, and where the sheet is, for docs/screenshot-preview.png
    // (scripts/screenshot-preview.py puts it beside LibreOffice's rendering of the page).
    tokio::time::sleep(Duration::from_millis(400)).await;
    let rect = app
        .client
        .execute(
            "const r = document.querySelector('[data-testid=\"preview-sheet\"]').getBoundingClientRect();\
             return { x: r.x, y: r.y, width: r.width, height: r.height, dpr: devicePixelRatio };",
            vec![],
        )
        .await
        .unwrap();
    let png = app.client.screenshot().await.expect("screenshot");
    let shots = root().join("target/e2e-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    std::fs::write(shots.join("preview-window.png"), png).unwrap();
    std::fs::write(shots.join("preview-sheet.json"), rect.to_string()).unwrap();

    // A new paragraph of 300 characters: 2 字 of indent + 300 = 11 lines of 28.
    app.click("show-editor").await;
    let paragraphs = app
        .all(&format!("{}[data-kind=\"paragraph\"]", tid("block-editor")))
        .await;
    paragraphs
        .last()
        .expect("paragraphs")
        .click()
        .await
        .unwrap();
    app.click("add-block").await;
    app.click("add-paragraph").await;
    let typed = "依法行政".repeat(75);
    // The new, empty paragraph gets the caret once the store has answered.
    let (editor, block) = app
        .until(10, "the caret in the new paragraph", || async {
            let active = app.client.active_element().await.ok()?;
            let id = block_id(&active).await?;
            app.text_of(&active)
                .await
                .is_empty()
                .then_some((active, id))
        })
        .await;
    editor.send_keys(&typed).await.unwrap();
    app.wait_saved().await;
    app.click("toggle-preview").await;
    // The new paragraph ends the text: the last sheet, drawn once it is scrolled into view.
    app.until(
        20,
        "the new paragraph's 11 lines in the preview",
        || async {
            app.client
                .execute(
                    "const s = document.querySelectorAll('[data-testid=\"preview-sheet\"]');\
                 s[s.length - 1].scrollIntoView({ block: 'start' });",
                    vec![],
                )
                .await
                .ok()?;
            (lines_of_block(&app, block).await == 11).then_some(())
        },
    )
    .await;
    let grown = layout(&app, id).await;
    assert!(
        page_count(&grown) >= engine,
        "fewer pages after adding text"
    );
    sheets_match(&app, &grown).await;

    // Lengthen the text a line at a time until the sign-off is pushed alone onto a new
    // page: the engine warns, the preview lists the warning, a click shows that page.
    app.click("show-editor").await;
    let editor = app
        .wait(&format!(
            "{}[data-block-id=\"{block}\"]",
            tid("block-editor")
        ))
        .await;
    editor.click().await.unwrap();
    let mut warned = None;
    for added in 1..=20 {
        // The caret at the paragraph's end, then one line's worth of characters.
        app.client
            .execute(
                "const [el] = arguments; el.focus();\
                 const r = document.createRange(); r.selectNodeContents(el); r.collapse(false);\
                 const s = getSelection(); s.removeAllRanges(); s.addRange(r);",
                vec![serde_json::to_value(&editor).unwrap()],
            )
            .await
            .unwrap();
        editor
            .send_keys("坚持依法行政建设法治政府推进依法治国全面落实到位不断深化")
            .await
            .unwrap();
        // One more line of 28 once the text is stored: wait for that layout, not an older one.
        let now = app
            .until(20, "the lengthened paragraph in the layout", || async {
                let now = layout(&app, id).await;
                (block_lines(&now, block) == 11 + added).then_some(now)
            })
            .await;
        if has_warning(&now, "SignOffAlone") {
            warned = Some(now);
            break;
        }
    }
    let warned =
        warned.expect("lengthening the text line by line leaves the sign-off alone on a page");
    let pages = page_count(&warned);
    let warning_page = warned["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["kind"] == "SignOffAlone")
        .unwrap()["page"]
        .as_u64()
        .unwrap();
    assert_eq!(
        warning_page as usize, pages,
        "the sign-off is alone on the last page"
    );
    app.click("toggle-preview").await;
    until_sheets(&app, pages).await;
    let css = format!("{}[data-kind=\"SignOffAlone\"]", tid("layout-warning"));
    let warning = app.wait(&css).await;
    assert!(
        warning
            .text()
            .await
            .unwrap()
            .contains(&format!("第 {warning_page} 页"))
    );
    warning.click().await.unwrap();
    app.until(10, "the warned page scrolled into view", || async {
        let shown = app
            .client
            .execute(
                "const [n] = arguments;\
                 const sheet = document.querySelector(`[data-testid=\"preview-sheet\"][data-page=\"${n}\"]`).getBoundingClientRect();\
                 return sheet.top > 0 && sheet.top < innerHeight / 2;",
                vec![json!(warning_page)],
            )
            .await
            .unwrap();
        (shown == json!(true)).then_some(())
    })
    .await;

    // 导出 PDF through the button and the save dialog: as many pages as the preview shows.
    let out = driver.dir.path().join("预览.pdf");
    app.answer_save_dialog(&out).await;
    app.click("export-pdf").await;
    app.until(120, "the PDF", || async { out.is_file().then_some(()) })
        .await;
    assert_eq!(pdf_pages(&out), sheets(&app).await.0);

    // 打印 hands the print dialog every sheet with all its lines and nothing else. The native
    // dialog cannot be driven, so window.print records what it was given.
    app.client
        .execute(
            "window.print = () => {\
               const root = document.querySelector('.nianbao-print-root');\
               window.__printed = {\
                 sheets: root.querySelectorAll('[data-testid=\"preview-sheet\"]').length,\
                 emptySheets: [...root.querySelectorAll('[data-testid=\"preview-sheet\"]')].filter(s => !s.querySelector('span')).length,\
               };\
             };",
            vec![],
        )
        .await
        .unwrap();
    app.click("print").await;
    let printed = app
        .until(20, "the sheets handed to the print dialog", || async {
            let v = app
                .client
                .execute("return window.__printed || null;", vec![])
                .await
                .ok()?;
            (!v.is_null()).then_some(v)
        })
        .await;
    assert_eq!(printed["sheets"], json!(pages), "{printed}");
    assert_eq!(printed["emptySheets"], json!(0), "{printed}");

    // Clicking a line of the body jumps to its paragraph in the editor.
    let line = app
        .wait(&format!(
            "{} [data-block=\"{block}\"]",
            tid("preview-sheet")
        ))
        .await;
    app.client
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' });",
            vec![serde_json::to_value(&line).unwrap()],
        )
        .await
        .unwrap();
    line.click().await.unwrap();
    app.until(10, "the caret in the clicked paragraph", || async {
        let active = app.client.active_element().await.ok()?;
        (block_id(&active).await? == block).then_some(())
    })
    .await;
    app.quit().await;
    driver.stop().await;
}

/// Whether the sheets pane shows any line of `block` (the pane clips what is scrolled away).
async fn block_in_view(app: &App, block: i64) -> bool {
    app.client
        .execute(
            "const [block] = arguments;\
             const pane = document.querySelector('.sheets-pane').getBoundingClientRect();\
             return [...document.querySelectorAll(`.sheets-pane [data-block=\"${block}\"]`)]\
               .some((l) => { const r = l.getBoundingClientRect(); return r.bottom > pane.top && r.top < pane.bottom; });",
            vec![json!(block)],
        )
        .await
        .unwrap()
        == json!(true)
}

/// On a desk wide enough for both, the sheets sit beside the editor and keep the block being
/// edited in view: moving the caret to a paragraph on the last page scrolls them there, and
/// back to the first page's paragraph scrolls them back.
#[tokio::test(flavor = "multi_thread")]
async fn beside_the_editor_the_sheets_follow_the_caret() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.client
        .set_window_size(1900, 1000)
        .await
        .expect("a wide window");
    app.import_sample_into_empty_library().await;
    app.open_first_report().await;
    let id = report_id(&app).await;
    app.click("toggle-preview").await;
    let pages = page_count(&layout(&app, id).await);
    until_sheets(&app, pages).await;
    app.until(10, "the sheets beside the editor", || async {
        let side = app
            .client
            .execute(
                "return !!document.querySelector('.split.side-by-side');",
                vec![],
            )
            .await
            .ok()?;
        (side == json!(true)).then_some(())
    })
    .await;

    let paragraphs = app
        .all(&format!("{}[data-kind=\"paragraph\"]", tid("block-editor")))
        .await;
    // The caret into a paragraph out of the sheets' view: they scroll to it.
    for (el, what) in [
        (paragraphs.last().expect("paragraphs"), "the last paragraph"),
        (&paragraphs[0], "the first paragraph"),
    ] {
        let block = block_id(el).await.expect("block id");
        assert!(
            !block_in_view(&app, block).await,
            "{what} starts out of view"
        );
        app.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' }); arguments[0].focus();",
                vec![serde_json::to_value(el).unwrap()],
            )
            .await
            .unwrap();
        app.until(10, &format!("{what}'s lines in view"), || async {
            block_in_view(&app, block).await.then_some(())
        })
        .await;
    }
    app.quit().await;
    driver.stop().await;
}
