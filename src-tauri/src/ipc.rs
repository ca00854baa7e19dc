//! Payloads of the commands that are not domain types, and the Chinese wording of domain
//! errors. TypeScript declarations are generated from these (see `bindings` tests).

use nianbao_docx::ExportError;
use nianbao_import::{ImportError, ImportWarning, Imported, PartMapping, SourceEncoding};
use nianbao_report::{HeadingLevel, Report, Template};
use serde::Serialize;

/// What the window needs to know at start.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AppInfo {
    /// The program's version.
    pub version: String,
    /// The database file in use.
    pub db_path: String,
    /// Why the database could not be opened (Chinese), if it could not.
    pub open_error: Option<String>,
    /// 写作提示 per statutory part key, and for the preface under the key `preface`.
    pub hints: Vec<Hint>,
}

/// One 写作提示.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Hint {
    /// The statutory part's key, or `preface`.
    pub key: String,
    /// The hint, placeholders filled for the report's year when shown.
    pub text: String,
}

/// What an import found, before anything is saved: the drafter confirms which statutory part
/// each part fills (这一部分对应：…？), then `save_import` stores the report.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportPreview {
    /// The report as recognised, `statutory` set on the parts the importer matched.
    pub report: Report,
    /// What the importer dropped or guessed, in Chinese.
    pub warnings: Vec<String>,
    /// The importer's choice for each first-level part, in order.
    pub parts: Vec<PartChoice>,
    /// The template's statutory parts, headings rendered for the report's year.
    pub statutory_parts: Vec<StatutoryPart>,
}

/// The importer's choice for one first-level part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PartChoice {
    /// Index in `Report::parts` (0 for part 一).
    pub index: u32,
    /// The heading as imported.
    pub heading: String,
    /// The statutory key chosen; `None` for an extra part.
    pub statutory: Option<String>,
    /// How well the heading matches the chosen key, 0–100.
    pub score: u8,
    /// The best key not chosen.
    pub runner_up: Option<String>,
    /// Whether the choice is clear enough to need no second look.
    pub confident: bool,
}

/// A statutory part of the template: its key and its heading (Chinese).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StatutoryPart {
    /// The template's key (`measures`, `shortcomings` …).
    pub key: String,
    /// The heading for the report's year.
    pub heading: String,
}

/// Score from which a match is taken as clear.
pub const CONFIDENT_SCORE: u8 = 60;
/// How far a clear match must lead its runner-up.
pub const CONFIDENT_LEAD: u8 = 20;
/// Below this, the runner-up of an extra part is no real rival.
pub const WEAK_RIVAL: u8 = 30;

/// The importer's decision for one part, with the confidence rule: a statutory match is clear
/// when it scores at least [`CONFIDENT_SCORE`] and leads the runner-up by [`CONFIDENT_LEAD`];
/// an extra part is clear when no statutory part scores [`WEAK_RIVAL`] or more for it and no
/// statutory part is left without a part (`statutory_missing`), which it might then be.
pub fn part_choice(m: &PartMapping, statutory_missing: bool) -> PartChoice {
    let rival = m.runner_up.as_ref().map_or(0, |c| c.score);
    let confident = match m.statutory {
        Some(_) => m.score >= CONFIDENT_SCORE && m.score.saturating_sub(rival) >= CONFIDENT_LEAD,
        None => rival < WEAK_RIVAL && !statutory_missing,
    };
    PartChoice {
        index: u32::try_from(m.part).unwrap_or(u32::MAX),
        heading: m.heading.clone(),
        statutory: m.statutory.clone(),
        score: m.score,
        runner_up: m.runner_up.as_ref().map(|c| c.key.clone()),
        confident,
    }
}

/// The preview of an imported report: Chinese warnings, choices, statutory part names.
pub fn import_preview(imported: Imported, template: &Template) -> ImportPreview {
    let warnings = imported
        .warnings
        .iter()
        .map(import_warning_message)
        .collect();
    let statutory_missing = template.parts.iter().any(|t| {
        !imported
            .mapping
            .iter()
            .any(|m| m.statutory.as_deref() == Some(t.key.as_str()))
    });
    let parts = imported
        .mapping
        .iter()
        .map(|m| part_choice(m, statutory_missing))
        .collect();
    let statutory_parts = template
        .parts
        .iter()
        .map(|p| StatutoryPart {
            key: p.key.clone(),
            heading: template.render(&p.heading, &imported.report.meta),
        })
        .collect();
    ImportPreview {
        report: imported.report,
        warnings,
        parts,
        statutory_parts,
    }
}

/// The result of an export.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportOutcome {
    /// Where the file was written.
    pub path: String,
    /// What the writer had to drop, in English detail.
    pub warnings: Vec<String>,
}

