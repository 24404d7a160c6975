"""The version of hankemalli (semantic versioning)."""

__version__ = "0.1.0"
