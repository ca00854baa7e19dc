//! 数据项, 上年安排 and 保密审查: the figures the text quotes, last year's planned items as a
//! checklist, and the secrecy review before 定稿.

use nianbao_report::{
    DocDate, PlanItem, Review, ReviewState,
    figures::{self, Figure, Segment},
};
use nianbao_store::FigureYear;
use tauri::State;

use crate::{error::IpcError, state::AppState};

type Result<T> = std::result::Result<T, IpcError>;

/// The longest figure name, unit or meaning, in characters.
const FIELD_MAX: usize = 200;

fn capped(what: &str, s: &str) -> Result<()> {
    if s.chars().count() > FIELD_MAX {
        return Err(IpcError::new(
            format!("{what}太长（最多{FIELD_MAX}字）。"),
            format!("{what}: more than {FIELD_MAX} characters"),
        ));
    }
    Ok(())
}

/// The figures of a report, in order.
#[tauri::command]
pub fn list_figures(state: State<'_, AppState>, report_id: i64) -> Result<Vec<Figure>> {
    Ok(state.store()?.figures(report_id)?)
}

/// Sets (or with `null`/empty clears) this year's or last year's value of a figure, as typed.
#[tauri::command]
pub fn set_figure_value(
    state: State<'_, AppState>,
    report_id: i64,
    key: String,
    year: FigureYear,
    value: Option<String>,
) -> Result<Figure> {
    capped("数值", value.as_deref().unwrap_or(""))?;
    Ok(state
        .store()?
        .set_figure_value(report_id, &key, year, value.as_deref())?)
}

/// A figure's name, unit and meaning, each within FIELD_MAX characters.
fn capped_fields(name: &str, unit: &str, meaning: &str) -> Result<()> {
    for (what, s) in [("名称", name), ("单位", unit), ("说明", meaning)] {
        capped(what, s)?;
    }
    Ok(())
}

/// Adds a figure of the drafter's own.
#[tauri::command]
pub fn add_figure(
    state: State<'_, AppState>,
    report_id: i64,
    name: String,
    unit: String,
    meaning: String,
) -> Result<Figure> {
    capped_fields(&name, &unit, &meaning)?;
    Ok(state
        .store()?
        .add_figure(report_id, &name, &unit, &meaning)?)
}

/// Renames a figure of the drafter's own; its quotes in the text follow.
#[tauri::command]
pub fn rename_figure(
    state: State<'_, AppState>,
    report_id: i64,
    key: String,
    name: String,
    unit: String,
    meaning: String,
) -> Result<Figure> {
    capped_fields(&name, &unit, &meaning)?;
    Ok(state
        .store()?
        .rename_figure(report_id, &key, &name, &unit, &meaning)?)
}

/// Removes a figure of the drafter's own.
#[tauri::command]
pub fn remove_figure(state: State<'_, AppState>, report_id: i64, key: String) -> Result<()> {
    Ok(state.store()?.remove_figure(report_id, &key)?)
}

/// A text split into literal pieces and figure placeholders with what each prints (the
/// editor's chips), against the report's figures as stored.
#[tauri::command]
pub fn text_segments(
    state: State<'_, AppState>,
    report_id: i64,
    text: String,
) -> Result<Vec<Segment>> {
    let figures = state.store()?.figures(report_id)?;
    Ok(figures::segments(&text, &figures))
}

/// Last year's planned items carried into this report, in order.
#[tauri::command]
pub fn list_plan_items(state: State<'_, AppState>, report_id: i64) -> Result<Vec<PlanItem>> {
    Ok(state.store()?.load_report(report_id)?.plan)
}

/// Links a planned item to the block of the report that says what became of it.
#[tauri::command]
pub fn link_plan_item(state: State<'_, AppState>, item_id: i64, block_id: i64) -> Result<()> {
    Ok(state.store()?.link_plan_item(item_id, Some(block_id))?)
}

/// Unlinks a planned item.
#[tauri::command]
pub fn unlink_plan_item(state: State<'_, AppState>, item_id: i64) -> Result<()> {
    Ok(state.store()?.link_plan_item(item_id, None)?)
}

/// Records the 保密审查 (the three ticks) for the report as it is now, dated `date`.
#[tauri::command]
pub fn record_review(state: State<'_, AppState>, report_id: i64, date: DocDate) -> Result<Review> {
    Ok(state.store()?.record_review(report_id, date)?)
}

/// Clears the 保密审查.
#[tauri::command]
pub fn clear_review(state: State<'_, AppState>, report_id: i64) -> Result<()> {
    Ok(state.store()?.clear_review(report_id)?)
}

/// Whether the 保密审查 is recorded and still covers the text.
#[tauri::command]
pub fn review_state(state: State<'_, AppState>, report_id: i64) -> Result<ReviewState> {
    Ok(state.store()?.review_state(report_id)?)
}
