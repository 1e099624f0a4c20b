"""Local workers start with the pipeline their parent built (Dask: the driver; Spark: its Python daemon), and a
daemon whose build fails still serves Spark: nothing it does can stop a job."""

from __future__ import annotations

import os
import sys

from warta.jobs import engines, spark_daemon, tasks


def test_local_dask_forks_from_the_driver_and_a_remote_cluster_does_not(monkeypatch):
    monkeypatch.delenv("WARTA_DASK_DEFAULTS", raising=False)
    assert engines.DaskEngine(1).forks_local_workers is sys.platform.startswith("linux")
    assert not engines.DaskEngine(scheduler="tcp://elsewhere:8786").forks_local_workers
    monkeypatch.setenv("WARTA_DASK_DEFAULTS", "1")
    assert not engines.DaskEngine(1).forks_local_workers
    assert not engines.SparkEngine(1).forks_local_workers


def test_spark_daemon_without_a_job_or_with_a_bad_one_builds_nothing_and_keeps_its_channel(monkeypatch, capfd):
    monkeypatch.delenv("WARTA_JOB_PRELOAD", raising=False)
    assert spark_daemon.preload() is False
    monkeypatch.setenv("WARTA_JOB_PRELOAD", '{"components": ["no-such-component"], "options": {}}')
    try:
        assert spark_daemon.preload() is False
    finally:
        tasks.unload()  # this test process goes on without what the daemon would keep
    os.write(1, b"port\n")  # standard output is Spark's channel again
    out, err = capfd.readouterr()
    assert out == "port\n" and "was not built in Spark's daemon" in err
