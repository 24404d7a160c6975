"""The same frames in pandas, polars and pyarrow, and clear errors for anything else."""

from __future__ import annotations

import subprocess
import sys

import narwhals.stable.v2 as nw
import pytest

from hankemalli import frames
from hankemalli.demo import demo_dataset
from hankemalli.indicators import ESF_PLUS_2021, SEED_FIGURES, ByCharacteristic, compute
from hankemalli.reporting import programme_years

DATASET = demo_dataset()
AS_OF = DATASET.programme.end.add(months=7)
CATALOGUE = ESF_PLUS_2021 + SEED_FIGURES
RESULTS = compute(
    CATALOGUE,
    DATASET.participants,
    period=programme_years(DATASET.programme, AS_OF)[1],
    as_of=AS_OF,
    breakdown=ByCharacteristic(name="gender"),
)

#: Each frame function with what it is given.
MADE = {
    "participants": lambda backend: frames.participants(DATASET, backend=backend, as_of=AS_OF),
    "periods": lambda backend: frames.periods(DATASET, backend=backend),
    "episodes": lambda backend: frames.episodes(DATASET, backend=backend, as_of=AS_OF),
    "situations": lambda backend: frames.situations(DATASET, backend=backend),
    "events": lambda backend: frames.events(DATASET, backend=backend),
    "figures": lambda backend: frames.figures(RESULTS, backend=backend, catalogue=CATALOGUE),
    "figure_counts": lambda backend: frames.figure_counts(RESULTS, backend=backend),
}


@pytest.mark.parametrize("name", sorted(MADE))
def test_every_backend_gives_the_same_numbers(name: str, backend: str, rows, schema) -> None:
    made = MADE[name](backend)
    reference = MADE[name]("polars")
    assert rows(made), f"{name}: no rows to compare"
    assert schema(made) == schema(reference)
    assert rows(made) == rows(reference)


@pytest.mark.parametrize(
    ("backend", "native"),
    [("pandas", "pandas.DataFrame"), ("polars", "polars.DataFrame"), ("pyarrow", "pyarrow.Table")],
)
def test_each_backend_returns_its_own_frame(backend: str, native: str) -> None:
    pytest.importorskip(backend)
    made = frames.participants(DATASET, backend=backend, as_of=AS_OF)
    module, name = native.split(".")
    assert type(made).__name__ == name
    assert type(made).__module__.split(".")[0] == module


def test_pandas_columns_are_pyarrow_backed_with_nulls_kept() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    made = frames.participants(DATASET, backend="pandas", as_of=AS_OF)
    dtypes = {name: str(dtype) for name, dtype in made.dtypes.items()}
    assert dtypes["first_entry"] == "date32[day][pyarrow]"
    assert dtypes["age_at_entry"] == "int64[pyarrow]"
    assert dtypes["upon_leaving_in_education"] == "bool[pyarrow]"
    assert dtypes["pseudonym"] == "string[pyarrow]"
    # unemployed_since is only for the unemployed: a null in a date column, not NaT or NaN.
    assert made["unemployed_since"].isna().any()


def test_backend_may_be_the_module_or_a_narwhals_implementation(rows) -> None:
    polars = pytest.importorskip("polars")
    by_name = rows(frames.events(DATASET, backend="polars"))
    assert rows(frames.events(DATASET, backend=polars)) == by_name
    assert rows(frames.events(DATASET, backend=nw.Implementation.POLARS)) == by_name


@pytest.mark.parametrize("backend", ["excel", "duckdb", "modin", None, 3])
def test_another_backend_is_refused_naming_the_allowed_ones(backend: object) -> None:
    with pytest.raises(ValueError, match=r"backend: .*allowed: 'pandas', 'polars', 'pyarrow'"):
        frames.events([], backend=backend)


def test_a_backend_not_installed_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)  # import polars now fails
    with pytest.raises(ImportError, match=r"backend='polars' needs polars.*pip install polars"):
        frames.events([], backend="polars")


def test_pandas_without_pyarrow_says_why_it_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pandas has no date type.*pip install pyarrow"):
        frames.events([], backend="pandas")


def test_without_narwhals_the_import_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['narwhals'] = None\n"
        "import hankemalli\n"
        "try:\n"
        "    import hankemalli.frames\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert 'pip install "hankemalli[frames]"' in result.stdout
