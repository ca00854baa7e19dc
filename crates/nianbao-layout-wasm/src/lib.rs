//! `nianbao-layout` for the window: built for `wasm32-unknown-unknown`
//! (`scripts/build-wasm.sh`), the 版面预览 runs the same engine as the export's page count and
//! the conformance tests, with no IPC between a keystroke and its repainted page.
//!
//! [`Engine`] holds the report and its paginator; [`abi`] exposes it to JavaScript as plain
//! functions over JSON in the module's memory (no bindings generator: four calls).

pub mod abi;
mod engine;

pub use engine::{Engine, Loaded};
