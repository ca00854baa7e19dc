//! What a check returns: findings with their location, severity, rule, messages and fix.

use serde::{Deserialize, Serialize};

/// How much a finding matters.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 错误: the report is wrong as it stands (exit status 1 of `nianbao check`).
    Error,
    /// 警告: probably wrong; the drafter should look.
    Warning,
    /// 提示: for information (deadlines).
    Hint,
}

impl Severity {
    /// The label the drafter sees: 错误, 警告, 提示.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Hint => "提示",
        }
    }

    /// `error`, `warning`, `hint`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

/// Which check produced a finding.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Half-width `, : ; ( ) ? !` or ASCII quotes inside Chinese text.
    Punctuation,
    /// 《》〈〉（）【】〔〕“”‘’ without its partner.
    Unpaired,
    /// A level 1 or 2 heading (on its own line) ending in `。`.
    HeadingStop,
    /// A level 3 or 4 run-in heading whose sentence does not end in `。`.
    RunInStop,
    /// A statutory part of the template is missing.
    PartMissing,
    /// A part holds no text.
    PartEmpty,
    /// The title does not read `{机关全称}{年度}年…报告`.
    Title,
    /// 成文日期 missing or implausible; 印发日期 before it.
    Date,
    /// A date in the text with leading zeros or in Chinese numerals.
    DateFormat,
    /// Part 四's heading names a year other than the following one.
    PlanYear,
    /// A stated difference or percentage that its counts contradict.
    Claim,
    /// When the report is due (上报 3月1日, 公开 4月1日).
    Deadline,
    /// A number in the text that quotes a figure (数据项) but disagrees with its value.
    FigureQuote,
    /// A placeholder that prints a 〔…〕 note: unfilled, unknown or malformed.
    Placeholder,
    /// A planned item of last year's part 四 (承上启下) linked to no block.
    PlanUnlinked,
    /// The 保密审查 is not recorded for the text as it is.
    Review,
}

impl Rule {
    /// Stable name, as in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Punctuation => "punctuation",
            Rule::Unpaired => "unpaired",
            Rule::HeadingStop => "heading_stop",
            Rule::RunInStop => "run_in_stop",
            Rule::PartMissing => "part_missing",
            Rule::PartEmpty => "part_empty",
            Rule::Title => "title",
            Rule::Date => "date",
            Rule::DateFormat => "date_format",
            Rule::PlanYear => "plan_year",
            Rule::Claim => "claim",
            Rule::Deadline => "deadline",
            Rule::FigureQuote => "figure_quote",
            Rule::Placeholder => "placeholder",
            Rule::PlanUnlinked => "plan_unlinked",
            Rule::Review => "review",
        }
    }

    /// The rule's name in the 检查 panel.
    pub fn label(self) -> &'static str {
        match self {
            Rule::Punctuation => "半角标点",
            Rule::Unpaired => "标点配对",
            Rule::HeadingStop => "标题句号",
            Rule::RunInStop => "标题句号",
            Rule::PartMissing => "法定部分",
            Rule::PartEmpty => "法定部分",
            Rule::Title => "标题",
            Rule::Date => "成文日期",
            Rule::DateFormat => "日期写法",
            Rule::PlanYear => "年度",
            Rule::Claim => "数据核对",
            Rule::Deadline => "报送期限",
            Rule::FigureQuote => "数据项",
            Rule::Placeholder => "数据引用",
            Rule::PlanUnlinked => "承上启下",
            Rule::Review => "保密审查",
        }
    }
}

/// A meta field of the report.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    /// 标题 (the drafter's override, or the generated one).
    Title,
    /// 机关全称.
    Issuer,
    /// 主送机关.
    Recipient,
    /// 署名.
    Signature,
    /// 成文日期.
    Date,
    /// 版记's 印发日期.
    ImprintDate,
}

impl MetaField {
    /// English name, for the command line.
    pub fn name_en(self) -> &'static str {
        match self {
            MetaField::Title => "title",
            MetaField::Issuer => "issuer",
            MetaField::Recipient => "recipient",
            MetaField::Signature => "signature",
            MetaField::Date => "date (成文日期)",
            MetaField::ImprintDate => "imprint date (印发日期)",
        }
    }

    /// Chinese name, for the app.
    pub fn name_zh(self) -> &'static str {
        match self {
            MetaField::Title => "标题",
            MetaField::Issuer => "机关全称",
            MetaField::Recipient => "主送机关",
            MetaField::Signature => "署名",
            MetaField::Date => "成文日期",
            MetaField::ImprintDate => "印发日期",
        }
    }
}

