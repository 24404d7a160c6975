"""Sphinx configuration: MyST Markdown pages and autodoc over the real modules."""

import pkgutil

from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer

import hankemalli
import hankemalli.model
import hankemalli.serialization

project = "hankemalli"
author = "The hankemalli developers"
copyright = "the hankemalli developers"
release = hankemalli.__version__
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist"]
# Links to headings such as [re-entry](model.md#re-entry) resolve without labels.
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}

# No intersphinx: the build must work without a network.
nitpicky = False
html_theme = "alabaster"
html_title = f"hankemalli {release}"


def _data_docs() -> dict[str, list[str]]:
    """The ``#:`` comments of module-level data, by name, from where it is defined.

    Public constants (``CODE_LISTS``, ``SCHEMA_VERSION``…) are defined in private
    modules and re-exported; autodoc looks for their comments only in the module it
    documents, so ``autodata`` in api.md gets them from here.
    """
    docs: dict[str, list[str]] = {}
    for package in (hankemalli.model, hankemalli.serialization):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            attr_docs = ModuleAnalyzer.for_module(module.name).find_attr_docs()
            docs.update(
                {name: list(lines) for (scope, name), lines in attr_docs.items() if not scope}
            )
    return docs


DATA_DOCS = _data_docs()


def _add_data_doc(app, what, name, obj, options, lines):
    # A constant's own "docstring" is its type's (tuple, str…): use its comment instead.
    if what == "data":
        lines[:] = DATA_DOCS.get(name.rpartition(".")[2], [])


def _public_bases(app, name, obj, options, bases):
    # A private base class (the events' _Event) is not part of the public API.
    bases[:] = [base for base in bases if not base.__name__.startswith("_")]


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-docstring", _add_data_doc)
    app.connect("autodoc-process-bases", _public_bases)
