"""API commands of the CLI: ``serve`` (the REST API under uvicorn) and ``token``
(create, list, revoke API tokens), registered on the main app by ``register``.

Errors are KoreaWatchError subclasses that ``cli.main`` turns into one line on stderr.
"""

from __future__ import annotations

from typing import Annotated

import typer

token_app = typer.Typer(help="Manage API tokens (needed by POST and DELETE requests).",
                        no_args_is_help=True)


def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json, docs at /docs)."""
    import uvicorn

    from koreawatch.api.app import create_app
    from koreawatch.cli import _open, _settings, err

    store = _open(ctx)
    try:
        err.print(f"koreawatch: serving {store.url} on http://{host}:{port}/api "
                  "(Ctrl-C stops)", markup=False)
        uvicorn.run(create_app(_settings(ctx), store), host=host, port=port,
                    log_level="info", proxy_headers=False)
    finally:
        store.close()


@token_app.command("create")
def token_create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name for the token (who or what uses it).")],
) -> None:
    """Create a token and print it: it is shown this once (the store keeps only a hash)."""
    from koreawatch.cli import err, out, store_connection
    from koreawatch.store.tokens import create_token

    with store_connection(ctx, write=True) as conn:
        secret = create_token(conn, name)
    out.print(secret, markup=False)
    err.print(f"koreawatch: token {name!r} created; copy it now, it is not shown again",
              markup=False)


@token_app.command("list")
def token_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List tokens (names and dates, never the secrets)."""
    from koreawatch.cli import out, print_json, store_connection
    from koreawatch.store.tokens import list_tokens

    with store_connection(ctx) as conn:
        tokens = list_tokens(conn)
    if as_json:
        print_json([t.to_dict() for t in tokens])
        return
    for t in tokens:
        state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "active"
        used = f"last used {t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never used"
        out.print(f"{t.name:<24} {state:<18} created {t.created_at:%Y-%m-%d}  {used}",
                  markup=False)


@token_app.command("revoke")
def token_revoke(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The token's name.")],
) -> None:
    """Revoke a token: requests with it are refused from now on."""
    from koreawatch.cli import out, store_connection
    from koreawatch.store.tokens import revoke_token

    with store_connection(ctx, write=True) as conn:
        revoke_token(conn, name)
    out.print(f"token {name!r} revoked", markup=False)


def register(app: typer.Typer) -> None:
    """Add ``serve`` and the ``token`` group to ``app``."""
    app.command("serve")(serve_command)
    app.add_typer(token_app, name="token")
