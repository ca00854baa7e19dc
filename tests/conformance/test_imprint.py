"""GB/T 9704-2012 7.4 in print: the 版记 stands at the foot of the last page, its last rule on
the lower edge of the 版心, on the page where the preview (`nianbao pages --json`) puts it. Its
rules are measured as LibreOffice draws them in the PDF."""

import json

import pymupdf
import pytest

from conftest import render_pdf
from pdf_measure import BLOCK_BOTTOM, BLOCK_LEFT, BLOCK_RIGHT, MM, measure
from test_pagination import synthetic_json
from test_validator import assert_valid

THICK, THIN = 1.0, 0.75  # points: 0.35 mm and 0.25 mm (7.4.1)


def rules(pdf) -> dict:
    """Horizontal lines at least 150 mm long, by page number: [(y, width, x0, x1)] top down."""
    found = {}
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc, start=1):
            seen = set()
            for d in page.get_drawings():
                r = d["rect"]
                key = (round(r.y0, 1), round(r.x0, 1), round(r.x1, 1))
                if r.width >= 150 * MM and r.height < 1 and key not in seen:
                    seen.add(key)
                    found.setdefault(number, []).append(((r.y0 + r.y1) / 2, d["width"], r.x0, r.x1))
    return {n: sorted(lines) for n, lines in found.items()}


def imprint_page(layout: dict) -> int:
    """The page the preview puts the 版记 on."""
    pages = [p["number"] for p in layout["pages"]
             if any(s["style"] == "Imprint" for ln in p["lines"] for s in ln["spans"])]
    assert len(set(pages)) == 1, f"版记 lines on pages {pages}"
    return pages[0]


def alone_on_its_page(layout: dict) -> bool:
    """Whether the last page holds nothing but the 版记 (and blank lines, the page number)."""
    styles = {s["style"] for ln in layout["pages"][-1]["lines"] for s in ln["spans"]}
    return styles <= {"Imprint", "PageNumber"}


def date_ends_a_full_page(layout: dict) -> bool:
    """Whether the 成文日期 is on the last row of the page before the 版记's own."""
    if not alone_on_its_page(layout):
        return False
    body = [ln for ln in layout["pages"][-2]["lines"]
            if not any(s["style"] == "PageNumber" for s in ln["spans"])]
    return body[-1]["row"] == 21 and any(s["style"] == "Date" for s in body[-1]["spans"])


def grown_until(nianbao, tmp_path, done) -> str:
    """A short full report with one more line of text at a time until `done(layout)`; returns
    the report id."""
    report = json.loads(synthetic_json(tmp_path, 3, full=True).read_text(encoding="utf-8"))
    path = tmp_path / "grown.json"
    for _ in range(40):
        path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        rid = nianbao.run("import", str(path)).strip()
        if done(json.loads(nianbao.run("pages", rid, "--json"))):
            return rid
        report["parts"][4]["blocks"].append({"kind": "paragraph", "text": "无其他需要报告的情况。"})
    pytest.fail(f"40 more lines never made {done.__name__} true")


def with_long_cc(nianbao, tmp_path) -> str:
    """A short full report whose 抄送 line wraps onto three lines; returns the report id."""
    report = json.loads(synthetic_json(tmp_path, 3, full=True).read_text(encoding="utf-8"))
    report["meta"]["imprint"]["cc"] = "，".join(
        ["区委依法治区办", "区司法局", "区人大常委会办公室", "区政协办公室", "区纪委监委",
         "区委组织部", "区委宣传部", "区发展改革委"])
    path = tmp_path / "long-cc.json"
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return nianbao.run("import", str(path)).strip()


@pytest.fixture(params=["synthetic-30-full", "imprint-on-a-page-of-its-own",
                        "after-a-full-page", "cc-on-three-lines"])
def exported(request, nianbao, tmp_path):
    if request.param == "synthetic-30-full":
        rid = nianbao.run("import", str(synthetic_json(tmp_path, 30, full=True))).strip()
    elif request.param == "cc-on-three-lines":
        rid = with_long_cc(nianbao, tmp_path)
    elif request.param == "after-a-full-page":
        # The date fills the page: the 版记's page break must not add a blank page.
        rid = grown_until(nianbao, tmp_path, date_ends_a_full_page)
    else:
        rid = grown_until(nianbao, tmp_path, alone_on_its_page)
    docx = tmp_path / f"{request.param}.docx"
    nianbao.run("export", rid, "--out", str(docx))
    # The empty lines, the page break and the keeps above and in the 版记 are valid OOXML.
    assert_valid(docx)
    layout = json.loads(nianbao.run("pages", rid, "--json"))
    return request.param, layout, render_pdf(docx, tmp_path)


def test_the_last_rule_lies_on_the_lower_edge_of_the_text_block(exported):
    name, layout, pdf = exported
    pages = measure(pdf)
    drawn = rules(pdf)
    page = imprint_page(layout)
    assert len(pages) == len(layout["pages"]) == page, f"{name}: the 版记 is not on the last page"
    # Three rules (抄送 and 印发 between them), on that page only, across the whole 版心.
    assert list(drawn) == [page], f"{name}: rules on pages {list(drawn)}, the preview says {page}"
    lines = drawn[page]
    assert [w for _, w, _, _ in lines] == [THICK, THIN, THICK], f"{name}: {lines}"
    for _, _, x0, x1 in lines:
        assert abs(x0 - BLOCK_LEFT) <= 1 * MM and abs(x1 - BLOCK_RIGHT) <= 1 * MM
    y, width = lines[-1][:2]
    bottom = y + width / 2
    print(f"{name}: last rule on page {page}, its lower edge {(BLOCK_BOTTOM - bottom) / MM:.2f} mm "
          f"above the 版心's lower edge")
    assert abs(bottom - BLOCK_BOTTOM) <= 1 * MM, f"{name}: last rule at {bottom / MM:.2f} mm"
    # The 抄送 lines between the first two rules, the 印发 line, last on the page, between the
    # last two.
    printed = pages[page - 1].body
    cc = next(i for i, ln in enumerate(printed) if ln.text.startswith("抄送"))
    assert "印发" in printed[-1].text
    assert lines[1][0] < printed[-1].baseline < lines[2][0]
    assert all(lines[0][0] < ln.baseline < lines[1][0] for ln in printed[cc:-1])
    assert len(printed[cc:-1]) == (3 if name == "cc-on-three-lines" else 1)
    if name in ("imprint-on-a-page-of-its-own", "after-a-full-page"):
        assert cc == 0, [ln.text for ln in printed]
