//! The report as it prints: every placeholder turned into text, and a fingerprint of that.

use sha2::{Digest, Sha256};

use crate::{Block, Report, figures};

impl Report {
    /// A copy of the report with every figure placeholder replaced by the text it prints
    /// (`{{数据：lost_cases|变化}}` → `降低75%`); what the export, the diff and the page print.
    pub fn resolved(&self) -> Report {
        let mut out = self.clone();
        let figs = &self.figures;
        let r = |s: &mut String| {
            if figures::has_tokens(s) {
                *s = figures::render(s, figs);
            }
        };
        for field in [
            &mut out.meta.title,
            &mut out.meta.recipient,
            &mut out.meta.signature,
        ]
        .into_iter()
        .flatten()
        {
            r(field);
        }
        out.preface.iter_mut().for_each(|p| r(&mut p.text));
        for part in &mut out.parts {
            r(&mut part.heading);
            r(&mut part.body);
            resolve_blocks(&mut part.blocks, &r);
        }
        out
    }

    /// SHA-256 of what the report prints (placeholders resolved), attachments and 版记: two
    /// reports that print the same have the same fingerprint. The 保密审查 is tied to it.
    pub fn fingerprint(&self) -> String {
        let mut h = Sha256::new();
        for p in self.printed_paragraphs() {
            h.update(p.as_bytes());
            h.update([0]);
        }
        for a in &self.meta.attachments {
            h.update(a.as_bytes());
            h.update([1]);
        }
        if let Some(i) = &self.meta.imprint {
            h.update(serde_json::to_vec(i).unwrap_or_default());
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

fn resolve_blocks(blocks: &mut [Block], r: &impl Fn(&mut String)) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => r(&mut p.text),
            Block::Heading(h) => {
                r(&mut h.text);
                r(&mut h.body);
                resolve_blocks(&mut h.children, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Block, Heading, Paragraph, Report, template};

    #[test]
    fn resolves_every_text_and_prints_resolved() {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        let key = r.figures[2].key.clone();
        r.figures[2].value = Some("1".into());
        r.figures[2].last_value = Some("4".into());
        let mut h = Heading::new(format!("败诉{{{{数据：{key}}}}}。"));
        h.body = format!("比去年{{{{数据：{key}|变化}}}}。");
        r.parts[0].blocks = vec![Block::Heading(h)];
        r.preface = vec![Paragraph::new(format!("去年{{{{数据：{key}|上年}}}}。"))];
        let resolved = r.resolved();
        assert_eq!(resolved.preface[0].text, "去年4件。");
        let Block::Heading(h) = &resolved.parts[0].blocks[0] else {
            panic!()
        };
        assert_eq!(
            (h.text.as_str(), h.body.as_str()),
            ("败诉1件。", "比去年降低75%。")
        );
        assert!(
            r.printed_paragraphs()
                .contains(&"（一）败诉1件。比去年降低75%。".to_string())
        );
        assert_eq!(r.fingerprint(), resolved.fingerprint());
        assert_eq!(r.fingerprint().len(), 64);
    }
}
