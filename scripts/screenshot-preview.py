#!/usr/bin/env python3
"""docs/screenshot-preview.png: the app's 版面预览 of the sample's first page beside
LibreOffice's rendering of the same page of the exported PDF.

Needs the window screenshot that tests/e2e/tests/preview.rs saves (target/e2e-screenshots/
preview-window.png and preview-sheet.json, where the sheet is) and the CLI in target/debug.
Run: .venv/bin/python scripts/screenshot-preview.py
"""

import json
import subprocess
import tempfile
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "target" / "e2e-screenshots"
SAMPLE = ROOT / "assets" / "samples" / "changziying-2023.txt"
CLI = ROOT / "target" / "debug" / "nianbao"
OUT = ROOT / "docs" / "screenshot-preview.png"
STATUS_BAR_PX = 32  # the window's status line, below the visible part of the sheet
PAD, GAP, LABEL = 16, 24, 28


def crop(pixmap: pymupdf.Pixmap, x: int, y: int, w: int, h: int) -> pymupdf.Pixmap:
    """The w×h pixels of an RGB image from (x, y), copied row by row."""
    n, stride, data = pixmap.n, pixmap.stride, pixmap.samples
    rows = b"".join(data[(y + r) * stride + x * n:(y + r) * stride + (x + w) * n] for r in range(h))
    return pymupdf.Pixmap(pymupdf.csRGB, w, h, rows, False)


def label(page: pymupdf.Page, at: tuple[float, float], text: str) -> None:
    """Mixed Chinese and Latin text: Latin runs in Helvetica, the rest in the CJK font."""
    x, y = at
    run = ""
    for ch in text + "\0":
        latin = ch.isascii()
        if run and (ch == "\0" or latin != run[-1].isascii()):
            font = "helv" if run[-1].isascii() else "china-s"
            page.insert_text((x, y), run, fontname=font, fontsize=14)
            x += pymupdf.get_text_length(run, fontname=font, fontsize=14)
            run = ""
        run += ch


def sample_pdf(workdir: Path) -> Path:
    db, pdf = workdir / "sample.db", workdir / "sample.pdf"
    run = lambda *args: subprocess.run(  # noqa: E731
        [str(CLI), "--db", str(db), *args], check=True, capture_output=True, text=True
    ).stdout
    report_id = run("import", str(SAMPLE)).strip()
    run("export", report_id, "--out", str(pdf))
    return pdf


def main() -> None:
    window = pymupdf.Pixmap(str(SHOTS / "preview-window.png"))
    if window.alpha:
        window = pymupdf.Pixmap(window, 0)
    sheet = json.loads((SHOTS / "preview-sheet.json").read_text())
    x, y, width = round(sheet["x"]), round(sheet["y"]), round(sheet["width"])
    bottom = min(y + round(sheet["height"]), window.height - STATUS_BAR_PX)
    shown = (bottom - y) / sheet["height"]  # the fraction of the page the window shows
    preview = crop(window, x, y, width, bottom - y)

    with tempfile.TemporaryDirectory() as tmp:
        page = pymupdf.open(sample_pdf(Path(tmp)))[0]
        zoom = width / page.rect.width
        visible = pymupdf.Rect(0, 0, page.rect.width, page.rect.height * shown)
        printed = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), clip=visible)

    w, h = preview.width, preview.height
    doc = pymupdf.open()
    out = doc.new_page(width=2 * w + GAP + 2 * PAD, height=h + LABEL + 2 * PAD)
    out.draw_rect(out.rect, color=None, fill=(0.93, 0.94, 0.95))
    left = pymupdf.Rect(PAD, PAD + LABEL, PAD + w, PAD + LABEL + h)
    right = pymupdf.Rect(PAD + w + GAP, PAD + LABEL, PAD + 2 * w + GAP, PAD + LABEL + h)
    out.insert_image(left, pixmap=preview)
    out.insert_image(right, pixmap=printed)
    label(out, (left.x0, PAD + 18), "年报的版面预览，第 1 页")
    label(out, (right.x0, PAD + 18), "LibreOffice 导出的 PDF，第 1 页")
    out.get_pixmap().save(str(OUT))
    print(f"wrote {OUT.relative_to(ROOT)} ({int(out.rect.width)}×{int(out.rect.height)})")


if __name__ == "__main__":
    main()
