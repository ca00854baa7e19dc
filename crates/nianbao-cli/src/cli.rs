//! The command line's shape.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use nianbao_report::DocDate;

/// Nianbao (年报): draft the annual report on rule-of-law government construction and export it
/// as a GB/T 9704 Word file.
#[derive(Debug, Parser)]
#[command(name = "nianbao", version, about)]
pub struct Cli {
    /// Database file (default: $NIANBAO_DB, else nianbao.db in the OS data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty report from the template; prints its id.
    New {
        /// 机关全称: full name of the issuing organ.
        #[arg(long)]
        issuer: String,
        /// 年度: the year reported on.
        #[arg(long)]
        year: u16,
    },
    /// Import a report from Word (.docx), text (.txt: UTF-8, UTF-16 or GB18030/GBK), JSON
    /// (as `show --json` prints it) or a .nianbao file (with its status and named versions);
    /// prints its new id.
    Import {
        /// The file to import.
        file: PathBuf,
    },
    /// List the reports.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show a report: its printed text, or the structured report with --json.
    Show {
        /// The report's id.
        id: i64,
        /// Print the structured report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the title and every heading with its number (a table of contents).
    Outline {
        /// The report's id.
        id: i64,
    },
    /// Check a report: punctuation, paired marks, headings, statutory parts, title and dates,
    /// figures against their counts, deadlines. Exit status 1 when there are errors.
    Check {
        /// The report's id.
        id: i64,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
        /// Count the deadlines from this day instead of today (China Standard Time).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<DocDate>,
    },
    /// Apply the safe fixes of `check` to a report, in one transaction; prints how many.
    Fix {
        /// The report's id.
        id: i64,
        /// Half-width , : ; ( ) ? ! and ASCII quotes in Chinese text → full-width (required:
        /// the only kind of fix so far).
        #[arg(long)]
        punctuation: bool,
    },
    /// Print the report's pages as they will print: each page's number, line count, first
    /// and last characters, then the layout warnings (or the whole layout with --json).
    Pages {
        /// The report's id.
        id: i64,
        /// Print the layout (pages, lines, spans, warnings) as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List a report's saved versions (历史版本), newest first.
    History {
        /// The report's id.
        id: i64,
    },
    /// Copy the whole database (SQLite's online backup) to FILE, or into backups/ beside it;
    /// prints the copy's path.
    Backup {
        /// Where to write the copy (must not exist yet).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the whole database with a backup; the state before is backed up first.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
    /// Export a report as a GB/T 9704 Word file, or as PDF (needs LibreOffice).
    Export {
        /// The report's id.
        id: i64,
        /// Where to write the file: .docx for Word, .pdf for PDF, .nianbao to move the report
        /// (with its status and named versions) to another computer.
        #[arg(long, value_name = "FILE.docx|FILE.pdf|FILE.nianbao")]
        out: PathBuf,
    },
    /// List a report's figures (数据项): this year's and last year's value and the change; or
    /// set values first (every value is checked before any is stored).
    Figures {
        /// The report's id.
        id: i64,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
        /// Set this year's value of a figure, named by key or by name (repeatable); `KEY=` clears it.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// Set last year's value of a figure, named by key or by name (repeatable); `KEY=` clears it.
        #[arg(long = "last", value_name = "KEY=VALUE")]
        last: Vec<String>,
    },
    /// Show where the secrecy review (保密审查) stands, with what it confirms; exit status 1
    /// while it does not hold for the text as it is.
    Review {
        /// The report's id.
        id: i64,
        /// Record the review, dated today: no state secrets, no personal information, no
        /// internal-only figures.
        #[arg(long)]
        confirm: bool,
    },
    /// Print a report's status (draft or final), or set it; final (定稿) needs the secrecy
    /// review of the text as it is.
    Status {
        /// The report's id.
        id: i64,
        /// `draft` (草稿) or `final` (定稿).
        status: Option<nianbao_store::Status>,
    },
}
