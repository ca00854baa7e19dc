//! 检查 in the real window: the status bar counts the sample's errors, a half-width comma
//! typed into the text is counted after the pause, a click on a finding selects it in its
//! block, 一键修正 previews every change and applies them, and 历史版本 keeps the text before.
//! The expectations come from the checker crate run on the report as stored.

mod harness;

use std::{
    collections::{HashMap, HashSet},
    time::Duration,
};

use harness::{App, Driver, root, tid};
use nianbao_check::{Finding, Rule};
use nianbao_report::{Block, Report};
use serde_json::{Value, json};

/// The report as the store holds it, checked by the checker crate.
async fn stored_findings(app: &App, report_id: i64) -> (Report, Vec<Finding>) {
    let v = app.invoke("load_report", json!({ "id": report_id })).await;
    let report: Report = serde_json::from_value(v["ok"].clone()).expect("a stored report");
    let findings = nianbao_check::check(&report, nianbao_check::today());
    (report, findings)
}

/// Waits until the status bar counts `errors` errors and `warnings` warnings.
async fn status_counts(app: &App, errors: usize, warnings: usize) {
    let want = format!("错误 {errors} · 警告 {warnings}");
    let mut seen = String::new();
    for _ in 0..100 {
        if let Some(el) = app.all(&tid("check-count")).await.first() {
            // A button's `value` is empty: read what it shows.
            seen = el.text().await.unwrap_or_default().trim().to_string();
            if seen == want {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the status bar says {seen:?}, not {want:?}");
}

/// Every stored text by (block id, is the run-in body).
fn stored_texts(r: &Report) -> HashMap<(i64, bool), String> {
    let mut out = HashMap::new();
    for p in &r.preface {
        out.insert((p.id.unwrap(), false), p.text.clone());
    }
    let mut stack: Vec<&Block> = Vec::new();
    for part in &r.parts {
        out.insert((part.id.unwrap(), false), part.heading.clone());
        out.insert((part.id.unwrap(), true), part.body.clone());
        stack.extend(&part.blocks);
    }
    while let Some(b) = stack.pop() {
        match b {
            Block::Paragraph(p) => {
                out.insert((p.id.unwrap(), false), p.text.clone());
            }
            Block::Heading(h) => {
                out.insert((h.id.unwrap(), false), h.text.clone());
                out.insert((h.id.unwrap(), true), h.body.clone());
                stack.extend(&h.children);
            }
        }
    }
    out
}

async fn js(app: &App, script: &str) -> Value {
    app.client.execute(script, vec![]).await.expect("script")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sample_is_checked_jumped_to_and_fixed_with_a_preview() {
    let driver = Driver::start().await;
    let app = driver.launch().await;
    app.import_sample_into_empty_library().await;
    app.open_first_report().await;
    let report_id = app.invoke("list_reports", json!({})).await["ok"][0]["id"]
        .as_i64()
        .expect("report id");

    // The status bar counts what the checker finds in the stored sample.
    let (_, findings) = stored_findings(&app, report_id).await;
    let (errors, warnings, _) = nianbao_check::count(&findings);
    let punctuation = findings
        .iter()
        .filter(|f| f.rule == Rule::Punctuation)
        .count();
    assert!(punctuation > 100, "{punctuation} punctuation findings");
    status_counts(&app, errors, warnings).await;

    // A half-width comma typed in Chinese text is one more error once typing pauses.
    let preface = app.editor("preface", 0).await;
    let original = app.text_of(&preface).await;
    preface
        .send_keys("全年新建法律顾问库一个,覆盖各村。")
        .await
        .unwrap();
    app.wait_saved().await;
    status_counts(&app, errors + 1, warnings).await;
    // The caret stayed where the drafter typed.
    let at_end = js(
        &app,
        "const s = getSelection(); const e = document.activeElement;\
         if (!e || e.dataset.kind !== 'preface' || !s.isCollapsed) return false;\
         const r = document.createRange(); r.selectNodeContents(e); r.setEnd(s.focusNode, s.focusOffset);\
         return r.toString().length === e.textContent.length;",
    )
    .await;
    assert_eq!(at_end, json!(true));

    // The panel opens from the status bar and lists every finding.
    app.click("check-count").await;
    app.id("checks-panel").await;
    let (before, findings) = stored_findings(&app, report_id).await;
    let items = app.all(&tid("check-finding")).await;
    if items.len() != findings.len() {
        // Say which differ: the app and the test must run the same checker.
        let shown = js(
            &app,
            "return [...document.querySelectorAll('[data-testid=\"check-finding\"]')]\
             .map(e => e.innerText.replace(/\\s+/g, ' ')).join('\\n');",
        )
        .await;
        let stored: Vec<String> = findings.iter().map(|f| f.message_zh.clone()).collect();
        eprintln!(
            "shown:\n{}\nstored:\n{}",
            shown.as_str().unwrap_or(""),
            stored.join("\n")
        );
    }
    assert_eq!(items.len(), findings.len());

    // A click on a punctuation finding in a paragraph: the caret lands in that block, on
    // the half-width mark.
    let css = "[data-testid=\"check-finding\"][data-rule=\"punctuation\"]";
    let target = app
        .all(css)
        .await
        .into_iter()
        .nth(20)
        .expect("a 21st punctuation finding");
    let block_id = target
        .attr("data-block-id")
        .await
        .unwrap()
        .expect("a block id");
    target
        .find(fantoccini::Locator::Css(&tid("check-finding-jump")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let landed = app
        .until(5, "the caret in the finding's block", || async {
            let v = js(
                &app,
                "const e = document.activeElement;\
                 return e && e.dataset.blockId ? [e.dataset.blockId, getSelection().toString()] : null;",
            )
            .await;
            (!v.is_null()).then_some(v)
        })
        .await;
    assert_eq!(landed[0], json!(block_id));
    let selected = landed[1].as_str().unwrap();
    assert!(
        selected.chars().count() == 1 && ",:;()?!\"'".contains(selected),
        "selected {selected:?}"
    );

    // 一键修正 previews every fix (one per text), then applies them on 确认修正.
    let fixes: HashSet<_> = findings.iter().filter_map(|f| f.fix.clone()).collect();
    let fixable = findings.iter().filter(|f| f.fix.is_some()).count();
    app.click("checks-fix-all").await;
    let dialog = app.id("fix-preview").await;
    let heading = app
        .text_of(&dialog.find(fantoccini::Locator::Css("h2")).await.unwrap())
        .await;
    assert!(
        heading.contains(&format!("{} 段，{fixable} 处", fixes.len())),
        "{heading}"
    );
    assert_eq!(app.all(&tid("fix-preview-item")).await.len(), fixes.len());
    let marked = js(
        &app,
        "return [...document.querySelectorAll('[data-testid=\"fix-preview-after\"] ins')].map(e => e.textContent).join('');",
    )
    .await;
    let marked = marked.as_str().unwrap();
    assert!(
        marked.contains('，') && marked.contains('（') && !marked.contains(','),
        "{marked}"
    );
    let shots = root().join("target/e2e-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = app.client.screenshot().await.expect("screenshot");
    std::fs::write(shots.join("checks-preview.png"), png).unwrap();
    app.click("fix-preview-confirm").await;

    // No punctuation error is left, in the store and in the status bar.
    let (after, findings) = app
        .until(10, "the fixes stored", || async {
            let (r, f) = stored_findings(&app, report_id).await;
            (r != before).then_some((r, f))
        })
        .await;
    assert!(findings.iter().all(|f| f.rule != Rule::Punctuation));
    let (errors_after, warnings_after, _) = nianbao_check::count(&findings);
    assert!(
        errors_after < errors - 100,
        "{errors_after} errors left of {errors}"
    );
    status_counts(&app, errors_after, warnings_after).await;
    assert!(
        app.all("[data-testid=\"check-finding\"][data-rule=\"punctuation\"]")
            .await
            .is_empty()
    );

    // The editor shows the full-width marks: every text on the page reads as stored.
    let preface = app.editor("preface", 0).await;
    let shown = app.text_of(&preface).await;
    assert!(
        shown.ends_with("全年新建法律顾问库一个，覆盖各村。"),
        "{shown}"
    );
    assert_eq!(shown.chars().count(), original.chars().count() + 17);
    let stored = stored_texts(&after);
    let page = js(
        &app,
        "return [...document.querySelectorAll('[data-testid=\"block-editor\"]')]\
         .map(e => [Number(e.dataset.blockId), e.dataset.kind === 'body', e.value]);",
    )
    .await;
    let page: Vec<(i64, bool, String)> = serde_json::from_value(page).unwrap();
    assert!(page.len() > 30, "{} editors", page.len());
    for (id, body, text) in &page {
        assert_eq!(stored.get(&(*id, *body)), Some(text), "block {id}");
    }
    assert!(page.iter().filter(|(_, _, t)| t.contains('，')).count() > 20);

    // 历史版本 lists the version from before the fixes, with the half-width comma in it.
    app.click("history").await;
    app.id("history-panel").await;
    let item = app
        .wait("[data-testid=\"history-item\"][data-reason=\"before_change\"]")
        .await;
    assert!(app.text_of(&item).await.contains("批量修改前"));
    let list = app
        .invoke("list_snapshots", json!({ "reportId": report_id }))
        .await;
    assert_eq!(list["ok"][0]["reason"], "before_change", "{list}");
    assert_eq!(list["ok"][0]["label"], "一键修正");

    // The fixes are one undo step: 撤销 brings every half-width mark back, and the count.
    app.click("undo").await;
    status_counts(&app, errors + 1, warnings).await;
    let (_, findings) = stored_findings(&app, report_id).await;
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.rule == Rule::Punctuation)
            .count(),
        punctuation + 1
    );

    // What a re-check costs the window: the command's round trip on the 10-page sample,
    // beside opening 一键修正 on every fix and the smallest command's (what any IPC costs).
    let ids = app
        .invoke("check_report", json!({ "reportId": report_id }))
        .await["ok"]["fix_ids"]
        .clone();
    assert!(ids.as_array().is_some_and(|a| a.len() > 10), "{ids}");
    let previews = app
        .invoke(
            "preview_fixes",
            json!({ "reportId": report_id, "ids": ids }),
        )
        .await;
    assert_eq!(
        previews["ok"].as_array().map(Vec::len),
        ids.as_array().map(Vec::len)
    );
    for (cmd, args) in [
        ("check_report", json!({ "reportId": report_id })),
        (
            "preview_fixes",
            json!({ "reportId": report_id, "ids": ids }),
        ),
        ("app_info", json!({})),
    ] {
        let mut ms: Vec<f64> = Vec::new();
        for _ in 0..15 {
            let v = app
                .client
                .execute_async(
                    "const [cmd, args, done] = arguments; const t = performance.now();\
                     window.__TAURI_INTERNALS__.invoke(cmd, args)\
                     .then(() => done(performance.now() - t), () => done(null));",
                    vec![json!(cmd), args.clone()],
                )
                .await
                .expect("timed command");
            ms.push(v.as_f64().unwrap_or(f64::NAN));
        }
        ms.sort_by(f64::total_cmp);
        eprintln!("{cmd} round trip: median {:.1} ms", ms[ms.len() / 2]);
    }

    app.quit().await;
    driver.stop().await;
}
