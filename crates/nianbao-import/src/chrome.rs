//! Publication chrome: what a government website or a PDF viewer adds around a report when it
//! is copied as text (`来源:长子营镇  日期:2024-03-28 10:09 打印 【字体:`, page numbers).
//! It is not part of the report and is dropped.

use crate::markers;

/// Labels that, followed by a colon, mark a line of page furniture on their own.
const LABELS: &[&str] = &[
    "来源",
    "信息来源",
    "发布时间",
    "发布日期",
    "浏览次数",
    "浏览量",
    "阅读次数",
    "阅读量",
    "点击数",
    "点击量",
    "访问量",
    "发布机构",
    "责任编辑",
    "字体",
    "字号",
    // 当前位置, 您现在的位置, 您当前的位置
    "位置",
    "索引号",
];

/// Labels that prose may also start with (`时间：2023年全年…`): furniture only together with
/// another sign of it on the same line.
const WEAK_LABELS: &[&str] = &["日期", "时间", "作者", "编辑", "发布者"];

/// Phrases that only page furniture contains.
const PHRASES: &[&str] = &[
    "关闭窗口",
    "关闭本页",
    "打印本页",
    "【打印】",
    "[打印]",
    "【字体",
    "【关闭】",
    "分享到",
    "返回顶部",
    "扫一扫",
    "加入收藏",
    "收藏本页",
];

/// Words that are furniture when they stand alone between spaces or brackets.
const WORDS: &[&str] = &["打印", "关闭", "大", "中", "小", "收藏", "分享"];

/// Longest line that can be furniture; real furniture is a short line.
const MAX_CHARS: usize = 120;

/// Whether a trimmed, non-empty line is publication chrome rather than report text.
pub(crate) fn is_chrome(line: &str) -> bool {
    if line.contains('。') || line.chars().count() > MAX_CHARS || markers::parse(line).is_some() {
        return false;
    }
    if is_bare_number_line(line) {
        return true;
    }
    let labelled = |labels: &[&str]| {
        labels
            .iter()
            .filter(|label| {
                line.match_indices(*label)
                    .any(|(i, _)| line[i + label.len()..].starts_with([':', '：']))
            })
            .count()
    };
    if labelled(LABELS) > 0 || PHRASES.iter().any(|p| line.contains(p)) {
        return true;
    }
    if labelled(WEAK_LABELS) + usize::from(has_timestamp(line)) >= 2 {
        return true;
    }
    // Breadcrumbs: 首页 > 政务公开 > 法治政府建设
    if line.matches(['>', '＞', '»', '›']).count() >= 2 {
        return true;
    }
    // A line made only of furniture words, e.g. `【打印】 【关闭】` or `字体 大 中 小`.
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || "【】[]「」|｜".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words.iter().all(|w| WORDS.contains(w))
}

/// A page number (`- 3 -`, `— 3 —`, `3`) or a bare timestamp (`2024-03-28 10:09`).
fn is_bare_number_line(line: &str) -> bool {
    let digits = line.chars().filter(char::is_ascii_digit).count();
    let only_numbers = line
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "-—–/:：.".contains(c));
    let separated = line.contains(['-', '—', '–', '/', ':', '：']);
    only_numbers
        && digits > 0
        && line.chars().count() <= 20
        && (separated || digits <= 3)
        && !line.ends_with(['.', '．'])
}

/// `2024-03-28` somewhere in the line.
fn has_timestamp(line: &str) -> bool {
    let b = line.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-' || *c == b'/',
            _ => c.is_ascii_digit(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_website_furniture() {
        for line in [
            "来源:长子营镇  日期:2024-03-28 10:09 打印 【字体:",
            "发布时间：2024年03月28日 浏览次数：105",
            "【打印本页】 【关闭窗口】",
            "分享到：",
            "打印 关闭",
            "- 3 -",
            "— 12 —",
            "2024-03-28 10:09",
            "3",
            "日期：2024-03-28",
            "作者：张三 时间：2024-03-28",
            "您现在的位置：首页 > 政务公开",
            "首页 > 政务公开 > 法治政府建设",
        ] {
            assert!(is_chrome(line), "{line}");
        }
    }

    #[test]
    fn leaves_report_text_alone() {
        for line in [
            "北京市大兴区长子营镇人民政府2023年法治政府建设年度情况报告",
            "区委、区政府：",
            "（一）强化组织领导,引领政治建设",
            "1.日期:不明确的事项。",
            "2024年3月28日",
            "北京市大兴区长子营镇人民政府",
            "无其他需要报告的情况。",
            "一是完善信息来源核查机制,规范打印文件管理",
            "时间：2023年全年",
            "1.",
            "2023",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
    }
}
