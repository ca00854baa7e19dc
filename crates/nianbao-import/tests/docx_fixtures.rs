//! Word documents in the styles offices really use, built here with `common::docx`, each
//! imported to the expected outline: automatic multilevel numbering, heading styles, a red-header
//! 公文 with 发文字号, a WPS file with fonts on every run, bold run-in headings, a table, pictures
//! and text boxes, and the ways published reports bend the template.

mod common;

use common::{
    docx::{Doc, GONGWEN_NUMBERING, HEADING_STYLES, P, picture, table, text_box},
    keys, nth_heading, outline, paragraphs,
};
use nianbao_import::{ImportWarning, Imported, import_docx_bytes};
use nianbao_report::{DocDate, Imprint};

fn import(doc: &Doc) -> Imported {
    let imported = import_docx_bytes(&doc.build()).expect("the fixture imports");
    assert_eq!(imported.report.validate(), Ok(()));
    imported
}

fn show(imported: &Imported) {
    for l in outline(&imported.report) {
        eprintln!("O {l}");
    }
    for w in &imported.warnings {
        eprintln!("W {w}");
    }
    for m in &imported.mapping {
        eprintln!(
            "M {} {:?} {} {:?} {:?}",
            m.heading, m.statutory, m.score, m.runner_up, m.keywords
        );
    }
}

const TITLE: &str = "某镇人民政府2023年法治政府建设年度情况报告";

/// Parts 一 to 五 numbered by Word's multilevel list, items and run-in items below them.
#[test]
fn auto_numbered_multilevel_list() {
    let bold = |p: P, head: &str, body: &str| p.bold(head).run(body);
    let doc = Doc::new()
        .numbering(GONGWEN_NUMBERING)
        .p(P::text(TITLE).center())
        .lines("2023年，我镇……现将有关情况报告如下：")
        .p(P::text("推进法治政府建设的主要举措和成效").num(1, 0))
        .p(P::text("强化组织领导").num(1, 1))
        .lines("成立领导小组。")
        .p(bold(
            P::new().num(1, 2),
            "积极走访企业，稳企解困。",
            "以重点企业为抓手。",
        ))
        .p(bold(
            P::new().num(1, 2),
            "优化营商环境",
            "全年办理事项8552件。",
        ))
        .p(P::text("细化措施。落实到人。").num(1, 3))
        .p(P::text("深化改革").num(1, 1))
        .p(bold(
            P::new().num(1, 2),
            "2023年度重点改革。",
            "完成改革任务。",
        ))
        .p(P::text("推进法治政府建设存在的不足和原因").num(1, 0))
        .lines("一是……；二是……。")
        .p(P::text("党政主要负责人履行推进法治建设第一责任人职责情况").num(1, 0))
        .lines("主要负责人……。")
        .p(P::text("2024年度推进法治政府建设的主要安排").num(1, 0))
        .lines("一是……。")
        .p(P::text("其他需要报告的情况").num(1, 0))
        .lines("无其他需要报告的情况。\n某镇人民政府\n2024年3月28日");
    let imported = import(&doc);
    show(&imported);
    let r = &imported.report;
    assert_eq!(
        outline(r),
        [
            "一、推进法治政府建设的主要举措和成效",
            "（一）强化组织领导",
            "1.积极走访企业，稳企解困。",
            "2.优化营商环境",
            "（1）细化措施。",
            "（二）深化改革",
            "1.2023年度重点改革。",
            "二、推进法治政府建设存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "四、2024年度推进法治政府建设的主要安排",
            "五、其他需要报告的情况",
        ]
    );
    assert_eq!(
        keys(r),
        ["measures", "shortcomings", "leadership", "plans", "other"]
    );
    let item = nth_heading(&nth_heading(&r.parts[0].blocks, 0).children, 1);
    assert_eq!(item.body, "全年办理事项8552件。");
    assert_eq!(nth_heading(&item.children, 0).body, "落实到人。");
    assert_eq!(r.meta.date, DocDate::new(2024, 3, 28).ok());
    assert_eq!(imported.warnings, []);
}

