"""CLI command groups beyond `extract`/`eval`, one module each.

Each module listed in `MODULES` defines `COMMANDS`, a list of click commands that
`warta.cli` adds to the `warta` group.  Keeping them apart keeps `cli.py` small
and lets the store, exporters and model tools grow on their own.
"""

MODULES = (
    "warta.commands.models",   # warta evaluate, warta train
    "warta.commands.corpus",   # warta ingest, search, events, quotes, actors
    "warta.commands.export",   # warta export
    "warta.commands.web",      # warta serve
    "warta.commands.jobs",     # warta job run (Dask, Spark)
)
