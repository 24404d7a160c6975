"""Makes the shared helpers of the property suite importable as ``property_helpers``.

With ``--import-mode=importlib`` test modules cannot import one another, so this
conftest, which pytest loads before the modules beside it, loads ``_helpers.py`` by
file under that name.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_NAME = "property_helpers"

if _NAME not in sys.modules:
    _spec = importlib.util.spec_from_file_location(_NAME, Path(__file__).with_name("_helpers.py"))
    assert _spec is not None
    assert _spec.loader is not None
    _module = importlib.util.module_from_spec(_spec)
    sys.modules[_NAME] = _module
    _spec.loader.exec_module(_module)
