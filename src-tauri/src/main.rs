//! Nianbao's desktop app: a window over the domain crates. Everything of substance lives in
//! `crates/`; this binary wires commands, state and the window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod history_ipc;
mod ipc;
mod recovery;
mod state;

#[cfg(test)]
mod bindings;

use std::path::PathBuf;

use tauri::Manager;

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("NIANBAO_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let db = db_argument(std::env::args().skip(1));
    let state = state::AppState::open(db.as_deref());

    let mut builder = tauri::Builder::default();
    if session_bus_available() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }));
    } else {
        // The plugin needs the D-Bus session bus on Linux; the database lock still keeps a
        // second instance from writing.
        tracing::info!(
            "no D-Bus session bus: a second launch is stopped by the database lock only"
        );
    }
    let result = builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("the window could not start: {e}");
        std::process::exit(1);
    }
}

/// `--db PATH` or `--db=PATH` from the command line.
fn db_argument(mut args: impl Iterator<Item = String>) -> Option<PathBuf> {
    while let Some(a) = args.next() {
        if a == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix("--db=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

fn session_bus_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    match std::env::var("DBUS_SESSION_BUS_ADDRESS") {
        Ok(addr) => addr
            .split(';')
            .filter_map(|a| a.strip_prefix("unix:path="))
            .all(|p| std::path::Path::new(p.split(',').next().unwrap_or(p)).exists()),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::db_argument;

    #[test]
    fn reads_db_argument_in_both_forms() {
        let args = |v: &[&str]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            db_argument(args(&["--db", "/tmp/a.db"])),
            Some("/tmp/a.db".into())
        );
        assert_eq!(
            db_argument(args(&["x", "--db=/tmp/b.db"])),
            Some("/tmp/b.db".into())
        );
        assert_eq!(db_argument(args(&["--verbose"])), None);
    }
}
