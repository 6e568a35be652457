"""The rows form of a snapshot page (sync/protocol.py SnapshotRow) as the laptop reads it:
an older office that ignores `form=rows` still gives changes, and a row of the wrong shape
makes the page unreadable with a clear message, nothing half-applied."""

from __future__ import annotations

import json

import httpx
import pytest

from caseworker_desktop.sync.transport import SyncError, Transport

STAMP = "001764000000000-000001-" + "a" * 32


def _transport(body: dict, seen: list) -> Transport:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.url.params))
        return httpx.Response(200, content=json.dumps(body).encode())

    transport = Transport("http://127.0.0.1:8750", token="t")
    transport.client = httpx.Client(
        base_url="http://127.0.0.1:8750", transport=httpx.MockTransport(answer)
    )
    return transport


def _page(**extra) -> dict:
    return {"changes": [], "next_cursor": 5, "more": False, "server_time_ms": 1, **extra}


def test_the_laptop_asks_for_rows_and_reads_either_form():
    seen = []
    rows = [["client", "1" * 32, [STAMP], ["first_name", '"Olena"', "last_name", '"K"']]]
    page = _transport(_page(rows=rows), seen).pull(0, 100, "5:c:")
    assert seen == [{"cursor": "0", "limit": "100", "form": "rows", "snapshot": "5:c:"}]
    assert page.rows[0][3] == ["first_name", '"Olena"', "last_name", '"K"']
    older = _transport(_page(), seen).pull(0, 100)  # an office without the rows form
    assert older.rows == [] and older.changes == []


@pytest.mark.parametrize(
    "row",
    [
        ["client", "1" * 32, [STAMP], ["first_name"]],  # a field without its value
        ["client", "1" * 32, [STAMP, STAMP], ["a", "1", "b", "2", "c", "3"]],  # 2 clocks, 3
        ["client", "1" * 32, [], ["a", "1"]],  # no clock
        ["client", "1" * 32, [STAMP], ["a", 1]],  # a value that is no JSON text
        ["client", "1" * 32, [STAMP]],  # too short
    ],
)
def test_a_row_of_the_wrong_shape_makes_the_page_unreadable(row):
    with pytest.raises(SyncError, match="nicht lesbar"):
        _transport(_page(rows=[row]), []).pull(0, 100)
