"""Word and WPS must open every export without a repair prompt: zero OOXML validator errors,
and a package deflated like Word's own."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import SAMPLE, scaled_sample

AUDIT = Path(sys.executable).with_name("openxml-audit")


def audit(docx: Path) -> dict:
    done = subprocess.run([str(AUDIT), "-m", "0", "-o", "json", str(docx)],
                          capture_output=True, text=True, timeout=300)
    results = json.loads(done.stdout)
    assert len(results) == 1, done.stdout[:2000]
    # The exit status says "valid" too; both must agree.
    assert (done.returncode == 0) == results[0]["valid"], done.stderr
    return results[0]


def assert_valid(docx: Path):
    result = audit(docx)
    assert result["error_count"] == 0 and result["valid"], json.dumps(result, ensure_ascii=False)[:4000]


def test_sample_export_has_no_validator_errors(nianbao, tmp_path):
    assert_valid(nianbao.import_and_export(SAMPLE, tmp_path / "sample.docx"))


def test_full_meta_export_has_no_validator_errors(nianbao, tmp_path):
    """Recipient, attachments, date, sealed sign-off and 版记: every optional element at once."""
    report_id = nianbao.run("import", str(SAMPLE)).strip()
    report = json.loads(nianbao.run("show", report_id, "--json"))
    report["meta"].update({
        "recipient": "区委、区政府",
        "date": "2024-03-28",
        "attachments": ["2023年度行政执法数据统计表", "2023年度法治政府建设工作台账"],
        "imprint": {"cc": "区委依法治区办", "printer": "北京市大兴区长子营镇人民政府办公室", "date": "2024-03-28"},
        "sealed": True,
    })
    for variant in (True, False):
        report["meta"]["sealed"] = variant
        src = tmp_path / f"full-{variant}.json"
        src.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        assert_valid(nianbao.import_and_export(src, tmp_path / f"full-{variant}.docx"))


def test_large_report_is_valid_and_deflated(nianbao, tmp_path):
    docx = nianbao.import_and_export(scaled_sample(tmp_path, 10), tmp_path / "large.docx")
    assert_valid(docx)
    size = docx.stat().st_size
    print(f"sample x10: {size / 1024:.1f} KB")
    assert size < 80 * 1024, f"{size} bytes: the package must be deflated like Word's own"
    with zipfile.ZipFile(docx) as z:
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist() if i.file_size > 0)
        assert not [i.filename for i in z.infolist() if i.is_dir()]
