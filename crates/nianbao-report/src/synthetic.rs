//! Synthetic reports of a chosen length, for benchmarks and tests of large documents.

use crate::{Block, Heading, Paragraph, Report, template};

const SENTENCES: [&str; 6] = [
    "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，",
    "严格落实重大行政决策程序，全年开展合法性审查186件，提出审查意见50余条，",
    "推进行政执法“三项制度”，重大执法决定法制审核率达到100%，",
    "全年受理行政复议案件5件，行政诉讼案件1件，较上年下降60%，",
    "组织领导干部会前学法12次，开展“法律十进”宣传活动30余场，",
    "切实提升依法行政能力和水平，为经济社会发展提供坚强法治保障。",
];

/// A paragraph of about `cells` grid cells, made of report-like sentences.
fn paragraph(seed: usize, cells: usize) -> String {
    let mut s = String::new();
    let mut i = seed;
    while crate::text::cells(&s) < cells as f64 {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
    }
    if !s.ends_with('。') {
        s.pop();
        s.push('。');
    }
    s
}

/// A report of about `pages` pages at 22 lines × 28 characters: five parts, each with
/// second-level items, run-in third-level items and paragraphs.
pub fn report(pages: usize) -> Report {
    let mut r = Report::from_template(template::default_template(), "某市某区某镇人民政府", 2023);
    r.meta.recipient = Some("区委、区政府".into());
    r.preface.clear();
    for part in &mut r.parts {
        part.blocks.clear();
    }
    r.preface.push(Paragraph::new(paragraph(0, 200)));
    // One item of level 2 holds roughly one page: its heading, one paragraph and two run-in items.
    let items = pages.max(1);
    for n in 0..items {
        let mut item = Heading::new(format!("持续推进第{}项重点工作", n + 1));
        item.children
            .push(Block::Paragraph(Paragraph::new(paragraph(n, 300))));
        for k in 0..2 {
            let mut sub = Heading::new(format!("落实第{}项具体措施。", k + 1));
            sub.body = paragraph(n + k, 120);
            item.children.push(Block::Heading(sub));
        }
        let part = if n % 5 == 4 { 2 } else { 0 };
        r.parts[part].blocks.push(Block::Heading(item));
    }
    r.parts[1]
        .blocks
        .push(Block::Paragraph(Paragraph::new(paragraph(3, 150))));
    r.parts[3]
        .blocks
        .push(Block::Paragraph(Paragraph::new(paragraph(4, 150))));
    r.parts[4]
        .blocks
        .push(Block::Paragraph(Paragraph::new("无其他需要报告的情况。")));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_with_pages_and_validates() {
        let small = report(10);
        let large = report(100);
        assert!(small.validate().is_ok() && large.validate().is_ok());
        let count = |r: &Report| r.outline().len();
        assert!(count(&large) > 8 * count(&small));
    }
}
