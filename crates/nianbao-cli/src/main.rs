//! `nianbao`: the command-line face of Nianbao. English messages; exit status 0 on success and
//! 1 on a user error, with one clear line on stderr. `check` also ends with 1 when the report
//! has findings of severity error (错误), after printing them on stdout.

mod cli;
mod commands;
mod figures;
mod pages;
mod signoff;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("NIANBAO_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .without_time()
        .init();
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            print!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let rendered = e.to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            eprintln!("{first} (see `nianbao --help`)");
            return ExitCode::from(1);
        }
    };
    match commands::run(args) {
        Ok(code) => code,
        Err(e) => {
            // One line: the error and its causes, joined.
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}