/// The drafter's words for an import refusal.
pub fn import_error_message(e: &ImportError) -> String {
    match e {
        ImportError::NotFound { .. } => "找不到该文件。".into(),
        ImportError::Unreadable { .. } => "无法读取该文件，请检查文件权限。".into(),
        ImportError::Empty { .. } => "文件是空的，没有可导入的文字。".into(),
        ImportError::TooLarge { .. } => {
            "文件超过 10 MB，不像是一份年度报告。请检查是否选错了文件。".into()
        }
        ImportError::Binary { .. } => {
            "这不是文本文件。请在 Word 或 WPS 中“另存为”纯文本（.txt）后再导入。".into()
        }
        ImportError::NotText { looks_like, .. } => {
            format!("这不是文本文件（看起来是 {looks_like}）。请另存为纯文本（.txt）后再导入。")
        }
        ImportError::UnsupportedExtension { .. } => {
            "只能导入 Word 文件（.docx）和纯文本文件（.txt）。".into()
        }
        ImportError::DocxTooLarge { .. } => {
            "Word 文件超过 50 MB，不像是一份年度报告。请检查是否选错了文件，或删去其中的大图片后再导入。"
                .into()
        }
        ImportError::OldWord { .. } => {
            "这是旧版 Word 文件（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入。".into()
        }
        ImportError::Encrypted { .. } => {
            "这个 Word 文件设置了打开密码。请在 Word 或 WPS 中取消密码、另存一份后再导入。".into()
        }
        ImportError::NotDocx { .. } => {
            "这不是 Word 文档（.docx），或文件已损坏。请在 Word 或 WPS 中打开并另存为 .docx 后再导入。"
                .into()
        }
        ImportError::UnpackLimit { .. } => {
            "文件解压后过大，不像是一份年度报告，已拒绝导入。请检查是否选错了文件。".into()
        }
        ImportError::XmlDoctype { .. } => {
            "文件中含有 Word 不会生成的内容（DOCTYPE 声明），为安全起见已拒绝导入。请在 Word 或 WPS 中另存为 .docx 后再导入。"
                .into()
        }
        ImportError::DamagedDocx { .. } => {
            "Word 文件已损坏，无法读取。请在 Word 或 WPS 中打开，另存为 .docx 后再导入。".into()
        }
        ImportError::Undecodable { .. } => {
            "无法识别文件的文字编码。请另存为 UTF-8 编码的文本文件后再导入。".into()
        }
        ImportError::NoReport { .. } => "文件中没有找到报告的标题和“一、”“二、”等部分标题。".into(),
        ImportError::NoYear { .. } => {
            "没有找到报告年度。请确认标题中含有“2023年”这样的年度。".into()
        }
        ImportError::NoIssuer { .. } => "没有找到机关名称。请确认标题以机关全称开头。".into(),
    }
}

