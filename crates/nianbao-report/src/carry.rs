//! 以上年度报告为基础新建: a new year's report that starts from last year's.

use crate::{Block, DocDate, Report};

impl Report {
    /// A copy of this report for `year`: same issuer, recipient, structure and text; the title
    /// and part headings follow the new year; 成文日期 cleared, 印发日期 moved by the same
    /// number of years; ids cleared. Figures carry (last year's value ← this year's, this
    /// year's cleared); this report's part 四 becomes the new one's planned-items checklist;
    /// the 保密审查 is not carried.
    pub fn carried_to(&self, year: u16) -> Report {
        let tpl = self.template();
        let mut next = self.clone();
        next.meta.year = year;
        next.meta.date = None;
        if let Some(imprint) = &mut next.meta.imprint {
            let shifted =
                i32::from(imprint.date.year()) + i32::from(year) - i32::from(self.meta.year);
            let day = imprint.date.day().min(28);
            if let Some(d) = u16::try_from(shifted)
                .ok()
                .and_then(|y| DocDate::new(y, imprint.date.month(), day).ok())
            {
                imprint.date = d;
            }
        }
        let shift = |text: &str| {
            // Next year first, so that 2023→2024 does not turn a 2024 into 2025 twice.
            let (old_next, new_next) = (u32::from(self.meta.year) + 1, u32::from(year) + 1);
            text.replace(&old_next.to_string(), "\u{0}")
                .replace(&self.meta.year.to_string(), &year.to_string())
                .replace('\u{0}', &new_next.to_string())
        };
        next.meta.title = self.meta.title.as_deref().map(shift);
        for part in &mut next.parts {
            part.id = None;
            let default = part
                .statutory
                .as_deref()
                .and_then(|k| tpl.part(k))
                .map(|p| &p.heading);
            part.heading = match default {
                Some(pattern) if part.heading == tpl.render(pattern, &self.meta) => {
                    tpl.render(pattern, &next.meta)
                }
                _ => shift(&part.heading),
            };
            clear_ids(&mut part.blocks);
        }
        for p in &mut next.preface {
            p.id = None;
        }
        next.figures = self.figures.iter().map(|f| f.carried()).collect();
        next.plan = self.planned_items();
        next.review = None;
        next
    }
}

fn clear_ids(blocks: &mut [Block]) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => p.id = None,
            Block::Heading(h) => {
                h.id = None;
                clear_ids(&mut h.children);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Block, DocDate, Heading, Imprint, Part, Report, template};

    #[test]
    fn carries_structure_and_moves_years() {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.parts[0].id = Some(4);
        r.meta.date = DocDate::new(2024, 3, 28).ok();
        r.meta.title = Some("某镇2023年法治政府建设情况和2024年工作安排".into());
        r.meta.imprint = Some(Imprint {
            cc: None,
            printer: "某镇党政办".into(),
            date: DocDate::new(2024, 2, 29).unwrap(),
        });
        r.parts.push(Part::new("2024年度其他工作"));
        let n = r.carried_to(2024);
        assert_eq!(n.meta.year, 2024);
        assert_eq!(n.meta.date, None);
        assert_eq!(
            n.meta.title.as_deref(),
            Some("某镇2024年法治政府建设情况和2025年工作安排")
        );
        assert_eq!(
            n.meta.imprint.unwrap().date,
            DocDate::new(2025, 2, 28).unwrap()
        );
        assert_eq!(n.parts[3].heading, "2025年度推进法治政府建设的主要安排");
        assert_eq!(n.parts[5].heading, "2025年度其他工作");
        assert_eq!(n.parts[0].id, None);
        assert_eq!(n.parts.len(), r.parts.len());
    }

    #[test]
    fn carries_figures_and_turns_part_four_into_the_plan() {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.figures[0].value = Some("6".into());
        r.figures[0].last_value = Some("15".into());
        r.parts[3].blocks = vec![
            Block::Heading(Heading::new("深化依法行政")),
            Block::Heading(Heading::new("加强普法宣传")),
        ];
        r.review = Some(r.review_now(DocDate::new(2024, 3, 20).unwrap()));
        let n = r.carried_to(2024);
        assert_eq!(n.figures.len(), r.figures.len());
        assert_eq!(n.figures[0].value, None);
        assert_eq!(n.figures[0].last_value.as_deref(), Some("6"));
        assert_eq!(n.figures[1].last_value, None);
        let plan: Vec<_> = n
            .plan
            .iter()
            .map(|p| (p.text.as_str(), p.source.as_str()))
            .collect();
        assert_eq!(
            plan,
            [
                ("深化依法行政", "2023年度报告 四、（一）"),
                ("加强普法宣传", "2023年度报告 四、（二）")
            ]
        );
        assert!(n.plan.iter().all(|p| p.block.is_none() && p.id.is_none()));
        assert_eq!(n.review, None);
    }
}
