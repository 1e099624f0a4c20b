"""A thin, read-only web view of a warta store (standard library only; see `warta.web.app`).

    warta serve --db warta.db            # then open http://127.0.0.1:8765/
"""

from warta.web.app import App, HTTPError, make_server, open_store

__all__ = ["App", "HTTPError", "make_app", "make_server", "open_store"]


def make_app(db: str = "warta.db", **kwargs) -> App:
    """The WSGI application over the store at `db` (opened read-only; StoreError when missing or not warta)."""
    return App(open_store(db), **kwargs)
