"""An office older than letter templates answers 404: the laptop keeps the templates it has
and its sync goes on; any other refusal is still an error."""

from __future__ import annotations

import httpx
import pytest

from caseworker_desktop.sync.transport import DeviceRevokedError, Transport


def _transport(status: int, body: bytes = b"{}") -> Transport:
    transport = Transport("http://127.0.0.1:8750", token="t")
    transport.client = httpx.Client(
        base_url="http://127.0.0.1:8750",
        transport=httpx.MockTransport(lambda request: httpx.Response(status, content=body)),
    )
    return transport


def test_an_office_without_templates_is_no_error():
    assert _transport(404, b'{"message": "Not Found"}').letter_templates() is None


def test_templates_are_read_and_other_refusals_still_raise():
    body = b'{"templates": [{"name": "einladung", "title": "Einladung", "body": "Am {datum}"}]}'
    found = _transport(200, body).letter_templates()
    assert [t.name for t in found.templates] == ["einladung"]
    with pytest.raises(DeviceRevokedError):
        _transport(401, '{"message": "Gerät gesperrt"}'.encode()).letter_templates()