/// The drafter's words for what an import dropped, guessed or renumbered.
pub fn import_warning_message(w: &ImportWarning) -> String {
    match w {
        ImportWarning::Decoded {
            encoding: SourceEncoding::Gb18030,
        } => "文件为 GBK（GB18030）编码，已自动转换。".into(),
        ImportWarning::Decoded {
            encoding: SourceEncoding::Utf16Le { .. } | SourceEncoding::Utf16Be { .. },
        } => "文件为 UTF-16 编码，已自动转换。".into(),
        ImportWarning::ControlCharactersDropped { count } => format!("已删除 {count} 个控制字符。"),
        ImportWarning::ChromeDropped { lines } => {
            format!("已删除网页上的发布信息（{}）。", line_list(lines))
        }
        ImportWarning::NoteDropped { line, note } => {
            format!("已删除成文日期后的附注“{note}”（第 {line} 行），报告中不保留附注。")
        }
        ImportWarning::ExtraPart { number, heading } => format!(
            "“{}{heading}”未对应模板中的法定部分，已作为增加的部分保留。",
            HeadingLevel::One.marker(*number)
        ),
        ImportWarning::MissingStatutoryPart { heading, .. } => {
            format!("未找到法定部分“{heading}”，请补写。")
        }
        ImportWarning::HeadingBeforeFirstPart { line, marker } => {
            format!("第 {line} 行“{marker}”位于“一、”之前，已作为导语段落保留。")
        }
        ImportWarning::PartWithoutHeading { line, marker } => {
            format!("第 {line} 行“{marker}”后没有部分标题，请补写。")
        }
        ImportWarning::SkippedLevel {
            line,
            marker,
            missing_level,
            placed_at,
        } => format!(
            "第 {line} 行“{marker}”之上缺少{}标题，已将其改为{}标题。",
            level_name(*missing_level),
            level_name(*placed_at)
        ),
        ImportWarning::HeadingWithoutText { line, marker } => {
            format!("第 {line} 行“{marker}”后没有标题文字，请补写。")
        }
        ImportWarning::OutOfSequence {
            line,
            marker,
            expected,
        } => {
            format!("第 {line} 行“{marker}”的编号不连续（应为“{expected}”），已按顺序重新编号。")
        }
        ImportWarning::RestartedPartNumbering { line, marker } => {
            format!(
                "第 {line} 行“{marker}”在部分内重新从“一、”编号，已作为二级标题（（一）（二）…）处理。"
            )
        }
        ImportWarning::ContinuousNumbering {
            line,
            marker,
            expected,
        } => format!(
            "第 {line} 行“{marker}”接着上一个标题下的序号连续编号，已改为在每个标题下从“{expected}”重新编号。"
        ),
        ImportWarning::TooDeep { line, marker } => {
            format!("第 {line} 行“{marker}”的层级超过四级，已作为普通段落保留。")
        }
        ImportWarning::HeadingAboveParts { line, text } => {
            format!("第 {line} 行“{text}”像是各部分之上的总标题，已作为导语段落保留。")
        }
        ImportWarning::StatutoryPartFolded {
            heading,
            part,
            found,
            ..
        } => format!(
            "法定部分“{heading}”没有单独成为一部分，其内容似乎写在“{}”部分的“{found}”中，请确认。",
            HeadingLevel::One.marker(*part)
        ),
        ImportWarning::RedHeaderDropped {
            organ,
            number,
            signer,
        } => {
            let mut kept: Vec<String> = Vec::new();
            if let Some(o) = organ {
                kept.push(format!("发文机关“{o}”"));
            }
            if let Some(n) = number {
                kept.push(format!("发文字号“{n}”"));
            }
            if let Some(s) = signer {
                kept.push(format!("签发人“{s}”"));
            }
            if kept.is_empty() {
                "已删除红头（版头）。".into()
            } else {
                format!("已删除红头（版头）：{}。", kept.join("，"))
            }
        }
        ImportWarning::TableFlattened { table, line, rows } => format!(
            "第 {line} 段起的表格 {table} 已转为 {rows} 个段落（每行一段，单元格之间以制表符分隔），请核对。"
        ),
        ImportWarning::ImageDropped { line, name } => {
            format!("第 {line} 段的图片“{name}”未导入。")
        }
        ImportWarning::TextBoxDropped { line, name, text } => {
            if text.is_empty() {
                format!("第 {line} 段的文本框“{name}”未导入。")
            } else {
                format!("第 {line} 段的文本框“{name}”（“{text}”）未导入。")
            }
        }
        ImportWarning::TrackedChangesAccepted {
            insertions,
            deletions,
        } => format!(
            "文件中有修订痕迹，已按接受全部修订处理（{insertions} 处插入保留，{deletions} 处删除不导入）。"
        ),
    }
}

/// `第 3 行` or `第 1、3、6 行`.
fn line_list(lines: &[usize]) -> String {
    let numbers: Vec<String> = lines.iter().map(usize::to_string).collect();
    format!("第 {} 行", numbers.join("、"))
}

/// `二级` for level 2.
fn level_name(level: u8) -> String {
    let numeral = match level {
        1 => "一",
        2 => "二",
        3 => "三",
        4 => "四",
        _ => return format!("{level} 级"),
    };
    format!("{numeral}级")
}

