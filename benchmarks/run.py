"""kommunalrecht benchmarks: the library side by side with the floor and its peers, one run.

Usage::

    pip install -e '.[bench]'
    python benchmarks/run.py [--quick] [--json PATH]

All cases run *interleaved*: after a calibration pass, every round times one batch of every
case in turn (the order rotates per round), so drifting machine load hits all implementations
alike; each case's result is the median over the rounds. Ratios between implementations are
taken from this one run. Nothing is asserted: the printed table shows each target ratio of
issue 9 with ✔/✘, and a case whose implementation does not exist (yet) prints "n/a".

Peak memory of ``oparl.export`` and of XML streaming over a 1M-object source runs in a child
process each (``ru_maxrss`` from ``os.wait4``: that child alone). ``--quick`` uses a 20k-object
source there (and says so), fewer rounds and a 10k Bestand instead of 100k; it finishes in
under a minute. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import workload  # noqa: E402
from peers import kr  # noqa: E402
from peers.kr import Unavailable  # noqa: E402

DOCS = 8  # distinct documents per batch call (ops/s counts documents)


@dataclass
class Case:
    case: str
    impl: str
    fn: Callable[[], Any] | None
    per_call: int = 1
    reason: str = ""
    calls: int = 1
    single: float = 0.0
    times: list[float] = field(default_factory=list)

    @property
    def ops_per_s(self) -> float | None:
        if not self.times:
            return None
        return 1.0 / statistics.median(self.times)


def _peer(name: str) -> Any:
    import importlib

    return importlib.import_module(f"peers.{name}")


def _try(make: Callable[[], tuple[Callable[[], Any], int]]) -> tuple[Any, int, str]:
    """Build a case body; (None, 0, reason) when the implementation is not available."""
    try:
        fn, per = make()
        fn()  # also a correctness smoke run before timing
    except Unavailable as exc:
        return None, 0, str(exc)
    except ImportError as exc:
        return None, 0, f"not installed: {exc}"
    except Exception as exc:
        return None, 0, f"failed: {type(exc).__name__}: {exc}"[:300]
    return fn, per, ""


def codec_cases() -> list[Case]:
    meetings = [workload.meeting(i) for i in range(DOCS)]
    papers = [workload.paper(i) for i in range(DOCS)]
    cases: list[Case] = []
    peers = [("kommunalrecht", "kr"), ("orjson", "floor"), ("msgspec", "msgspec_models"),
             ("pydantic", "pydantic_models"), ("bonn", "bonn")]  # fmt: skip
    for impl, mod in peers:
        for kind, docs in (("meeting", meetings), ("paper", papers)):

            def make_dec(mod: str = mod, kind: str = kind, docs: list[Any] = docs) -> Any:
                p = _peer(mod)
                prep = getattr(p, f"prepare_{kind}")
                data = [prep(d) for d in docs]
                dec = getattr(p, f"decode_{kind}")

                def run() -> None:
                    for b in data:
                        dec(b)

                return run, len(data)

            def make_enc(mod: str = mod, kind: str = kind, docs: list[Any] = docs) -> Any:
                p = _peer(mod)
                prep = getattr(p, f"prepare_{kind}")
                dec = getattr(p, f"decode_{kind}")
                objs = [dec(prep(d)) for d in docs]
                enc = getattr(p, f"encode_{kind}")

                def run() -> None:
                    for o in objs:
                        enc(o)

                return run, len(objs)

            for op, make in (("decode", make_dec), ("encode", make_enc)):
                fn, per, why = _try(make)
                cases.append(Case(f"{kind}.{op}", impl, fn, per, why))
    return cases


def check_cases() -> list[Case]:
    meetings = [workload.meeting(i) for i in range(DOCS)]
    cases = []

    def make_kr() -> Any:
        chk = kr.check()
        for d in meetings:
            found = chk(d)
            if found:
                raise RuntimeError(f"oparl.check finds {found[0]} in the workload")

        def run() -> None:
            for d in meetings:
                chk(d)

        return run, len(meetings)

    def make_js() -> Any:
        v = kr.jsonschema_validator("Meeting")
        for d in meetings:
            errs = list(v.iter_errors(d))
            if errs:
                raise RuntimeError(f"jsonschema: {errs[0].message}")

        def run() -> None:
            for d in meetings:
                for _ in v.iter_errors(d):
                    pass

        return run, len(meetings)

    for impl, make in (("kommunalrecht", make_kr), ("jsonschema", make_js)):
        fn, per, why = _try(make)
        cases.append(Case("meeting.check", impl, fn, per, why))
    return cases


def xml_cases() -> list[Case]:
    meetings = [workload.meeting(i) for i in range(DOCS)]
    cases = []

    def make_enc() -> Any:
        dumps_xml, _ = kr.xml()
        objs = [kr.decode_meeting(kr.prepare_meeting(d)) for d in meetings]

        def run() -> None:
            for o in objs:
                dumps_xml(o)

        return run, len(objs)

    def make_dec() -> Any:
        dumps_xml, loads_xml = kr.xml()
        objs = [kr.decode_meeting(kr.prepare_meeting(d)) for d in meetings]
        data = [dumps_xml(o) for o in objs]
        if loads_xml(data[0]) != objs[0]:
            raise RuntimeError("loads_xml(dumps_xml(m)) != m")

        def run() -> None:
            for b in data:
                loads_xml(b)

        return run, len(data)

    for case, make in (("meeting.xml_encode", make_enc), ("meeting.xml_decode", make_dec)):
        fn, per, why = _try(make)
        cases.append(Case(case, "kommunalrecht", fn, per, why))
    return cases


def validate_cases(sizes: list[int]) -> list[Case]:
    cases = []
    for n in sizes:

        def make(n: int = n) -> Any:
            validate = kr.validate()
            _, _, from_dict, _ = kr.codec()
            q = workload.Quelle(n)
            objs = [from_dict(d) for t in workload.TYPES for d in q.objekte(t)]
            b = kr.bestand(objs)
            del objs
            count = len(b)

            def run() -> None:
                validate(b)

            return run, count

        fn, per, why = _try(make)
        cases.append(Case(f"validate.bestand.{_label(n)}", "kommunalrecht", fn, per, why))

        def make_once(n: int = n) -> Any:
            # a fresh Bestand per call: its construction and the first validate, which builds
            # what a Bestand keeps for later calls (rule index, resolved references)
            validate = kr.validate()
            _, _, from_dict, _ = kr.codec()
            q = workload.Quelle(n)
            objs = [from_dict(d) for t in workload.TYPES for d in q.objekte(t)]

            def run() -> None:
                validate(kr.bestand(objs))

            return run, len(kr.bestand(objs))  # objects, embedded ones included, as above

        fn, per, why = _try(make_once)
        cases.append(Case(f"validate.once.{_label(n)}", "kommunalrecht", fn, per, why))
    return cases


def _label(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


# ---------------------------------------------------------------------------------------
# timing


def calibrate(c: Case, target: float) -> None:
    """Set the number of calls per batch so that a batch takes about ``target`` seconds."""
    assert c.fn is not None
    calls = 1
    while True:
        gc.collect()
        t0 = time.perf_counter()
        for _ in range(calls):
            c.fn()
        dt = time.perf_counter() - t0
        if dt >= target * 0.5 or calls >= 1 << 20:
            break
        calls = min(1 << 20, max(calls * 2, int(calls * target / max(dt, 1e-9))))
    c.calls = calls
    c.single = dt / calls


def measure(cases: list[Case], rounds: int, target: float, log: Callable[[str], None]) -> None:
    """Interleaved rounds: each round times one batch of every case, in rotating order.

    A case whose single call takes longer than a second (the 100k Bestand) is timed in at
    most 5 rounds to keep the run short.
    """
    live = [c for c in cases if c.fn is not None]
    for c in live:
        calibrate(c, target)
    for r in range(rounds):
        k = r % len(live) if live else 0
        for c in live[k:] + live[:k]:
            assert c.fn is not None
            if c.single > 1.0 and len(c.times) >= 5:
                continue
            gc.collect()
            t0 = time.perf_counter()
            for _ in range(c.calls):
                c.fn()
            dt = time.perf_counter() - t0
            c.times.append(dt / (c.calls * c.per_call))
        log(f"  round {r + 1}/{rounds}")


# ---------------------------------------------------------------------------------------
# peak memory in child processes


def _child(what: str, n: int, directory: str) -> None:
    """Runs in the child: stream the n-object source through export or the XML writer."""
    q = workload.Quelle(n)
    if what == "export":
        from kommunalrecht.oparl.export import export

        export(q, Path(directory) / "oparl", base_url=workload.BASE, page_size=100)
    else:
        from kommunalrecht.oparl.xml import write_xml_stream

        write_xml_stream(q, Path(directory) / "bestand.xml")
    print(json.dumps({"objects": q.total, "vmhwm_kb": _vmhwm_kb()}))


def _vmhwm_kb() -> int | None:
    """Peak RSS of this process image since exec (Linux ``VmHWM``), for a cross-check."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _scratch(n: int) -> str | None:
    """A RAM-backed scratch directory (/dev/shm) when it has room for an export of n objects
    (~6 KB per object on disk, one file each), else the default temporary directory. Only the
    child's RSS is measured; tmpfs pages are not part of it, they just make the million file
    writes and the clean-up fast."""
    shm = Path("/dev/shm")
    try:
        st = os.statvfs(shm)
    except OSError:
        return None
    return str(shm) if st.f_bavail * st.f_frsize > 2 * 8_000 * n else None


