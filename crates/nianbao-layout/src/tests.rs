//! Whole reports laid out: the sample, hand-made page breaks, warnings, incremental updates.

use nianbao_report::{Block, DocDate, Heading, Imprint, Paragraph, Report, synthetic, template};

use crate::geometry as g;
use crate::{
    ImprintPlace, Layout, LayoutDelta, Paginator, SpanStyle, WarningKind, imprint_place, paginate,
};

/// The sample report as `nianbao import` stores it (`nianbao show --json`).
fn sample() -> Report {
    serde_json::from_str(include_str!("../fixtures/changziying-2023.json")).unwrap()
}

/// A report whose only part holds `n` one-line paragraphs (26 characters after the indent).
fn lines_report(n: usize) -> Report {
    let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
    r.preface.clear();
    r.parts.truncate(1);
    r.parts[0].blocks = (0..n)
        .map(|i| {
            Block::Paragraph(Paragraph {
                id: Some(i as i64 + 100),
                text: "依法行政体制机制进一步完善推进各项工作有序开展法治".to_string(),
            })
        })
        .collect();
    r
}

fn kinds(layout: &Layout) -> Vec<(WarningKind, u32)> {
    layout.warnings.iter().map(|w| (w.kind, w.page)).collect()
}

fn texts(layout: &Layout, page: usize) -> Vec<String> {
    layout.pages[page].lines.iter().map(|l| l.text()).collect()
}

#[test]
fn the_sample_takes_ten_pages_as_libreoffice_prints_it() {
    let layout = paginate(&sample());
    assert_eq!(layout.pages.len(), 10);
    let first = texts(&layout, 0);
    assert_eq!(first[0], "北京市大兴区长子营镇人民政府2023年法治");
    assert_eq!(first[1], "政府建设年度情况报告");
    assert_eq!(first[2], "");
    // Every page but the last is full: 22 grid lines and the page number.
    for page in &layout.pages[..9] {
        assert_eq!(page.lines.len(), 23, "page {}", page.number);
        assert_eq!(page.lines[21].row, 21.0);
    }
    let last = texts(&layout, 9);
    assert_eq!(
        last[0],
        "实规范性文件出台流程,发现问题及时纠正,强化对行政执法的监"
    );
    assert_eq!(last.last().unwrap(), "— 10 —");
}

#[test]
fn lines_carry_their_block_and_indent() {
    let layout = paginate(&lines_report(3));
    let lines = &layout.pages[0].lines;
    // Title on two lines, blank, 一、 heading, then the paragraphs.
    assert_eq!(lines[1].text(), "报告");
    let para = &lines[4];
    assert_eq!(para.block, Some(100));
    assert_eq!(para.indent, 2.0);
    assert!(para.last_of_paragraph);
    assert_eq!(para.spans[0].style, SpanStyle::Body);
    assert_eq!(lines[0].spans[0].style, SpanStyle::Title);
}

#[test]
fn a_heading_below_the_last_row_opens_the_next_page() {
    // Title (two lines), blank and heading take rows 0–3; 18 paragraphs fill rows 4–21.
    let mut r = lines_report(18);
    r.parts[0]
        .blocks
        .push(Block::Heading(Heading::new("强化组织领导")));
    r.parts[0]
        .blocks
        .push(Block::Paragraph(Paragraph::new("成立工作领导小组。")));
    let layout = paginate(&r);
    let second = texts(&layout, 1);
    assert_eq!(second[0], "（一）强化组织领导");
    assert_eq!(layout.pages[1].lines[0].row, 0.0);
    assert!(
        !kinds(&layout)
            .iter()
            .any(|k| k.0 == WarningKind::HeadingAtPageEnd)
    );

    // One paragraph fewer: the heading is the last line of page 1 (the exported paragraphs ask
    // for no keep-with-next, so LibreOffice leaves it there) and the warning says so.
    let mut r = lines_report(17);
    r.parts[0]
        .blocks
        .push(Block::Heading(Heading::new("强化组织领导")));
    r.parts[0]
        .blocks
        .push(Block::Paragraph(Paragraph::new("成立工作领导小组。")));
    let layout = paginate(&r);
    assert_eq!(texts(&layout, 0)[21], "（一）强化组织领导");
    assert!(kinds(&layout).contains(&(WarningKind::HeadingAtPageEnd, 1)));
}

