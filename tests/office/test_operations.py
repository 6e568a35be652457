"""Running the office: /healthz for a load balancer, /metrics in Prometheus format only for
the configured address ranges, one JSON log line per request without content or tokens
(SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import warnings

import pytest
import sqlalchemy as sa
from prometheus_client.parser import text_string_to_metric_families

from caseworker_desktop.office import schema
from caseworker_desktop.office.api import create_app
from caseworker_desktop.office.operations import networks
from tests.office.conftest import PROTOCOL

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


def _client(store, address: str, **kw) -> TestClient:
    return TestClient(create_app(store, **kw), client=(address, 40000))


def test_health_needs_no_token_and_says_when_the_schema_is_behind(office):
    response = office.client.get("/healthz")  # no protocol header, no token
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    with office.store.write() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0006'"))
    response = office.client.get("/healthz")
    assert response.status_code == 503
    assert "caseworker-office migrate" in response.json()["message"]


def test_metrics_count_the_sync_and_answer_only_the_configured_addresses(office):
    office.user("anna")
    anna = office.laptop("anna")
    _client_id, _case_id, changes = anna.open_case()
    anna.push(changes)
    anna.pull()
    local = _client(office.store, "127.0.0.1")
    # the counters of this app: fresh, so push and pull go through it
    laptop_headers = anna.headers
    local.post("/sync/push", json={"changes": changes}, headers=laptop_headers)
    local.get("/sync/pull", params={"cursor": 0}, headers=laptop_headers)
    text = local.get("/metrics").text
    assert 'caseworker_devices{state="enrolled"} 1.0' in text
    assert (
        "caseworker_changes_duplicate_total" in text and "caseworker_changes_pulled_total" in text
    )
    assert 'caseworker_requests_total{route="/sync/push",status="200"} 1.0' in text
    assert 'caseworker_request_seconds_bucket{le="0.005",route="/sync/pull"}' in text
    assert "Kovalenko" not in text and anna.device_id not in text

    outside = _client(office.store, "10.1.2.3")
    assert outside.get("/metrics").status_code == 404
    office_net = _client(office.store, "10.1.2.3", metrics_from=networks(["10.1.0.0/16"]))
    assert office_net.get("/metrics").status_code == 200
    with pytest.raises(Exception, match="kein Adressbereich"):
        networks(["zehn.null"])


def test_metrics_tell_waiting_for_the_turn_to_write_from_writing(office):
    """An operator sees whether pushes queue: a push that waited half a second behind an
    office-wide write (a reassignment, say) reports the wait apart from its own work."""
    office.user("anna")
    anna = office.laptop("anna")
    _client_id, _case_id, changes = anna.open_case()
    local = _client(office.store, "127.0.0.1")
    answered = []
    pushing = threading.Thread(
        target=lambda: answered.append(
            local.post("/sync/push", json={"changes": changes}, headers=anna.headers)
        )
    )
    with office.store.write():
        pushing.start()
        pushing.join(0.5)
        assert not answered  # still waiting for its turn
    pushing.join(30)
    assert answered[0].status_code == 200 and answered[0].json()["accepted"] == len(changes)
    samples = {
        sample.name: sample.value
        for family in text_string_to_metric_families(local.get("/metrics").text)
        for sample in family.samples
    }
    assert samples["caseworker_push_wait_seconds_count"] == 1
    assert samples["caseworker_push_write_seconds_count"] == 1
    waited = samples["caseworker_push_wait_seconds_sum"]  # from when the push asked
    assert 0.3 < waited < 30
    assert 0 < samples["caseworker_push_write_seconds_sum"] < waited


def test_one_json_line_per_request_without_content_or_token(office, caplog):
    office.user("anna")
    anna = office.laptop("anna")
    _client_id, _case_id, changes = anna.open_case()
    with caplog.at_level(logging.INFO, logger="caseworker.office.requests"):
        anna.push(changes)
        office.client.get("/version", headers=PROTOCOL)
    lines = [json.loads(r.getMessage()) for r in caplog.records
             if r.name == "caseworker.office.requests"]  # fmt: skip
    push = next(line for line in lines if line["route"] == "/sync/push")
    assert push["status"] == 200 and push["device"] == anna.device_id
    assert push["changes_in"] == len(changes) and push["accepted"] == len(changes)
    assert push["ms"] >= 0
    assert any(line["route"] == "/version" and line["device"] is None for line in lines)
    everything = " ".join(r.getMessage() for r in caplog.records)
    assert "Kovalenko" not in everything and anna.headers["Authorization"][7:] not in everything
    with office.store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.devices)).scalar() == 1


def test_a_settled_server_heap_is_left_alone_and_new_cycles_are_still_collected():
    """settle_heap (run by `serve` once the app is built): what was loaded leaves the cycle
    collector's reach, the collector runs less often, and it still frees new garbage."""
    script = """
import gc, weakref
from caseworker_desktop.office import api  # noqa: F401  (what a server loads)
from caseworker_desktop.office.operations import GC_THRESHOLD, settle_heap
settle_heap()
assert gc.get_freeze_count() > 50_000, gc.get_freeze_count()
assert gc.get_threshold()[0] == GC_THRESHOLD
class Node: pass
a, b = Node(), Node()
a.other, b.other = b, a
gone = weakref.ref(a)
del a, b
gc.collect()
assert gone() is None
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr
