//! The editor: loading a report, saving one block or the meta, and structure edits.
//! Text edits return nothing but the time of the save; structure edits return the reloaded
//! report, whose ids the window needs.

use nianbao_report::{
    Block, Meta, Part, Report,
    text::{MAX_BLOCK_CHARS, MAX_META_CHARS},
};
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
    check_meta(&meta)?;
    Ok(state.store()?.update_meta(id, &meta)?)
}

/// Refuses meta fields longer than any real one, before they reach the database.
fn check_meta(meta: &Meta) -> Result<()> {
    let imprint = meta
        .imprint
        .iter()
        .flat_map(|i| [i.cc.as_deref().unwrap_or(""), i.printer.as_str()]);
    let fields = [
        meta.issuer.as_str(),
        meta.title.as_deref().unwrap_or(""),
        meta.recipient.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .chain([meta.signature.as_deref().unwrap_or("")])
    .chain(meta.attachments.iter().map(String::as_str))
    .chain(imprint);
    for f in fields {
        if f.chars().count() > MAX_META_CHARS {
            return Err(IpcError::new(
                format!("报告信息中有一项超过 {MAX_META_CHARS} 字，请删减后再保存。"),
                format!("a meta field is longer than {MAX_META_CHARS} characters"),
            ));
        }
    }
    if meta.attachments.len() > 100 {
        return Err(IpcError::new(
            "附件最多 100 个。",
            "more than 100 attachments",
        ));
    }
    Ok(())
}

/// Refuses a paragraph or heading longer than [`MAX_BLOCK_CHARS`].
fn check_text(text: &str, body: &str) -> Result<()> {
    let n = text.chars().count() + body.chars().count();
    if n > MAX_BLOCK_CHARS {
        return Err(IpcError::new(
            format!("这一段有 {n} 字，超过了 {MAX_BLOCK_CHARS} 字的上限，未保存。请把它分成几段。"),
            format!("block text of {n} characters is longer than {MAX_BLOCK_CHARS}"),
        ));
    }
    Ok(())
}

/// Checks every text of a tree the window sends (insert, undo snapshots).
fn check_blocks(blocks: &[Block]) -> Result<()> {
    blocks.iter().try_for_each(|b| match b {
        Block::Paragraph(p) => check_text(&p.text, ""),
        Block::Heading(h) => check_text(&h.text, &h.body).and_then(|()| check_blocks(&h.children)),
    })
}

/// Saves one block's text (and a heading's run-in body): one row, whatever the report's size.
#[tauri::command]
pub fn update_block(
    state: State<'_, AppState>,
    block_id: i64,
    text: String,
    body: String,
) -> Result<()> {
    check_text(&text, &body)?;
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
    check_blocks(std::slice::from_ref(&block))?;
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
    check_text(&part.heading, &part.body)?;
    check_blocks(&part.blocks)?;
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

/// Replaces the meta and the tree in one transaction: undo and redo of structure edits. The
/// figures, planned items (with their links) and 保密审查 stay as stored, whatever `report` holds.
#[tauri::command]
pub fn replace_report(
    state: State<'_, AppState>,
    report_id: i64,
    report: Report,
) -> Result<Report> {
    check_meta(&report.meta)?;
    report
        .preface
        .iter()
        .try_for_each(|p| check_text(&p.text, ""))?;
    for part in &report.parts {
        check_text(&part.heading, &part.body)?;
        check_blocks(&part.blocks)?;
    }
    let mut store = state.store()?;
    store.replace_report(report_id, &report)?;
    Ok(store.load_report(report_id)?)
}

#[cfg(test)]
mod tests {
    use nianbao_report::{Heading, Meta, Paragraph};

    use super::*;

    #[test]
    fn overlong_texts_are_refused_with_a_chinese_reason() {
        assert!(check_text("法治", "建设").is_ok());
        let long = "字".repeat(MAX_BLOCK_CHARS + 1);
        let e = check_text(&long, "").unwrap_err();
        assert!(e.message.contains("分成几段"), "{}", e.message);
        let mut h = Heading::new("标题");
        h.children.push(Block::Paragraph(Paragraph::new(long)));
        assert!(
            check_blocks(&[Block::Heading(h)]).is_err(),
            "nested texts are checked too"
        );

        let mut meta = Meta::new("某镇人民政府", 2023);
        assert!(check_meta(&meta).is_ok());
        meta.recipient = Some("区".repeat(MAX_META_CHARS + 1));
        assert!(check_meta(&meta).is_err());
    }
}
