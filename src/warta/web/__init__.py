"""The read-only web view of a warta store: an ASGI app (Starlette + Jinja2), served by uvicorn.

    warta serve --db warta.db            # then open http://127.0.0.1:8765/
"""

from warta.web.app import WebApp, make_server, open_store
from warta.web.params import HTTPError

App = WebApp

__all__ = ["App", "HTTPError", "WebApp", "make_app", "make_server", "open_store"]


def make_app(db: str = "warta.db", **kwargs) -> WebApp:
    """The ASGI application over the store at `db` (opened read-only; StoreError when missing or not warta)."""
    return WebApp(open_store(db), **kwargs)