#[test]
fn signature_alone_on_the_last_page_is_warned() {
    // 18 paragraphs end on row 21: the blank line and the 署名 open page 2.
    let layout = paginate(&lines_report(18));
    let second = texts(&layout, 1);
    assert_eq!(second[..2], ["", "某镇人民政府"]);
    assert!(kinds(&layout).contains(&(WarningKind::SignOffAlone, 2)));
    // With one body line on that page the sign-off is fine.
    let layout = paginate(&lines_report(19));
    assert_eq!(
        texts(&layout, 1)[0],
        "依法行政体制机制进一步完善推进各项工作有序开展法治"
    );
    assert!(
        !kinds(&layout)
            .iter()
            .any(|k| k.0 == WarningKind::SignOffAlone)
    );
}

#[test]
fn imprint_on_an_odd_page_is_warned() {
    let mut r = lines_report(3);
    r.meta.imprint = Some(Imprint {
        cc: Some("区人大常委会办公室".into()),
        printer: "某镇人民政府办公室".into(),
        date: DocDate::new(2024, 3, 28).unwrap(),
    });
    let layout = paginate(&r);
    assert_eq!(layout.pages.len(), 1);
    assert!(kinds(&layout).contains(&(WarningKind::ImprintOnOddPage, 1)));
    let imprint: Vec<String> = (layout.pages[0].lines.iter())
        .filter(|l| l.has(&[SpanStyle::Imprint]))
        .map(|l| l.text())
        .collect();
    assert_eq!(
        imprint,
        [
            "抄送：区人大常委会办公室。",
            "某镇人民政府办公室\t2024年3月28日印发"
        ]
    );
    // Pushed to page 2 (even), it is where it belongs.
    let mut long = lines_report(21);
    long.meta.imprint = r.meta.imprint.clone();
    let layout = paginate(&long);
    assert_eq!(layout.pages.len(), 2);
    assert!(
        !kinds(&layout)
            .iter()
            .any(|k| k.0 == WarningKind::ImprintOnOddPage)
    );
}

/// A 版记 with one 抄送 line: rule carrier, 抄送 line, 印发 line between rules.
fn imprint() -> Imprint {
    Imprint {
        cc: Some("区人大常委会办公室".into()),
        printer: "某镇人民政府办公室".into(),
        date: DocDate::new(2024, 3, 28).unwrap(),
    }
}

/// The bottom of the last 版记 line of `page`, twips below the top of the 版心, rule included.
fn imprint_bottom(layout: &Layout, page: usize) -> i32 {
    let last = (layout.pages[page].lines.iter())
        .rfind(|l| l.has(&[SpanStyle::Imprint]))
        .unwrap();
    ((last.row + last.height) * g::LINE_PITCH as f32).round() as i32 + g::RULE_THICK as i32 * 20 / 8
}

#[test]
fn the_imprint_ends_on_the_lower_edge_of_the_text_block() {
    // Title rows 0–1, blank, heading, 12 paragraphs on rows 4–15, blank, 署名 on row 17.
    let mut r = lines_report(12);
    r.meta.imprint = Some(imprint());
    let layout = paginate(&r);
    assert_eq!(layout.pages.len(), 1);
    assert_eq!(texts(&layout, 0)[17], "某镇人民政府");
    assert_eq!(imprint_bottom(&layout, 0), g::IMPRINT_BOTTOM);
    // Carrier (1 pt) and its rule, 抄送 line, 印发 line with its top and bottom rules.
    let height = 20 + 20 + g::LINE_PITCH + (g::LINE_PITCH + 15) + 20;
    assert_eq!(
        imprint_place(&r),
        Some(ImprintPlace {
            page: 1,
            new_page: false,
            space: g::IMPRINT_BOTTOM - height - 18 * g::LINE_PITCH,
            height,
        })
    );
    let cc = (layout.pages[0].lines.iter())
        .find(|l| l.text().starts_with("抄送"))
        .unwrap();
    assert_eq!(
        cc.row * g::LINE_PITCH as f32,
        (g::IMPRINT_BOTTOM - height + 40) as f32
    );
    // Below the 版心 there is only the page number.
    assert!(
        layout.pages[0]
            .lines
            .iter()
            .all(|l| l.row < 22.0 || l.has(&[SpanStyle::PageNumber]))
    );
}

