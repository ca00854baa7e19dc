//! Puts the broken lines on pages, and keeps what it can between edits: line breaks per
//! paragraph (keyed by text and shape) and the pages before the first changed paragraph.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use nianbao_report::Report;

use crate::blocks::{self, Para, Shape, cell_of};
use crate::breaking::{BrokenLine, break_lines};
use crate::geometry::{self as g, LINE_PITCH, TEXT_HEIGHT};
use crate::model::{Align, ImprintPlace, Layout, LayoutDelta, Line, Page, Span, SpanStyle};
use crate::warnings::warnings;

/// Lays out a report once. For a report edited again and again, keep a [`Paginator`].
pub fn paginate(report: &Report) -> Layout {
    Paginator::new().update(report).clone()
}

/// Where the 版记 of `report` stands on its page; `None` when it has none.
pub fn imprint_place(report: &Report) -> Option<ImprintPlace> {
    let mut paginator = Paginator::new();
    paginator.update(report);
    paginator.imprint()
}

/// An incremental paginator: after an edit, only the edited paragraphs are broken into lines
/// again, and only the pages from the first one that changed are rebuilt.
#[derive(Debug, Default)]
pub struct Paginator {
    /// Line breaks by paragraph shape, with the update that last used them.
    cache: HashMap<Shape, (Arc<[BrokenLine]>, u64)>,
    generation: u64,
    /// The paragraphs of the last update, with their lines.
    paras: Vec<(Para, Arc<[BrokenLine]>)>,
    /// Page of each paragraph's first line (index into `layout.pages`).
    first_page: Vec<usize>,
    /// Where each page starts: (paragraph, line of it).
    page_starts: Vec<(usize, usize)>,
    layout: Layout,
    stats: UpdateStats,
    /// Revision of `layout`; 0 before the first update.
    revision: u64,
    /// Indices of the pages the last update changed or added, in order.
    changed_pages: Vec<usize>,
    /// Where the 版记 of the last update stands, if the report has one.
    imprint: Option<ImprintPlace>,
}

/// Revisions are unique in the process, so a revision of one paginator is never taken for
/// one of another (a report closed and opened again, another window).
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

/// What the last [`Paginator::update`] had to redo, for tests and benches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpdateStats {
    /// Paragraphs broken into lines anew (not found in the cache).
    pub rebroken: usize,
    /// Number of the first page rebuilt; `None` when nothing changed.
    pub first_rebuilt_page: Option<u32>,
}

impl Paginator {
    /// A paginator with nothing laid out yet.
    pub fn new() -> Self {
        Paginator::default()
    }

    /// The layout of the last update.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Where the 版记 of the last update stands; `None` when the report has none.
    pub fn imprint(&self) -> Option<ImprintPlace> {
        self.imprint
    }

    /// What the last update redid.
    pub fn stats(&self) -> UpdateStats {
        self.stats
    }

    /// The revision of the current layout: it changes with every update that rebuilt pages,
    /// and is never 0 once a report was laid out.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Lays out `report` like [`update`](Self::update) and says what changed: when `base` is
    /// the revision before this call, only the pages that differ from it (with the page count,
    /// so pages past the end are gone); otherwise, a caller that holds another layout or none,
    /// every page.
    pub fn update_delta(&mut self, report: &Report, base: Option<u64>) -> LayoutDelta {
        let before = self.revision;
        self.update(report);
        let pages = if base.is_some_and(|b| b == before && b != 0) {
            (self.changed_pages.iter())
                .map(|&i| self.layout.pages[i].clone())
                .collect()
        } else {
            self.layout.pages.clone()
        };
        LayoutDelta {
            revision: self.revision,
            base: base.filter(|&b| b == before && b != 0),
            page_count: self.layout.pages.len() as u32,
            pages,
            warnings: self.layout.warnings.clone(),
        }
    }

