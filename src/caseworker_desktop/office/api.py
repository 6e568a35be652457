"""The office's HTTP API (FastAPI), exactly as sync/protocol.py describes it.

Every answer that is not a success is an `ErrorBody` with a German message. Checks run
from the outside in, in a small ASGI layer before anything is parsed: protocol version
(426), the device token (401: a revoked or unknown token is refused whatever the body
holds), body size (413); then FastAPI checks the request schema (422)."""

# No `from __future__ import annotations`: FastAPI reads the annotations of the nested
# dependency functions at runtime.
import logging
import os
from typing import Annotated, Literal

import anyio.to_thread
import pydantic
import sqlalchemy.exc
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..storage.vault import RecoveryWrap
from ..sync.pinning import split_code
from ..sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_BODY_BYTES,
    MAX_PULL_LIMIT,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    AuditHead,
    AuditPage,
    AuditPush,
    Directory,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    EscrowUpdate,
    LetterTemplateOut,
    LetterTemplates,
    PullResponse,
    PushRequest,
    PushResponse,
    RecoveryCredential,
    RecoveryRequest,
    VersionInfo,
)
from . import letters, recovery
from .api_documents import document_routes
from .auth import NotAuthenticated, OfficeError, Principal
from .operations import (
    LOOPBACK,
    OPERATIONS_PATHS,
    Metrics,
    RequestLog,
    count,
    health,
    metrics_response,
    networks,
)
from .schema import EPOCH, get_setting
from .snapshot import TOKEN
from .store import Store, enrolled_user

log = logging.getLogger(__name__)

# Not protocol calls: the API description may be read by any tool.
UNVERSIONED_PATHS = frozenset({"/openapi.json"})
# Protocol calls without a device token (a revoked token is refused there too).
OPEN_PATHS = frozenset({"/enrol", "/version", "/recovery"})
MAX_CURSOR = 2**63 - 1  # the `seq` column is a signed 64-bit integer
UPGRADE_MESSAGE = (
    "Bitte Caseworker Desktop aktualisieren: Programm und Server des Landratsamts sprechen "
    "verschiedene Versionen des Abgleichs (Server: Version {server}, Programm: {client})."
)
_STATUS_MESSAGES = {
    400: ("bad_request", "Die Anfrage ist fehlerhaft."),
    401: ("unauthorized", "Dieses Gerät ist beim Landratsamt nicht angemeldet."),
    403: ("forbidden", "Das ist nicht erlaubt."),
    404: ("not_found", "Diese Adresse gibt es beim Server des Landratsamts nicht."),
    405: ("method_not_allowed", "Diese Anfrageart ist hier nicht erlaubt."),
    413: ("too_large", "Die Anfrage ist zu groß."),
    422: ("invalid_request", "Die Anfrage ist ungültig."),
    426: ("upgrade_required", "Bitte Caseworker Desktop aktualisieren."),
    429: ("too_many_requests", "Zu viele Versuche; bitte eine Minute warten."),
}
_ERRORS = {status: {"model": ErrorBody} for status in (401, 413, 422, 426, 429)}
_CONFLICT = {409: {"model": ErrorBody}}


def error(status: int, message: str | None = None, code: str | None = None, **kw) -> JSONResponse:
    default_code, default_message = _STATUS_MESSAGES.get(status, ("error", "Fehler."))
    body = ErrorBody(code=code or default_code, message=message or default_message)
    return JSONResponse(body.model_dump(), status_code=status, **kw)


