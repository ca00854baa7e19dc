//! Typing not stored yet, laid over a stored report: the 版面预览 follows the keys without
//! waiting for autosave.

use serde::{Deserialize, Serialize};

use crate::{Block, Report};

/// The text of one block as the window holds it (a part's heading, a heading's sentence or a
/// paragraph, with a part's or heading's run-in body).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextEdit {
    /// The stored block's id.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub block_id: i64,
    /// The part's heading, the heading's sentence or the paragraph's text.
    pub text: String,
    /// The run-in body of a part or heading; a paragraph has none.
    #[serde(default)]
    pub body: String,
}

impl Report {
    /// Puts `edit` into the block with its id; false when no block has that id (it was
    /// removed meanwhile), and the report is left as it was.
    pub fn apply_text(&mut self, edit: &TextEdit) -> bool {
        let id = Some(edit.block_id);
        if let Some(p) = self.preface.iter_mut().find(|p| p.id == id) {
            p.text.clone_from(&edit.text);
            return true;
        }
        for part in &mut self.parts {
            if part.id == id {
                part.heading.clone_from(&edit.text);
                part.body.clone_from(&edit.body);
                return true;
            }
            if apply_in(&mut part.blocks, edit) {
                return true;
            }
        }
        false
    }
}

fn apply_in(blocks: &mut [Block], edit: &TextEdit) -> bool {
    blocks.iter_mut().any(|block| match block {
        Block::Paragraph(p) if p.id == Some(edit.block_id) => {
            p.text.clone_from(&edit.text);
            true
        }
        Block::Paragraph(_) => false,
        Block::Heading(h) if h.id == Some(edit.block_id) => {
            h.text.clone_from(&edit.text);
            h.body.clone_from(&edit.body);
            true
        }
        Block::Heading(h) => apply_in(&mut h.children, edit),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Heading, Paragraph, Report, template};

    fn report() -> Report {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.preface = vec![Paragraph {
            id: Some(1),
            text: "导语。".into(),
        }];
        r.parts[0].id = Some(2);
        r.parts[0].blocks = vec![Block::Heading(Heading {
            id: Some(3),
            text: "一项工作。".into(),
            body: String::new(),
            children: vec![Block::Paragraph(Paragraph {
                id: Some(4),
                text: "旧的一段。".into(),
            })],
        })];
        r
    }

    fn edit(block_id: i64, text: &str, body: &str) -> TextEdit {
        TextEdit {
            block_id,
            text: text.into(),
            body: body.into(),
        }
    }

    #[test]
    fn each_kind_of_block_takes_its_text() {
        let mut r = report();
        assert!(r.apply_text(&edit(1, "新导语。", "")));
        assert!(r.apply_text(&edit(2, "新的部分标题", "部分正文。")));
        assert!(r.apply_text(&edit(3, "新的标题。", "接排正文。")));
        assert!(r.apply_text(&edit(4, "新的一段。", "")));
        assert_eq!(r.preface[0].text, "新导语。");
        assert_eq!(
            (&*r.parts[0].heading, &*r.parts[0].body),
            ("新的部分标题", "部分正文。")
        );
        let Block::Heading(h) = &r.parts[0].blocks[0] else {
            panic!("a heading")
        };
        assert_eq!((&*h.text, &*h.body), ("新的标题。", "接排正文。"));
        assert_eq!(
            h.children[0],
            Block::Paragraph(Paragraph {
                id: Some(4),
                text: "新的一段。".into()
            })
        );
    }

    #[test]
    fn an_unknown_block_changes_nothing() {
        let mut r = report();
        assert!(!r.apply_text(&edit(99, "不存在", "")));
        assert_eq!(r, report());
    }
}
