//! `nianbao pages`: the report's printed pages as the preview lays them out.

use std::io::{ErrorKind, Write};

use anyhow::Result;
use nianbao_layout::{Layout, SpanStyle, paginate};
use nianbao_report::Report;

/// Prints each page's number, line count, first and last ten characters, then the layout
/// warnings; or the whole layout as JSON.
pub fn print(report: &Report, json: bool) -> Result<()> {
    let layout = paginate(report);
    let text = if json {
        serde_json::to_string_pretty(&layout)? + "\n"
    } else {
        summary(&layout)
    };
    // A reader that stops early (`| head`) is not an error.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn summary(layout: &Layout) -> String {
    let mut out = String::new();
    for page in &layout.pages {
        let lines: Vec<_> = (page.lines.iter())
            .filter(|l| !l.has(&[SpanStyle::PageNumber]))
            .collect();
        let text: Vec<char> = lines
            .iter()
            .flat_map(|l| l.text().chars().collect::<Vec<_>>())
            .collect();
        let text: Vec<char> = text.into_iter().filter(|c| !c.is_whitespace()).collect();
        let head: String = text.iter().take(10).collect();
        let tail: String = text[text.len().saturating_sub(10)..].iter().collect();
        out.push_str(&format!(
            "page {:>3}  {:>2} lines  {head} … {tail}\n",
            page.number,
            lines.len()
        ));
    }
    let n = layout.pages.len();
    out.push_str(&format!("{n} page{}\n", if n == 1 { "" } else { "s" }));
    for w in &layout.warnings {
        out.push_str(&format!("warning: {}\n", w.message_en));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_report::{Block, Paragraph, template};

    #[test]
    fn summary_shows_each_page_and_the_warnings() {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.parts.truncate(1);
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new("依法行政".repeat(7 * 17)))];
        let s = summary(&paginate(&r));
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(
            lines[0],
            "page   1  22 lines  某镇人民政府2023 … 行政依法行政依法行政"
        );
        // The paragraph ends on row 21: the blank line and the 署名 make page 2.
        assert_eq!(lines[1], "page   2   2 lines  某镇人民政府 … 某镇人民政府");
        assert_eq!(lines[2], "2 pages");
        assert!(
            lines[3].starts_with("warning: page 2: the signature"),
            "{s}"
        );
    }
}
