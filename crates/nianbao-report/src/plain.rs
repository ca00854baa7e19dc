//! The report as the paragraphs it prints, in plain text: what an export must contain.

use crate::{Report, Visit, figures};

impl Report {
    /// Every paragraph of the report in print order, markers generated: title lines, 主送,
    /// preface, headings with their run-in bodies, paragraphs, 署名 and 成文日期. Empty
    /// paragraphs (an editor's placeholders) are not printed; figure placeholders print as
    /// the text they stand for.
    pub fn printed_paragraphs(&self) -> Vec<String> {
        let mut out: Vec<String> = self.title().split('\n').map(str::to_string).collect();
        if let Some(r) = self
            .meta
            .recipient
            .as_deref()
            .filter(|r| !r.trim().is_empty())
        {
            out.push(format!("{r}："));
        }
        out.extend(
            self.preface
                .iter()
                .filter(|p| !p.is_blank())
                .map(|p| p.text.clone()),
        );
        self.walk(|v| match v {
            Visit::Part { part, marker } => {
                out.push(format!("{marker}{}{}", part.heading, part.body))
            }
            Visit::Heading {
                heading, marker, ..
            } => out.push(format!("{marker}{}{}", heading.text, heading.body)),
            Visit::Paragraph(p) if !p.is_blank() => out.push(p.text.clone()),
            Visit::Paragraph(_) => {}
        });
        out.push(self.signature().to_string());
        if let Some(d) = self.meta.date {
            out.push(d.chinese());
        }
        for p in &mut out {
            if figures::has_tokens(p) {
                *p = figures::render(p, &self.figures);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::{Block, DocDate, Heading, Report, template};

    #[test]
    fn prints_markers_run_ins_and_sign_off() {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.meta.recipient = Some("区委、区政府".into());
        r.meta.date = DocDate::new(2024, 3, 28).ok();
        let mut h = Heading::new("积极走访企业。");
        h.body = "走访34家。".into();
        r.parts[0].blocks.push(Block::Heading(h));
        let p = r.printed_paragraphs();
        assert_eq!(p[0], "某镇人民政府2023年法治政府建设年度情况报告");
        assert_eq!(p[1], "区委、区政府：");
        assert_eq!(p[2], "一、推进法治政府建设的主要举措和成效");
        assert_eq!(p[3], "（一）积极走访企业。走访34家。");
        assert_eq!(p[p.len() - 2..], ["某镇人民政府", "2024年3月28日"]);
    }
}
