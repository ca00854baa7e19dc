//! The pagination engine of 版面预览: lays out a [`Report`](nianbao_report::Report) as the
//! GB/T 9704 A4 pages of its exported .docx, line for line as LibreOffice prints it.
//!
//! The shape of the result, stable for the app:
//!
//! - [`Layout`] `{ pages, warnings }`;
//! - [`Page`] `{ number, lines }`, the page number's own line (`— N —`) last;
//! - [`Line`] `{ row, height, indent, align, spans, block, last_of_paragraph }`: `row` is the
//!   top of the line in grid lines (28.95 pt) from the top of the 版心, so body lines sit on
//!   rows 0–21; `indent` is in cells (字) from the edge the line is aligned to; `block` is the
//!   stored block's id for click-to-jump;
//! - [`Span`] `{ text, style }` with a [`SpanStyle`] (Title, Body, Heading1–4, RunIn, …);
//! - [`LayoutWarning`] `{ kind, page, message_zh, message_en }`.
//!
//! [`paginate`] lays out once; a [`Paginator`] kept across edits re-breaks only the edited
//! paragraphs and rebuilds only the pages from the first changed one;
//! [`Paginator::update_delta`] returns only the pages that differ ([`LayoutDelta`]), for a
//! view that keeps the rest.
//!
//! The writer's paragraphs are what this crate lays out, so the numbers both use live here
//! ([`geometry`], [`placement`]) and `nianbao-docx` takes them from it.

mod blocks;
mod breaking;
pub mod geometry;
mod metrics;
mod model;
mod paginator;
pub mod placement;
mod warnings;

pub use model::{
    Align, ImprintPlace, Layout, LayoutDelta, LayoutWarning, Line, Page, Span, SpanStyle,
    WarningKind,
};
pub use paginator::{Paginator, UpdateStats, imprint_place, paginate};

#[cfg(test)]
mod tests;
