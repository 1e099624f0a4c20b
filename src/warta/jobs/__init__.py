"""Corpus jobs on a cluster: the same extraction as `warta extract`, on Dask or Spark, into a Parquet dataset.

    from warta.jobs import run_job
    summary = run_job(["crawl/CC-NEWS-20240101.warc.gz", "news/"], "dataset/", engine="dask")

A job runs in three stages, each resumable:

1. extract (engine): the inputs, in a stable order, are cut into partitions
   (consecutive files up to `partition_bytes` or `partition_files`); each runs on a
   worker, which builds the pipeline once (or starts with the one its local
   cluster's driver built before forking it) and writes the partition's tables
   straight to the final dataset, by publication month, all but `articles`, which
   waits for its links in `_parts/part-N/`; then its commit marker.  A restarted
   job skips every partition whose marker is there.
2. link (driver): exact duplicates, near-duplicates and stories across the whole
   dataset, in input order, exactly as the store links them (`links.py`, with an
   in-memory LSH index): partition N is linked as soon as partitions 0..N are
   extracted, while the workers go on with the others.
3. write (driver): then partition N's articles go to the final dataset with
   their links (and the rows of an exact duplicate of an earlier partition's
   article leave the other tables); a marker per partition; at the end
   `event_groups` and `_SUCCESS` with the summary.

So the three stages overlap, and only the last partition's link and write come
after the extraction.  Each task returns a small summary with its stage timings
(wall and CPU, `stages.py`); `JobSummary.stages` adds them up.

The plan (inputs, partitions, options) is kept in `_job.json`: a restart with
other inputs or options into the same folder is refused rather than mixed.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.errors import WartaError
from warta.jobs import dataset as D
from warta.jobs.stages import Stages

PLAN_VERSION = 4  # 4: `_STARTED` before an extraction writes (3: the extraction writes the final tables but
#                    articles; 2: parts are Arrow IPC; 1: Parquet)


class JobError(WartaError):
    """A job cannot run as asked (bad inputs, a dataset folder of another job)."""

    exit_code = 2


@dataclass
class JobSummary:
    engine: str = ""
    inputs: int = 0
    partitions: int = 0
    partitions_resumed: int = 0
    records: int = 0
    articles: int = 0
    non_indonesian: int = 0
    failures: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    stories: int = 0
    events: int = 0
    event_groups: int = 0
    engine_start_seconds: float = 0.0
    extract_seconds: float = 0.0
    link_seconds: float = 0.0
    write_seconds: float = 0.0
    seconds: float = 0.0
    worker_process_cpu: float = 0.0
    driver_cpu: float = 0.0
    engine_cpu: float = 0.0
    dashboard: str | None = None
    out: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)
    stages: Stages = field(default_factory=Stages)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        d["errors"] = [list(e) for e in self.errors]
        d["stages"] = self.stages.as_dict()
        d["articles_per_second"] = round(self.articles_per_second, 2)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "JobSummary":
        known = {f.name for f in dataclasses.fields(cls)}
        summary = cls(**{k: v for k, v in d.items() if k in known and k != "stages"})
        summary.stages.merge(d.get("stages"))
        return summary


# -- inputs --------------------------------------------------------------------
def read_manifest(path: str) -> list[str]:
    """The inputs listed in a manifest file: one path or URI a line; blank lines and `#` comments ignored;
    relative paths are relative to the manifest's folder."""
    if D.is_remote(path):
        import fsspec

        with fsspec.open(path, "r", encoding="utf-8") as f:
            lines = f.read().splitlines()
        base = path.rsplit("/", 1)[0]
    else:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise JobError(f"{path}: the manifest cannot be read: {exc.strerror or exc}") from None
        base = str(Path(path).parent)
    out = []
    for line in lines:
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not line:
            continue
        if not D.is_remote(line) and not os.path.isabs(line) and not D.is_remote(base):
            line = os.path.normpath(str(Path(base) / line))
        elif not D.is_remote(line) and not os.path.isabs(line):
            line = f"{base}/{line}"
        out.append(line)
    return out


