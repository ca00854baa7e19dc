//! Declares the app's commands so that each must be granted in `capabilities/`: the window
//! gets exactly the commands it uses, nothing by default.

const COMMANDS: &[&str] = &[
    "app_info",
    "list_reports",
    "list_trash",
    "create_report",
    "create_from_previous",
    "copy_report",
    "trash_report",
    "restore_report",
    "purge_report",
    "set_status",
    "import_sample",
    "preview_import",
    "save_import",
    "load_report",
    "update_meta",
    "update_block",
    "insert_block",
    "move_block",
    "delete_block",
    "insert_part",
    "move_part",
    "replace_report",
    "export_docx",
    "export_bundle",
    "import_bundle",
    "list_figures",
    "set_figure_value",
    "add_figure",
    "rename_figure",
    "remove_figure",
    "text_segments",
    "list_plan_items",
    "link_plan_item",
    "unlink_plan_item",
    "record_review",
    "clear_review",
    "review_state",
    "export_pdf",
    "list_snapshots",
    "load_snapshot",
    "compare_snapshot",
    "restore_snapshot",
    "name_version",
    "take_snapshot",
    "list_backups",
    "backup_now",
    "restore_backup",
    "recovery_info",
    "recover_from_backup",
    "recover_with_blank_database",
    "paginate",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build configuration");
}
