//! What the drafter should know about where the pages break.

use crate::model::{Layout, LayoutWarning, Line, SpanStyle, WarningKind};

/// Styles of the text proper: what must share a page with the 署名 (7.3.5.3).
const TEXT: [SpanStyle; 7] = [
    SpanStyle::Body,
    SpanStyle::RunIn,
    SpanStyle::Heading1,
    SpanStyle::Heading2,
    SpanStyle::Heading3,
    SpanStyle::Heading4,
    SpanStyle::Attachment,
];

/// All warnings of a finished layout, in page order.
pub(crate) fn warnings(layout: &Layout) -> Vec<LayoutWarning> {
    let mut out = Vec::new();
    let title_lines: usize = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.has(&[SpanStyle::Title]))
        .count();
    if title_lines > 2 {
        out.push(LayoutWarning {
            kind: WarningKind::LongTitle,
            page: 1,
            message_zh: format!("标题排成{title_lines}行，超过两行：宜精简标题"),
            message_en: format!("the title takes {title_lines} lines, more than two: shorten it"),
        });
    }
    let last = layout.pages.len();
    for (i, page) in layout.pages.iter().enumerate() {
        let body: Vec<&Line> = page
            .lines
            .iter()
            .filter(|l| !l.has(&[SpanStyle::PageNumber]))
            .collect();
        // A heading sentence that ends the page while its content starts the next one.
        if i + 1 < last
            && let Some(end) = body.iter().rev().find(|l| !l.spans.is_empty())
            && end.last_of_paragraph
            && end.has(&SpanStyle::HEADINGS)
            && !end.has(&[SpanStyle::RunIn])
            && body.last().is_some_and(|l| !l.spans.is_empty())
        {
            out.push(LayoutWarning {
                kind: WarningKind::HeadingAtPageEnd,
                page: page.number,
                message_zh: format!(
                    "第{}页末行是标题“{}”，其下内容在下一页：宜调整行文使标题与正文同页",
                    page.number,
                    end.text()
                ),
                message_en: format!(
                    "page {}: the heading \"{}\" is the last line; its text starts on the next page",
                    page.number,
                    end.text()
                ),
            });
        }
        let signs = body
            .iter()
            .any(|l| l.has(&[SpanStyle::Signature, SpanStyle::Date]));
        if signs && !body.iter().any(|l| l.has(&TEXT)) {
            out.push(LayoutWarning {
                kind: WarningKind::SignOffAlone,
                page: page.number,
                message_zh: format!(
                    "第{}页只有署名和成文日期，没有正文（GB/T 9704 7.3.5.3）：可调整行距、字距，或删减正文，使正文至少一行与署名同页",
                    page.number
                ),
                message_en: format!(
                    "page {}: the signature and date stand alone without body text (GB/T 9704 7.3.5.3): adjust line or character spacing, or shorten the text",
                    page.number
                ),
            });
        }
        if page.number % 2 == 1 && body.iter().any(|l| l.has(&[SpanStyle::Imprint])) {
            out.push(LayoutWarning {
                kind: WarningKind::ImprintOnOddPage,
                page: page.number,
                message_zh: format!(
                    "版记在第{}页（奇数页）：双面印刷时版记应在最后一页的背面（偶数页），可增删正文或插入空白页",
                    page.number
                ),
                message_en: format!(
                    "page {}: the imprint (版记) is on an odd page; in double-sided print it belongs on an even last page",
                    page.number
                ),
            });
        }
    }
    out
}