class ProtocolGate:
    """Refuses other protocol versions, unauthenticated calls and oversized bodies before
    FastAPI parses anything. The principal of a valid token travels in the request state.
    The body is read here (at most MAX_BODY_BYTES) and replayed to the app, so that a
    chunked upload without Content-Length is limited just the same."""

    def __init__(self, app: ASGIApp, store: Store):
        self.app, self.store = app, store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNVERSIONED_PATHS | OPERATIONS_PATHS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v for k, v in scope["headers"]}
        client = headers.get(PROTOCOL_HEADER.lower(), b"").decode("latin-1").strip()
        if client != str(PROTOCOL_VERSION):
            shown = client[:20] or "unbekannt"
            message = UPGRADE_MESSAGE.format(server=PROTOCOL_VERSION, client=shown)
            await error(426, message, headers={"Upgrade": f"caseworker/{PROTOCOL_VERSION}"})(
                scope, receive, send
            )
            return
        try:
            principal = await self._authenticate(scope["path"], headers)
        except OfficeError as exc:
            headers = {"WWW-Authenticate": "Bearer"}
            await error(exc.status, exc.message, exc.code, headers=headers)(scope, receive, send)
            return
        except sqlalchemy.exc.OperationalError as exc:
            await _unavailable(exc)(scope, receive, send)
            return
        scope.setdefault("state", {})["principal"] = principal
        declared = headers.get("content-length", b"0")
        if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
            await _too_large(scope, receive, send)
            return
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > MAX_BODY_BYTES:
                await _too_large(scope, receive, send)
                return
        await self.app(scope, _replay(bytes(body), receive), send)

    async def _authenticate(self, path: str, headers: dict[str, bytes]) -> Principal | None:
        scheme, _, token = headers.get("authorization", b"").decode("latin-1").partition(" ")
        token = token.strip() if scheme.lower() == "bearer" else ""
        if not token:
            if path in OPEN_PATHS:
                return None
            raise NotAuthenticated("Anmeldung fehlt: dieses Gerät sendet keinen Geräteschlüssel.")
        return await anyio.to_thread.run_sync(self.store.authenticate, token)