def expand_inputs(inputs: Iterable[str], manifests: Iterable[str] = ()) -> list[tuple[str, int]]:
    """(path or URI, size in bytes) of every input file, in a stable order: directories walked as
    `warta extract` walks them; URIs (s3://, hdfs://, gs://…) listed through fsspec."""
    from warta.readers import expand

    names = list(inputs)
    for m in manifests:
        names += read_manifest(m)
    out: list[tuple[str, int]] = []
    for name in names:
        if D.is_remote(name):
            import fsspec

            fs, path = fsspec.core.url_to_fs(name)
            protocol = name.split("://", 1)[0]
            if fs.isdir(path):
                for p, info in sorted(fs.find(path, detail=True).items()):
                    if not p.rsplit("/", 1)[-1].startswith("."):
                        out.append((f"{protocol}://{p}", int(info.get("size") or 0)))
            elif fs.exists(path):
                out.append((name, int(fs.size(path) or 0)))
            else:
                raise JobError(f"{name}: no such file or folder")
            continue
        if name == "-":
            raise JobError("a job cannot read standard input; give files, folders or a --manifest")
        if not os.path.exists(name):
            raise JobError(f"{name}: no such file or folder")
        for p in expand([name]):
            try:
                out.append((os.path.abspath(p), os.path.getsize(p)))
            except OSError as exc:
                raise JobError(f"{p}: cannot be read: {exc.strerror or exc}") from None
    return out


#: partitions shrink towards the end of the input (guided self-scheduling): each takes at most 1/TAPER of
#: what is left, so the last tasks are short and the workers finish together instead of one waiting for
#: another's full-size last partition; never below 1/MIN_SHARE of the full size
TAPER = 4
MIN_SHARE = 8


