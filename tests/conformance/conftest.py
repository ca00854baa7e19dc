"""Shared fixtures: the real `nianbao` binary on a fresh database, and LibreOffice rendering."""

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assets" / "samples" / "changziying-2023.txt"
FONTS_CONF = Path(__file__).with_name("fonts.conf")


class Nianbao:
    """Runs the CLI against one temporary database."""

    def __init__(self, binary: str, db: Path):
        self.binary = binary
        self.db = db

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [self.binary, "--db", str(self.db), *args],
            capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, f"nianbao {' '.join(args)} failed: {done.stderr}"
        return done.stdout

    def import_and_export(self, text_file: Path, out: Path) -> Path:
        report_id = self.run("import", str(text_file)).strip()
        self.run("export", report_id, "--out", str(out))
        return out


@pytest.fixture
def nianbao(tmp_path: Path) -> Nianbao:
    binary = os.environ.get("NIANBAO_BIN") or str(ROOT / "target" / "debug" / "nianbao")
    assert Path(binary).is_file(), f"build the CLI first: {binary} is missing"
    return Nianbao(binary, tmp_path / "test.db")


def render_pdf(docx: Path, outdir: Path) -> Path:
    """LibreOffice headless, fresh profile, with the look-alike fonts of fonts.conf."""
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    profile = outdir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
        check=True, capture_output=True, timeout=300, env=env,
    )
    pdf = outdir / (docx.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return pdf


def scaled_sample(tmp_path: Path, times: int) -> Path:
    """The sample with the body of each part repeated `times` times, markers renumbered, so the
    result is a real-looking report `times` times as long."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    head, parts = [], []
    part_marker = re.compile(r"^\s*[一二三四五六七八九十]+、")
    for line in lines:
        if part_marker.match(line):
            parts.append([line, []])
        elif parts:
            parts[-1][1].append(line)
        else:
            head.append(line)
    level2 = re.compile(r"^(\s*)[(（]([一二三四五六七八九十]+)[)）]")
    out = list(head)
    for heading, body in parts:
        out.append(heading)
        n = 0
        for _ in range(times):
            for line in body:
                m = level2.match(line)
                if m:
                    n += 1
                    line = f"{m.group(1)}（{chinese(n)}）" + line[m.end():]
                out.append(line)
    path = tmp_path / f"sample-x{times}.txt"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