def peak_rss(what: str, n: int) -> tuple[float | None, str]:
    """(peak RSS in MB of a child process running ``what`` over ``n`` objects, note).

    The child's own ``ru_maxrss`` comes from ``os.wait4`` (the rusage of exactly that child;
    ``RUSAGE_CHILDREN`` would report the maximum over all children so far). On Linux a
    child's ``ru_maxrss`` also covers the forked parent image before ``exec``, so the runner
    starts these children first, while the parent is still small; the child's own ``VmHWM``
    (peak since ``exec``) is shown as a cross-check.
    """
    if not hasattr(os, "wait4"):
        return None, "os.wait4 not available on this platform"
    tmp = tempfile.mkdtemp(prefix=f"kr-bench-{what}-", dir=_scratch(n))
    try:
        out_path, err_path = Path(tmp) / "stdout", Path(tmp) / "stderr"
        t0 = time.perf_counter()
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--child", what, str(n), tmp],
                stdout=out,
                stderr=err,
            )
            _, status, ru = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        secs = time.perf_counter() - t0
        if proc.returncode != 0:
            tail = err_path.read_text(errors="replace").strip().splitlines()[-1:] or ["?"]
            return None, f"child failed: {tail[0][:200]}"
        info = json.loads(out_path.read_text().strip().splitlines()[-1])
        kb = ru.ru_maxrss if sys.platform != "darwin" else ru.ru_maxrss / 1024
        hwm = info.get("vmhwm_kb")
        extra = f", VmHWM {hwm / 1024:.0f} MB" if hwm else ""
        return kb / 1024, f"{info['objects']:,} objects, {secs:.0f} s{extra}"
    finally:
        # a million files: ``rm -rf`` in its own process keeps this process small (a child's
        # ru_maxrss includes the resident pages of the parent it was forked from)
        if shutil.which("rm"):
            subprocess.run(["rm", "-rf", tmp], check=False)
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------
# report


