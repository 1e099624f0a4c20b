"""The SQLite article store: ingest a corpus, search it, query its events, quotes and actors.

See `warta.store.core` for the design (batches, duplicates, stories, event groups).
"""

from warta.store.core import Store, Summary

__all__ = ["Store", "Summary", "open"]


def open(path="warta.db", **kwargs) -> Store:  # noqa: A001  (mirrors sqlite3.connect)
    """Open (creating and migrating as needed) the store at `path`."""
    return Store.open(path, **kwargs)
