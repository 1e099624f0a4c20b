"""`warta serve`: read what warta found in a store, in a browser (read-only)."""

from __future__ import annotations

import click


@click.command()
@click.option("--db", default="warta.db", show_default=True, type=click.Path(dir_okay=False),
              help="The store to show (made by `warta ingest`); opened read-only, never written to.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (keep 127.0.0.1 unless others should reach it).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--access-log", is_flag=True, help="Log every request on standard error.")
def serve(db, host, port, access_log):
    """Serve a read-only web view of the store (an ASGI app run by uvicorn).

    Pages: / (counts, search), /articles, /article/ID, /events, /events/grouped, /quotes, /actors,
    /actor?name=, /map, /timeline, /network; lists have facets, sortable columns and CSV/JSON downloads.
    JSON under /api/, documented at /api/docs.
    """
    from warta.errors import StoreError
    from warta.web import make_app, make_server

    app = make_app(db)  # StoreError → `Error: …` before anything listens
    try:
        server = make_server(app, host, port, log_level="info" if access_log else "warning")
    except OSError as exc:
        app.store.close()
        raise StoreError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
                         "choose another --port or --host") from None
    shown = f"[{host}]" if ":" in host else host
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warta: warning: listening on {host}, reachable from other machines", err=True)
    click.echo(f"warta: serving {db} (read-only) at http://{shown}:{server.server_port}/ — Ctrl-C to stop", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        app.store.close()
        click.echo("warta: stopped", err=True)


COMMANDS = [serve]