TARGETS: list[tuple[str, str, str, str, str, str, float]] = [
    # (label, case_a, impl_a, case_b, impl_b, op, bound): ratio = ops(a) / ops(b)
    ("meeting.decode: kommunalrecht ÷ pydantic", "meeting.decode", "kommunalrecht",
     "meeting.decode", "pydantic", ">=", 1.1),
    ("meeting.encode: kommunalrecht ÷ pydantic", "meeting.encode", "kommunalrecht",
     "meeting.encode", "pydantic", ">=", 1.8),
    ("meeting.decode: orjson ÷ kommunalrecht (floor)", "meeting.decode", "orjson",
     "meeting.decode", "kommunalrecht", "<=", 4.0),
    ("meeting.decode: kommunalrecht ÷ bonn", "meeting.decode", "kommunalrecht",
     "meeting.decode", "bonn", ">=", 5.0),
    ("meeting.encode: kommunalrecht ÷ bonn", "meeting.encode", "kommunalrecht",
     "meeting.encode", "bonn", ">=", 3.0),
    ("meeting.check: kommunalrecht ÷ jsonschema", "meeting.check", "kommunalrecht",
     "meeting.check", "jsonschema", ">=", 15.0),
    ("meeting.xml_encode: JSON encode ÷ XML encode", "meeting.encode", "kommunalrecht",
     "meeting.xml_encode", "kommunalrecht", "<=", 6.0),
    ("meeting.xml_decode: JSON decode ÷ XML decode", "meeting.decode", "kommunalrecht",
     "meeting.xml_decode", "kommunalrecht", "<=", 3.0),
]  # fmt: skip


