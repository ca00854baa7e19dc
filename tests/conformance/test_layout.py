"""GB/T 9704-2012 geometry of exports, measured on LibreOffice's rendering: 22 lines of 28
characters in a 156×225 mm block at 37 mm from the top and 28 mm from the left, and
"— N —" page numbers, odd pages right and even pages left with a one-character inset."""

import pytest

from conftest import SAMPLE, render_pdf, scaled_sample
from pdf_measure import BLOCK_BOTTOM, BLOCK_LEFT, BLOCK_RIGHT, BLOCK_TOP, EM, MM, measure, page_number

ONE_CHAR_4HAO = 14  # points: the page number's one-character inset (4号 = 14 pt)


@pytest.fixture(params=["sample", "synthetic-30-pages"])
def rendered(request, nianbao, tmp_path):
    source = SAMPLE if request.param == "sample" else scaled_sample(tmp_path, 4)
    docx = nianbao.import_and_export(source, tmp_path / f"{request.param}.docx")
    pages = measure(render_pdf(docx, tmp_path))
    print(f"{request.param}: {len(pages)} pages")
    return request.param, pages


def test_every_full_page_has_22_lines(rendered):
    name, pages = rendered
    assert len(pages) >= (6 if name == "sample" else 25)
    for page in pages:
        assert not page.off_grid(), f"{name} page {page.number}: lines off the grid"
    for page in pages[:-1]:
        assert page.grid_rows() == 22, f"{name} page {page.number}: {page.grid_rows()} lines"


def test_no_line_holds_more_than_28_characters(rendered):
    name, pages = rendered
    full_cjk_lines = 0
    for page in pages:
        for ln in page.body:
            assert ln.cells() <= 28.1, f"{name} p{page.number}: {ln.cells():.2f} cells: {ln.text}"
            assert ln.counted()[-1][2] <= BLOCK_RIGHT + 1, f"{name} p{page.number}: past the edge: {ln.text}"
            inside = ln.counted()
            # A line of Chinese text alone that reaches the right edge holds exactly 28 characters.
            pure = all(not c[0].isascii() for c in ln.chars) and ln.size() <= 17
            if inside and pure and inside[-1][2] >= BLOCK_RIGHT - 4:
                indent = round((inside[0][1] - BLOCK_LEFT) / EM)  # a first line starts two cells in
                assert indent + len(inside) == 28, f"{name} p{page.number}: {indent}+{len(inside)} chars: {ln.text}"
                full_cjk_lines += 1
    assert full_cjk_lines >= 2 * len(pages), f"only {full_cjk_lines} full lines of Chinese alone were measured"


def test_text_block_position(rendered):
    name, pages = rendered
    for page in pages:
        top = page.block_top()
        assert abs(top - BLOCK_TOP) <= 1 * MM, f"{name} p{page.number}: top {top / MM:.2f} mm"
        # Lines without a first-line indent start at the left edge of the block (±1 mm).
        left = min(ln.x0 for ln in page.body)
        assert abs(left - BLOCK_LEFT) <= 1 * MM, f"{name} p{page.number}: left {left / MM:.2f} mm"
        assert max(ln.baseline for ln in page.body) <= BLOCK_BOTTOM


def test_page_numbers_alternate_sides(rendered):
    name, pages = rendered
    for page in pages:
        found = page_number(page)
        assert found, f"{name} p{page.number}: no '— N —' page number"
        n, x0, x1, baseline = found
        assert n == page.number
        assert BLOCK_BOTTOM < baseline < BLOCK_BOTTOM + 15 * MM
        if n % 2:
            assert abs((BLOCK_RIGHT - ONE_CHAR_4HAO) - x1) <= 1.5 * MM, f"odd page {n}: right {x1 / MM:.1f} mm"
        else:
            assert abs((BLOCK_LEFT + ONE_CHAR_4HAO) - x0) <= 1.5 * MM, f"even page {n}: left {x0 / MM:.1f} mm"
