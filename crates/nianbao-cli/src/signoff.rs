//! `nianbao review` (the 保密审查) and `nianbao status` (草稿/定稿): what stands between a
//! draft and the final report.

use std::process::ExitCode;

use anyhow::{Context, Result};
use nianbao_report::{DocDate, ReviewState};
use nianbao_store::{Status, Store};

/// What the drafter confirms by `review --confirm`.
const CONFIRMS: [&str; 3] = [
    "it holds no state secrets (不涉及国家秘密)",
    "it holds no personal information (不含个人信息)",
    "it holds no internal-only figures (不含内部数据)",
];

/// Records the review (`confirm`), or shows where it stands and what `--confirm` records;
/// exit status 1 while the review does not hold for the text as it is.
pub fn review(store: &mut Store, id: i64, confirm: bool, today: DocDate) -> Result<ExitCode> {
    if confirm {
        let r = store.record_review(id, today)?;
        println!(
            "recorded the secrecy review (保密审查) of report {id} on {}: {}",
            r.date,
            CONFIRMS.join("; ")
        );
        return Ok(ExitCode::SUCCESS);
    }
    let report = store.load_report(id)?;
    let date = report.review.as_ref().map(|r| r.date.to_string());
    let mut out = match (report.review_state(), date) {
        (ReviewState::Current, Some(date)) => {
            println!(
                "report {id}: the secrecy review (保密审查) of {date} holds for the text as it is"
            );
            return Ok(ExitCode::SUCCESS);
        }
        (ReviewState::Stale, Some(date)) => format!(
            "report {id}: the text changed after the secrecy review (保密审查) of {date}; it must be recorded again\n"
        ),
        _ => format!("report {id}: the secrecy review (保密审查) is not recorded\n"),
    };
    out.push_str(&format!(
        "`nianbao review {id} --confirm` records, dated today, that the report as it prints now:\n"
    ));
    for c in CONFIRMS {
        out.push_str(&format!("  - {c}\n"));
    }
    crate::commands::write_stdout(&out)?;
    Ok(ExitCode::from(1))
}

/// Prints the status, or sets it; 定稿 is refused (by the store) unless the review holds, and
/// the planned items still not linked are shown once it is set.
pub fn status(store: &mut Store, id: i64, status: Option<Status>) -> Result<()> {
    let Some(status) = status else {
        let report = store
            .list_reports()?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or(nianbao_store::StoreError::NotFound(
                nianbao_store::Missing::Report(id),
            ))?;
        println!("{}", report.status);
        return Ok(());
    };
    // Read before the change, shown after it: a refusal stays one line.
    let unlinked: Vec<String> = if status == Status::Final {
        nianbao_check::check(&store.load_report(id)?, nianbao_check::today())
            .into_iter()
            .filter(|f| f.rule == nianbao_check::Rule::PlanUnlinked)
            .map(|f| f.message_en)
            .collect()
    } else {
        Vec::new()
    };
    store
        .set_status(id, status)
        .with_context(|| format!("cannot mark report {id} {status}"))?;
    for message in unlinked {
        eprintln!("warning: {message}");
    }
    println!("report {id} is now {status} ({})", status.label());
    Ok(())
}
