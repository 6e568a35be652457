"""SECURITY.md 12: generated requests against the published OpenAPI description, valid
and deliberately invalid, with a real device token and the protocol header: the server
never answers with a 5xx, and every refusal has the ErrorBody shape."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from caseworker_desktop.sync.protocol import ErrorBody

MAX_EXAMPLES = 30  # per operation and mode: enough to find crashes, quick in CI


@pytest.fixture
def api(office):
    office.user("anna")
    laptop = office.laptop("anna")
    _, _, changes = laptop.open_case()
    laptop.push(changes)  # something to pull, and rows that generated pushes may hit
    return schemathesis.openapi.from_asgi("/openapi.json", office.app), laptop.headers


def _operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_generated_requests_never_get_a_server_error(api, mode):
    schema, headers = api
    operations = _operations(schema)
    assert {op.path for op in operations} == {
        "/enrol",
        "/sync/push",
        "/sync/pull",
        "/directory",
        "/letter-templates",
        "/version",
        "/audit/push",
        "/audit/pull",
        "/recovery",
        "/recovery/escrow",
        "/documents/content",
        "/documents/{document_id}/content",
        "/documents/{document_id}/content/{index}",
    }
    for operation in operations:

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,  # no replay of old examples: each run stands alone
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def check(case):
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.as_curl_command(), response.text)
            if response.status_code >= 400:
                ErrorBody.model_validate(response.json())

        check()