/// What a finding is about. Indices are 0-based; `id` is the stored row id when the report
/// came from the store (stable across edits, unlike the indices).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum Target {
    /// The report as a whole (a missing part, deadlines).
    Report,
    /// A meta field.
    Meta { field: MetaField },
    /// A 导语 paragraph.
    Preface { index: usize, id: Option<i64> },
    /// A part's own heading (`text`) and run-in body.
    Part { part: usize, id: Option<i64> },
    /// A heading or paragraph: `path` indexes the part's `blocks`, then `children` down.
    Block {
        part: usize,
        path: Vec<usize>,
        id: Option<i64>,
    },
}

/// Which text of the target: a heading's sentence or its run-in body.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The heading sentence, the paragraph's or the meta field's text.
    Text,
    /// The run-in body after a heading.
    Body,
}

/// A range of characters (Unicode scalar values, not bytes) within one text; `end` exclusive.
// `CharRange` in TypeScript: the diff's `Span` of nianbao-report has that name there.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CharRange"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where a finding is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// The part, block, preface paragraph or meta field.
    pub target: Target,
    /// Which of its texts.
    pub field: Field,
    /// The characters at fault, when the finding is about some.
    pub range: Option<Span>,
    /// The target's place in the outline with generated markers: `一、（三）1.` for a heading,
    /// `一、（七）¶1` for the first paragraph under （七）; empty for meta and report.
    pub label: String,
}

impl Location {
    pub(crate) fn report() -> Self {
        Location {
            target: Target::Report,
            field: Field::Text,
            range: None,
            label: String::new(),
        }
    }

    pub(crate) fn meta(field: MetaField, range: Option<Span>) -> Self {
        Location {
            target: Target::Meta { field },
            field: Field::Text,
            range,
            label: String::new(),
        }
    }

    /// Where, in English: `title`, `preface ¶1`, `一、（七）¶1, body, char 35`.
    pub fn describe_en(&self) -> String {
        let mut s = match &self.target {
            Target::Report => "whole report".to_string(),
            Target::Meta { field } => field.name_en().to_string(),
            Target::Preface { index, .. } => format!("preface ¶{}", index + 1),
            Target::Part { .. } | Target::Block { .. } => self.label.clone(),
        };
        if self.field == Field::Body {
            s.push_str(" (body)");
        }
        if let Some(r) = self.range {
            s.push_str(&format!(", char {}", r.start + 1));
        }
        s
    }

    /// Where, in Chinese: `标题`, `导语第1段`, `一、（七）¶1 正文 第35字`.
    pub fn describe_zh(&self) -> String {
        let mut s = match &self.target {
            Target::Report => "全文".to_string(),
            Target::Meta { field } => field.name_zh().to_string(),
            Target::Preface { index, .. } => format!("导语第{}段", index + 1),
            Target::Part { .. } | Target::Block { .. } => self.label.clone(),
        };
        if self.field == Field::Body {
            s.push_str(" 正文");
        }
        if let Some(r) = self.range {
            s.push_str(&format!(" 第{}字", r.start + 1));
        }
        s
    }
}

/// The whole text (and run-in body) of one target.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FixText {
    pub text: String,
    #[serde(default)]
    pub body: String,
}

/// A safe correction: the new text and body of one block, part, preface paragraph or meta
/// field, with the old ones for a preview and so that a stale fix is never applied. `before`
/// is `None` when the fix adds a paragraph at the end of the part named by `target`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    pub target: Target,
    pub before: Option<FixText>,
    pub after: FixText,
}

/// One thing the checker found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub location: Location,
    pub severity: Severity,
    pub rule: Rule,
    /// For the command line.
    pub message_en: String,
    /// For the app's 检查 panel.
    pub message_zh: String,
    /// A correction that is safe to apply without asking (the app previews it).
    pub fix: Option<Fix>,
}
