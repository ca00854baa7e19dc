//! The editor: loading a report, saving one block or the meta, and structure edits.
//! Text edits return nothing but the time of the save; structure edits return the reloaded
//! report, whose ids the window needs.

use nianbao_report::{Block, Meta, Part, Report};
use nianbao_store::Position;
use tauri::State;

use crate::{error::IpcError, state::AppState};

type Result<T> = std::result::Result<T, IpcError>;

/// A report with the ids of all its rows.
#[tauri::command]
pub fn load_report(state: State<'_, AppState>, id: i64) -> Result<Report> {
    Ok(state.store()?.load_report(id)?)
}

/// Saves the meta form.
#[tauri::command]
pub fn update_meta(state: State<'_, AppState>, id: i64, meta: Meta) -> Result<()> {
    if meta.issuer.trim().is_empty() {
        return Err(IpcError::new("机关全称不能为空。", "empty issuer"));
    }
    Ok(state.store()?.update_meta(id, &meta)?)
}

/// Saves one block's text (and a heading's run-in body): one row, whatever the report's size.
#[tauri::command]
pub fn update_block(
    state: State<'_, AppState>,
    block_id: i64,
    text: String,
    body: String,
) -> Result<()> {
    Ok(state.store()?.update_block(block_id, &text, &body)?)
}

/// Inserts a block and returns the report as stored.
#[tauri::command]
pub fn insert_block(
    state: State<'_, AppState>,
    report_id: i64,
    at: Position,
    block: Block,
) -> Result<Report> {
    let mut store = state.store()?;
    store.insert_block(at, &block)?;
    Ok(store.load_report(report_id)?)
}

/// Moves a block (with what it governs) and returns the report as stored.
#[tauri::command]
pub fn move_block(
    state: State<'_, AppState>,
    report_id: i64,
    block_id: i64,
    to: Position,
) -> Result<Report> {
    let mut store = state.store()?;
    store.move_block(block_id, to)?;
    Ok(store.load_report(report_id)?)
}

/// Deletes a block (a part, heading or paragraph, with what it governs).
#[tauri::command]
pub fn delete_block(state: State<'_, AppState>, report_id: i64, block_id: i64) -> Result<Report> {
    let mut store = state.store()?;
    store.delete_block(block_id)?;
    Ok(store.load_report(report_id)?)
}

/// Inserts a part at `index` (0-based).
#[tauri::command]
pub fn insert_part(
    state: State<'_, AppState>,
    report_id: i64,
    index: usize,
    part: Part,
) -> Result<Report> {
    let mut store = state.store()?;
    store.insert_part(report_id, index, &part)?;
    Ok(store.load_report(report_id)?)
}

/// Moves a part to number `index` (0-based).
#[tauri::command]
pub fn move_part(
    state: State<'_, AppState>,
    report_id: i64,
    part_id: i64,
    index: usize,
) -> Result<Report> {
    let mut store = state.store()?;
    store.move_part(part_id, index)?;
    Ok(store.load_report(report_id)?)
}

/// Replaces the whole report in one transaction: undo and redo of structure edits.
#[tauri::command]
pub fn replace_report(
    state: State<'_, AppState>,
    report_id: i64,
    report: Report,
) -> Result<Report> {
    let mut store = state.store()?;
    store.replace_report(report_id, &report)?;
    Ok(store.load_report(report_id)?)
}