def _caps(left_files: int, left_bytes: int, max_files: int, max_bytes: int) -> tuple[int, int]:
    """(files, bytes) the next partition may hold, given what is left of the input."""
    return (max(min(max_files, -(-left_files // TAPER)), max_files // MIN_SHARE, 1),
            max(min(max_bytes, -(-left_bytes // TAPER)), max_bytes // MIN_SHARE, 1))


def partition(files: list[tuple[str, int]], max_bytes: int = 64_000_000, max_files: int = 200
              ) -> list[list[tuple[int, str]]]:
    """Consecutive inputs grouped into partitions of at most `max_files` files or about `max_bytes`
    (a larger file is a partition of its own), smaller towards the end (`TAPER`); each entry is
    (input_seq, path).  Depends only on the inputs, so a restarted job finds the same partitions."""
    parts: list[list[tuple[int, str]]] = []
    left_files, left_bytes = len(files), sum(n for _, n in files)
    current: list[tuple[int, str]] = []
    size = 0
    cap_files, cap_bytes = _caps(left_files, left_bytes, max_files, max_bytes)
    for seq, (path, n) in enumerate(files):
        if current and (len(current) >= cap_files or size + n > cap_bytes):
            parts.append(current)
            left_files, left_bytes = left_files - len(current), left_bytes - size
            cap_files, cap_bytes = _caps(left_files, left_bytes, max_files, max_bytes)
            current, size = [], 0
        current.append((seq, path))
        size += n
    if current:
        parts.append(current)
    return parts


# -- the job ---------------------------------------------------------------------
def _plan(fs, root: str, files: list[tuple[str, int]], parts: list[list[tuple[int, str]]],
          components: list[str] | None, options: dict[str, Any]) -> None:
    plan = {"version": PLAN_VERSION, "inputs": [p for p, _ in files], "partitions": [len(p) for p in parts],
            "components": components, "options": options}
    old = D.read_json(fs, f"{root}/_job.json")
    if old is None:
        if fs.exists(root) and [p for p in fs.ls(root) if not p.rstrip("/").endswith("_job.json")]:
            raise JobError(f"{root}: the folder is not empty and holds no warta job; give a new --out folder")
        D.write_json(fs, f"{root}/_job.json", plan)
        return
    if old != plan:
        what = [k for k in plan if old.get(k) != plan[k]]
        raise JobError(f"{root}: holds a job with other {', '.join(what)}; give a new --out folder to run this one "
                       "(or delete the old dataset)")


def _check(components: list[str] | None, options: dict[str, Any]) -> None:
    """A bad option, an unknown component or an unmet requirement fails here, before any engine starts."""
    from warta.options import Options

    Options.build(options)
    if components is not None:
        from warta.pipeline import Pipeline

        Pipeline(components, Options.build(options))


def _start(eng, config: dict, summary: JobSummary, log: Callable[[str], None]) -> None:
    if getattr(eng, "forks_local_workers", False):
        from warta.jobs import tasks

        with summary.stages("driver: pipeline built (before the workers fork)"):
            tasks.preload(config)
    with summary.stages("driver: engine start"):
        eng.start()
    summary.engine_start_seconds = round(eng.started_seconds, 3)
    summary.engine = eng.describe()
    if getattr(eng, "dashboard_link", None):
        summary.dashboard = eng.dashboard_link
        log(f"Dask dashboard: {summary.dashboard}")


#: at most this many ids of articles kept so far go with an extraction task (its exact copies of them are not
#: extracted again; those of older articles are found by the link pass, with the same dataset)
KNOWN_IDS = 20_000


class _Driver:
    """The driver's side of a running job: it takes the workers' results as they come, links each
    partition as soon as every earlier one is extracted (stage 2) and writes its articles (stage 3), so only
    the last partition's link and write are left when the extraction ends."""

    def __init__(self, eng, parts, config: dict, summary: JobSummary, log: Callable[[str], None]):
        from warta.jobs.links import Linker

        self.eng, self.parts, self.config, self.summary, self.log = eng, parts, config, summary, log
        self.linker = Linker(config["out"])
        self.extracted: dict[int, int] = {}  # partition -> the events its extraction wrote
        self.next_link = 0
        self.worker_cpu: dict[str, float] = {}
        self.submitted = 0
        self.known: list[str] = []  # ids kept by the partitions extracted so far (the last KNOWN_IDS)

    def run(self) -> None:
        from warta.jobs import tasks

        s, t0 = self.summary, time.perf_counter()
        self._fill(0)
        try:
            for done, r in enumerate(self.eng.results(), 1):
                self.known.extend(r.get("ids") or ())
                del self.known[:-KNOWN_IDS]
                self._fill(done)
                s.stages.merge(r.get("stages"), "worker: ")
                if r.get("worker") and r.get("process_cpu") is not None:
                    self.worker_cpu[r["worker"]] = max(self.worker_cpu.get(r["worker"], 0.0), r["process_cpu"])
                if len(self.extracted) + 1 == len(self.parts):
                    s.extract_seconds = round(time.perf_counter() - t0, 3)
                    t1 = time.perf_counter()
                self._extracted(r)
        finally:
            s.stories = self.linker.stories()
            self.linker.close()
        s.write_seconds = round(time.perf_counter() - t1, 3) if len(self.extracted) == len(self.parts) else 0.0
        s.exact_duplicates += self.linker.counts["exact_duplicates"]
        s.near_duplicates = self.linker.counts["near_duplicates"]
        s.worker_process_cpu = round(sum(self.worker_cpu.values()), 3)

    def _fill(self, done: int) -> None:
        """Submit the next partitions' extractions, in order, until twice as many as the cluster runs at once
        are waiting or running, each with the ids kept by the partitions extracted so far (earlier ones)."""
        from warta.jobs import tasks

        while self.submitted < len(self.parts) and self.submitted - done < 2 * self.eng.slots():
            i = self.submitted
            self.eng.submit(tasks.extract_partition, self.config, (i, self.parts[i], list(self.known)))
            self.submitted += 1

    def _extracted(self, r: dict) -> None:
        from warta.jobs import tasks

        s = self.summary
        s.partitions_resumed += bool(r.get("skipped"))
        s.records += r.get("records", 0)
        s.non_indonesian += r.get("non_indonesian", 0)
        s.failures += r.get("failures", 0)
        s.exact_duplicates += r.get("duplicates", 0)
        self.extracted[r["part"]] = r.get("events", 0)
        self.log(f"extract: partition {r['part']} {'already done' if r.get('skipped') else 'done'} "
                 f"({r.get('articles', 0)} articles, {r.get('seconds', 0):.1f} s) [{len(self.extracted)}/"
                 f"{len(self.parts)}]")
        while self.next_link in self.extracted:
            with s.stages("driver: link"):
                links = self.linker.link(self.next_link)
            w = tasks.finalize_partition(self.config, self.next_link, links, self.extracted[self.next_link])
            s.stages.merge(w.get("stages"), "driver: ")
            s.articles += w.get("articles", 0)
            s.events += w.get("events", 0)
            self.next_link += 1
        s.link_seconds = round(s.stages.totals["driver: link"][0], 3) if self.next_link else 0.0


def _finish(fs, root: str, out: str, summary: JobSummary, t0: float, keep_parts: bool) -> None:
    """Event groups, the first failures and `_SUCCESS`; the parts removed."""
    from warta.jobs import links

    with summary.stages("driver: event groups"):
        groups = links.event_groups(out)
        D.write_table(fs, f"{root}/event_groups/part-00000.parquet", groups)
        summary.event_groups = groups.num_rows
        failures = D.read_dataset(out, "failures", ["source", "error"]).to_pylist() if summary.failures else []
        summary.errors = [(r["source"], r["error"]) for r in failures[:100]]
    summary.seconds = round(time.perf_counter() - t0, 3)
    summary.driver_cpu = round(time.process_time(), 3)
    D.write_json(fs, f"{root}/_SUCCESS", summary.to_dict())
    if not keep_parts:
        for name in ("_parts",):
            if fs.exists(f"{root}/{name}"):
                fs.rm(f"{root}/{name}", recursive=True)


def run_job(inputs: Iterable[str], out: str, engine: str = "dask", *, manifests: Iterable[str] = (),
            workers: int | None = None, scheduler: str | None = None, master: str | None = None,
            components: list[str] | None = None, options: dict[str, Any] | None = None,
            partition_bytes: int = 64_000_000, partition_files: int = 200, keep_parts: bool = False,
            dashboard: str | None = ":8787",
            log: Callable[[str], None] | None = None, engine_obj=None) -> JobSummary:
    """Run the extraction over `inputs` on `engine` ('dask' or 'spark') and write the dataset to `out`."""
    from warta.jobs.engines import make_engine

    log = log or (lambda message: None)
    t0 = time.perf_counter()
    options = dict(options or {})
    _check(components, options)
    fs, root = D.filesystem(out)
    summary = JobSummary(engine=engine, out=out)
    done = D.read_json(fs, f"{root}/_SUCCESS")
    if done is not None:
        log(f"{out}: the job has already finished (delete the folder to run it again)")
        return JobSummary.from_dict(done)
    files = expand_inputs(inputs, manifests)
    if not files:
        raise JobError("no input files found")
    parts = partition(files, partition_bytes, partition_files)
    _plan(fs, root, files, parts, components, options)
    summary.inputs, summary.partitions = len(files), len(parts)
    config = {"out": out, "components": components, "options": options}
    eng = engine_obj or make_engine(engine, workers, scheduler, master, dashboard)
    eng.pipeline_config = {"components": components, "options": options}
    try:
        _start(eng, config, summary, log)
        log(f"{len(files)} input file(s) in {len(parts)} partition(s) on {summary.engine}")
        _Driver(eng, parts, config, summary, log).run()
    finally:
        with summary.stages("driver: engine close"):
            eng.close()
        summary.engine_cpu = round(eng.outside_cpu_seconds, 3)
        if getattr(eng, "forks_local_workers", False):
            from warta.jobs import tasks

            tasks.unload()
    log(f"link: {summary.articles} articles, {summary.exact_duplicates} exact and {summary.near_duplicates} "
        f"near-duplicate(s) across the dataset ({summary.link_seconds:.1f} s, while extracting)")
    _finish(fs, root, out, summary, t0, keep_parts)
    return summary


__all__ = ["JobError", "JobSummary", "expand_inputs", "partition", "read_manifest", "run_job"]
