"""Pipeline components, in the order they run.

Importing this package registers every built-in component with
`warta.pipeline.component`.  Each module declares what it requires and assigns.
"""

from warta.annotate import language, sentences  # noqa: F401

# Components added by later modules register themselves on import; a module that
# is missing (an optional extra) only leaves its component out of the default pipeline.
for _name in ("entities", "actors", "quotes", "dates", "quantities", "places", "events"):
    try:
        __import__(f"warta.annotate.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"warta.annotate.{_name}":
            raise