/// No typed markers and no numbering: the levels come from Heading 1/2 and 标题 3 styles.
#[test]
fn heading_styles_give_the_levels() {
    let doc = Doc::new()
        .styles(HEADING_STYLES)
        .p(P::text("某区司法局").style("Title"))
        .p(P::text("2023年法治政府建设年度情况报告").style("Title"))
        .lines("2023年，我局……。")
        .p(P::text("主要举措和成效").style("1"))
        .p(P::text("坚持党的领导").style("2"))
        .lines("局党组……。")
        .p(P::text("完善制度。").style("30"))
        .p(P::new()
            .style("30")
            .run("落实责任。")
            .run_with(r#"<w:b w:val="0"/>"#, "压实到科室。"))
        .p(P::text("存在的问题").style("1"))
        .lines("一是……。")
        .p(P::text("下一步工作打算").style("1"))
        .lines("一是……。\n某区司法局\n2024年2月20日");
    let imported = import(&doc);
    show(&imported);
    let r = &imported.report;
    assert_eq!((r.meta.issuer.as_str(), r.meta.year), ("某区司法局", 2023));
    assert_eq!(
        r.meta.title, None,
        "the centred lines join to the template's title"
    );
    assert_eq!(
        outline(r),
        [
            "一、主要举措和成效",
            "（一）坚持党的领导",
            "1.完善制度。",
            "2.落实责任。",
            "二、存在的问题",
            "三、下一步工作打算",
        ]
    );
    let l3 = nth_heading(&nth_heading(&r.parts[0].blocks, 0).children, 1);
    assert_eq!(l3.body, "压实到科室。");
    assert_eq!(keys(r), ["measures", "shortcomings", "plans"]);
    assert_eq!(
        imported
            .warnings
            .iter()
            .filter(|w| matches!(w, ImportWarning::MissingStatutoryPart { .. }))
            .count(),
        2,
        "{:?}",
        imported.warnings
    );
}

/// A report submitted on a red-header 公文 template: 份号, 发文机关标志 in red, 发文字号 with
/// 签发人, the red line, a title without the organ's name, 主送, 附件说明, 署名, 成文日期, 版记.
#[test]
fn red_header_gongwen() {
    let doc = Doc::new()
        .lines("000018")
        .p(P::new()
            .center()
            .red("北京市大兴区长子营镇人民政府文件", 72))
        .p(P::new())
        .p(P::text("京兴长政发〔2024〕3号\t\t签发人：张三").red_rule())
        .p(P::new())
        .p(P::new()
            .center()
            .run_with(r#"<w:sz w:val="44"/>"#, "关于2023年法治政府建设"))
        .p(P::new()
            .center()
            .run_with(r#"<w:sz w:val="44"/>"#, "情况的报告"))
        .lines(
            "区委、区政府：\n\
             2023年，在区委、区政府的坚强领导下……现将有关情况报告如下：\n\
             一、推进法治政府建设的主要举措和成效\n\
             （一）强化组织领导\n\
             成立领导小组。\n\
             二、推进法治政府建设存在的不足和原因\n\
             一是……。\n\
             三、党政主要负责人履行推进法治建设第一责任人职责情况\n\
             镇党委书记……。\n\
             四、2024年度推进法治政府建设的主要安排\n\
             一是……。\n\
             五、其他需要报告的情况\n\
             无。\n\
             附件：1.2023年度行政复议案件统计表\n\
             2.法治政府建设工作台账\n\
             北京市大兴区长子营镇人民政府\n\
             2024年3月28日\n\
             （此件公开发布）\n\
             抄送：区委依法治区办。\n\
             北京市大兴区长子营镇人民政府党政办公室\t2024年3月29日印发",
        );
    let imported = import(&doc);
    show(&imported);
    let r = &imported.report;
    let m = &r.meta;
    assert_eq!(
        m.issuer, "北京市大兴区长子营镇人民政府",
        "from the red header"
    );
    assert_eq!(m.year, 2023);
    assert_eq!(
        m.title.as_deref(),
        Some("关于2023年法治政府建设\n情况的报告")
    );
    assert_eq!(m.recipient.as_deref(), Some("区委、区政府"));
    assert_eq!(m.signature, None, "the signature is the issuer");
    assert_eq!(m.date, DocDate::new(2024, 3, 28).ok());
    assert_eq!(
        m.attachments,
        ["2023年度行政复议案件统计表", "法治政府建设工作台账"]
    );
    assert_eq!(
        m.imprint,
        Some(Imprint {
            cc: Some("区委依法治区办".into()),
            printer: "北京市大兴区长子营镇人民政府党政办公室".into(),
            date: DocDate::new(2024, 3, 29).unwrap(),
        })
    );
    assert_eq!(r.preface.len(), 1);
    assert_eq!(
        keys(r),
        ["measures", "shortcomings", "leadership", "plans", "other"]
    );
    assert_eq!(
        imported.warnings[0],
        ImportWarning::RedHeaderDropped {
            organ: Some("北京市大兴区长子营镇人民政府".into()),
            number: Some("京兴长政发〔2024〕3号".into()),
            signer: Some("张三".into()),
        }
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| matches!(w, ImportWarning::NoteDropped { .. })),
        "{:?}",
        imported.warnings
    );
    assert_eq!(imported.warnings.len(), 2, "{:?}", imported.warnings);
}

/// WPS writes fonts on every run and few styles: headings are told apart by 黑体 and 楷体, their
/// run-in bodies by the return to 仿宋. The title is broken over two centred lines by a soft
/// return, and a salutation stands before the preface.
#[test]
fn wps_fonts_on_runs() {
    const FS: &str = "仿宋_GB2312";
    let body = |text: &str| P::new().font(FS, text);
    let doc = Doc::new()
        .p(P::new()
            .center()
            .font("方正小标宋简体", "某县市场监督管理局")
            .br()
            .font("方正小标宋简体", "2023年度法治政府建设工作报告"))
        .p(body("尊敬的县委、县政府："))
        .p(body("2023年，我局坚持……，现将有关情况报告如下："))
        .p(P::new()
            .font("黑体", "一、健全法治政府建设制度保障。")
            .font(FS, "一是完善制度。二是强化落实。"))
        .p(P::new()
            .font("黑体", "二、主要做法及成效"))
        .p(P::new()
            .font("楷体_GB2312", "（一）强化组织领导")
            .font(FS, "成立领导小组，定期研究。"))
        .p(P::new()
            .font(FS, "1.")
            .run_with(
                r#"<w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:b/>"#,
                "积极走访企业，稳企解困"
            )
            .font(FS, "，以重点企业为抓手。"))
        .p(body("（二）深化改革。完成改革任务12项。"))
        .p(P::new().font("黑体", "三、存在的问题和原因"))
        .p(body("一是……。"))
        .p(P::new().font("黑体", "四、2024年工作计划"))
        .p(body("一是……。"))
        .p(body("某县市场监督管理局"))
        .p(body("2024年3月1日"));
    let imported = import(&doc);
    show(&imported);
    let r = &imported.report;
    assert_eq!(
        (r.meta.issuer.as_str(), r.meta.year),
        ("某县市场监督管理局", 2023)
    );
    assert_eq!(
        r.meta.title.as_deref(),
        Some("某县市场监督管理局\n2023年度法治政府建设工作报告")
    );
    assert_eq!(r.meta.recipient.as_deref(), Some("尊敬的县委、县政府"));
    assert_eq!(
        outline(r),
        [
            "一、健全法治政府建设制度保障。",
            "二、主要做法及成效",
            "（一）强化组织领导",
            "1.积极走访企业，稳企解困，",
            "（二）深化改革。",
            "三、存在的问题和原因",
            "四、2024年工作计划",
        ]
    );
    assert_eq!(r.parts[0].body, "一是完善制度。二是强化落实。");
    let l2 = nth_heading(&r.parts[1].blocks, 0);
    assert_eq!(l2.body, "成立领导小组，定期研究。");
    assert_eq!(nth_heading(&l2.children, 0).body, "以重点企业为抓手。");
    assert_eq!(
        nth_heading(&r.parts[1].blocks, 1).body,
        "完成改革任务12项。"
    );
    assert_eq!(keys(r), ["-", "measures", "shortcomings", "plans"]);
}

/// Run-in headings set in bold, with and without a final `。`, the body in regular weight.
#[test]
fn bold_run_in_headings() {
    let doc = Doc::new()
        .lines(&format!("{TITLE}\n一、推进法治政府建设的主要举措和成效"))
        .p(P::new().bold("（一）强化组织领导").run("成立领导小组。"))
        .p(P::new()
            .bold("1.积极走访企业，稳企解困")
            .run("以重点企业为抓手，全年走访120家。"))
        .p(P::new()
            .run("2.")
            .bold("优化营商环境。")
            .run("全年办理事项8552件。"))
        .p(P::new().bold("（1）细化措施。落实到人").run("，责任到岗。"))
        .p(P::new().bold("3.整段加粗的标题。不拆分"))
        .p(P::new().run("4.没有加粗。按句号拆分"))
        .lines("二、推进法治政府建设存在的不足和原因\n不足。");
    let imported = import(&doc);
    show(&imported);
    let h = nth_heading(&imported.report.parts[0].blocks, 0);
    assert_eq!(
        (h.text.as_str(), h.body.as_str()),
        ("强化组织领导", "成立领导小组。")
    );
    assert_eq!(paragraphs(&h.children), Vec::<&str>::new());
    let split: Vec<(&str, &str)> = h
        .children
        .iter()
        .filter_map(|b| match b {
            nianbao_report::Block::Heading(h) => Some((h.text.as_str(), h.body.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        split,
        [
            (
                "积极走访企业，稳企解困",
                "以重点企业为抓手，全年走访120家。"
            ),
            ("优化营商环境。", "全年办理事项8552件。"),
            ("整段加粗的标题。不拆分", ""),
            ("没有加粗。", "按句号拆分"),
        ]
    );
    let sub = nth_heading(&nth_heading(&h.children, 1).children, 0);
    assert_eq!(
        (sub.text.as_str(), sub.body.as_str()),
        ("细化措施。落实到人，", "责任到岗。")
    );
}

/// A table is kept as one paragraph per row, cells separated by tabs, with a warning; pictures
/// and text boxes are dropped with warnings naming them.
#[test]
fn tables_pictures_and_text_boxes() {
    let doc = Doc::new()
        .lines(&format!(
            "{TITLE}\n一、推进法治政府建设的主要举措和成效\n全年办理案件情况如下："
        ))
        .raw(&table(&[
            &["类别", "2022年", "2023年"],
            &["行政复议", "15", "5"],
            &["行政诉讼", "4", "1"],
        ]))
        .p(P::text("下图为执法现场。").raw(&picture("图片 3")))
        .p(P::new().raw(&picture("")))
        .p(P::text("正文继续。").raw(&text_box("文本框 2", "扫码查看全文")))
        .lines("二、推进法治政府建设存在的不足和原因\n不足。");
    let imported = import(&doc);
    show(&imported);
    let r = &imported.report;
    assert_eq!(
        paragraphs(&r.parts[0].blocks),
        [
            "全年办理案件情况如下：",
            "类别\t2022年\t2023年",
            "行政复议\t15\t5",
            "行政诉讼\t4\t1",
            "下图为执法现场。",
            "正文继续。",
        ]
    );
    let dropped: Vec<String> = imported
        .warnings
        .iter()
        .filter(|w| {
            matches!(
                w,
                ImportWarning::TableFlattened { .. }
                    | ImportWarning::ImageDropped { .. }
                    | ImportWarning::TextBoxDropped { .. }
            )
        })
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        dropped,
        [
            "line 7: dropped the picture “图片 3”",
            "line 8: dropped the picture “picture”",
            "line 9: dropped the text box “文本框 2” with the text “扫码查看全文”",
            "line 4: table 1 kept as 3 paragraphs of cell text, cells separated by tabs",
        ]
    );
}

/// The ways published reports bend the template, in one document: a salutation, an unnumbered
/// heading above the parts, the 第一责任人 part first, parts renamed, `一、` started again where
/// `（一）` was meant, run-in headings at every level.
#[test]
fn leadership_first_renamed_parts_and_restarted_numbering() {
    let text = "某区人民政府2023年法治政府建设年度情况报告\n\
        区委：\n\
        2023年，我区……现将有关情况报告如下：\n\
        2023年法治政府建设工作情况\n\
        一、党政主要负责人履行推进法治建设第一责任人职责情况。区长带头……。\n\
        二、主要工作和成效\n\
        一、强化组织领导\n\
        成立领导小组。\n\
        （一）健全制度。制定规则3项。\n\
        二、深化改革。完成改革任务。\n\
        三、存在的不足和原因\n\
        一是……；二是……。\n\
        四、下一步工作打算\n\
        一是……。\n\
        某区人民政府\n\
        2024年3月20日";
    let doc = Doc::new()
        .p(P::text("某区人民政府2023年法治政府建设年度情况报告").center())
        .lines(text.split_once('\n').unwrap().1);
    let imported = import(&doc);
    show(&imported);
    let from_text = nianbao_import::import_text(text).unwrap();
    assert_eq!(from_text.report, imported.report, "Word and text agree");
    let r = &imported.report;
    assert_eq!(r.meta.recipient.as_deref(), Some("区委"));
    assert_eq!(
        outline(r),
        [
            "一、党政主要负责人履行推进法治建设第一责任人职责情况。",
            "二、主要工作和成效",
            "（一）强化组织领导",
            "1.健全制度。",
            "（二）深化改革。",
            "三、存在的不足和原因",
            "四、下一步工作打算",
        ]
    );
    assert_eq!(r.parts[0].body, "区长带头……。");
    assert_eq!(keys(r), ["leadership", "measures", "shortcomings", "plans"]);
    assert_eq!(
        r.preface.last().map(|p| p.text.as_str()),
        Some("2023年法治政府建设工作情况")
    );
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "line 4: “2023年法治政府建设工作情况” looks like a heading above all the parts; kept as a preface paragraph",
            "line 7: “一、” starts the part numbering again inside a part; read as a second-level heading",
            "no part matches the statutory part “其他需要报告的情况”",
        ]
    );
}

/// Thematic parts with the 第一责任人 content folded in as a `（二）`, `1.` numbered by Word
/// straight on across `（一）（二）`, in traditional characters.
#[test]
fn thematic_parts_folded_leadership_and_continuous_numbering() {
    let doc = Doc::new()
        .numbering(GONGWEN_NUMBERING)
        .p(P::text("某鎮人民政府2023年法治政府建設年度情況報告").center())
        .lines("2023年，我鎮……。")
        .p(P::text("堅持黨的領導，健全工作機制").num(2, 0))
        .p(P::text("加強組織保障").num(2, 1))
        .lines("成立領導小組。")
        .p(P::text("黨政主要負責人履行推進法治建設第一責任人職責情況").num(2, 1))
        .lines("鎮黨委書記……。")
        .p(P::text("深化“放管服”改革").num(2, 0))
        .p(P::text("優化營商環境").num(2, 1))
        .p(P::new().num(2, 2).bold("走訪企業。").run("全年120家。"))
        .p(P::new().num(2, 2).bold("壓減時限。").run("平均壓減50%。"))
        .p(P::text("推進政務公開").num(2, 1))
        .p(P::new().num(2, 2).bold("公開目錄。").run("更新120條。"))
        .p(P::text("存在的問題和不足").num(2, 0))
        .lines("一是……。")
        .p(P::text("2024年工作計劃").num(2, 0))
        .lines("一是……。\n某鎮人民政府\n2024年3月1日");
    let imported = import(&doc);
    show(&imported);
    let r = &imported.report;
    assert_eq!(
        (r.meta.issuer.as_str(), r.meta.year),
        ("某鎮人民政府", 2023)
    );
    assert_eq!(
        outline(r),
        [
            "一、堅持黨的領導，健全工作機制",
            "（一）加強組織保障",
            "（二）黨政主要負責人履行推進法治建設第一責任人職責情況",
            "二、深化“放管服”改革",
            "（一）優化營商環境",
            "1.走訪企業。",
            "2.壓減時限。",
            "（二）推進政務公開",
            "1.公開目錄。",
            "三、存在的問題和不足",
            "四、2024年工作計劃",
        ]
    );
    assert_eq!(keys(r), ["-", "-", "shortcomings", "plans"]);
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "line 13: “3.” continues the numbering of the previous heading's items; it restarts as “1.” when regenerated",
            "part 一、 “堅持黨的領導，健全工作機制” matches no statutory part of the template; kept as an extra part",
            "part 二、 “深化“放管服”改革” matches no statutory part of the template; kept as an extra part",
            "no part matches the statutory part “推进法治政府建设的主要举措和成效”",
            "the statutory part “党政主要负责人履行推进法治建设第一责任人职责情况” has no part of its own; it seems folded into part 一、 as “（二）黨政主要負責人履行推進法治建設第一責任人職責情況”",
            "no part matches the statutory part “其他需要报告的情况”",
        ]
    );
}

/// Tracked changes read as accepted, hidden text and controls left out, field codes not read.
#[test]
fn tracked_changes_hidden_text_and_fields() {
    let doc = Doc::new()
        .lines(&format!("{TITLE}\n一、推进法治政府建设的主要举措和成效"))
        .p(P::new()
            .run("全年办理")
            .raw(r#"<w:ins w:id="1" w:author="a"><w:r><w:t>行政复议</w:t></w:r></w:ins>"#)
            .raw(r#"<w:del w:id="2" w:author="a"><w:r><w:delText>民事</w:delText></w:r></w:del>"#)
            .run("案件\u{85}5件")
            .run_with("<w:vanish/>", "（隐藏批注）")
            .raw(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>，第3页</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#)
            .run("。"));
    let imported = import(&doc);
    assert_eq!(
        paragraphs(&imported.report.parts[0].blocks),
        ["全年办理行政复议案件5件，第3页。"]
    );
    assert!(
        imported
            .warnings
            .contains(&ImportWarning::ControlCharactersDropped { count: 1 })
    );
    assert!(
        imported
            .warnings
            .contains(&ImportWarning::TrackedChangesAccepted {
                insertions: 1,
                deletions: 1
            })
    );
}
