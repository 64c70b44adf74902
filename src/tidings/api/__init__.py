"""The HTTP API and dashboard: ``tidings.api.app.create_app(db_path, token=...)``.

Imported only by ``tidings serve`` and its tests, so ``import tidings`` never imports FastAPI; the
Python entry points ``tidings.code`` and ``tidings.load`` are in ``tidings.entry``.
"""
