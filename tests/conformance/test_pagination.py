"""The preview's pagination against the print: each report is exported, rendered by
LibreOffice and read back with PyMuPDF, and every page break is compared with
`nianbao pages --json` by the first and last characters of the pages around it."""

import json
import subprocess

import pytest

from conftest import ROOT, SAMPLE, render_pdf
from pdf_measure import measure

EDGE = 5  # characters compared at each end of a page
REQUIRED = 0.95


def synthetic_json(tmp_path, pages: int, full: bool = False):
    """`nianbao_report::synthetic::report(pages)` as JSON, from the layout crate's example;
    `full` adds 附件说明 (two attachments), a sealed sign-off and a 版记 (抄送 and 印发)."""
    extra = ["--full"] if full else []
    done = subprocess.run(
        ["cargo", "run", "-q", "-p", "nianbao-layout", "--example", "synthetic", "--", str(pages),
         *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    assert done.returncode == 0, done.stderr
    path = tmp_path / f"synthetic-{pages}{'-full' if full else ''}.json"
    path.write_text(done.stdout, encoding="utf-8")
    return path


def squeeze(text: str) -> str:
    return "".join(text.split())


def printed_pages(pdf) -> list:
    """Each page's text as LibreOffice printed it, page numbers left out."""
    return [squeeze("".join(ln.text for ln in page.body)) for page in measure(pdf)]


def laid_out_pages(layout: dict) -> list:
    return [
        squeeze("".join(span["text"] for line in page["lines"] for span in line["spans"]
                        if span["style"] != "PageNumber"))
        for page in layout["pages"]
    ]


def agreement(printed: list, laid_out: list):
    """(agreeing breaks, all breaks, first disagreement): a break agrees when the pages on both
    sides end and start with the same characters in the print and in the layout."""
    breaks = max(len(printed), len(laid_out)) - 1
    agreeing, first_miss = 0, None
    for i in range(breaks):
        if i + 1 < len(printed) and i + 1 < len(laid_out):
            same_end = printed[i][-EDGE:] == laid_out[i][-EDGE:]
            same_start = printed[i + 1][:EDGE] == laid_out[i + 1][:EDGE]
            if same_end and same_start:
                agreeing += 1
                continue
        if first_miss is None:
            first_miss = (i + 1, printed[i][-EDGE:] if i < len(printed) else None,
                          laid_out[i][-EDGE:] if i < len(laid_out) else None)
    return agreeing, breaks, first_miss


@pytest.fixture(params=["sample", "synthetic-30", "synthetic-30-full"])
def report_id(request, nianbao, tmp_path):
    if request.param == "sample":
        source = SAMPLE
    else:
        source = synthetic_json(tmp_path, 30, full=request.param.endswith("full"))
    return request.param, nianbao.run("import", str(source)).strip()


def test_page_breaks_agree_with_libreoffice(report_id, nianbao, tmp_path):
    name, rid = report_id
    docx = tmp_path / f"{name}.docx"
    nianbao.run("export", rid, "--out", str(docx))
    printed = printed_pages(render_pdf(docx, tmp_path))
    laid_out = laid_out_pages(json.loads(nianbao.run("pages", rid, "--json")))
    agreeing, breaks, miss = agreement(printed, laid_out)
    share = agreeing / breaks if breaks else 1.0
    print(f"{name}: page-break agreement: {agreeing}/{breaks} = {share:.0%} "
          f"({len(printed)} printed pages, {len(laid_out)} laid out)")
    assert len(printed) >= (6 if name == "sample" else 25)
    assert len(laid_out) == len(printed), f"{name}: first disagreement after page {miss}"
    assert share >= REQUIRED, f"{name}: {agreeing}/{breaks}; first disagreement after page {miss}"


def test_agreement_counts_a_shifted_break_as_a_miss():
    # The comparison itself: one page break moved by a line is one miss, not an agreement.
    printed = ["甲乙丙丁戊己庚辛", "壬癸子丑寅卯辰巳", "午未申酉"]
    shifted = ["甲乙丙丁戊己庚", "辛壬癸子丑寅卯辰巳", "午未申酉"]
    assert agreement(printed, printed) == (2, 2, None)
    agreeing, breaks, miss = agreement(printed, shifted)
    assert (agreeing, breaks) == (1, 2) and miss[0] == 1
    assert agreement(printed, printed[:2])[:2] == (1, 2)
