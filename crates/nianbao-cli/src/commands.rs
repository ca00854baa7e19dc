//! One function per command, over the domain crates.

use std::{fs, io::Write, path::Path, process::ExitCode};

use anyhow::{Context, Result, bail};
use nianbao_check::{Finding, Severity};
use nianbao_report::{DocDate, Report, template};
use nianbao_store::{SnapshotReason, Store};

use crate::cli::{Cli, Command};

/// Runs one parsed command line; returns the exit status of a run without error (`check`
/// ends with 1 when it finds errors).
pub fn run(cli: Cli) -> Result<ExitCode> {
    // A broken template file must stop every command, not only the ones that create reports.
    template::load_builtin()?;
    let db = cli.db.as_deref();
    let done = |r: Result<()>| r.map(|()| ExitCode::SUCCESS);
    match cli.command {
        Command::New { issuer, year } => done(new(db, &issuer, year)),
        Command::Import { file } => done(import(db, &file)),
        Command::List { json } => done(list(&open_store(db)?, json)),
        Command::Show { id, json } => done(show(&open_store(db)?, id, json)),
        Command::Outline { id } => {
            print!("{}", open_store(db)?.load_report(id)?.outline_text());
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { id, out } => done(export(&mut open_store(db)?, id, &out)),
        Command::History { id } => done(history(&open_store(db)?, id)),
        Command::Pages { id, json } => {
            done(crate::pages::print(&open_store(db)?.load_report(id)?, json))
        }
        Command::Backup { out } => done(backup(&open_store(db)?, out.as_deref())),
        Command::Restore { file } => done(restore(&mut open_store(db)?, &file)),
        Command::Check { id, json, today } => check(
            &open_store(db)?,
            id,
            json,
            today.unwrap_or_else(nianbao_check::today),
        ),
        Command::Fix { id, punctuation } => {
            if !punctuation {
                bail!("say what to fix: --punctuation (the only kind of fix so far)");
            }
            done(fix_punctuation(&mut open_store(db)?, id))
        }
        Command::Figures {
            id,
            json,
            set,
            last,
        } => done(crate::figures::run(
            &mut open_store(db)?,
            id,
            json,
            &set,
            &last,
        )),
        Command::Review { id, confirm } => {
            crate::signoff::review(&mut open_store(db)?, id, confirm, nianbao_check::today())
        }
        Command::Status { id, status } => {
            done(crate::signoff::status(&mut open_store(db)?, id, status))
        }
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
    if has_extension(file, nianbao_bundle::EXTENSION) {
        let b = nianbao_bundle::read(file)?;
        let id = open_store(db)?.transfer_in(&b.report, b.manifest.status, &b.versions)?;
        println!("{id}");
        return Ok(());
    }
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

fn history(store: &Store, id: i64) -> Result<()> {
    store.load_report(id)?;
    for s in store.list_snapshots(id)? {
        let reason = serde_json::to_value(s.reason)?;
        let label = s.label.unwrap_or_default();
        println!(
            "{:>5}  {}  {:<14}  {:>6} chars  {label}",
            s.id,
            s.created_at,
            reason.as_str().unwrap_or_default(),
            s.chars
        );
    }
    Ok(())
}

/// Writes a copy of the whole database: to `out`, or stamped into `backups/` beside it.
fn backup(store: &Store, out: Option<&Path>) -> Result<()> {
    let dest = match out {
        Some(p) => p.to_path_buf(),
        None => store.new_backup_path("backup")?,
    };
    if dest.exists() {
        bail!("{} exists already; name a new file", dest.display());
    }
    store.backup_to(&dest)?;
    println!("{}", dest.display());
    Ok(())
}

/// Replaces the database with a backup; the state before is kept as a backup too.
fn restore(store: &mut Store, file: &Path) -> Result<()> {
    let safety = store
        .restore_from(file)
        .with_context(|| format!("cannot restore from {}", file.display()))?;
    eprintln!(
        "restored from {}; the state before is in {}",
        file.display(),
        safety.display()
    );
    Ok(())
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Exports as .docx or, by the file's extension, as PDF (the .docx converted by LibreOffice)
/// or as a .nianbao file.
fn export(store: &mut Store, id: i64, out: &Path) -> Result<()> {
    if has_extension(out, nianbao_bundle::EXTENSION) {
        // The .nianbao file moves the report; it is not a publication, so no history entry.
        let manifest = nianbao_bundle::export(store, id, out, env!("CARGO_PKG_VERSION"))?;
        eprintln!(
            "exported report {id} with {} to {}",
            plural(manifest.versions.len(), "named version"),
            out.display()
        );
        return Ok(());
    }
    let ext = out.extension().map(|e| e.to_ascii_lowercase());
    let pdf = match ext.as_ref().and_then(|e| e.to_str()) {
        Some("docx") => false,
        Some("pdf") => true,
        _ => bail!(
            "the output file must end in .docx, .pdf or .nianbao: {}",
            out.display()
        ),
    };
    let report = store.load_report(id)?;
    let warnings = if pdf {
        // Found before anything is built: a missing LibreOffice is the likeliest failure.
        let office = nianbao_pdf::Finder::system().find()?;
        nianbao_pdf::export_pdf(&report, out, &office)
    } else {
        nianbao_docx::write_docx(&report, out).map_err(Into::into)
    }
    .with_context(|| format!("cannot export report {id}"))?;
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    // The exported text stays in the report's history under the file's name.
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
    store.snapshot(id, SnapshotReason::Exported, name.as_deref())?;
    eprintln!("exported report {id} to {}", out.display());
    Ok(())
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// What `check --json` prints.
#[derive(serde::Serialize)]
struct CheckOutput<'a> {
    report: i64,
    today: DocDate,
    errors: usize,
    warnings: usize,
    hints: usize,
    findings: &'a [Finding],
}

/// One line per finding, then a summary; exit status 1 when there are errors.
fn check(store: &Store, id: i64, json: bool, today: DocDate) -> Result<ExitCode> {
    let report = store.load_report(id)?;
    let findings = nianbao_check::check(&report, today);
    let (errors, warnings, hints) = nianbao_check::count(&findings);
    let out = if json {
        let shape = CheckOutput {
            report: id,
            today,
            errors,
            warnings,
            hints,
            findings: &findings,
        };
        serde_json::to_string_pretty(&shape)? + "\n"
    } else {
        let mut out: String = findings.iter().map(|f| line(f) + "\n").collect();
        out.push_str(&format!(
            "report {id}: {}, {}, {}\n",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(hints, "hint")
        ));
        out
    };
    write_stdout(&out)?;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes to stdout; a reader that stops early (`| head`) is not an error.
pub(crate) fn write_stdout(s: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn line(f: &Finding) -> String {
    let severity = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "hint",
    };
    format!(
        "{severity:<7} {}: {} [{}]",
        f.location.describe_en(),
        f.message_en,
        f.rule.as_str()
    )
}

/// Load, fix, store: the fixes are written by one `replace_report` (one transaction, ids
/// kept).
fn fix_punctuation(store: &mut Store, id: i64) -> Result<()> {
    let mut report = store.load_report(id)?;
    let findings = nianbao_check::check(&report, nianbao_check::today());
    let (fixes, marks) = nianbao_check::punctuation_fixes(&findings);
    let changed = nianbao_check::apply_fixes(&mut report, &fixes);
    if changed == 0 {
        println!("no half-width punctuation to fix in report {id}");
        return Ok(());
    }
    // A bulk change: the state before it stays in the report's history.
    store.snapshot(id, SnapshotReason::BeforeChange, Some("fix --punctuation"))?;
    store
        .replace_report(id, &report)
        .with_context(|| format!("cannot save report {id}"))?;
    println!(
        "fixed {} in {} of report {id}",
        plural(marks, "punctuation mark"),
        plural(changed, "text")
    );
    Ok(())
}
