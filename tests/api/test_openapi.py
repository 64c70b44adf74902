"""Property tests from the OpenAPI description (schemathesis): whatever a client sends, valid
or not, every operation answers without a server error."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings

from tests.api.demo_db import TOKEN, copy_database

with warnings.catch_warnings():  # schemathesis imports starlette's TestClient: see demo_db.starlette_test_client
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient` is deprecated",
                            category=UserWarning)
    import schemathesis
    from schemathesis.checks import not_a_server_error

# schemathesis' pytest loader (schemathesis.pytest.from_fixture) breaks on pytest 9 (it reads
# Function._nodeid), so each operation runs through its hypothesis strategy instead.
OPERATIONS = ["GET /api/events", "GET /api/events/{event_id}", "GET /api/articles/{article_id}", "GET /api/actors",
              "GET /api/actors/{code}", "GET /api/dyads", "GET /api/latest", "GET /api/timeline", "GET /api/places",
              "GET /api/names", "GET /api/stats",
              "POST /api/code", "POST /api/articles"]


@pytest.fixture(scope="module")
def api_schema(demo_db, pipeline, tmp_path_factory):
    from tidings.api.app import create_app

    db = copy_database(demo_db, tmp_path_factory.mktemp("openapi"))  # POST /api/articles writes
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(str(db), token=TOKEN, pipeline=pipeline))


def test_every_operation_is_covered(api_schema):
    labels = {result.ok().label for result in api_schema.get_all_operations()}
    assert labels == set(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_errors(api_schema, label):
    operation = api_schema.find_operation_by_label(label)
    modes = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
    headers = {"Authorization": f"Bearer {TOKEN}"}

    @given(case=operation.as_strategy(generation_mode=modes[0]) | operation.as_strategy(generation_mode=modes[1]))
    @settings(max_examples=30, suppress_health_check=list(HealthCheck))  # derandomized by the "ci" profile
    def run(case):
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    run()