    /// Lays out `report`, reusing what did not change since the last call.
    pub fn update(&mut self, report: &Report) -> &Layout {
        self.generation += 1;
        let mut rebroken = 0;
        let paras: Vec<(Para, Arc<[BrokenLine]>)> = blocks::paragraphs(report)
            .into_iter()
            .map(|para| {
                let lines = match self.cache.get_mut(&para.shape) {
                    Some((lines, used)) => {
                        *used = self.generation;
                        lines.clone()
                    }
                    None => {
                        rebroken += 1;
                        let lines: Arc<[BrokenLine]> = break_lines(&para.shape).into();
                        self.cache
                            .insert(para.shape.clone(), (lines.clone(), self.generation));
                        lines
                    }
                };
                (para, lines)
            })
            .collect();
        if !paras.iter().any(|(para, _)| para.foot.is_some()) {
            self.imprint = None;
        }
        let generation = self.generation;
        self.cache.retain(|_, (_, used)| *used == generation);

        let changed = (self.paras.iter().zip(&paras))
            .position(|(old, new)| old.0 != new.0)
            .unwrap_or(self.paras.len().min(paras.len()));
        let unchanged = changed == paras.len() && paras.len() == self.paras.len();
        self.stats = UpdateStats {
            rebroken,
            first_rebuilt_page: None,
        };
        self.changed_pages.clear();
        if unchanged && !self.layout.pages.is_empty() {
            return &self.layout;
        }
        // Rebuild from the page where the first changed paragraph started (or the last page
        // when paragraphs were only added at the end).
        let from_page = self
            .first_page
            .get(changed)
            .or(self.first_page.last())
            .copied()
            .unwrap_or(0);
        let start = self.page_starts.get(from_page).copied().unwrap_or((0, 0));
        self.paras = paras;
        let old = self
            .layout
            .pages
            .split_off(from_page.min(self.layout.pages.len()));
        self.page_starts.truncate(from_page);
        // A page that starts inside a paragraph keeps that paragraph's first page.
        self.first_page.truncate(start.0 + usize::from(start.1 > 0));
        self.place_from(start);
        // Most rebuilt pages come out as they were (an edit that keeps its line count moves
        // nothing after its own page): only those that differ are reported.
        self.changed_pages = (from_page..self.layout.pages.len())
            .filter(|&i| old.get(i - from_page) != Some(&self.layout.pages[i]))
            .collect();
        self.stats.first_rebuilt_page = Some(from_page as u32 + 1);
        self.layout.warnings = warnings(&self.layout);
        self.revision = NEXT_REVISION.fetch_add(1, Ordering::Relaxed);
        &self.layout
    }

    /// Places the paragraphs from `start` on fresh pages after the kept ones.
    fn place_from(&mut self, (first_para, first_line): (usize, usize)) {
        let mut y = 0;
        let mut page: Vec<Line> = Vec::new();
        self.page_starts.push((first_para, first_line));
        for p in first_para..self.paras.len() {
            let (para, lines) = &self.paras[p];
            let skip = if p == first_para { first_line } else { 0 };
            if let Some(clearance) = para.foot.filter(|_| skip == 0) {
                // 7.4: the 版记 ends on the last grid line, at least one empty line below the
                // sign-off (two below a seal); else at the foot of the next page.
                let height: i32 = (self.paras[p..].iter())
                    .map(|(para, lines)| {
                        para.shape.line_height * lines.len() as i32 + para.shape.after
                    })
                    .sum();
                let new_page = page.is_empty() || y + clearance + height > g::IMPRINT_BOTTOM;
                if new_page && !page.is_empty() {
                    finish_page(&mut self.layout, std::mem::take(&mut page));
                    self.page_starts.push((p, 0));
                    y = 0;
                }
                let top = (g::IMPRINT_BOTTOM - height).max(y);
                self.imprint = Some(ImprintPlace {
                    page: self.layout.pages.len() as u32 + 1,
                    new_page,
                    space: top - y,
                    height,
                });
                y = top;
            }
            if skip == 0 {
                self.first_page.push(self.layout.pages.len());
            }
            let shape = &para.shape;
            for (k, broken) in lines.iter().enumerate().skip(skip) {
                let mut height = shape.line_height;
                if k + 1 == lines.len() {
                    height += shape.after;
                }
                // The first line of a page always stays, however tall.
                if y + shape.line_height > TEXT_HEIGHT && !page.is_empty() {
                    finish_page(&mut self.layout, std::mem::take(&mut page));
                    self.page_starts.push((p, k));
                    y = 0;
                }
                page.push(line(para, broken, y, k + 1 == lines.len()));
                y += height;
            }
        }
        finish_page(&mut self.layout, page);
    }
}

/// Closes a page: its number below the 版心.
fn finish_page(layout: &mut Layout, mut lines: Vec<Line>) {
    let number = layout.pages.len() as u32 + 1;
    lines.push(page_number(number));
    layout.pages.push(Page { number, lines });
}

fn line(para: &Para, broken: &BrokenLine, y: i32, last: bool) -> Line {
    let shape = &para.shape;
    let cell = cell_of(shape) as f32;
    let indent = match shape.align {
        Align::Right => shape.right as f32 / cell,
        Align::Center => 0.0,
        Align::Left | Align::Justify => broken.left as f32 / cell,
    };
    Line {
        row: y as f32 / LINE_PITCH as f32,
        height: shape.line_height as f32 / LINE_PITCH as f32,
        indent,
        align: shape.align,
        spans: broken.spans.clone(),
        block: para.block,
        last_of_paragraph: last,
    }
}

/// 7.5: `— N —` below the 版心, odd pages right and even pages left, one 4号 字 in.
fn page_number(number: u32) -> Line {
    let dash = "\u{2014}";
    Line {
        row: (TEXT_HEIGHT + g::PAGE_NUMBER_DROP) as f32 / LINE_PITCH as f32,
        height: (g::PAGE_NUMBER_SIZE as f32 * 10.0) / LINE_PITCH as f32,
        indent: 1.0,
        align: if number % 2 == 1 {
            Align::Right
        } else {
            Align::Left
        },
        spans: vec![Span {
            text: format!("{dash} {number} {dash}"),
            style: SpanStyle::PageNumber,
        }],
        block: None,
        last_of_paragraph: true,
    }
}