def _fmt_ops(v: float | None) -> str:
    if v is None:
        return "n/a"
    if v >= 100:
        return f"{v:,.0f}"
    return f"{v:,.1f}"


def report(
    cases: list[Case], rss: dict[str, tuple[float | None, str]], big: str, rss_label: str
) -> list[str]:
    by = {(c.case, c.impl): c.ops_per_s for c in cases}
    lines = []
    impls = ["kommunalrecht", "orjson", "msgspec", "pydantic", "bonn", "jsonschema"]
    names = list(dict.fromkeys(c.case for c in cases))
    w = max(len(n) for n in names) + 2
    lines.append("ops/s (documents; validate: objects), median of interleaved rounds")
    lines.append("case".ljust(w) + "".join(i.rjust(15) for i in impls))
    for n in names:
        row = n.ljust(w)
        for i in impls:
            has = any(c.case == n and c.impl == i for c in cases)
            row += (_fmt_ops(by.get((n, i))) if has else "").rjust(15)
        lines.append(row)
    notes = [f"  {c.case} [{c.impl}]: n/a — {c.reason}" for c in cases if c.fn is None]
    if notes:
        lines.append("not available:")
        lines.extend(notes)
    lines.append("")
    lines.append("targets (issue 9)")
    lw = 52
    lines.append("ratio".ljust(lw) + "target".rjust(9) + "measured".rjust(11) + "   ok")
    for label, ca, ia, cb, ib, op, bound in TARGETS:
        a, b = by.get((ca, ia)), by.get((cb, ib))
        lines.append(_target_line(label, a, b, op, bound, lw))
    a = by.get(("validate.bestand.1k", "kommunalrecht"))
    b = by.get((f"validate.bestand.{big}", "kommunalrecht"))
    lines.append(_target_line(f"validate.bestand: per-object rate 1k ÷ {big}", a, b, "<=", 1.3, lw))
    a = by.get(("validate.once.1k", "kommunalrecht"))
    b = by.get((f"validate.once.{big}", "kommunalrecht"))
    if a is not None and b is not None:  # not a target: Bestand() + first validate, per object
        lines.append(f"{'(validate.once: Bestand() + first validate, 1k ÷ ' + big + ')':<{lw}}"
                     f"{'':>9}{a / b:>11.2f}")  # fmt: skip
    for key, (mb, note) in rss.items():
        label = f"peak RSS {key}"
        target = f"{'≤ 200 MB':>9}"
        if mb is None:
            lines.append(f"{label:<{lw}}{target}{'n/a':>11}   –  {note}")
        else:
            ok = "✔" if mb <= 200 else "✘"
            lines.append(f"{label:<{lw}}{target}{mb:>8.1f} MB   {ok}  ({note})")
    if rss_label:
        lines.append(rss_label)
    return lines


