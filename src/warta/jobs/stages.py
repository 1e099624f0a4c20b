"""Where a job's time goes: wall and CPU seconds per named stage, on the workers and on the driver.

    st = Stages()
    with st("pipeline"):
        ...
    st.as_dict()  # {"pipeline": {"wall": 1.2, "cpu": 1.1, "n": 1}}

Workers time their stages per partition and return them in their small summaries;
the driver adds them up (`merge`) with its own, and the job summary keeps the
total (`JobSummary.stages`), which `bench/bench_jobs.py` prints.  CPU is the
process's (`time.process_time`, all threads of that process): on a loaded machine
it says what a stage costs where wall time only says how long it waited.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Any


class Stages:
    def __init__(self) -> None:
        self.totals: dict[str, list[float]] = {}

    def add(self, name: str, wall: float, cpu: float, n: int = 1) -> None:
        t = self.totals.setdefault(name, [0.0, 0.0, 0])
        t[0] += wall
        t[1] += cpu
        t[2] += n

    @contextmanager
    def __call__(self, name: str):
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - w0, time.process_time() - c0)

    def merge(self, other: dict[str, dict[str, Any]] | None, prefix: str = "") -> None:
        for name, v in (other or {}).items():
            self.add(prefix + name, v.get("wall", 0.0), v.get("cpu", 0.0), v.get("n", 1))

    def as_dict(self) -> dict[str, dict[str, Any]]:
        return {k: {"wall": round(w, 3), "cpu": round(c, 3), "n": n} for k, (w, c, n) in self.totals.items()}


_gc = {"cpu": 0.0, "start": 0.0, "on": False}


def _on_gc(phase: str, info: dict) -> None:
    if phase == "start":
        _gc["start"] = time.process_time()
    else:
        _gc["cpu"] += time.process_time() - _gc["start"]


def gc_cpu() -> float:
    """CPU seconds this process has spent in Python's cyclic garbage collector since the first call."""
    import gc

    if not _gc["on"]:
        gc.callbacks.append(_on_gc)
        _gc["on"] = True
    return _gc["cpu"]
