//! One recognition rule at a time, on small reports.

mod common;

use common::{flatten, mini, nth_heading, paragraphs};
use nianbao_import::{ImportWarning, SourceEncoding, import_file, import_text};
use nianbao_report::{Block, DocDate};

#[test]
fn control_characters_are_dropped_with_a_warning() {
    let text =
        mini("一、推进\u{1}法治\u{7}政府建设的主要举措和成效\n全年\u{B}办理\u{85}案件5件。\n");
    let imported = import_text(&text).unwrap();
    assert!(
        imported
            .warnings
            .contains(&ImportWarning::ControlCharactersDropped { count: 4 }),
        "{:?}",
        imported.warnings
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.to_string() == "dropped 4 control characters"),
        "{:?}",
        imported.warnings
    );
    let part = &imported.report.parts[0];
    assert_eq!(part.heading, "推进法治政府建设的主要举措和成效");
    assert_eq!(paragraphs(&part.blocks), ["全年办理案件5件。"]);
}

#[test]
fn half_and_full_width_markers_mean_the_same() {
    let full = mini(
        "一、推进法治政府建设的主要举措和成效\n（一）强化组织领导\n１．走访企业。稳企解困。\n（１）细化措施\n",
    );
    let half = mini(
        "一、推进法治政府建设的主要举措和成效\n(一)强化组织领导\n1.走访企业。稳企解困。\n(1)细化措施\n",
    );
    let mixed = mini(
        "　　一、推进法治政府建设的主要举措和成效\n　　（一)强化组织领导\n  1、走访企业。稳企解困。\n\t(１）细化措施\n",
    );
    let a = import_text(&full).unwrap();
    assert_eq!(a.report, import_text(&half).unwrap().report);
    assert_eq!(a.report, import_text(&mixed).unwrap().report);
    let l2 = nth_heading(&a.report.parts[0].blocks, 0);
    let l3 = nth_heading(&l2.children, 0);
    assert_eq!(
        (l3.text.as_str(), l3.body.as_str()),
        ("走访企业。", "稳企解困。")
    );
    assert_eq!(nth_heading(&l3.children, 0).text, "细化措施");
}

#[test]
fn prose_starting_with_numbers_stays_prose() {
    let text = mini(
        "一、推进法治政府建设的主要举措和成效\n一是强化领导。\n2023年,全镇办理案件6件。\n1.5亿元用于执法保障。\n",
    );
    let report = import_text(&text).unwrap().report;
    assert_eq!(
        paragraphs(&report.parts[0].blocks),
        [
            "一是强化领导。",
            "2023年,全镇办理案件6件。",
            "1.5亿元用于执法保障。"
        ]
    );
}

#[test]
fn out_of_sequence_numbers_are_accepted_with_a_warning() {
    let text = mini(
        "一、推进法治政府建设的主要举措和成效\n（一）甲\n（三）乙\n1.丙\n3.丁\n三、推进法治政府建设存在的不足和原因\n不足。",
    );
    let imported = import_text(&text).unwrap();
    let report = &imported.report;
    assert_eq!(report.parts.len(), 2);
    assert_eq!(report.parts[1].statutory.as_deref(), Some("shortcomings"));
    let seq: Vec<_> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w, ImportWarning::OutOfSequence { .. }))
        .collect();
    assert_eq!(seq.len(), 3, "{:?}", imported.warnings);
    assert_eq!(
        *seq[0],
        ImportWarning::OutOfSequence {
            line: 5,
            marker: "（三）".into(),
            expected: "（二）".into(),
        }
    );
    assert_eq!(
        seq[0].to_string(),
        "line 5: “（三）” is out of sequence (expected “（二）”); numbering is regenerated"
    );
    let outline: Vec<String> = report
        .outline()
        .into_iter()
        .map(|e| format!("{}{}", e.marker, e.text))
        .collect();
    assert_eq!(
        outline,
        [
            "一、推进法治政府建设的主要举措和成效",
            "（一）甲",
            "（二）乙",
            "1.丙",
            "2.丁",
            "二、推进法治政府建设存在的不足和原因"
        ]
    );
}

#[test]
fn a_title_split_over_two_lines() {
    // Split where the template would not: kept as the drafter's title with its break.
    let text = "北京市大兴区长子营镇人民政府关于\n2023年法治政府建设情况的报告\n\n一、推进法治政府建设的主要举措和成效\n正文。";
    let report = import_text(text).unwrap().report;
    assert_eq!(report.meta.issuer, "北京市大兴区长子营镇人民政府");
    assert_eq!(report.meta.year, 2023);
    assert_eq!(
        report.meta.title.as_deref(),
        Some("北京市大兴区长子营镇人民政府关于\n2023年法治政府建设情况的报告")
    );
    assert_eq!(report.preface, []);
    // Split but equal to the template's title once joined: generated.
    let text = "北京市大兴区长子营镇人民政府\n2023年法治政府建设年度情况报告\n一、推进法治政府建设的主要举措和成效\n正文。";
    let report = import_text(text).unwrap().report;
    assert_eq!(report.meta.title, None);
    assert_eq!(report.meta.issuer, "北京市大兴区长子营镇人民政府");
}

