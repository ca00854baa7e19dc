//! Errors as the window shows them: one Chinese sentence for the drafter (what happened and
//! what to do), and the English detail for logs and bug reports.

use std::path::Path;

use nianbao_store::{Refusal, StoreError};
use serde::Serialize;

/// An error crossing the IPC boundary.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IpcError {
    /// For the drafter, in Chinese.
    pub message: String,
    /// For the log, in English.
    pub detail: String,
}

impl IpcError {
    /// An error with both texts.
    pub fn new(message: impl Into<String>, detail: impl Into<String>) -> Self {
        IpcError {
            message: message.into(),
            detail: detail.into(),
        }
    }

    /// A file-system error, explained by its kind.
    pub fn io(what: &str, path: &Path, e: &std::io::Error) -> Self {
        use std::io::ErrorKind::*;
        let why = match e.kind() {
            NotFound => "找不到该文件或文件夹",
            PermissionDenied | ReadOnlyFilesystem => "没有写入权限，请换一个位置或检查文件权限",
            StorageFull | QuotaExceeded => "磁盘空间不足，请清理磁盘后重试",
            ResourceBusy | ExecutableFileBusy => "文件正被其他程序占用，请关闭后重试",
            _ => "请检查文件后重试",
        };
        IpcError::new(
            format!("{what}：{why}（{}）", path.display()),
            format!("{}: {e}", path.display()),
        )
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        let detail = e.to_string();
        let message = match &e {
            StoreError::Foreign { path, .. } => {
                format!(
                    "{} 不是年报的数据库文件，未做任何改动。请选择正确的文件。",
                    path.display()
                )
            }
            StoreError::Damaged { path, .. } => {
                format!(
                    "数据库 {} 已损坏，未做任何改动。请从备份恢复。",
                    path.display()
                )
            }
            StoreError::TooNew { path, .. } => {
                format!(
                    "数据库 {} 由更新版本的年报创建，请升级本程序后再打开。",
                    path.display()
                )
            }
            StoreError::NotFound(_) => "找不到该报告或段落，可能已被删除。请刷新报告库。".into(),
            StoreError::Refused(r) => refusal(r).into(),
            StoreError::Invalid(_) => "报告结构不完整：请填写机关全称和有效的年度。".into(),
            StoreError::NoDataDir => {
                "找不到存放数据的文件夹，请用 --db 参数指定数据库位置。".into()
            }
            StoreError::Io { path, source } => return IpcError::io("无法读写数据库", path, source),
            StoreError::Migration(_) => "数据库升级失败，未做任何改动。请联系技术支持。".into(),
            StoreError::ReadOnly { .. } => {
                "磁盘或文件只读：请检查U盘的写保护开关或文件的只读属性。修改仍在编辑器中，恢复可写后会自动保存。"
                    .into()
            }
            StoreError::Sqlite(s) if s.to_string().contains("full") => {
                "磁盘空间不足，未能保存。请清理磁盘后重试。".into()
            }
            StoreError::Sqlite(_) => "保存失败，数据库暂时无法写入。稍后会自动重试。".into(),
        };
        IpcError { message, detail }
    }
}

fn refusal(r: &Refusal) -> &'static str {
    match r {
        Refusal::TooDeep => "标题最多四级，不能再降级。",
        Refusal::IntoOwnSubtree => "不能把标题移到它自己的下级中。",
        Refusal::UnderParagraph(_) => "段落下面不能再放内容。",
        Refusal::WrongKind { .. } => "这个位置不能放该内容。",
        Refusal::HeadingInPreface => "导语中只能有段落，不能有标题。",
        Refusal::PartAsBlock(_) => "一级标题请用“上移部分”“下移部分”调整顺序。",
        Refusal::OtherReport => "不能把内容移到另一份报告中。",
        Refusal::IndexOutOfRange { .. } => "已经到头了，不能再移动。",
        Refusal::ParagraphBody => "段落没有标题句。",
        Refusal::NotInTrash(_) => "只能彻底删除回收站中的报告。",
        Refusal::UnknownFigure(_) => "找不到该数据项，可能已被删除。请刷新后重试。",
        Refusal::BadValue(_) => "数值无效：请填写数字，如 15 或 12.5（不能为负数，最多四位小数）。",
        Refusal::FigureName(_) => "数据项名称不能为空，也不能与已有数据项重名。",
        Refusal::TemplateFigure(_) => "模板规定的数据项不能改名或删除，只能填写数值。",
        Refusal::LinkToOtherReport => "只能关联到本报告中的标题或段落。",
        Refusal::NotReviewed => {
            "请先完成保密审查（不涉及国家秘密、不含个人信息、不含内部数据），再标记为定稿。"
        }
        Refusal::ReviewStale => "保密审查后报告内容有改动，请重新进行保密审查后再标记为定稿。",
    }
}

impl From<nianbao_import::ImportError> for IpcError {
    fn from(e: nianbao_import::ImportError) -> Self {
        IpcError::new(
            format!("无法导入：{}", crate::ipc::import_error_message(&e)),
            e.to_string(),
        )
    }
}

impl From<nianbao_docx::ExportError> for IpcError {
    fn from(e: nianbao_docx::ExportError) -> Self {
        IpcError::new(
            format!("导出失败：{}", crate::ipc::export_error_message(&e)),
            e.to_string(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_only_disk_is_named_as_such() {
        let e = IpcError::from(StoreError::ReadOnly {
            path: "/media/u/nianbao.db".into(),
            detail: "disk I/O error".into(),
        });
        assert!(e.message.contains("磁盘或文件只读"), "{}", e.message);
        assert!(e.message.contains("自动保存"), "{}", e.message);
        assert!(e.detail.contains("read-only"), "{}", e.detail);
    }
}
