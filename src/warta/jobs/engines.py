"""The two engines a job runs on: Dask (`dask.distributed`) and Spark (PySpark `mapPartitions`).

An engine only schedules: `submit(fn, config, args)` asks for
`fn(config, *args)` on one of the cluster's workers, and `results()` yields the
small dicts the tasks return, as they finish, until none is pending (tasks may be
submitted while it runs: the driver keeps a few extractions ahead of the workers).
Where the task runs, and when, is the engine's business.  Everything else
(reading, extraction, writing Parquet) is the same code on both, in
`warta.jobs.tasks`.
"""

from __future__ import annotations

import json
import os
import queue
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from warta.errors import WartaError


class EngineError(WartaError):
    """The engine could not be started (missing package, no Java, unreachable scheduler)."""

    exit_code = 2


class Engine:
    name = "engine"
    started_seconds = 0.0
    outside_cpu_seconds = 0.0  # CPU of processes the engine started that the driver does not wait for
    #: the job's {"components", "options"}, set before `start`: a local engine may build the pipeline once, in
    #: the process its workers are forked from
    pipeline_config: dict[str, Any] | None = None

    @property
    def forks_local_workers(self) -> bool:
        """Whether `start` forks the worker processes from this one (so a pipeline built here first is
        shared by them, `warta.jobs.tasks.preload`); remote workers build their own, lazily."""
        return False

    def start(self) -> None:
        raise NotImplementedError

    def slots(self) -> int:
        """How many tasks the cluster runs at once (the driver keeps about twice that many submitted)."""
        return 1

    def submit(self, fn: Callable[..., dict], config: dict[str, Any], args: tuple) -> None:
        """Run `fn(config, *args)` on the cluster."""
        raise NotImplementedError

    def results(self) -> Iterator[dict]:
        """The results of the submitted tasks as they finish, until none is pending."""
        raise NotImplementedError

    def close(self) -> None:
        pass

    def describe(self) -> str:
        return self.name


class DaskEngine(Engine):
    """A `dask.distributed` client: a `LocalCluster` of worker processes (one thread each) unless a scheduler
    address is given (`tcp://host:8786`, a cluster started with `dask scheduler` / `dask worker`)."""

    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None, dashboard: str | None = ":8787"):
        self.workers = workers
        self.scheduler = scheduler
        self.dashboard = None if str(dashboard).lower() in ("off", "none", "") else dashboard
        self.client = None
        self.cluster = None
        self._pending = None
        self._futures: list = []
        self._slots: tuple[int, float] | None = None  # (threads, when asked)

    @property
    def forks_local_workers(self) -> bool:
        return (not self.scheduler and sys.platform.startswith("linux")
                and os.environ.get("WARTA_DASK_DEFAULTS") != "1")

    def start(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError(f"the Dask engine needs dask.distributed ({exc}); install it with "
                              "pip install 'warta[jobs]'") from None
        import dask

        if os.environ.get("WARTA_DASK_DEFAULTS") != "1":
            # The workers run long pure-Python tasks (seconds each): the statistical profiler (a stack sample
            # every 10 ms) and the event loop's frequent wake-ups (a tick every 20 ms, monitors every 100 and
            # 500 ms) only take the GIL from them; they are set here and handed to the workers by the nannies.
            if self.forks_local_workers:
                # A local worker process forked from this one (the nanny runs here) starts in a fraction of a
                # second, with the modules already imported, and the pipeline the driver built just before
                # (`warta.jobs.tasks.preload`); a spawned one starts a new interpreter and imports
                # distributed and warta again (2-3 s on a busy machine), and takes a second to close.
                dask.config.set({"distributed.worker.multiprocessing-method": "fork"})
            dask.config.set({"distributed.worker.profile.enabled": False,
                             "distributed.admin.tick.interval": "500ms",
                             "distributed.admin.system-monitor.interval": "2s",
                             "distributed.worker.memory.monitor-interval": "1s",
                             "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1,
                                                                     "OPENBLAS_NUM_THREADS": 1}})
        t0 = time.perf_counter()
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="30s")
            else:
                self.cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                                            processes=True, dashboard_address=self.dashboard, silence_logs=40)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise EngineError(f"could not reach the Dask scheduler {self.scheduler or '(local)'}: {exc}") from None
        self.started_seconds = time.perf_counter() - t0

    @property
    def dashboard_link(self) -> str | None:
        if self.client is None or (self.dashboard is None and not self.scheduler):  # a local cluster without one
            return None
        try:
            return self.client.dashboard_link
        except Exception:  # no dashboard (bokeh missing, or disabled)
            return None

    def slots(self) -> int:
        """The cluster's threads: asked of the scheduler at most once a second (the driver asks after every
        result; workers may join or leave a remote cluster, a local one keeps its own)."""
        if self.client is None:
            return 1
        now = time.monotonic()
        if self._slots is None or (self.scheduler and now - self._slots[1] > 1.0):
            self._slots = (max(1, sum(self.client.nthreads().values())), now)
        return self._slots[0]

    def describe(self) -> str:
        n = len(self.client.scheduler_info().get("workers", {})) if self.client is not None else 0
        where = self.scheduler or "LocalCluster"
        return f"dask ({where}, {n} worker(s))"

    def submit(self, fn, config, args):
        from dask.distributed import as_completed

        if self._pending is None:
            self._pending = as_completed()
        future = self.client.submit(fn, config, *args, pure=False,
                                    key=f"{fn.__name__}-{args[0]:05d}")
        self._futures.append(future)
        self._pending.add(future)

    def results(self):
        if self._pending is None:
            return
        for future in self._pending:  # futures submitted meanwhile are added to the same iterator
            yield future.result()
        self._pending = None

    def close(self) -> None:
        for f in self._futures:
            f.cancel()
        self._futures = []
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None
        self._slots = None


