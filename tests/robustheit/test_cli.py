"""Sweep: the command line with junk files and junk arguments.

``kommunalrecht.cli.main`` must return an exit code (0, 1 or 2) — never raise.
"""

from __future__ import annotations

import contextlib
import io
import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kommunalrecht.cli import main

from ._junk import XML_JUNK, as_bytes, json_junk, mutated_documents, mutated_xml, odd_text

S = settings(max_examples=max(10, settings.default.max_examples // 3))  # each run spawns a CLI
_COUNTER = itertools.count()


@pytest.fixture(scope="module")
def ordner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-junk")


def _run(argv: list[str]) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert code in (0, 1, 2), (argv, code, err.getvalue()[-500:])
    return code


files = st.one_of(
    mutated_documents(max_depth=200).map(as_bytes),
    json_junk.map(as_bytes),
    mutated_xml(),
    st.sampled_from(XML_JUNK),
    st.binary(max_size=200),
)


@S
@given(
    files,
    st.sampled_from(["strict", "lenient"]),
    st.sampled_from(["text", "json"]),
    st.sampled_from([[], ["--land", "NW"], ["--land", "XX"], ["--land", "BY", "--art", "Kreis"]]),
    st.sampled_from([".json", ".xml", ""]),
)
def test_validate_junk_files(
    ordner: Path, data: bytes, mode: str, fmt: str, extra: list[str], suffix: str
) -> None:
    path = ordner / f"f{next(_COUNTER)}{suffix}"
    path.write_bytes(data)
    _run(["validate", str(path), "--mode", mode, "--format", fmt, *extra])


@S
@given(
    st.lists(
        st.one_of(
            odd_text,
            st.sampled_from(
                [
                    "--tage",
                    "--land",
                    "NW",
                    "BY",
                    "7",
                    "-1",
                    "2021-11-16",
                    "2021-02-30",
                    "--werktage",
                    "--zaehlung",
                    "volle_tage",
                    "--ort",
                    "Augsburg",
                    "--format",
                    "json",
                    "99999999999",
                ]
            ),
        ),
        max_size=8,
    )
)
def test_frist_junk_arguments(args: list[Any]) -> None:
    for sub in ("rueckwaerts", "vorwaerts"):
        _run(["frist", sub, *args])


@S
@given(toml=st.binary(max_size=200) | odd_text.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_validate_with_junk_go(ordner: Path, toml: bytes) -> None:
    go = ordner / f"go{next(_COUNTER)}.toml"
    go.write_bytes(toml)
    data = ordner / "leer.json"
    data.write_bytes(b"{}")
    _run(["validate", str(data), "--go", str(go), "--land", "NW"])
