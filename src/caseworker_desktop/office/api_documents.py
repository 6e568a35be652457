"""The office's calls for document content (office/documents.py): the states of many
documents at once, and a document's content chunk by chunk, up and down.

    POST /documents/content             ContentQuery -> ContentStates
    GET  /documents/{id}/content        -> ContentState
    PUT  /documents/{id}/content/{i}    bytes -> ContentState
    GET  /documents/{id}/content/{i}    -> bytes"""

# No `from __future__ import annotations`: FastAPI reads the annotations at runtime.
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from ..sync.protocol import ContentQuery, ContentState, ContentStates, ErrorBody
from . import access, documents
from . import schema as s
from .auth import Principal
from .operations import count

OCTETS = "application/octet-stream"
MAX_CHUNK_INDEX = 10_000  # 2.5 GB in chunks: far above any size limit
_DOCUMENT_ERRORS = {status: {"model": ErrorBody} for status in (403, 404, 409)}
_CHUNK_BODY = {
    "requestBody": {
        "required": True,
        "content": {OCTETS: {"schema": {"type": "string", "format": "binary"}}},
    }
}
DocumentId = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$")]
ChunkIndex = Annotated[int, Path(ge=0, le=MAX_CHUNK_INDEX)]


async def _chunk_body(request: Request) -> bytes:
    return await request.body()  # the gate in front has bounded its size


def document_routes(store, device: Callable, errors: dict) -> APIRouter:
    """The routes over `store`; `device` is the app's dependency for the caller."""
    router = APIRouter()
    responses = errors | _DOCUMENT_ERRORS
    Caller = Annotated[Principal, Depends(device)]

    @router.post("/documents/content", response_model=ContentStates, responses=errors)
    def content_states(body: ContentQuery, who: Caller) -> ContentStates:
        found = []
        with store.write(lock=None) as conn:  # may record a readable copy as checked
            content = documents.DocumentContent(conn, who, store.sealer, s.utcnow())
            for document_id in dict.fromkeys(body.document_ids):
                try:
                    found.append(content.state(document_id))
                except documents.UnknownDocument:
                    continue  # unknown, or not the caller's to see: left out alike
        return ContentStates(states=found)

    @router.get(
        "/documents/{document_id}/content", response_model=ContentState, responses=responses
    )
    def content_state(document_id: DocumentId, who: Caller) -> ContentState:
        with store.write(lock=None) as conn:
            content = documents.DocumentContent(conn, who, store.sealer, s.utcnow())
            return content.state(document_id)

    @router.put(
        "/documents/{document_id}/content/{index}",
        response_model=ContentState,
        responses=responses,
        openapi_extra=_CHUNK_BODY,
    )
    def put_chunk(
        document_id: DocumentId,
        index: ChunkIndex,
        raw: Annotated[bytes, Depends(_chunk_body)],
        request: Request,
        who: Caller,
    ) -> ContentState:
        with store.write(lock=None) as conn:
            content = documents.DocumentContent(conn, who, store.sealer, s.utcnow())
            state = content.put(document_id, index, raw)
        if content.mismatch:  # the dropped upload is committed; then the refusal
            raise documents.ContentMismatch(documents.MISMATCH)
        count(request, changes_in=1)
        return state

    @router.get(
        "/documents/{document_id}/content/{index}",
        response_class=Response,
        responses=responses | {200: {"content": {OCTETS: {}}}},
    )
    def get_chunk(
        document_id: DocumentId, index: ChunkIndex, request: Request, who: Caller
    ) -> Response:
        with store.engine.connect() as conn:
            content = documents.DocumentContent(conn, who, store.sealer, s.utcnow())
            data = content.chunk(document_id, index)
        if index == 0:  # whom the content went to (once per download)
            with store.write(lock=None) as conn:
                keys = [(documents.TABLE, document_id)]
                access.record(conn, who, access.PULL, access.cases_of(conn, keys))
        count(request, changes_out=1)
        return Response(data, media_type=OCTETS)

    return router
