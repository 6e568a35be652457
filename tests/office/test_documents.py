"""Document content at the office (#17 part 1), sent by a raw client as no honest laptop
would: chunks of the wrong length or for chunks that do not exist, content that does not
match the record's hash, documents of other people's cases, a team lead without the stand-in
grant, a record above the size limit, and a hash the caller only guesses (the office must not
say that someone else holds that file). Content is stored sealed."""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from caseworker_desktop.domain.documents import CHUNK_SIZE
from caseworker_desktop.domain.model import new_id
from caseworker_desktop.office import documents
from caseworker_desktop.office import schema as s
from tests.office.hostile import District

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 2200 + b"\n%%EOF"  # 3 chunks, the last short


def _document(laptop, case_id: str, data: bytes = PDF, **fields) -> tuple[str, list[dict]]:
    document_id = new_id()
    values = {
        "case_id": case_id, "kind": "residence_permit", "title": "Aufenthaltstitel.pdf",
        "media_type": "application/pdf", "size": len(data),
        "content_hash": hashlib.sha256(data).hexdigest(), "note": "", "added_by": laptop.user["id"],
    } | fields  # fmt: skip
    return document_id, laptop.write("document", document_id, **values)


def _upload(laptop, document_id: str, data: bytes = PDF) -> list:
    answers = []
    for index in range(0, -(-len(data) // CHUNK_SIZE)):
        part = data[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE]
        answers.append(_put(laptop, document_id, index, part))
    return answers


def _put(laptop, document_id: str, index: int, data: bytes):
    return laptop.client.put(
        f"/documents/{document_id}/content/{index}",
        content=data,
        headers={**laptop.headers, "Content-Type": "application/octet-stream"},
    )


def _state(laptop, document_id: str):
    return laptop.client.get(f"/documents/{document_id}/content", headers=laptop.headers)


def test_content_goes_up_in_chunks_and_down_to_whoever_sees_the_case(office):
    d = District(office)
    anna, lena, carla = d["anna"], d["lena"], d["carla"]
    document_id, changes = _document(anna, d.case_id)
    assert anna.push(changes)["rejected"] == []
    state = _state(anna, document_id).json()
    assert (state["chunks"], state["received"], state["complete"]) == (3, [], False)
    first = _put(anna, document_id, 0, PDF[:CHUNK_SIZE]).json()
    assert first["received"] == [0] and not first["complete"]
    assert _state(anna, document_id).json()["received"] == [0]  # a broken upload resumes
    answers = _upload(anna, document_id)
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[-1].json()["complete"]
    # the team lead of anna's team reads it; carla (another team) does not even learn of it
    got = b"".join(
        lena.client.get(f"/documents/{document_id}/content/{i}", headers=lena.headers).content
        for i in range(3)
    )
    assert got == PDF
    for call in (
        _state(carla, document_id),
        carla.client.get(f"/documents/{document_id}/content/0", headers=carla.headers),
    ):
        assert call.status_code == 404 and call.json()["code"] == "unknown_document"
    # stored sealed: the database holds no chunk in the clear
    with d.store.engine.connect() as conn:
        stored = conn.execute(sa.select(s.document_chunks.c.data)).scalars().all()
    assert len(stored) == 3 and not any(PDF[:2000] in chunk for chunk in stored)
    assert all(PDF[100:140] not in chunk for chunk in stored)


def test_chunks_that_do_not_fit_and_content_that_does_not_match_are_refused(office):
    d = District(office)
    anna = d["anna"]
    document_id, changes = _document(anna, d.case_id)
    assert anna.push(changes)["rejected"] == []
    short = _put(anna, document_id, 0, PDF[:1000])
    assert short.status_code == 422 and "hat 1000 Bytes statt 262144" in short.json()["message"]
    beyond = _put(anna, document_id, 3, b"x")
    assert beyond.status_code == 422 and "keinen Teil 3" in beyond.json()["message"]
    forged = bytearray(PDF)
    forged[-10] ^= 0xFF  # same length, other content
    answers = _upload(anna, document_id, bytes(forged))
    assert answers[-1].status_code == 422
    assert answers[-1].json()["code"] == "content_mismatch"
    assert "passt nicht zur Prüfsumme" in answers[-1].json()["message"]
    state = _state(anna, document_id).json()
    assert state["received"] == [] and not state["complete"]  # dropped: start again
    with d.store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(s.document_blobs)).scalar() == 0
        assert (
            conn.execute(sa.select(sa.func.count()).select_from(s.document_uploads)).scalar() == 0
        )
    assert _upload(anna, document_id)[-1].json()["complete"]


def test_who_may_upload_and_the_size_limit(office):
    d = District(office)
    anna, ben, lena = d["anna"], d["ben"], d["lena"]
    document_id, changes = _document(anna, d.case_id)
    assert anna.push(changes)["rejected"] == []
    # ben (same team, not his case) does not see it; lena sees it but does not upload
    assert _put(ben, document_id, 0, PDF[:CHUNK_SIZE]).status_code == 404
    refused = _put(lena, document_id, 0, PDF[:CHUNK_SIZE])
    assert refused.status_code == 403 and "Vertretung" in refused.json()["message"]
    # a record above the office's limit is refused at push, whatever the laptop allows
    with d.store.write() as conn:
        documents.set_max_mb(conn, 1)
    big = 2 * 1024 * 1024
    _, changes = _document(anna, d.case_id, size=big)
    rejected = anna.push(changes)["rejected"]
    assert any("erlaubt sind höchstens 1 MB" in r["reason"] for r in rejected)
    _, changes = _document(anna, d.case_id, content_hash="keine-pruefsumme")
    assert any("SHA-256" in r["reason"] for r in anna.push(changes)["rejected"])
    # a document that is not (or no longer) known has no content
    assert _state(anna, new_id()).status_code == 404


def test_a_guessed_hash_learns_nothing_and_the_same_content_is_kept_once(office):
    d = District(office)
    anna, carla = d["anna"], d["carla"]
    document_id, changes = _document(anna, d.case_id)
    assert anna.push(changes)["rejected"] == []
    assert _upload(anna, document_id)[-1].json()["complete"]
    # carla names the same hash in her own case: the office does not say it has it
    _, carla_case, changes = carla.open_case()
    carla_doc, more = _document(carla, carla_case)
    assert carla.push(changes + more)["rejected"] == []
    state = _state(carla, carla_doc).json()
    assert not state["complete"] and state["received"] == []
    assert _upload(carla, carla_doc)[-1].json()["complete"]  # she must send it herself
    # anna attaches the same scan again (another document): no upload needed
    again, changes = _document(anna, d.case_id, title="Kopie.pdf")
    assert anna.push(changes)["rejected"] == []
    assert _state(anna, again).json()["complete"]
    with d.store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(s.document_blobs)).scalar() == 1


