"""CLI command groups beyond `extract`/`eval`, one module each.

Each module listed in `MODULES` defines `COMMANDS`, a list of click commands that
`warta.cli` adds to the `warta` group.  Keeping them apart keeps `cli.py` small
and lets the store, exporters and model tools grow on their own.

`warta.cli` imports a module only when one of its commands runs (or when the list of
commands is shown): `WHERE` says which module holds which command; a command missing
from it is still found, by importing every module.
"""

MODULES = (
    "warta.commands.models",   # warta evaluate, warta train
    "warta.commands.corpus",   # warta ingest, search, events, quotes, actors
    "warta.commands.export",   # warta export
    "warta.commands.web",      # warta serve
    "warta.commands.jobs",     # warta job run (Dask, Spark)
)

#: the module of each command (a hint: `warta extract` imports none of them)
WHERE = {
    "evaluate": "warta.commands.models",
    **dict.fromkeys(["ingest", "search", "events", "quotes", "actors", "export-db", "datasette-metadata"],
                    "warta.commands.corpus"),
    "export": "warta.commands.export",
    "serve": "warta.commands.web",
    "job": "warta.commands.jobs",
}
