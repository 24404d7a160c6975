"""Run the command line: ``python -m hankemalli`` (see :mod:`hankemalli.cli`)."""

from .cli import main

raise SystemExit(main())
