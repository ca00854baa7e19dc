//! Prints `nianbao_report::synthetic::report(N)` as JSON for `nianbao import` (the conformance
//! test lays out the same report with LibreOffice and with this crate).
//!
//! `cargo run -p nianbao-layout --example synthetic -- 30 > report.json`

fn main() {
    let pages = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(30);
    let report = nianbao_report::synthetic::report(pages);
    println!(
        "{}",
        serde_json::to_string_pretty(&report).expect("a report serialises")
    );
}