#[test]
fn an_imprint_without_room_below_the_sign_off_goes_to_the_foot_of_the_next_page() {
    // 13 paragraphs: the 署名 on row 18 leaves 3 rows, one too few for the empty line and the
    // 2.1-row 版记.
    let mut r = lines_report(13);
    r.meta.imprint = Some(imprint());
    let layout = paginate(&r);
    assert_eq!(layout.pages.len(), 2);
    assert_eq!(texts(&layout, 0)[18], "某镇人民政府");
    assert!(
        !layout.pages[0]
            .lines
            .iter()
            .any(|l| l.has(&[SpanStyle::Imprint]))
    );
    let second: Vec<String> = texts(&layout, 1);
    assert_eq!(
        second,
        [
            "",
            "抄送：区人大常委会办公室。",
            "某镇人民政府办公室\t2024年3月28日印发",
            "— 2 —"
        ]
    );
    assert_eq!(imprint_bottom(&layout, 1), g::IMPRINT_BOTTOM);
    let place = imprint_place(&r).unwrap();
    assert_eq!((place.page, place.new_page), (2, true));
    assert_eq!(place.space, g::IMPRINT_BOTTOM - place.height);

    // A 署名 on the last row: the 版记 still takes one page more, not two.
    let mut full = lines_report(16);
    full.meta.imprint = Some(imprint());
    let layout = paginate(&full);
    assert_eq!(layout.pages.len(), 2);
    assert_eq!(texts(&layout, 0)[21], "某镇人民政府");
    assert_eq!(texts(&layout, 1).len(), 4);
    assert_eq!(imprint_bottom(&layout, 1), g::IMPRINT_BOTTOM);

    // An edit that frees a line brings it back to the foot of page 1, incrementally.
    let mut p = Paginator::new();
    p.update(&r);
    r.parts[0].blocks.pop();
    p.update(&r);
    assert_eq!(p.layout(), &paginate(&r));
    assert_eq!(p.layout().pages.len(), 1);
    assert_eq!(p.imprint().map(|i| (i.page, i.new_page)), Some((1, false)));
    assert_eq!(imprint_bottom(p.layout(), 0), g::IMPRINT_BOTTOM);
    r.meta.imprint = None;
    p.update(&r);
    assert_eq!(p.imprint(), None);
}

#[test]
fn long_titles_are_warned() {
    let mut r = lines_report(1);
    assert!(
        !kinds(&paginate(&r))
            .iter()
            .any(|k| k.0 == WarningKind::LongTitle)
    );
    r.meta.title = Some("某".repeat(41));
    assert!(kinds(&paginate(&r)).contains(&(WarningKind::LongTitle, 1)));
}

#[test]
fn an_edit_rebreaks_one_paragraph_and_rebuilds_from_its_page() {
    let mut report = synthetic::report(30);
    // Give every block an id, as a stored report has.
    let mut id = 0;
    for part in &mut report.parts {
        for block in &mut part.blocks {
            number(block, &mut id);
        }
    }
    let mut p = Paginator::new();
    let full = p.update(&report).clone();
    assert!(full.pages.len() >= 25, "{} pages", full.pages.len());
    assert_eq!(p.stats().first_rebuilt_page, Some(1));

    p.update(&report);
    assert_eq!(p.stats().rebroken, 0);
    assert_eq!(p.stats().first_rebuilt_page, None);

    // Edit a paragraph in the middle: one paragraph re-broken, pages before it kept.
    let Block::Heading(item) = &mut report.parts[0].blocks[12] else {
        panic!("items are headings")
    };
    let Block::Paragraph(para) = &mut item.children[0] else {
        panic!("an item starts with a paragraph")
    };
    para.text.push_str("新增一句话。");
    let target = para.id;
    let edited = p.update(&report).clone();
    assert_eq!(p.stats().rebroken, 1);
    let from = p.stats().first_rebuilt_page.unwrap();
    assert!(from > 5, "rebuilt from page {from}");
    let on = |l: &Layout| {
        l.pages
            .iter()
            .position(|pg| pg.lines.iter().any(|ln| ln.block == target))
    };
    assert_eq!(on(&edited), on(&full));
    assert_eq!(
        edited.pages[..from as usize - 1],
        full.pages[..from as usize - 1]
    );
    // The incremental result is the one a fresh layout gives.
    assert_eq!(edited, paginate(&report));
}

/// What the app does with a delta: the held pages, the changed ones put in, cut to the count.
fn apply(held: &Layout, delta: &LayoutDelta) -> Layout {
    let mut pages = held.pages.clone();
    pages.resize_with(delta.page_count as usize, || delta.pages[0].clone());
    for page in &delta.pages {
        pages[page.number as usize - 1] = page.clone();
    }
    Layout {
        pages,
        warnings: delta.warnings.clone(),
    }
}

