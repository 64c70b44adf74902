"""Fixtures for the API tests: the session demo database and TestClients over it."""

from __future__ import annotations

import pytest

from tests.api.demo_db import TOKEN, copy_database, demo_database, starlette_test_client


@pytest.fixture(scope="session")
def demo_db(pipeline, tmp_path_factory):
    return demo_database(pipeline, tmp_path_factory)


@pytest.fixture(scope="session")
def client(demo_db, pipeline):
    """Reads over the demo database; writes refused (no token)."""
    from tidings.api.app import create_app

    with starlette_test_client()(create_app(str(demo_db), pipeline=pipeline)) as c:
        yield c


@pytest.fixture
def writable(demo_db, pipeline, tmp_path):
    """A client over a private copy of the demo database, with the bearer token TOKEN."""
    from tidings.api.app import create_app

    app = create_app(str(copy_database(demo_db, tmp_path)), token=TOKEN, pipeline=pipeline, max_body=20_000)
    with starlette_test_client()(app) as c:
        yield c
