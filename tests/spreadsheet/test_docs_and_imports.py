"""The guide names every sheet, column and problem code; the edge loads openpyxl lazily."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hankemalli.spreadsheet import SHEET_MESSAGES, sheet_keys
from hankemalli.spreadsheet._layout import LAYOUT

GUIDE = (Path(__file__).resolve().parents[2] / "docs" / "spreadsheets.md").read_text("utf-8")


def test_the_guide_names_every_sheet_and_column_by_key_and_finnish_header() -> None:
    assert sheet_keys() == tuple(sheet.key for sheet in LAYOUT)
    for sheet in LAYOUT:
        assert f"`{sheet.key}`" in GUIDE, sheet.key
        assert sheet.name.fi in GUIDE
        assert sheet.name.sv in GUIDE
        assert sheet.name.en in GUIDE
        for column in sheet.columns:
            assert f"`{column.key}`" in GUIDE, (sheet.key, column.key)


def test_the_guide_lists_every_problem_code() -> None:
    for code in SHEET_MESSAGES:
        assert f"| `{code}` |" in GUIDE, code


def test_importing_the_edge_loads_no_openpyxl_until_a_workbook_is_opened() -> None:
    code = (
        "import json, sys\n"
        "import hankemalli\n"
        "before = 'hankemalli.spreadsheet' in sys.modules\n"
        "import hankemalli.spreadsheet\n"
        "print(json.dumps([before, 'openpyxl' in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [False, False]