/// The drafter's words for an export failure.
pub fn export_error_message(e: &ExportError) -> String {
    match e {
        ExportError::Structure(_) => "报告结构不完整：请填写机关全称和有效的年度。".into(),
        ExportError::Io { source, .. } => match source.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                "没有写入权限。请换一个保存位置。".into()
            }
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                "磁盘空间不足。请清理磁盘或换一个保存位置。".into()
            }
            std::io::ErrorKind::NotFound => "保存位置不存在。请重新选择文件夹。".into(),
            std::io::ErrorKind::ResourceBusy => {
                "该文件正被其他程序打开。请关闭 Word 或 WPS 中的同名文件后重试。".into()
            }
            _ => "无法写入文件。请换一个保存位置后重试；原有文件未被改动。".into(),
        },
        ExportError::Package { .. } | ExportError::Unreadable { .. } => {
            "生成 Word 文件时出错。请把报告导出为 JSON 并联系技术支持。".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_warnings_in_chinese() {
        let cases = [
            (
                ImportWarning::ControlCharactersDropped { count: 3 },
                "已删除 3 个控制字符。",
            ),
            (
                ImportWarning::ChromeDropped {
                    lines: vec![1, 3, 6],
                },
                "已删除网页上的发布信息（第 1、3、6 行）。",
            ),
            (
                ImportWarning::OutOfSequence {
                    line: 12,
                    marker: "（三）".into(),
                    expected: "（二）".into(),
                },
                "第 12 行“（三）”的编号不连续（应为“（二）”），已按顺序重新编号。",
            ),
            (
                ImportWarning::ExtraPart {
                    number: 4,
                    heading: "其他事项".into(),
                },
                "“四、其他事项”未对应模板中的法定部分，已作为增加的部分保留。",
            ),
            (
                ImportWarning::SkippedLevel {
                    line: 5,
                    marker: "1.".into(),
                    missing_level: 2,
                    placed_at: 2,
                },
                "第 5 行“1.”之上缺少二级标题，已将其改为二级标题。",
            ),
            (
                ImportWarning::RedHeaderDropped {
                    organ: Some("某镇人民政府".into()),
                    number: Some("某政发〔2024〕3号".into()),
                    signer: None,
                },
                "已删除红头（版头）：发文机关“某镇人民政府”，发文字号“某政发〔2024〕3号”。",
            ),
            (
                ImportWarning::ImageDropped {
                    line: 7,
                    name: "图片 3".into(),
                },
                "第 7 段的图片“图片 3”未导入。",
            ),
        ];
        for (w, want) in cases {
            assert_eq!(import_warning_message(&w), want);
        }
    }

    #[test]
    fn old_word_files_get_the_save_as_advice() {
        let e = ImportError::OldWord {
            input: nianbao_import::Input::Document,
        };
        assert_eq!(
            import_error_message(&e),
            "这是旧版 Word 文件（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入。"
        );
    }

    fn mapping(statutory: Option<&str>, score: u8, rival: Option<(&str, u8)>) -> PartMapping {
        PartMapping {
            part: 1,
            heading: "某某工作情况".into(),
            statutory: statutory.map(Into::into),
            score,
            runner_up: rival.map(|(key, score)| nianbao_import::Candidate {
                key: key.into(),
                score,
            }),
            keywords: Vec::new(),
        }
    }

    #[test]
    fn confidence_needs_a_fair_score_and_a_clear_lead() {
        assert!(part_choice(&mapping(Some("measures"), 90, None), false).confident);
        assert!(part_choice(&mapping(Some("measures"), 80, Some(("plans", 40))), false).confident);
        // Close rival, or a weak score: ask.
        assert!(!part_choice(&mapping(Some("measures"), 70, Some(("plans", 60))), false).confident);
        assert!(!part_choice(&mapping(Some("measures"), 45, None), false).confident);
        // An extra part is clear only when no statutory part comes near it.
        assert!(part_choice(&mapping(None, 0, None), false).confident);
        assert!(part_choice(&mapping(None, 0, Some(("other", 20))), false).confident);
        assert!(!part_choice(&mapping(None, 0, Some(("other", 50))), false).confident);
        // ... nor when a statutory part was not found: the extra part may be it.
        assert!(!part_choice(&mapping(None, 0, None), true).confident);
        let c = part_choice(&mapping(Some("measures"), 70, Some(("plans", 60))), false);
        assert_eq!(c.index, 1);
        assert_eq!(c.runner_up.as_deref(), Some("plans"));
        assert_eq!(c.heading, "某某工作情况");
    }

    #[test]
    fn preview_of_an_import_lists_each_part_and_the_statutory_names() {
        let text = "某某县司法局2023年法治政府建设年度情况报告\n\
            现将2023年法治政府建设情况报告如下：\n\
            一、推进法治政府建设的主要举措和成效\n今年做了很多工作。\n\
            二、存在的不足和原因\n还有不足。\n\
            三、党政主要负责人履行推进法治建设第一责任人职责情况\n认真履职。\n\
            四、2024年度推进法治政府建设的主要安排\n继续努力。\n\
            五、其他需要报告的情况\n无。\n";
        let imported = nianbao_import::import_text(text).expect("imports");
        let preview = import_preview(imported, nianbao_report::template::default_template());
        assert_eq!(preview.report.meta.year, 2023);
        let keys: Vec<_> = preview
            .parts
            .iter()
            .map(|p| p.statutory.as_deref())
            .collect();
        assert_eq!(
            keys,
            [
                Some("measures"),
                Some("shortcomings"),
                Some("leadership"),
                Some("plans"),
                Some("other")
            ]
        );
        assert_eq!(preview.parts[1].index, 1);
        assert_eq!(preview.parts[1].heading, "存在的不足和原因");
        assert!(preview.parts[0].confident, "{:?}", preview.parts[0]);
        assert_eq!(preview.statutory_parts.len(), 5);
        assert_eq!(
            preview.statutory_parts[3].heading,
            "2024年度推进法治政府建设的主要安排"
        );
    }
}