#[test]
fn a_delta_holds_only_the_pages_that_differ_and_rebuilds_the_layout() {
    let mut report = lines_report(200);
    let mut p = Paginator::new();
    let first = p.update_delta(&report, None);
    assert_eq!(first.base, None);
    assert_eq!(first.pages.len(), first.page_count as usize);
    let mut held = apply(&Layout::default(), &first);
    assert_eq!(held, paginate(&report));

    // Nothing changed: same revision, no pages.
    let same = p.update_delta(&report, Some(first.revision));
    assert_eq!(
        (same.revision, same.base),
        (first.revision, Some(first.revision))
    );
    assert!(same.pages.is_empty());

    // A word changed in a line that keeps its length: only its own page.
    let Block::Paragraph(para) = &mut report.parts[0].blocks[100] else {
        panic!("paragraphs")
    };
    para.text = para.text.replacen("依法", "守法", 1);
    let one = p.update_delta(&report, Some(first.revision));
    assert_ne!(one.revision, first.revision);
    assert_eq!(one.base, Some(first.revision));
    assert_eq!(
        one.pages.len(),
        1,
        "{:?}",
        one.pages.iter().map(|p| p.number).collect::<Vec<_>>()
    );
    held = apply(&held, &one);
    assert_eq!(held, paginate(&report));

    // A paragraph grows by a line: its page and every later one change, one page is added
    // when the last was full.
    let Block::Paragraph(para) = &mut report.parts[0].blocks[100] else {
        panic!("paragraphs")
    };
    para.text.push_str("新增一句话，使本段多出一行。");
    let grown = p.update_delta(&report, Some(one.revision));
    assert!(grown.pages.len() > 1);
    assert!(grown.pages.len() < grown.page_count as usize);
    held = apply(&held, &grown);
    assert_eq!(held, paginate(&report));

    // Half the paragraphs gone: fewer pages, the held ones past the count dropped.
    report.parts[0].blocks.truncate(90);
    let shrunk = p.update_delta(&report, Some(grown.revision));
    assert!(shrunk.page_count < grown.page_count);
    held = apply(&held, &shrunk);
    assert_eq!(held, paginate(&report));

    // A caller holding an older revision (another window, a reopened report) gets every page.
    report.parts[0].blocks.truncate(80);
    let stale = p.update_delta(&report, Some(one.revision));
    assert_eq!(stale.base, None);
    assert_eq!(stale.pages, paginate(&report).pages);
    // So does one holding another paginator's revision.
    let other = Paginator::new().update_delta(&report, Some(stale.revision));
    assert_eq!(other.base, None);
    assert_ne!(other.revision, stale.revision);
}

fn number(block: &mut Block, id: &mut i64) {
    *id += 1;
    match block {
        Block::Paragraph(p) => p.id = Some(*id),
        Block::Heading(h) => {
            h.id = Some(*id);
            for c in &mut h.children {
                number(c, id);
            }
        }
    }
}

#[test]
fn layouts_serialise_for_the_app() {
    let json = serde_json::to_value(paginate(&lines_report(1))).unwrap();
    assert_eq!(json["pages"][0]["number"], 1);
    assert_eq!(json["pages"][0]["lines"][0]["spans"][0]["style"], "Title");
    assert_eq!(json["pages"][0]["lines"][0]["align"], "Center");
}

#[test]
fn under_a_seal_the_imprint_keeps_two_empty_lines_from_the_sign_off() {
    // 12 paragraphs: the 署名 on row 17 leaves rows 18–21, room for one empty line and the
    // 2.1-row 版记, not for two.
    let mut r = lines_report(12);
    r.meta.imprint = Some(imprint());
    let open = imprint_place(&r).expect("a 版记");
    assert!(!open.new_page, "{open:?}");
    assert!(open.space >= g::LINE_PITCH && open.space < 2 * g::LINE_PITCH);

    r.meta.sealed = true;
    let layout = paginate(&r);
    let sealed = imprint_place(&r).expect("a 版记");
    assert!(sealed.new_page, "{sealed:?}");
    assert_eq!(layout.pages.len(), 2);
    assert_eq!(imprint_bottom(&layout, 1), g::IMPRINT_BOTTOM);

    // Eleven paragraphs leave room for both empty lines: the 版记 stays on the page.
    let mut r = lines_report(11);
    r.meta.imprint = Some(imprint());
    r.meta.sealed = true;
    let sealed = imprint_place(&r).expect("a 版记");
    assert!(!sealed.new_page, "{sealed:?}");
    assert!(sealed.space >= 2 * g::LINE_PITCH, "{sealed:?}");
}
