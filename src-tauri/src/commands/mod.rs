//! The commands the window invokes: thin glue from IPC to the domain crates.

mod backup;
mod bundle;
pub(crate) mod check;
mod editor;
mod export;
mod figures;
mod history;
mod library;
mod preview;

use tauri::{Runtime, ipc::Invoke};

/// Every command, for `Builder::invoke_handler`.
pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        library::app_info,
        library::list_reports,
        library::list_trash,
        library::create_report,
        library::create_from_previous,
        library::copy_report,
        library::trash_report,
        library::restore_report,
        library::purge_report,
        library::set_status,
        library::import_sample,
        library::preview_import,
        library::save_import,
        editor::load_report,
        editor::update_meta,
        editor::update_block,
        editor::insert_block,
        editor::move_block,
        editor::delete_block,
        editor::insert_part,
        editor::move_part,
        editor::replace_report,
        export::export_docx,
        bundle::export_bundle,
        bundle::import_bundle,
        figures::list_figures,
        figures::set_figure_value,
        figures::add_figure,
        figures::rename_figure,
        figures::remove_figure,
        figures::text_segments,
        figures::list_plan_items,
        figures::link_plan_item,
        figures::unlink_plan_item,
        figures::record_review,
        figures::clear_review,
        figures::review_state,
        export::export_pdf,
        history::list_snapshots,
        history::load_snapshot,
        history::compare_snapshot,
        history::restore_snapshot,
        history::name_version,
        history::take_snapshot,
        check::check_report,
        check::preview_fixes,
        check::apply_fixes,
        backup::list_backups,
        backup::backup_now,
        backup::restore_backup,
        backup::recovery_info,
        backup::recover_from_backup,
        backup::recover_with_blank_database,
        preview::paginate,
        preview::repaginate,
    ]
}
