//! The table of contents: every heading with its generated marker.

use serde::Serialize;

use crate::{HeadingLevel, Report, Visit};

/// One line of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineEntry {
    /// The heading's level.
    pub level: HeadingLevel,
    /// The generated marker, e.g. `（三）`.
    pub marker: String,
    /// The heading sentence.
    pub text: String,
}

impl Report {
    /// Every heading in document order, parts included.
    pub fn outline(&self) -> Vec<OutlineEntry> {
        let mut out = Vec::new();
        self.walk(|v| match v {
            Visit::Part { part, marker } => out.push(OutlineEntry {
                level: HeadingLevel::One,
                marker,
                text: part.heading.clone(),
            }),
            Visit::Heading {
                heading,
                level,
                marker,
            } => out.push(OutlineEntry {
                level,
                marker,
                text: heading.text.clone(),
            }),
            Visit::Paragraph(_) => {}
        });
        out
    }

    /// The outline as text: the title, then one heading a line, two spaces per level below 1.
    pub fn outline_text(&self) -> String {
        let mut s = self.title().replace('\n', "");
        s.push('\n');
        for e in self.outline() {
            let indent = "  ".repeat(usize::from(e.level.number() - 1));
            s.push_str(&format!("{indent}{}{}\n", e.marker, e.text));
        }
        s
    }
}
