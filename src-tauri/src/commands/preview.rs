//! 版面预览: the open report laid out as its printed pages. One paginator is kept for the
//! report last asked for, so a call after an edit re-breaks only the edited paragraphs, and
//! `repaginate` sends back only the pages that changed. Both run off the window's main
//! thread (`async`): typing and the next frame never wait for them.

use std::sync::Mutex;

use nianbao_layout::{Layout, LayoutDelta, Paginator};
use nianbao_report::{Report, TextEdit};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::{error::IpcError, state::AppState};

/// The paginator of the report last laid out.
#[derive(Default)]
pub struct Preview(Mutex<Option<(i64, Paginator)>>);

/// The pages of a report as they will print (GB/T 9704 A4, as the exported .docx), with the
/// layout warnings (署名 alone on a page, 版记 on an odd page, …).
#[tauri::command(async)]
pub fn paginate<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    report_id: i64,
) -> Result<Layout, IpcError> {
    let report = printed(&state, report_id, &[])?;
    Ok(with_paginator(&app, report_id, |p| {
        p.update(&report).clone()
    }))
}

/// The report laid out again with the typing not yet stored (`edits`), as a change to the
/// layout of revision `base` that the window holds: only the pages that differ from it. A
/// window holding another revision (or none) gets every page.
#[tauri::command(async)]
pub fn repaginate<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    report_id: i64,
    base: Option<u64>,
    edits: Vec<TextEdit>,
) -> Result<LayoutDelta, IpcError> {
    let report = printed(&state, report_id, &edits)?;
    Ok(with_paginator(&app, report_id, |p| {
        p.update_delta(&report, base)
    }))
}

/// The stored report with `edits` laid over it, figure placeholders as they print.
fn printed(state: &AppState, report_id: i64, edits: &[TextEdit]) -> Result<Report, IpcError> {
    // The store is released before the layout: autosave need not wait for it.
    let mut report = state.store()?.load_report(report_id)?;
    for edit in edits {
        // A block removed meanwhile: its unsaved text has nowhere to go and is not shown.
        report.apply_text(edit);
    }
    Ok(report.resolved())
}

fn with_paginator<R: Runtime, T>(
    app: &AppHandle<R>,
    report_id: i64,
    run: impl FnOnce(&mut Paginator) -> T,
) -> T {
    // Managed on first use, so the preview needs nothing from the app's set-up.
    if app.try_state::<Preview>().is_none() {
        app.manage(Preview::default());
    }
    let preview = app.state::<Preview>();
    // A poisoned lock only means an earlier call panicked: start from a fresh paginator.
    let mut slot = preview.0.lock().unwrap_or_else(|e| e.into_inner());
    if slot.as_ref().is_none_or(|(id, _)| *id != report_id) {
        *slot = Some((report_id, Paginator::new()));
    }
    let (_, paginator) = slot.get_or_insert_with(|| (report_id, Paginator::new()));
    run(paginator)
}
