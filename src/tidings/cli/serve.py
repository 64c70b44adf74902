"""``tidings serve DB``: the HTTP API and dashboard over a database, with uvicorn.

Writes (POST /api/articles) are allowed only when the TIDINGS_TOKEN environment variable is set;
clients send it as ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping


def run_serve(args: argparse.Namespace, *, env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    db = str(args.db)
    import uvicorn

    from tidings.api.app import create_app

    token = env.get("TIDINGS_TOKEN") or None
    host = getattr(args, "host", None) or "127.0.0.1"
    port = int(getattr(args, "port", None) or 8000)
    app = create_app(db, token=token)  # StoreError (E601, E604) when the database cannot be read
    writes = "writes allowed with the bearer token" if token else "read-only (set TIDINGS_TOKEN to allow writes)"
    print(f"tidings: serving {db} at http://{host}:{port}/ ({writes})", file=sys.stderr)
    # websockets are not used: ws="none" keeps uvicorn from importing a websockets library
    uvicorn.run(app, host=host, port=port, ws="none", log_level="info", server_header=False)
    return 0