def test_deleted_documents_lose_their_content(office):
    d = District(office)
    anna = d["anna"]
    document_id, changes = _document(anna, d.case_id)
    assert anna.push(changes)["rejected"] == []
    assert _upload(anna, document_id)[-1].json()["complete"]
    assert anna.push(anna.write("document", document_id, deleted=True))["rejected"] == []
    assert _state(anna, document_id).status_code == 404
    with d.store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(s.document_chunks)).scalar() == 0


def test_many_states_in_one_request_and_only_what_the_caller_sees(office):
    d = District(office)
    anna, carla = d["anna"], d["carla"]
    ids = []
    for title, data in (("a.pdf", PDF), ("b.pdf", PDF + b"\n")):  # two different scans
        document_id, changes = _document(anna, d.case_id, data, title=title)
        assert anna.push(changes)["rejected"] == []
        ids.append(document_id)
    assert _upload(anna, ids[0])[-1].json()["complete"]
    asked = anna.client.post("/documents/content", json={"document_ids": [*ids, new_id()]},
                             headers=anna.headers)  # fmt: skip
    states = {s["document_id"]: s for s in asked.json()["states"]}
    assert set(states) == set(ids)  # the unknown id is left out
    assert states[ids[0]]["complete"] and not states[ids[1]]["complete"]
    theirs = carla.client.post("/documents/content", json={"document_ids": ids},
                               headers=carla.headers)  # fmt: skip
    assert theirs.status_code == 200 and theirs.json()["states"] == []
    too_many = anna.client.post("/documents/content", json={"document_ids": [new_id()] * 501},
                                headers=anna.headers)  # fmt: skip
    assert too_many.status_code == 422
