//! 版面预览: the open report laid out as its printed pages. One paginator is kept for the
//! report last asked for, so a call after an edit re-breaks only the edited paragraphs.

use std::sync::Mutex;

use nianbao_layout::{Layout, Paginator};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::{error::IpcError, state::AppState};

/// The paginator of the report last laid out.
#[derive(Default)]
pub struct Preview(Mutex<Option<(i64, Paginator)>>);

/// The pages of a report as they will print (GB/T 9704 A4, as the exported .docx), with the
/// layout warnings (署名 alone on a page, 版记 on an odd page, …).
#[tauri::command]
pub fn paginate<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    report_id: i64,
) -> Result<Layout, IpcError> {
    let report = state.store()?.load_report(report_id)?;
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
    Ok(paginator.update(&report).clone())
}
