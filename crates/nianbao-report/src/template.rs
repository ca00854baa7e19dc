//! Templates: data files under `assets/templates/` that name a report's statutory parts.

use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use crate::{Meta, figures};

/// Id of the template a report gets when none is named.
pub const DEFAULT_ID: &str = "fazhi-zhengfu";

/// Placeholders a pattern may use, and what fills them.
const PLACEHOLDERS: [&str; 3] = ["{机关全称}", "{年度}", "{下一年度}"];

include!(concat!(env!("OUT_DIR"), "/builtin_templates.rs"));

/// A report template: the statutory parts in order, their default headings and hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Stable id, stored with each report.
    pub id: String,
    /// The kind of report, as the drafter knows it.
    pub name: String,
    /// Pattern of the generated title.
    pub title_pattern: String,
    /// Whether a level-3 heading sentence is set in bold.
    pub level3_bold: bool,
    /// 写作提示 for the preface.
    pub preface_hint: String,
    /// The statutory parts in order.
    pub parts: Vec<TemplatePart>,
    /// The figures (数据项) a report of this kind usually quotes, in order.
    pub figures: Vec<TemplateFigure>,
}

/// A figure a template declares; every new report starts with it, without values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFigure {
    /// Stable key quoted by placeholders (`a-z`, `0-9`, `_`).
    pub key: String,
    /// The name the drafter sees.
    pub name: String,
    /// The unit printed after a value (`件`, `次`, `%`).
    pub unit: String,
    /// What is counted.
    pub meaning: String,
    /// Shorter names the text may use for it (`出庭应诉率`), for the checker.
    pub aliases: Vec<String>,
}

/// One statutory part of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatePart {
    /// Stable key, stored with each part that fills it.
    pub key: String,
    /// Default heading pattern.
    pub heading: String,
    /// Whether a report must have this part with content.
    pub required: bool,
    /// 写作提示 shown while the part is empty.
    pub hint: String,
}

/// A template file that cannot be used, with the line at fault.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("template {file}, line {line}: {message}")]
pub struct TemplateError {
    /// The file name.
    pub file: String,
    /// 1-based line of the fault.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    id: Spanned<String>,
    name: Spanned<String>,
    title_pattern: Spanned<String>,
    #[serde(default = "yes")]
    level3_bold: bool,
    preface_hint: Option<Spanned<String>>,
    parts: Spanned<Vec<RawPart>>,
    #[serde(default)]
    figures: Vec<RawFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    key: Spanned<String>,
    name: Spanned<String>,
    unit: Spanned<String>,
    meaning: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    key: Spanned<String>,
    heading: Spanned<String>,
    #[serde(default = "yes")]
    required: bool,
    hint: Option<Spanned<String>>,
}

fn yes() -> bool {
    true
}