def _target_line(
    label: str, a: float | None, b: float | None, op: str, bound: float, lw: int
) -> str:
    t = f"{'≥' if op == '>=' else '≤'} {bound:g}"
    if a is None or b is None:
        return f"{label:<{lw}}{t:>9}{'n/a':>11}   –"
    r = a / b
    ok = r >= bound if op == ">=" else r <= bound
    return f"{label:<{lw}}{t:>9}{r:>11.2f}   {'✔' if ok else '✘'}"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()} "
        f"{platform.machine()}, {cpu}, {os.cpu_count()} CPUs"
    )


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for dist in ("kommunalrecht", "orjson", "msgspec", "pydantic", "jsonschema", "lxml",
                 "cattrs", "attrs", "stadt-bonn-oparl-api-client"):  # fmt: skip
        try:
            out.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist} –")
    return ", ".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, few rounds (< 1 minute)")
    ap.add_argument("--json", metavar="PATH", help="write the results as JSON")
    ap.add_argument("--rounds", type=int, help="interleaved rounds (default 15, quick 5)")
    ap.add_argument("--no-rss", action="store_true", help="skip the peak-memory children")
    ap.add_argument(
        "--rss-objects", type=int, help="source size for peak RSS (default 1M, quick 5k)"
    )
    ap.add_argument("--child", nargs=3, metavar=("WHAT", "N", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        what, n, directory = args.child
        _child(what, int(n), directory)
        return 0

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    quick = bool(args.quick)
    rounds = args.rounds or (5 if quick else 15)
    target = 0.01 if quick else 0.1
    big = 10_000 if quick else 100_000
    rss_n = args.rss_objects or (5_000 if quick else 1_000_000)
    t_start = time.perf_counter()
    log(f"kommunalrecht benchmarks ({'quick' if quick else 'full'}): {machine()}")
    rss: dict[str, tuple[float | None, str]] = {}
    rss_key = _label(rss_n)
    rss_label = ""
    if args.no_rss:
        rss_label = "peak RSS: skipped (--no-rss)"
    else:
        for what in ("export", "xml_stream"):
            log(f"peak RSS: {what} over {rss_key} objects (child process) …")
            rss[f"{what}.{rss_key}"] = peak_rss(what, rss_n)
        if quick:
            rss_label = (
                f"(quick: peak RSS measured over a {rss_key}-object source, not 1M; "
                "run without --quick for the 1M figures)"
            )

    log("building cases …")
    cases = codec_cases() + check_cases() + xml_cases() + validate_cases([1000, big])
    log(f"measuring {sum(c.fn is not None for c in cases)} cases, {rounds} rounds …")
    log(f"  ({time.perf_counter() - t_start:.0f} s so far)")
    measure(cases, rounds, target, log)

    log(f"done in {time.perf_counter() - t_start:.0f} s")
    lines = report(cases, rss, _label(big), rss_label)
    print()
    print(f"kommunalrecht benchmarks — {'QUICK' if quick else 'full'} run, "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}")  # fmt: skip
    print(machine())
    print(versions())
    print(f"{rounds} interleaved rounds, {DOCS} distinct documents per batch; "
          f"{time.perf_counter() - t_start:.0f} s")  # fmt: skip
    print()
    print("\n".join(lines))
    if args.json:
        doc = {
            "quick": quick,
            "results": [
                {"case": c.case, "impl": c.impl, "ops_per_s": c.ops_per_s}
                for c in cases
                if c.ops_per_s is not None
            ],
            "peak_rss_mb": {k: v for k, (v, _) in rss.items() if v is not None},
        }
        Path(args.json).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
