//! `kill -9` of an import at any instant leaves the database intact, with every printed id in it.

mod common;

use std::{
    io::Read,
    process::Stdio,
    time::{Duration, Instant},
};

use common::{Cli, sample_path};

#[test]
fn killed_imports_never_lose_a_printed_id_or_corrupt_the_database() {
    let cli = Cli::new();
    cli.import(&sample_path()); // the schema exists before the first kill
    let mut printed = Vec::new();
    let mut seed = 0x9E37_79B9u32;
    for _ in 0..40 {
        let mut child = cli
            .command()
            .args(["import", sample_path().to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A spread of instants from start-up to after commit.
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let delay = Duration::from_micros(u64::from(seed % 40_000));
        let started = Instant::now();
        while started.elapsed() < delay && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.kill(); // SIGKILL on Unix
        child.wait().unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        if let Some(id) = out.lines().next().filter(|l| !l.is_empty()) {
            printed.push(id.trim().to_string());
        }
    }
    let list: serde_json::Value = serde_json::from_str(&cli.ok(&["list", "--json"])).unwrap();
    let ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].to_string())
        .collect();
    for id in &printed {
        assert!(ids.contains(id), "printed id {id} is missing");
        assert!(
            cli.ok(&["outline", id]).lines().count() > 10,
            "report {id} is incomplete"
        );
    }
    // Every stored report is whole: a killed import left nothing half-inserted.
    for id in &ids {
        assert_eq!(
            cli.ok(&["outline", id]).lines().count(),
            cli.ok(&["outline", &ids[0]]).lines().count()
        );
    }
    eprintln!(
        "{} of 40 imports printed an id before the kill",
        printed.len()
    );
}
