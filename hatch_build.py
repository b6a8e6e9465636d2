"""Build hook: compile the optional C helpers, every ``src/kommunalrecht/_*.c``.

The extensions speed up the OParl fast paths (``_speedups.c``: object construction, date-time
parsing, JSON writing; see each file's header). They are optional: when no C compiler is
available, or ``KOMMUNALRECHT_NO_EXT=1`` is set, the build goes on without them and the
library uses its pure-Python equivalents (same results, slower). Each extension is compiled
on its own (one failing does not stop the others); the compiled files are written next to the
sources (so editable installs find them) and put into wheels.
"""

from __future__ import annotations

import os
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if os.environ.get("KOMMUNALRECHT_NO_EXT"):
            return
        root = Path(self.root)
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        for source in sorted((root / "src" / "kommunalrecht").glob("_*.c")):
            target = source.with_name(source.stem + suffix)
            try:
                built = _compile(source, target)
            except Exception as exc:  # no compiler, headers missing, …: pure Python then
                print(
                    f"kommunalrecht: C helpers {source.stem} not built ({exc}); using pure Python",
                    file=sys.stderr,
                )
                continue
            build_data["pure_python"] = False
            build_data["infer_tag"] = True
            if self.target_name == "wheel" and version != "editable":
                build_data["force_include"][str(built)] = f"kommunalrecht/{built.name}"


def _compile(source: Path, target: Path) -> Path:
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    dist = Distribution(
        {
            "name": "kommunalrecht-speedups",
            "ext_modules": [Extension(source.stem, [str(source)], optional=False)],
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        cmd = build_ext(dist)
        cmd.build_lib = tmp
        cmd.build_temp = os.path.join(tmp, "temp")
        cmd.ensure_finalized()
        cmd.run()
        out = Path(cmd.get_ext_fullpath(source.stem))
        # replace, never rewrite in place: a running interpreter has the old file mapped
        fresh = target.with_name(target.name + ".new")
        fresh.write_bytes(out.read_bytes())
        os.replace(fresh, target)
    return target
