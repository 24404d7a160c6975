"""The embedded demo dataset: a synthetic programme modelled on KAIKU (esimerkkiaineisto).

KAIKU was run by Pohjois-Karjalan Sosiaaliturvayhdistys ry in Joensuu and
Kontiolahti from 2015-08-01 to 2018-12-31. The demo's participant records are
invented (no real people) but agree with the figures KAIKU published; see
:mod:`hankemalli.demo._build` for exactly which. Use it to try the library, and
``python -m hankemalli demo --export FILE`` as a template for your own data.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ..model import Dataset
from ..serialization import loads

__all__ = ["demo_dataset", "demo_json"]


def demo_json() -> str:
    """The demo dataset as the packaged JSON document (UTF-8 text)."""
    return files(__name__).joinpath("kaiku.json").read_text(encoding="utf-8")


@cache
def demo_dataset() -> Dataset:
    """The demo dataset (esimerkkiaineisto), read and checked once, then cached."""
    return loads(demo_json())
