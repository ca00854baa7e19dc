//! The window's engine: the report as stored with the typing not stored yet, and the
//! paginator that lays it out again after each change, answering with the pages that changed.

use nianbao_layout::{LayoutDelta, Paginator};
use nianbao_report::{Report, TextEdit, figures};
use serde::Deserialize;

/// What `load` takes: the report as the store holds it and the typing not stored yet.
#[derive(Debug, Deserialize)]
pub struct Loaded {
    /// The stored report (`load_report`).
    pub report: Report,
    /// The window's unsaved text, laid over `report`.
    #[serde(default)]
    pub edits: Vec<TextEdit>,
}

/// One open report and its paginator.
#[derive(Debug, Default)]
pub struct Engine {
    /// The report as the window holds it, and the same as it prints (placeholders resolved).
    report: Option<(Report, Report)>,
    paginator: Paginator,
}

impl Engine {
    /// Takes the report afresh (opened, saved, restructured, figures changed) and lays it out;
    /// `base` is the revision the window holds, if any.
    pub fn load(&mut self, loaded: Loaded, base: Option<u64>) -> LayoutDelta {
        let mut report = loaded.report;
        for edit in &loaded.edits {
            // A block removed meanwhile: its unsaved text has nowhere to go and is not shown.
            report.apply_text(edit);
        }
        let printed = report.resolved();
        let delta = self.paginator.update_delta(&printed, base);
        self.report = Some((report, printed));
        delta
    }

    /// One block's text changed: the pages that differ from revision `base`. `None` before
    /// a report was loaded, or when no block has the edit's id (the caller loads afresh).
    pub fn edit(&mut self, edit: &TextEdit, base: Option<u64>) -> Option<LayoutDelta> {
        let (report, printed) = self.report.as_mut()?;
        if !report.apply_text(edit) {
            return None;
        }
        // A block prints from its own text and the figures alone: only the edited one is
        // resolved again, not a copy of the whole report on every keystroke.
        let print = |text: &str| figures::render(text, &report.figures);
        printed.apply_text(&TextEdit {
            block_id: edit.block_id,
            text: print(&edit.text),
            body: print(&edit.body),
        });
        Some(self.paginator.update_delta(printed, base))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_layout::paginate;
    use nianbao_report::synthetic;

    /// The synthetic report with ids, as the store gives them.
    fn stored(pages: usize) -> Report {
        fn number(blocks: &mut [nianbao_report::Block], next: &mut i64) {
            for block in blocks {
                *next += 1;
                match block {
                    nianbao_report::Block::Paragraph(p) => p.id = Some(*next),
                    nianbao_report::Block::Heading(h) => {
                        h.id = Some(*next);
                        number(&mut h.children, next);
                    }
                }
            }
        }
        let mut report = synthetic::report(pages);
        let mut next = 0;
        for part in &mut report.parts {
            next += 1;
            part.id = Some(next);
            number(&mut part.blocks, &mut next);
        }
        report
    }

    /// What one block prints on the pages of `delta`.
    fn block_text(delta: &LayoutDelta, block: i64) -> String {
        (delta.pages.iter().flat_map(|p| &p.lines))
            .filter(|l| l.block == Some(block))
            .flat_map(|l| l.spans.iter().map(|s| s.text.as_str()))
            .collect()
    }

    fn loaded(report: &Report) -> Loaded {
        Loaded {
            report: report.clone(),
            edits: vec![],
        }
    }

    fn first_paragraph(report: &Report) -> (i64, String) {
        fn find(blocks: &[nianbao_report::Block]) -> Option<(i64, String)> {
            blocks.iter().find_map(|b| match b {
                nianbao_report::Block::Paragraph(p) => Some((p.id?, p.text.clone())),
                nianbao_report::Block::Heading(h) => find(&h.children),
            })
        }
        report
            .parts
            .iter()
            .find_map(|p| find(&p.blocks))
            .expect("a paragraph with an id")
    }

    #[test]
    fn a_load_lays_out_every_page_as_the_engine_does() {
        let report = stored(8);
        let mut engine = Engine::default();
        let delta = engine.load(loaded(&report), None);
        let whole = paginate(&report.resolved());
        assert_eq!(delta.base, None);
        assert_eq!(delta.pages, whole.pages);
        assert_eq!(delta.page_count as usize, whole.pages.len());
    }

    #[test]
    fn an_edit_answers_with_the_changed_pages_only() {
        let report = stored(8);
        let mut engine = Engine::default();
        let first = engine.load(loaded(&report), None);
        let (id, text) = first_paragraph(&report);
        let longer = format!("{text}{}", "依法行政".repeat(20));
        let edit = TextEdit {
            block_id: id,
            text: longer.clone(),
            body: String::new(),
        };
        let delta = engine
            .edit(&edit, Some(first.revision))
            .expect("a known block");
        assert_eq!(delta.base, Some(first.revision));
        assert!(delta.revision > first.revision);
        assert!(!delta.pages.is_empty() && delta.pages.len() < delta.page_count as usize);

        let mut edited = report.clone();
        assert!(edited.apply_text(&edit));
        let whole = paginate(&edited.resolved());
        for page in &delta.pages {
            assert_eq!(page, &whole.pages[page.number as usize - 1]);
        }
    }

    #[test]
    fn an_edit_prints_its_placeholders_as_the_whole_report_does() {
        let mut report = stored(4);
        let figure = report.figures.first_mut().expect("the template's figures");
        figure.value = Some("12".into());
        let token = format!("{{{{数据：{}|本年}}}}", figure.key);
        let printed = format!("共12{}。", figure.unit);
        let mut engine = Engine::default();
        let first = engine.load(loaded(&report), None);
        let (id, text) = first_paragraph(&report);
        let edit = TextEdit {
            block_id: id,
            text: format!("{text}共{token}。"),
            body: String::new(),
        };
        let delta = engine
            .edit(&edit, Some(first.revision))
            .expect("a known block");

        let mut edited = report.clone();
        assert!(edited.apply_text(&edit));
        let whole = paginate(&edited.resolved());
        assert!(!delta.pages.is_empty());
        for page in &delta.pages {
            assert_eq!(page, &whole.pages[page.number as usize - 1]);
        }
        let shown = block_text(&delta, id);
        assert!(shown.ends_with(&printed), "{shown}");
    }

    #[test]
    fn unsaved_text_sent_with_a_load_is_laid_out() {
        let report = stored(3);
        let (id, _) = first_paragraph(&report);
        let edit = TextEdit {
            block_id: id,
            text: "未保存的文字。".into(),
            body: String::new(),
        };
        let mut engine = Engine::default();
        let delta = engine.load(
            Loaded {
                report,
                edits: vec![edit],
            },
            None,
        );
        assert_eq!(block_text(&delta, id), "未保存的文字。");
    }

    #[test]
    fn an_edit_before_a_load_or_to_a_removed_block_asks_for_a_load() {
        let edit = TextEdit {
            block_id: 1,
            text: "字".into(),
            body: String::new(),
        };
        let mut engine = Engine::default();
        assert!(engine.edit(&edit, None).is_none());
        engine.load(loaded(&stored(2)), None);
        let gone = TextEdit {
            block_id: i64::MAX,
            ..edit
        };
        assert!(engine.edit(&gone, None).is_none());
    }
}
