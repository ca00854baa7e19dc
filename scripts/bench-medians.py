#!/usr/bin/env python3
"""Prints the median of every criterion benchmark under target/criterion (after `make bench`)."""

import json
from pathlib import Path

root = Path(__file__).resolve().parents[1] / "target" / "criterion"
for est in sorted(root.glob("**/new/estimates.json")):
    name = str(est.parent.parent.relative_to(root))
    median_ns = json.loads(est.read_text())["median"]["point_estimate"]
    unit, div = ("ms", 1e6) if median_ns >= 1e6 else ("µs", 1e3)
    print(f"{name:45s} median {median_ns / div:8.3f} {unit}")