def _unavailable(exc: Exception) -> JSONResponse:
    log.warning("database unavailable: %s", type(exc).__name__)
    return error(
        503,
        "Die Datenbank des Landratsamts ist gerade nicht erreichbar; "
        "bitte später erneut abgleichen.",
        "unavailable",
    )


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    limit = MAX_BODY_BYTES // (1024 * 1024)
    message = f"Die Anfrage ist größer als {limit} MiB; bitte in kleineren Teilen senden."
    await error(413, message)(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # a disconnect, once the app waits for one

    return replay


def _clean_text(value: object) -> bool:
    """No NUL and no lone surrogates anywhere: neither PostgreSQL nor UTF-8 can store them,
    and JSON can smuggle both in as escapes."""
    if isinstance(value, str):
        if "\x00" in value:
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_clean_text(k) and _clean_text(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_clean_text(v) for v in value)
    return True


def _require_whole_wrap(wrap: dict) -> None:
    if set(wrap) != set(RecoveryWrap.__dataclass_fields__):
        raise OfficeError(
            "Die Wiederherstellungsdaten sind unvollständig.", status=422, code="invalid_request"
        )


def _require_clean(model) -> None:
    if isinstance(model, PushRequest):  # the other fields of a change are ASCII patterns
        value = "".join(f"{c.value}{c.hlc}{c.base_hlc or ''}" for c in model.changes)
    else:
        value = model.model_dump()
    if not _clean_text(value):
        raise OfficeError(
            "Die Anfrage enthält Zeichen, die nicht gespeichert werden können "
            "(Nullzeichen oder ungültiges Unicode).",
            status=422,
            code="invalid_request",
        )


SNAPSHOT = TOKEN.pattern  # a pull's snapshot token (office/snapshot.py)


def create_app(
    store: Store, *, enrol_rate_per_minute: int = 10, metrics_from: tuple = ()
) -> FastAPI:
    """The office's API over `store`. Enrolment attempts are limited per client address
    (as uvicorn reports it: forwarded headers only from a configured proxy). /metrics
    answers the address ranges `metrics_from` (default: loopback only)."""
    metrics = Metrics(store)
    allowed = metrics_from or networks(LOOPBACK)
    app = FastAPI(
        title="Caseworker Desktop – Server des Landratsamts",
        version=__version__,
        description=(
            f"Abgleich zwischen Laptops und Landratsamt. Jede Anfrage trägt den Kopf "
            f"`{PROTOCOL_HEADER}: {PROTOCOL_VERSION}`; außer /enrol und /version auch "
            "`Authorization: Bearer <Geräteschlüssel>`."
        ),
        docs_url=None,  # no browser UI on the office server (it would load scripts)
        redoc_url=None,
    )
    app.add_middleware(ProtocolGate, store=store)
    app.add_middleware(RequestLog, metrics=metrics)  # outermost: every request, timed
    # Only for the API description: the token was checked by the ProtocolGate already.
    bearer = HTTPBearer(auto_error=False, description="Geräteschlüssel aus /enrol")

    def device(request: Request, _doc: Annotated[object, Depends(bearer)]) -> Principal:
        principal = getattr(request.state, "principal", None)
        if principal is None:  # not reachable through the gate; never trust its absence
            raise NotAuthenticated("Anmeldung fehlt: dieses Gerät sendet keinen Geräteschlüssel.")
        return principal

    def optional_device(request: Request, _doc: Annotated[object, Depends(bearer)]):
        """/enrol and /version need no token (a revoked one was refused at the gate)."""
        return getattr(request.state, "principal", None)

    @app.exception_handler(OfficeError)
    async def _office_error(_request: Request, exc: OfficeError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error(exc.status, exc.message, exc.code, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI could not even decode the body: malformed too
            return error(422, "Die Anfrage ist kein gültiges JSON (UTF-8).", "invalid_request")
        return error(exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        if first.get("type") == "json_invalid":
            return error(422, "Die Anfrage ist kein gültiges JSON.", "invalid_request")
        where = ".".join(str(part) for part in first.get("loc", ()))
        message = "Die Anfrage ist ungültig" + (f" (Feld {where})." if where else ".")
        return error(422, message, "invalid_request")

    @app.exception_handler(sqlalchemy.exc.OperationalError)
    async def _database_busy(_request: Request, exc: Exception) -> JSONResponse:
        return _unavailable(exc)

    @app.get("/healthz", include_in_schema=False)
    def healthz():
        return health(store)

    @app.get("/metrics", include_in_schema=False)
    def prometheus(request: Request):
        return metrics_response(request, metrics, allowed)

    @app.get("/version", response_model=VersionInfo, responses=_ERRORS)
    def version(_who: Annotated[Principal | None, Depends(optional_device)]) -> VersionInfo:
        with store.engine.connect() as conn:
            public_pem = recovery.public_key(conn)
            epoch = get_setting(conn, EPOCH)
        return VersionInfo(
            protocol=PROTOCOL_VERSION,
            server=__version__,
            server_time_ms=store.now_ms(),
            recovery_public_key=public_pem,
            epoch=epoch,
        )

    def limit_attempts(request: Request) -> None:
        """Codes are guessed by trying: enrolment and recovery attempts per address and
        minute are counted in the database (shared by every server process)."""
        address = request.client.host if request.client else "?"
        if not store.allow_enrol_attempt(address, enrol_rate_per_minute):
            raise OfficeError(
                "Zu viele Versuche von dieser Adresse; bitte eine Minute warten.",
                status=429,
                code="too_many_requests",
            )

    @app.post(
        "/enrol",
        response_model=EnrolResponse,
        responses=_ERRORS | {403: {"model": ErrorBody}, 409: {"model": ErrorBody}},
    )
    def enrol(
        body: EnrolRequest,
        request: Request,
        _who: Annotated[Principal | None, Depends(optional_device)],
    ) -> EnrolResponse:
        limit_attempts(request)
        _require_clean(body)
        wrap = body.recovery_wrap
        if wrap is not None:
            _require_whole_wrap(wrap)
        token, user = store.enrol(body.code, body.device_id, body.device_name, wrap)
        with store.engine.connect() as conn:
            public_pem = recovery.public_key(conn)
        return EnrolResponse(
            token=token,
            recovery_public_key=public_pem,
            user=enrolled_user(user),
        )

    @app.get("/letter-templates", response_model=LetterTemplates, responses=_ERRORS)
    def letter_templates(_who: Annotated[Principal, Depends(device)]) -> LetterTemplates:
        with store.engine.connect() as conn:
            found = letters.all_templates(conn)
        return LetterTemplates(
            templates=[LetterTemplateOut(name=t.name, title=t.title, body=t.body) for t in found]
        )

    @app.get("/directory", response_model=Directory, responses=_ERRORS)
    def directory(who: Annotated[Principal, Depends(device)]) -> Directory:
        return store.directory(who)

    @app.post(
        "/sync/push", response_model=PushResponse, responses=_ERRORS, openapi_extra=_PUSH_BODY
    )
    def push(
        raw: Annotated[bytes, Depends(_raw_body)],
        request: Request,
        who: Annotated[Principal, Depends(device)],
    ) -> PushResponse:
        body = _push_request(raw)
        _require_clean(body)
        response = store.push(who, body.changes)
        metrics.pushed.inc(response.accepted)
        metrics.duplicates.inc(response.duplicates)
        metrics.refused.inc(len(response.rejected))
        metrics.conflicts.inc(response.conflicts)
        count(request, changes_in=len(body.changes), accepted=response.accepted,
              refused=len(response.rejected))  # fmt: skip
        return response

    @app.post("/recovery", response_model=RecoveryCredential, responses=_ERRORS)
    def redeem_recovery(
        body: RecoveryRequest,
        request: Request,
        _who: Annotated[Principal | None, Depends(optional_device)],
    ) -> RecoveryCredential:
        limit_attempts(request)
        secret = split_code(body.code)[0]
        with store.write() as conn:
            credential = recovery.redeem(conn, body.device_id, secret)
        return RecoveryCredential(key_file=credential)

    @app.post("/recovery/escrow", response_model=VersionInfo, responses=_ERRORS)
    def escrow(body: EscrowUpdate, who: Annotated[Principal, Depends(device)]) -> VersionInfo:
        _require_whole_wrap(body.recovery_wrap)
        with store.write() as conn:
            recovery.update_escrow(conn, who, body.recovery_wrap)
        return VersionInfo(
            protocol=PROTOCOL_VERSION, server=__version__, server_time_ms=store.now_ms()
        )

    @app.post("/audit/push", response_model=AuditHead, responses=_ERRORS | _CONFLICT)
    def audit_push(body: AuditPush, who: Annotated[Principal, Depends(device)]) -> AuditHead:
        _require_clean(body)
        return store.push_audit(who, body.events)

    @app.get("/audit/pull", response_model=AuditPage, responses=_ERRORS)
    def audit_pull(
        who: Annotated[Principal, Depends(device)],
        cursor: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    ) -> AuditPage:
        return store.pull_audit(who, cursor, limit)

    @app.get("/sync/pull", response_model=PullResponse, responses=_ERRORS)
    def pull(
        request: Request,
        who: Annotated[Principal, Depends(device)],
        cursor: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
        snapshot: Annotated[str | None, Query(max_length=64, pattern=SNAPSHOT)] = None,
        form: Literal["changes", "rows"] = "changes",
        own: Literal["send", "skip"] = "send",
    ) -> Response:
        # Sent as read (office/pull.py Page); the schema above documents it. A laptop that
        # knows the rows form asks for it (older ones get changes); one that holds every
        # change it pushed asks to be spared them (`own=skip`; older ones get them).
        page = store.read_pull(
            who, cursor, limit, snapshot, rows=form == "rows", skip_own=own == "skip"
        )
        values = page.values  # counted once: in the rows form a sum over the page
        metrics.pulled.inc(values)
        count(request, changes_out=values)
        return Response(page.json(), media_type="application/json")

    app.include_router(document_routes(store, device, _ERRORS))
    _document_push_body(app)
    return app


# A push is parsed from its bytes in one pass by pydantic's own JSON parser, in the worker
# thread: FastAPI's json.loads and check of the Python objects cost twice that, on the
# event loop. The request schema is documented as if FastAPI had read it.
_PUSH_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


async def _raw_body(request: Request) -> bytes:
    return await request.body()


def _push_request(raw: bytes) -> PushRequest:
    try:
        return PushRequest.model_validate_json(raw)
    except pydantic.ValidationError as exc:  # answered like FastAPI's own check (_invalid)
        errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        raise RequestValidationError(errors) from None


def _document_push_body(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = generate()
            schema = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
            components = spec.setdefault("components", {}).setdefault("schemas", {})
            components.update(schema.pop("$defs", {}))
            components["PushRequest"] = schema
        return app.openapi_schema

    app.openapi = openapi


def app_from_environment() -> FastAPI:
    """One worker of `serve --workers N` (uvicorn imports this in every process): the
    database, key file and metrics ranges come from the environment the command set."""
    from .operations import configure_request_log, settle_heap

    configure_request_log()
    store = Store(os.environ["CASEWORKER_OFFICE_DB"])
    ranges = [r for r in os.environ.get("CASEWORKER_OFFICE_METRICS_FROM", "").split(",") if r]
    app = create_app(store, metrics_from=networks(ranges) if ranges else ())
    settle_heap()
    return app
