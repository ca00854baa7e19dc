//! `nianbao figures`: a report's figures (数据项) with both years' values and the change, and
//! setting values. Every value is read before any is stored, so a bad one changes nothing.

use anyhow::{Result, anyhow, bail};
use nianbao_report::figures::{Figure, Form, Token, parse_value, render};
use nianbao_store::{FigureYear, Store};
use serde::Serialize;

/// One figure as `figures --json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    figure: &'a Figure,
    /// This year minus last year as the text prints it (`减少9件`, `提高5个百分点`, `持平`).
    difference: Option<String>,
    /// The change in per cent as the text prints it (`降低60%`); `None` for a rate.
    change: Option<String>,
}

/// What a placeholder of `form` quoting figure `f` prints, when both values are filled in.
fn quoted(f: &Figure, form: Form, all: &[Figure]) -> Option<String> {
    (f.this_year().is_some() && f.last_year().is_some())
        .then(|| render(&Token::quote(&f.key, form), all))
        .filter(|s| !s.starts_with('〔'))
}

fn rows(figures: &[Figure]) -> Vec<Row<'_>> {
    figures
        .iter()
        .map(|f| Row {
            figure: f,
            difference: quoted(f, Form::Difference, figures),
            change: if f.is_rate() {
                None
            } else {
                quoted(f, Form::Change, figures)
            },
        })
        .collect()
}

/// Sets the values given (this year's with `--set`, last year's with `--last`), then lists
/// the figures.
pub fn run(store: &mut Store, id: i64, json: bool, set: &[String], last: &[String]) -> Result<()> {
    let figures = store.figures(id)?;
    let mut changes = Vec::new();
    let given = set
        .iter()
        .map(|a| (a, FigureYear::This, "--set"))
        .chain(last.iter().map(|a| (a, FigureYear::Last, "--last")));
    for (arg, year, flag) in given {
        let Some((key, value)) = arg.split_once('=') else {
            bail!("{flag} {arg:?}: write KEY=VALUE, e.g. {flag} reconsideration_cases=15");
        };
        let (key, value) = (key.trim(), value.trim());
        // The drafter may name a figure as the report does (行政复议案件数) or by its key.
        let figure = figures
            .iter()
            .find(|f| f.key == key)
            .or_else(|| figures.iter().find(|f| f.name == key))
            .ok_or_else(|| {
                anyhow!(
                    "report {id} has no figure with the key or name {key:?} (`nianbao figures {id}` lists them)"
                )
            })?;
        let key = figure.key.as_str();
        if !value.is_empty() {
            parse_value(value, &figure.unit).map_err(|e| anyhow!("{flag} {key}: {e}"))?;
        }
        changes.push((key, year, value));
    }
    for (key, year, value) in changes {
        // An empty value clears it.
        store.set_figure_value(id, key, year, Some(value).filter(|v| !v.is_empty()))?;
    }
    let figures = store.figures(id)?;
    let out = if json {
        serde_json::to_string_pretty(&rows(&figures))? + "\n"
    } else {
        rows(&figures)
            .into_iter()
            .map(|row| line(&row) + "\n")
            .collect()
    };
    crate::commands::write_stdout(&out)
}

/// `key  this 15件  last 11件  行政复议案件数  增加4件，增长36.36%` (values `—` while empty).
fn line(row: &Row<'_>) -> String {
    let f = row.figure;
    let value = |v: &Option<String>| v.as_deref().map_or("—".to_string(), |v| f.with_unit(v));
    let change: Vec<&str> = [&row.difference, &row.change]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let mut s = format!(
        "{:<24} this {:<10} last {:<10} {}",
        f.key,
        value(&f.value),
        value(&f.last_value),
        f.name
    );
    if !change.is_empty() {
        s.push_str("  ");
        s.push_str(&change.join("，"));
    }
    s
}
