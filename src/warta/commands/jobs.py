"""`warta job run`: the extraction on Dask or Spark, from files, folders, web archives and manifests to Parquet.

A thin wrapper over `warta.jobs.run_job`; the engines come with `pip install 'warta[jobs]'`.
"""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table
from warta.commands.options import pipeline_options


@click.group("job")
def job() -> None:
    """Corpus jobs on a cluster (Dask or Spark) that write a Parquet dataset."""


@job.command("run")
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--out", "-o", required=True, metavar="DATASET/",
              help="The dataset folder (local, or an fsspec URL such as s3://bucket/warta/).")
@click.option("--engine", type=click.Choice(["dask", "spark"]), default="dask", show_default=True,
              help="dask: dask.distributed (a LocalCluster, or --scheduler); spark: PySpark (needs Java 17+).")
@click.option("--manifest", "manifests", multiple=True, metavar="FILE",
              help="A file listing inputs, one path or URI (s3://, hdfs://…) a line; may be repeated.")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
              help="Local worker processes (default: every core); ignored with --scheduler or a --master cluster.")
@click.option("--scheduler", metavar="tcp://HOST:8786", help="Dask: the scheduler of a running cluster.")
@click.option("--master", metavar="URL", help="Spark: the master (default local[WORKERS]); e.g. spark://host:7077.")
@click.option("--dashboard", default=":8787", show_default=True, metavar="[HOST]:PORT",
              help="Dask: where the local cluster serves its dashboard; `off` for none (its web server costs "
                   "about 0.5 s of start-up).")
@click.option("--partition-files", type=click.IntRange(min=1), default=200, show_default=True,
              help="At most this many input files a partition.")
@click.option("--partition-mb", type=click.FloatRange(min=0.001), default=64.0, show_default=True,
              help="About this many MB of input a partition (a larger file is a partition alone).")
@pipeline_options
@click.option("--keep-parts", is_flag=True, help="Keep the intermediate _parts/ folder after the job.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def run(inputs, out, engine, manifests, workers, scheduler, master, dashboard, partition_files, partition_mb,
        components, no_model, reference_date, max_bytes, keep_parts, as_json):
    """Extract every article in INPUTS (files, folders, WARC archives, feeds, JSON Lines) into DATASET/.

    Resumable: run the same command again after a crash and finished partitions
    are skipped; the dataset holds each article once.
    """
    from warta.jobs import run_job

    if not inputs and not manifests:
        raise click.UsageError("give INPUTS or --manifest FILE")
    err = Console(stderr=True)
    options = {"use_model": not no_model, "max_bytes": max_bytes}
    if reference_date:
        options["reference_date"] = reference_date
    names = [c.strip() for c in components.split(",") if c.strip()] if components else None
    summary = run_job(inputs, out, engine, manifests=manifests, workers=workers, scheduler=scheduler, master=master,
                      components=names, options=options, partition_files=partition_files,
                      partition_bytes=int(partition_mb * 1e6), keep_parts=keep_parts, dashboard=dashboard,
                      log=lambda m: err.print(m, markup=False, highlight=False))
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        table = Table(title=f"warta job → {out}", show_header=False)
        table.add_column("", style="bold")
        table.add_column("", justify="right")
        rows = [("engine", summary.engine), ("inputs", summary.inputs),
                ("partitions (resumed)", f"{summary.partitions} ({summary.partitions_resumed})"),
                ("articles", summary.articles), ("non-Indonesian skipped", summary.non_indonesian),
                ("failures", summary.failures), ("exact duplicates", summary.exact_duplicates),
                ("near-duplicates", summary.near_duplicates), ("stories", summary.stories),
                ("events", summary.events), ("event groups", summary.event_groups),
                ("engine start-up", f"{summary.engine_start_seconds:.1f} s"),
                ("time", f"{summary.seconds:.1f} s (extract {summary.extract_seconds:.1f}, then write "
                         f"{summary.write_seconds:.1f}; link {summary.link_seconds:.1f} during extraction)"),
                ("articles/s", f"{summary.articles_per_second:.1f}")]
        for k, v in rows:
            table.add_row(k, str(v))
        err.print(table)
        for source, reason in summary.errors[:10]:
            err.print(f"  failed: {reason}" if str(reason).startswith(str(source)) else f"  failed: {source}: {reason}",
                      markup=False, highlight=False)
    if summary.inputs and summary.articles == 0 and summary.failures:
        sys.exit(2)


COMMANDS = [job]