#[test]
fn recipient_line_after_the_title() {
    let text = mini(
        "区委、区政府：\n现将2023年法治政府建设情况报告如下：\n一、推进法治政府建设的主要举措和成效\n正文。",
    );
    let report = import_text(&text).unwrap().report;
    assert_eq!(report.meta.recipient.as_deref(), Some("区委、区政府"));
    assert_eq!(report.preface.len(), 1);
    assert_eq!(
        report.preface[0].text,
        "现将2023年法治政府建设情况报告如下："
    );
    // Half-width colon too; a preface sentence is never taken for a recipient.
    let text = mini("区委,区政府:\n一、举措\n正文。");
    assert_eq!(import_text(&text).unwrap().report.meta.recipient, None);
    let text = mini("区委区政府:\n一、举措\n正文。");
    assert_eq!(
        import_text(&text).unwrap().report.meta.recipient.as_deref(),
        Some("区委区政府")
    );
    let text = mini("现将有关情况报告如下：\n一、举措\n正文。");
    assert_eq!(import_text(&text).unwrap().report.meta.recipient, None);
}

#[test]
fn signature_date_and_attachments_at_the_end() {
    let text = mini(
        "一、推进法治政府建设的主要举措和成效\n正文。\n五、其他需要报告的情况\n无其他需要报告的情况。\n\n附件：1.2023年度行政复议案件统计表\n      2.法治政府建设工作台账\n\n某镇人民政府\n2024年3月28日\n",
    );
    let report = import_text(&text).unwrap().report;
    let m = &report.meta;
    assert_eq!(m.signature, None, "the signature is the issuer");
    assert_eq!(m.date, DocDate::new(2024, 3, 28).ok());
    assert_eq!(
        m.attachments,
        ["2023年度行政复议案件统计表", "法治政府建设工作台账"]
    );
    assert_eq!(
        paragraphs(&report.parts[1].blocks),
        ["无其他需要报告的情况。"]
    );
    // A signature that differs from the issuer is kept.
    let text = mini("一、举措\n正文。\n某镇人民政府办公室\n2024年3月28日");
    let m = import_text(&text).unwrap().report.meta;
    assert_eq!(m.signature.as_deref(), Some("某镇人民政府办公室"));
}

#[test]
fn year_and_issuer_from_the_sign_off_when_the_title_lacks_them() {
    let text = "法治政府建设年度情况报告\n一、举措\n正文。\n某镇人民政府\n2024年2月20日";
    let report = import_text(text).unwrap().report;
    assert_eq!(
        (report.meta.issuer.as_str(), report.meta.year),
        ("某镇人民政府", 2023)
    );
    assert_eq!(report.meta.signature, None);
    assert_eq!(
        report.meta.title.as_deref(),
        Some("法治政府建设年度情况报告")
    );
}

#[test]
fn run_in_level_one_heading() {
    let text = mini(
        "一、健全法治政府建设制度保障。一是完善制度。二是强化落实。\n二、推进法治政府建设存在的不足和原因\n不足。",
    );
    let report = import_text(&text).unwrap().report;
    let part = &report.parts[0];
    assert_eq!(part.heading, "健全法治政府建设制度保障。");
    assert_eq!(part.body, "一是完善制度。二是强化落实。");
    assert_eq!(part.blocks, []);
    assert_eq!(report.parts[1].statutory.as_deref(), Some("shortcomings"));
}

#[test]
fn chrome_anywhere_is_dropped_and_counted() {
    let text = "发布时间：2024-03-28  浏览次数：105\n某镇人民政府2023年法治政府建设年度情况报告\n来源：某镇 日期：2024-03-28\n一、推进法治政府建设的主要举措和成效\n正文。\n- 2 -\n后文。\n【打印本页】 【关闭窗口】";
    let imported = import_text(text).unwrap();
    assert_eq!(imported.report.meta.title, None);
    assert_eq!(
        flatten(&imported.report),
        ["推进法治政府建设的主要举措和成效", "正文。", "后文。"]
    );
    assert_eq!(
        imported.warnings[0],
        ImportWarning::ChromeDropped {
            lines: vec![1, 3, 6, 8]
        },
        "{:?}",
        imported.warnings
    );
    assert_eq!(
        imported.warnings[0].to_string(),
        "dropped 4 lines of publication chrome (source, date, print, font size, page numbers): lines 1, 3, 6, 8"
    );
}