impl Template {
    /// Parses and validates a template file; errors name the file and line.
    pub fn parse(file: &str, source: &str) -> Result<Self, TemplateError> {
        let line_of = |offset: usize| source[..offset.min(source.len())].matches('\n').count() + 1;
        let fail = |offset: usize, message: String| TemplateError {
            file: file.into(),
            line: line_of(offset),
            message,
        };
        let raw: RawTemplate = toml::from_str(source).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            fail(offset, e.message().to_string())
        })?;
        let non_empty = |v: &Spanned<String>, what: &str| {
            if v.get_ref().trim().is_empty() {
                Err(fail(v.span().start, format!("{what} is empty")))
            } else {
                Ok(v.get_ref().clone())
            }
        };
        let patterned = |v: &Spanned<String>, what: &str| {
            let s = non_empty(v, what)?;
            check_placeholders(&s)
                .map_err(|p| fail(v.span().start, format!("{what}: unknown placeholder {p}")))?;
            Ok::<_, TemplateError>(s)
        };
        let optional = |v: &Option<Spanned<String>>, what: &str| match v {
            None => Ok(String::new()),
            Some(v) => {
                check_placeholders(v.get_ref()).map_err(|p| {
                    fail(v.span().start, format!("{what}: unknown placeholder {p}"))
                })?;
                Ok(v.get_ref().clone())
            }
        };
        let id = non_empty(&raw.id, "id")?;
        if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(fail(
                raw.id.span().start,
                format!("id {id:?} may hold only a-z, 0-9 and -"),
            ));
        }
        if raw.parts.get_ref().is_empty() {
            return Err(fail(
                raw.parts.span().start,
                "a template needs at least one part".into(),
            ));
        }
        let mut parts: Vec<TemplatePart> = Vec::new();
        for p in raw.parts.get_ref() {
            let key = non_empty(&p.key, "part key")?;
            if parts.iter().any(|q| q.key == key) {
                return Err(fail(
                    p.key.span().start,
                    format!("part key {key:?} is used twice"),
                ));
            }
            let heading = patterned(&p.heading, "heading")?;
            let hint = optional(&p.hint, "hint")?;
            parts.push(TemplatePart {
                key,
                heading,
                required: p.required,
                hint,
            });
        }
        let preface_hint = optional(&raw.preface_hint, "preface_hint")?;
        let mut figures: Vec<TemplateFigure> = Vec::new();
        for f in &raw.figures {
            let key = non_empty(&f.key, "figure key")?;
            if !figures::is_key(&key) {
                return Err(fail(
                    f.key.span().start,
                    format!(
                        "figure key {key:?} may hold only a-z, 0-9 and _, starting with a letter"
                    ),
                ));
            }
            if figures.iter().any(|g| g.key == key) {
                return Err(fail(
                    f.key.span().start,
                    format!("figure key {key:?} is used twice"),
                ));
            }
            let name = non_empty(&f.name, "figure name")?;
            if figures.iter().any(|g| g.name == name) {
                return Err(fail(
                    f.name.span().start,
                    format!("figure name {name:?} is used twice"),
                ));
            }
            figures.push(TemplateFigure {
                key,
                name,
                unit: non_empty(&f.unit, "figure unit")?,
                meaning: f
                    .meaning
                    .as_ref()
                    .map(|m| m.get_ref().clone())
                    .unwrap_or_default(),
                aliases: f.aliases.iter().map(|a| a.trim().to_owned()).collect(),
            });
        }
        Ok(Template {
            id,
            name: non_empty(&raw.name, "name")?,
            title_pattern: patterned(&raw.title_pattern, "title_pattern")?,
            level3_bold: raw.level3_bold,
            preface_hint,
            parts,
            figures,
        })
    }

    /// The template's figures as a new report holds them: no values yet, not custom.
    pub fn seed_figures(&self) -> Vec<figures::Figure> {
        self.figures
            .iter()
            .map(|f| figures::Figure {
                key: f.key.clone(),
                name: f.name.clone(),
                unit: f.unit.clone(),
                meaning: f.meaning.clone(),
                value: None,
                last_value: None,
                custom: false,
            })
            .collect()
    }

    /// Fills a pattern's placeholders from the report's meta.
    pub fn render(&self, pattern: &str, meta: &Meta) -> String {
        pattern
            .replace("{机关全称}", &meta.issuer)
            .replace("{年度}", &meta.year.to_string())
            .replace("{下一年度}", &(u32::from(meta.year) + 1).to_string())
    }

    /// The statutory part with this key.
    pub fn part(&self, key: &str) -> Option<&TemplatePart> {
        self.parts.iter().find(|p| p.key == key)
    }
}

/// The first `{…}` in `s` that is not a known placeholder.
fn check_placeholders(s: &str) -> Result<(), String> {
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        let candidate = &rest[start..end];
        if !PLACEHOLDERS.contains(&candidate) {
            return Err(candidate.to_string());
        }
        rest = &rest[end..];
    }
    Ok(())
}

fn registry() -> &'static Result<Vec<Template>, TemplateError> {
    static TEMPLATES: OnceLock<Result<Vec<Template>, TemplateError>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|(file, src)| Template::parse(file, src))
            .collect()
    })
}

/// Parses the shipped templates; call once at start so a bad file is reported, not hidden.
pub fn load_builtin() -> Result<&'static [Template], TemplateError> {
    registry().as_ref().map(Vec::as_slice).map_err(Clone::clone)
}

/// The shipped template with this id.
pub fn builtin(id: &str) -> Option<&'static Template> {
    load_builtin().ok()?.iter().find(|t| t.id == id)
}

