"""Sphinx configuration (MyST markdown, API reference from docstrings)."""

from __future__ import annotations

import kommunalrecht

project = "kommunalrecht"
author = "kommunalrecht developers"
copyright = "2026, kommunalrecht developers (Apache-2.0)"
release = kommunalrecht.__version__
language = "de"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "sphinxcontrib.mermaid",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
myst_fence_as_directive = ["mermaid"]  # state diagrams generated from the tables
exclude_patterns = ["_build", "**/_gen.py"]
html_theme = "alabaster"
html_static_path: list[str] = []
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
nitpicky = False
suppress_warnings = ["myst.header"]
