//! The structured model of 《法治政府建设年度情况报告》: meta, preface, parts and their block
//! trees; the templates that know the statutory parts and figures; numbering generated from
//! position; figures, their exact arithmetic and the placeholders that quote them.

mod carry;
mod date;
pub mod diff;
mod edit;
pub mod figures;
pub mod numbering;
mod outline;
mod plain;
mod plan;
mod report;
mod resolve;
pub mod synthetic;
pub mod template;
pub mod text;

pub use date::{DateError, DocDate};
pub use diff::{ParagraphDiff, ReportDiff, Span, SpanKind, diff_reports};
pub use edit::TextEdit;
pub use numbering::HeadingLevel;
pub use outline::OutlineEntry;
pub use plan::{PlanItem, Review, ReviewState};
pub use report::{Block, Heading, Imprint, Meta, Paragraph, Part, Report, StructureError, Visit};
pub use template::{Template, TemplateError, TemplateFigure, TemplatePart};
