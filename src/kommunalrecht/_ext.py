"""Loading the optional C helpers (``src/kommunalrecht/_*.c``, built by ``hatch_build.py``).

Every helper has a pure-Python equivalent; :func:`load_extension` gives the compiled module
only when it is built, complete (a build left over from an older source, when an editable
install was not rebuilt, may lack a name) and not switched off with ``KOMMUNALRECHT_NO_EXT``.

>>> load_extension("_no_such_helper") is None
True
"""

from __future__ import annotations

import importlib
import os
from typing import Any

__all__ = ["load_extension"]


def load_extension(name: str, *required: str) -> Any:
    """The module ``kommunalrecht.<name>`` if it is built and has every name in ``required``,
    else ``None`` (also when ``KOMMUNALRECHT_NO_EXT`` is set)."""
    if os.environ.get("KOMMUNALRECHT_NO_EXT"):
        return None
    try:
        module = importlib.import_module(f"kommunalrecht.{name}")
    except ImportError:
        return None
    if not all(hasattr(module, n) for n in required):
        return None
    return module
