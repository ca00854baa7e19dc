"""Measures a rendered PDF the way a reviewer holds a ruler to the page: lines per page,
characters per line, text block position and page numbers."""

import re
from dataclasses import dataclass, field

import pymupdf

MM = 72 / 25.4  # points per millimetre
PITCH = 579 / 20  # points: the exact line height that puts 22 lines in the 225 mm block
EM = 16  # points: 3号, the body size; one grid cell
BLOCK_TOP, BLOCK_LEFT, BLOCK_WIDTH, BLOCK_HEIGHT = 37 * MM, 28 * MM, 156 * MM, 225 * MM
BLOCK_RIGHT, BLOCK_BOTTOM = BLOCK_LEFT + BLOCK_WIDTH, BLOCK_TOP + BLOCK_HEIGHT
# Punctuation LibreOffice lets hang past the right edge of a full line.
HANGING = set("，。、；：？！”’）》」』")
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")


@dataclass
class Line:
    baseline: float
    chars: list = field(default_factory=list)  # (char, x0, x1, top, bottom)

    @property
    def text(self) -> str:
        return "".join(c for c, *_ in self.chars)

    @property
    def x0(self) -> float:
        return min(c[1] for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c[2] for c in self.chars)

    def size(self) -> float:
        """The font size, read off the tallest glyph box (points)."""
        return max(c[4] - c[3] for c in self.chars)

    @property
    def top(self) -> float:
        return min(c[3] for c in self.chars)

    def counted(self) -> list:
        """The characters that sit inside the block: a final hanging mark is not counted."""
        chars = [c for c in self.chars if c[0].strip()]
        if chars and chars[-1][0] in HANGING and chars[-1][2] > BLOCK_RIGHT + 0.5:
            chars = chars[:-1]
        return chars

    def cells(self) -> float:
        """Grid cells the line fills: a CJK character or full-width mark is one cell; a Latin
        letter, digit or half-width mark counts by its own width (a comma is about a quarter)."""
        return sum((c[2] - c[1]) / EM if c[0].isascii() else 1 for c in self.counted())


@dataclass
class Page:
    number: int
    body: list  # Line, top to bottom
    footer: list  # Line below the block

    def grid_rows(self) -> int:
        """How many rows of the line grid the text spans, first line to last (a blank line
        between them, such as the one under the title, is a row too)."""
        first, last = self.body[0].baseline, self.body[-1].baseline
        return round((last - first) / PITCH) + 1

    def off_grid(self) -> list:
        """Body-size lines whose baseline is not a whole number of grid rows below the first
        one. The 2号 title does not snap to the grid (it would take two rows), so it is left out."""
        body = [ln for ln in self.body if ln.size() <= EM + 1]
        first = body[0].baseline
        return [ln for ln in body if abs((ln.baseline - first) / PITCH - round((ln.baseline - first) / PITCH)) > 0.05]

    def block_top(self) -> float:
        """Top of the text block. With an exact line height LibreOffice sets the baseline at
        four fifths of the line, so the first line box starts 0.8 × pitch above its baseline."""
        return self.body[0].baseline - 0.8 * PITCH


def lines_of(page) -> list:
    by_baseline: dict = {}
    raw = page.get_text("rawdict")
    for block in raw["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for ch in span["chars"]:
                    base = round(ch["origin"][1] * 2) / 2
                    key = next((k for k in by_baseline if abs(k - base) < 2), base)
                    x0, y0, x1, y1 = ch["bbox"]
                    by_baseline.setdefault(key, Line(key)).chars.append((ch["c"], x0, x1, y0, y1))
    for ln in by_baseline.values():
        ln.chars.sort(key=lambda c: c[1])
    return sorted((ln for ln in by_baseline.values() if ln.text.strip()), key=lambda ln: ln.baseline)


def measure(pdf_path) -> list:
    pages = []
    with pymupdf.open(pdf_path) as doc:
        for i, page in enumerate(doc):
            lines = lines_of(page)
            body = [ln for ln in lines if ln.baseline <= BLOCK_BOTTOM + 2]
            footer = [ln for ln in lines if ln.baseline > BLOCK_BOTTOM + 2]
            pages.append(Page(i + 1, body, footer))
    return pages


def page_number(page: Page):
    """The page number line's (number, x0, x1, baseline), or None."""
    for ln in page.footer:
        m = PAGE_NUMBER.match(ln.text.strip())
        if m:
            return int(m.group(1)), ln.x0, ln.x1, ln.baseline
    return None