def java_problem() -> str | None:
    """Why Spark cannot start here (no Java 17+), or None."""
    import shutil
    import subprocess

    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else shutil.which("java")
    if not java or not os.path.exists(java):
        return ("Spark needs Java 17 or later and no `java` was found; install it (Debian/Ubuntu: "
                "apt-get install -y openjdk-17-jre-headless) or set JAVA_HOME")
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"Spark needs Java 17 or later; `{java} -version` failed: {exc}"
    text = out.stderr + out.stdout
    import re

    m = re.search(r'version "(\d+)(?:\.(\d+))?', text)
    if m:
        major = int(m.group(1)) if m.group(1) != "1" else int(m.group(2) or 0)
        if major < 17:
            return f"Spark needs Java 17 or later; {java} is Java {major} (apt-get install -y openjdk-17-jre-headless)"
    return None


class SparkEngine(Engine):
    """A Spark context (`local[N]` unless `master` names a cluster); partitions run through `mapPartitions`,
    one Spark partition per job partition.  Python workers are reused, so each builds the pipeline once."""

    name = "spark"

    def __init__(self, workers: int | None = None, master: str | None = None):
        self.workers = workers
        self.master = master or f"local[{workers or '*'}]"
        self.session = None
        self._pool = None
        self._pending: set = set()
        self._done = queue.SimpleQueue()

    def start(self) -> None:
        try:
            from pyspark.sql import SparkSession
        except ImportError as exc:
            raise EngineError(f"the Spark engine needs pyspark ({exc}); install it with "
                              "pip install 'warta[jobs]'") from None
        problem = java_problem()
        if problem:
            raise EngineError(problem)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        t0 = time.perf_counter()
        builder = (SparkSession.builder.master(self.master).appName("warta-job")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.python.worker.reuse", "true")
                   .config("spark.task.maxFailures", "2"))
        if self.master.startswith("local") and os.environ.get("WARTA_SPARK_DEFAULTS") != "1":
            # In local mode the JVM only schedules and pipes bytes to the Python workers: its JIT's second
            # tier and the web UI cost seconds of start-up and CPU that the workers need (about half of the
            # start-up and of each job's overhead on a busy 2-core machine).
            builder = (builder.config("spark.ui.enabled", "false")
                       .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"))
            if self.pipeline_config is not None:
                # Spark's Python daemon builds the pipeline before it forks the workers (`spark_daemon.py`)
                builder = (builder.config("spark.python.daemon.module", "warta.jobs.spark_daemon")
                           .config("spark.executorEnv.WARTA_JOB_PRELOAD", json.dumps(self.pipeline_config)))
        if os.environ.get("PYTHONPATH"):
            builder = builder.config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"])
        try:
            self.session = builder.getOrCreate()
        except Exception as exc:
            raise EngineError(f"Spark could not start ({self.master}): {type(exc).__name__}: {exc}") from None
        self.session.sparkContext.setLogLevel("ERROR")
        self.started_seconds = time.perf_counter() - t0

    def slots(self) -> int:
        return max(1, self.session.sparkContext.defaultParallelism) if self.session is not None else 1

    def describe(self) -> str:
        sc = self.session.sparkContext if self.session else None
        return f"spark ({self.master}, parallelism {sc.defaultParallelism if sc else '?'})"

    def _job(self, fn, config, args) -> dict:
        """One Spark job of one task (`mapPartitions` over a one-item RDD) that runs `fn(config, *args)`."""
        def run(rows):
            for item in rows:
                yield fn(config, *item)

        sc = self.session.sparkContext
        try:
            return sc.parallelize([args], 1).mapPartitions(run).collect()[0]
        except Exception as exc:  # Py4JJavaError: the worker's Python traceback is inside the Java one
            lines = [x for x in str(exc).splitlines() if x.strip() and not x.startswith(("\tat ", "  "))]
            cause = next((x for x in reversed(lines) if "Error" in x or "Exception" in x), lines[-1] if lines else "")
            raise EngineError(f"a Spark task failed: {cause.strip()}") from None

    def submit(self, fn, config, args):
        """Each task is a Spark job, submitted from a driver thread (Spark runs concurrent jobs; its task
        scheduler places them on the executors), as many at a time as the cluster has cores."""
        from concurrent.futures import ThreadPoolExecutor

        if self._pool is None:
            n = self.session.sparkContext.defaultParallelism
            self._pool = ThreadPoolExecutor(n, "warta-spark")
        future = self._pool.submit(self._job, fn, config, args)
        self._pending.add(future)
        future.add_done_callback(self._done.put)

    def results(self):
        while self._pending:
            future = self._done.get()
            self._pending.discard(future)
            yield future.result()

    def outside_cpu(self) -> float:
        """CPU seconds of the JVM this driver launched and of its children (Spark's Python daemon and
        workers): processes the driver does not wait for, so a benchmark's rusage would miss them."""
        try:
            import psutil

            jvm = psutil.Process(self.session.sparkContext._gateway.proc.pid)
            total = 0.0
            for p in [jvm] + jvm.children(recursive=True):
                t = p.cpu_times()
                total += t.user + t.system + t.children_user + t.children_system
            return total
        except Exception:  # a remote gateway, or psutil missing
            return 0.0

    def close(self) -> None:
        if self.session is not None:
            self.outside_cpu_seconds = self.outside_cpu()
        for future in self._pending:
            future.cancel()
        if self._pool is not None:
            if self._pending and self.session is not None:
                self.session.sparkContext.cancelAllJobs()
            self._pool.shutdown(wait=True)
        self._pool, self._pending = None, set()
        if self.session is not None:
            self.session.stop()
        self.session = None


def make_engine(name: str, workers: int | None = None, scheduler: str | None = None, master: str | None = None,
                dashboard: str | None = ":8787") -> Engine:
    if name == "dask":
        return DaskEngine(workers, scheduler, dashboard)
    if name == "spark":
        return SparkEngine(workers, master)
    raise EngineError(f"unknown engine {name!r}; choose dask or spark")
