"""`tidings serve`: run_serve checks the database, reads the token from the environment and hands
the app to uvicorn (replaced here by a recorder)."""

from __future__ import annotations

import argparse

import pytest

from tidings.cli.serve import run_serve
from tidings.errors import StoreError


def test_missing_database_is_a_clean_error(tmp_path):
    with pytest.raises(StoreError) as err:
        run_serve(argparse.Namespace(db=str(tmp_path / "nope.db"), host=None, port=None), env={})
    assert err.value.code == "E601" and "nope.db" in str(err.value)


@pytest.mark.parametrize("env, token", [({}, None), ({"TIDINGS_TOKEN": ""}, None), ({"TIDINGS_TOKEN": "s3"}, "s3")])
def test_serve_hands_the_app_to_uvicorn(demo_db, monkeypatch, capsys, env, token):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    assert run_serve(argparse.Namespace(db=str(demo_db), host="127.0.0.1", port=8123), env=env) == 0
    (app, kw), = calls
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    assert app.state.token == token and app.state.db_path == str(demo_db)
    assert ("read-only" in capsys.readouterr().err) == (token is None)


def test_serve_defaults_to_loopback(demo_db, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    run_serve(argparse.Namespace(db=str(demo_db), host=None, port=None), env={})
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
