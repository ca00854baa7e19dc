//! The structured model of 《法治政府建设年度情况报告》: meta, preface, parts and their block
//! trees; the templates that know the statutory parts; numbering generated from position.

mod carry;
mod date;
pub mod diff;
pub mod numbering;
mod outline;
mod plain;
mod report;
pub mod synthetic;
pub mod template;
pub mod text;

pub use date::{DateError, DocDate};
pub use diff::{ParagraphDiff, ReportDiff, Span, SpanKind, diff_reports};
pub use numbering::HeadingLevel;
pub use outline::OutlineEntry;
pub use report::{Block, Heading, Imprint, Meta, Paragraph, Part, Report, StructureError, Visit};
pub use template::{Template, TemplateError, TemplatePart};
