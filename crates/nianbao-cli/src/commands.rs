//! One function per command, over the domain crates.

use std::{fs, path::Path};

use anyhow::{Context, Result, bail};
use nianbao_report::{Report, template};
use nianbao_store::Store;

use crate::cli::{Cli, Command};

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    // A broken template file must stop every command, not only the ones that create reports.
    template::load_builtin()?;
    let db = cli.db.as_deref();
    match cli.command {
        Command::New { issuer, year } => new(db, &issuer, year),
        Command::Import { file } => import(db, &file),
        Command::List { json } => list(&open_store(db)?, json),
        Command::Show { id, json } => show(&open_store(db)?, id, json),
        Command::Outline { id } => {
            print!("{}", open_store(db)?.load_report(id)?.outline_text());
            Ok(())
        }
        Command::Export { id, out } => export(&open_store(db)?, id, &out),
    }
}

fn open_store(db: Option<&Path>) -> Result<Store> {
    let path = nianbao_store::resolve_db_path(db)?;
    tracing::info!(path = %path.display(), "opening database");
    Ok(Store::open(&path)?)
}

fn new(db: Option<&Path>, issuer: &str, year: u16) -> Result<()> {
    let report = Report::from_template(template::default_template(), issuer.trim(), year);
    report.validate()?;
    save_new(db, &report)
}

/// Stores a new report and prints its id, only once the transaction has committed.
fn save_new(db: Option<&Path>, report: &Report) -> Result<()> {
    println!("{}", open_store(db)?.create_report(report)?);
    Ok(())
}

fn import(db: Option<&Path>, file: &Path) -> Result<()> {
    // The file is read and understood before the database is opened: bad input never touches it.
    let report = if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        read_json(file)?
    } else {
        let imported = nianbao_import::import_file(file)?;
        for w in &imported.warnings {
            eprintln!("warning: {w}");
        }
        imported.report
    };
    save_new(db, &report)
}

/// A report in the JSON form `show --json` prints (ids, if any, are ignored).
fn read_json(file: &Path) -> Result<Report> {
    let size = fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    if size > nianbao_import::MAX_TEXT_BYTES {
        bail!(
            "{} is larger than the {} MB limit",
            file.display(),
            nianbao_import::MAX_TEXT_BYTES >> 20
        );
    }
    let bytes = fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let report: Report = serde_json::from_slice(&bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not a report in Nianbao's JSON form: {e}",
            file.display()
        )
    })?;
    report
        .validate()
        .with_context(|| format!("{} holds an unusable report", file.display()))?;
    Ok(report)
}

fn list(store: &Store, json: bool) -> Result<()> {
    let reports = store.list_reports()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
        return Ok(());
    }
    for r in reports {
        println!(
            "{:>5}  {}  {}  {}",
            r.id,
            r.year,
            r.updated_at,
            r.title.replace('\n', "")
        );
    }
    Ok(())
}

fn show(store: &Store, id: i64, json: bool) -> Result<()> {
    let report = store.load_report(id)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for p in report.printed_paragraphs() {
            println!("{p}");
        }
    }
    Ok(())
}

fn export(store: &Store, id: i64, out: &Path) -> Result<()> {
    if !out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    {
        bail!("the output file must end in .docx: {}", out.display());
    }
    let report = store.load_report(id)?;
    let warnings = nianbao_docx::write_docx(&report, out)
        .with_context(|| format!("cannot export report {id}"))?;
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    eprintln!("exported report {id} to {}", out.display());
    Ok(())
}