/// The default template. Its file is checked by this crate's tests, so it is always there.
pub fn default_template() -> &'static Template {
    builtin(DEFAULT_ID).expect("the default template ships with the program and is tested")
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "id = \"t\"\nname = \"测试\"\ntitle_pattern = \"{机关全称}{年度}年报告\"\n[[parts]]\nkey = \"a\"\nheading = \"甲\"\n";

    #[test]
    fn shipped_templates_load() {
        let all = load_builtin().unwrap();
        assert!(all.iter().any(|t| t.id == DEFAULT_ID));
        let t = default_template();
        assert_eq!(t.parts.len(), 5);
        assert!(t.level3_bold);
        assert!(t.parts.iter().all(|p| p.required && !p.hint.is_empty()));
        let names: Vec<&str> = t.figures.iter().map(|f| f.name.as_str()).collect();
        for name in [
            "行政复议案件数",
            "行政诉讼案件数",
            "败诉案件数",
            "行政机关负责人出庭应诉率",
            "行政执法案件数",
            "重大执法决定法制审核数",
            "规范性文件合法性审查数",
            "政务服务事项受理数",
            "矛盾纠纷排查次数",
            "矛盾纠纷化解数",
            "普法活动次数",
        ] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        assert!(t.figures.iter().all(|f| !f.meaning.is_empty()));
        let seeded = t.seed_figures();
        assert_eq!(seeded.len(), t.figures.len());
        assert!(seeded.iter().all(|f| f.value.is_none() && !f.custom));
    }

    #[test]
    fn figure_errors_name_the_line() {
        let fig = |key: &str, name: &str, unit: &str| {
            format!("[[figures]]\nkey = \"{key}\"\nname = \"{name}\"\nunit = \"{unit}\"\n")
        };
        let ok = format!(
            "{GOOD}{}{}",
            fig("a_cases", "甲数", "件"),
            fig("b", "乙数", "%")
        );
        let t = Template::parse("t.toml", &ok).unwrap();
        assert_eq!(t.figures[1].unit, "%");
        assert_eq!(t.figures[0].meaning, "");

        let dup = format!("{GOOD}{}{}", fig("a", "甲数", "件"), fig("a", "乙数", "件"));
        let e = Template::parse("t.toml", &dup).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (12, "figure key \"a\" is used twice")
        );

        let bad_key = format!("{GOOD}{}", fig("Cases", "甲数", "件"));
        assert_eq!(Template::parse("t.toml", &bad_key).unwrap_err().line, 8);

        let same_name = format!("{GOOD}{}{}", fig("a", "甲数", "件"), fig("b", "甲数", "件"));
        assert_eq!(Template::parse("t.toml", &same_name).unwrap_err().line, 13);

        let no_unit = format!("{GOOD}{}", fig("a", "甲数", " "));
        let e = Template::parse("t.toml", &no_unit).unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (10, "figure unit is empty"));

        let stray = format!("{GOOD}{}colour = 1\n", fig("a", "甲数", "件"));
        assert_eq!(Template::parse("t.toml", &stray).unwrap_err().line, 11);
    }

    #[test]
    fn a_minimal_template_parses_with_defaults() {
        let t = Template::parse("t.toml", GOOD).unwrap();
        assert_eq!(t.parts[0].key, "a");
        assert!(t.parts[0].required);
        assert!(t.level3_bold);
    }

    #[test]
    fn errors_name_the_line() {
        let dup = format!("{GOOD}[[parts]]\nkey = \"a\"\nheading = \"乙\"\n");
        let e = Template::parse("t.toml", &dup).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (8, "part key \"a\" is used twice")
        );

        let unknown = GOOD.replace("{年度}年报告", "{年份}年报告");
        let e = Template::parse("t.toml", &unknown).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("{年份}"), "{e}");

        let syntax = GOOD.replace("heading = \"甲\"", "heading = 甲");
        let e = Template::parse("t.toml", &syntax).unwrap_err();
        assert_eq!(e.line, 6);
        assert!(e.to_string().starts_with("template t.toml, line 6:"), "{e}");

        let stray = format!("{GOOD}colour = \"red\"\n");
        assert_eq!(Template::parse("t.toml", &stray).unwrap_err().line, 7);

        let empty = GOOD.replace("heading = \"甲\"", "heading = \"  \"");
        assert_eq!(
            Template::parse("t.toml", &empty).unwrap_err().message,
            "heading is empty"
        );
    }
}
