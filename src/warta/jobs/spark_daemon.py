"""Spark's Python daemon with warta's pipeline built first (`spark.python.daemon.module`, local master only).

In local mode Spark starts one Python daemon (`pyspark.daemon`), which forks a
worker process for each Python task slot.  Run as this module, the daemon first
builds the job's pipeline (`warta.jobs.tasks.preload`, its components and
options from `WARTA_JOB_PRELOAD`, which `SparkEngine` sets through
`spark.executorEnv`), so the workers it forks share it (copy on write) and start
at once, as Dask's local workers and `warta ingest`'s do.  BLAS is held to one
thread first, so no thread runs when the daemon forks.  Nothing it does can stop
the job: without the variable, or when the build fails, the workers build their
own pipeline, as before.  Standard output is the daemon's channel to Spark, so
the build writes to standard error.
"""

from __future__ import annotations

import json
import os
import sys


def preload() -> bool:
    spec = os.environ.get("WARTA_JOB_PRELOAD")
    if not spec:
        return False
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)  # anything the build prints goes to standard error, never into Spark's channel
    try:
        from warta.jobs import tasks

        tasks.preload(json.loads(spec))
        return True
    except Exception as exc:  # the workers build their own
        print(f"warta: the pipeline was not built in Spark's daemon ({type(exc).__name__}: {exc})", file=sys.stderr)
        return False
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


if __name__ == "__main__":
    preload()
    from pyspark.daemon import manager

    manager()