#[test]
fn inner_text_is_kept_exactly() {
    let line = "一是自觉接受人大监督 (含政协) ;  “双随机、一公开” 100% , 完成。";
    let text = mini(&format!(
        "一、推进法治政府建设的主要举措和成效\n\u{3000}\u{3000}{line}   \n"
    ));
    let report = import_text(&text).unwrap().report;
    assert_eq!(paragraphs(&report.parts[0].blocks), [line]);
}

#[test]
fn levels_skipped_in_the_source_are_closed_up() {
    let text = mini("一、推进法治政府建设的主要举措和成效\n1.直接写三级。正文。\n（1）四级\n");
    let imported = import_text(&text).unwrap();
    let blocks = &imported.report.parts[0].blocks;
    assert!(matches!(blocks[0], Block::Heading(_)));
    let l2 = nth_heading(blocks, 0);
    assert_eq!(
        (l2.text.as_str(), l2.body.as_str()),
        ("直接写三级。", "正文。")
    );
    assert_eq!(nth_heading(&l2.children, 0).text, "四级");
    assert_eq!(imported.report.validate(), Ok(()));
    assert_eq!(
        imported
            .warnings
            .iter()
            .filter(|w| matches!(w, ImportWarning::SkippedLevel { placed_at: 2, .. }))
            .count(),
        1,
        "{:?}",
        imported.warnings
    );
}

#[test]
fn import_file_reads_gbk_with_crlf_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.txt");
    let text = mini("一、推进法治政府建设的主要举措和成效\r\n正文。\r\n");
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&path, &gbk).unwrap();
    let imported = import_file(&path).unwrap();
    assert_eq!(paragraphs(&imported.report.parts[0].blocks), ["正文。"]);
    assert!(imported.warnings.contains(&ImportWarning::Decoded {
        encoding: SourceEncoding::Gb18030
    }));
}

#[test]
fn a_web_copy_with_every_element() {
    let text = "首页 > 政务公开 > 法治政府建设\n发布时间：2024-03-20 浏览次数：88\n　　　　北京市某区司法局关于\n2023年度法治政府建设工作情况的报告\n\n区委依法治区办：\n　　2023年，我局……现将有关情况报告如下：\n一、2023年度推进法治政府建设的主要举措和成效\n（一）强化组织领导。成立领导小组。\n1.健全制度\n（1）制定规则。细化内容。\n（2）完善流程\n2．落实责任。压实责任。\n（二）深化改革\n改革内容。\n二、存在的不足和原因\n一是……；二是……。\n三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n主要负责人……。\n四、2024年工作安排\n一是……。\n五、其他需要报告的情况\n无。\n\n附件：2023年度法治政府建设工作台账\n\n北京市某区司法局\n2024年3月1日\n（此件公开发布）\n【打印本页】【关闭窗口】\n";
    let imported = import_text(text).unwrap();
    let report = &imported.report;
    let m = &report.meta;
    assert_eq!((m.issuer.as_str(), m.year), ("北京市某区司法局", 2023));
    assert_eq!(
        m.title.as_deref(),
        Some("北京市某区司法局关于\n2023年度法治政府建设工作情况的报告")
    );
    assert_eq!(m.recipient.as_deref(), Some("区委依法治区办"));
    assert_eq!(
        (m.signature.as_deref(), m.date),
        (None, DocDate::new(2024, 3, 1).ok())
    );
    assert_eq!(m.attachments, ["2023年度法治政府建设工作台账"]);
    let keys: Vec<_> = report
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
    let outline: Vec<String> = report
        .outline()
        .into_iter()
        .take(8)
        .map(|e| format!("{}{}", e.marker, e.text))
        .collect();
    assert_eq!(
        outline,
        [
            "一、2023年度推进法治政府建设的主要举措和成效",
            "（一）强化组织领导。",
            "1.健全制度",
            "（1）制定规则。",
            "（2）完善流程",
            "2.落实责任。",
            "（二）深化改革",
            "二、存在的不足和原因",
        ]
    );
    assert_eq!(paragraphs(&report.parts[4].blocks), ["无。"]);
    assert_eq!(imported.warnings.len(), 2, "{:?}", imported.warnings);
    assert_eq!(
        imported.warnings,
        [
            ImportWarning::ChromeDropped {
                lines: vec![1, 2, 30]
            },
            ImportWarning::NoteDropped {
                line: 29,
                note: "（此件公开发布）".into()
            },
        ]
    );
}
