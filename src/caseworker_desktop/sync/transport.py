"""HTTP transport to the district office (httpx). Turns every failure into a German
CaseworkerError the user can act on: offline, revoked, outdated, rejected."""

from __future__ import annotations

import functools
import ssl
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
import pydantic

from ..domain.errors import CaseworkerError
from .pinning import PinMismatch, check_url, tls_context
from .protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    AuditHead,
    AuditPage,
    AuditPush,
    ContentQuery,
    ContentState,
    ContentStates,
    Directory,
    EnrolRequest,
    EnrolResponse,
    EscrowUpdate,
    LetterTemplates,
    PullResponse,
    PushRequest,
    PushResponse,
    RecoveryCredential,
    RecoveryRequest,
    VersionInfo,
)

M = TypeVar("M", bound=pydantic.BaseModel)


class SyncError(CaseworkerError):
    pass


class OfflineError(SyncError):
    pass


class DeviceRevokedError(SyncError):
    pass


class NotFoundAtOffice(SyncError):
    """404 for a row the office does not know (or the caller may not see)."""

    def __init__(self, message: str, code: str | None):
        super().__init__(message)
        self.code = code


class UpgradeRequiredError(SyncError):
    pass


class PinMismatchError(SyncError):
    """The server is not the office this laptop enrolled with (its key does not match)."""


def _untrusted_certificate(exc: BaseException) -> bool:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, ssl.SSLCertVerificationError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class AuditDivergedError(SyncError):
    """This laptop's audit trail differs from what the office already holds of it."""


class ClockAheadError(SyncError):
    """This laptop's clock runs further ahead of the office's than the office accepts."""


@functools.cache
def _plain_http_context() -> ssl.SSLContext:
    """httpx wants a TLS context even for plain HTTP (loopback): the default one, made once
    (loading the CA store costs ~20 ms, which every sync paid)."""
    return ssl.create_default_context()


def _parse(model: type[M], content: bytes) -> M:
    try:
        return model.model_validate_json(content)
    except pydantic.ValidationError:
        raise SyncError(
            "Die Antwort des Servers ist nicht lesbar (falscher Server oder andere Version?)."
        ) from None


class Transport:
    """HTTPS to the office, its key checked against the pin (or, at enrolment, the part of
    the pin the code carries) before anything is sent; plain HTTP only on loopback."""

    def __init__(
        self,
        server_url: str,
        token: str | None = None,
        timeout: float = 30.0,
        *,
        pin: bytes | None = None,
        code_pin: str | None = None,
    ):
        try:
            check_url(server_url)
        except CaseworkerError as exc:
            raise SyncError(str(exc)) from None
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.tls = None
        if urlsplit(server_url).scheme == "https":
            self.tls = tls_context(urlsplit(server_url).hostname or "", pin, code_pin)
        self.client = httpx.Client(
            base_url=server_url.rstrip("/"),
            headers=headers,
            timeout=timeout,
            verify=self.tls if self.tls is not None else _plain_http_context(),
        )

    @property
    def seen_pin(self) -> bytes | None:
        """The key pin of the server of the last TLS handshake (learnt at enrolment)."""
        return self.tls.seen[-1] if self.tls is not None and self.tls.seen else None

    def close(self) -> None:
        self.client.close()

    # Bodies are (de)serialised by pydantic directly from and to JSON bytes: a page of
    # thousands of changes costs a fraction of going through Python dicts.
    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        return _parse(EnrolResponse, self._call("POST", "/enrol", request))

    def push(self, request: PushRequest | bytes) -> PushResponse:
        """`request` as a model, or as the JSON of one (sync.client builds it directly)."""
        return _parse(PushResponse, self._call("POST", "/sync/push", request))

    def pull(
        self, cursor: int, limit: int, snapshot: str | None = None, skip_own: bool = False
    ) -> PullResponse:
        # A snapshot's values as rows, and without the changes this device pushed if it
        # holds them all (an older office ignores both and sends changes, all of them).
        params: dict[str, object] = {"cursor": cursor, "limit": limit, "form": "rows"}
        if snapshot:
            params["snapshot"] = snapshot
        if skip_own:
            params["own"] = "skip"
        return _parse(PullResponse, self._call("GET", "/sync/pull", params=params))

    def push_audit(self, request: AuditPush) -> AuditHead:
        return _parse(AuditHead, self._call("POST", "/audit/push", request))

    def pull_audit(self, cursor: int, limit: int) -> AuditPage:
        return _parse(
            AuditPage,
            self._call("GET", "/audit/pull", params={"cursor": cursor, "limit": limit}),
        )

    def recover(self, request: RecoveryRequest) -> RecoveryCredential:
        return _parse(RecoveryCredential, self._call("POST", "/recovery", request))

    def update_escrow(self, request: EscrowUpdate) -> VersionInfo:
        return _parse(VersionInfo, self._call("POST", "/recovery/escrow", request))

    def version(self) -> VersionInfo:
        return _parse(VersionInfo, self._call("GET", "/version"))

    def letter_templates(self) -> LetterTemplates | None:
        """None from an office older than letter templates: the laptop keeps what it has
        and syncs on."""
        content = self._call("GET", "/letter-templates", optional=True)
        return None if content is None else _parse(LetterTemplates, content)

    def content_states(self, document_ids: list[str]) -> dict[str, ContentState] | None:
        """The office's states of these documents (those it does not know or the caller
        may not see are missing); None from an office older than documents."""
        body = ContentQuery(document_ids=document_ids)
        content = self._call("POST", "/documents/content", body, optional=True)
        if content is None:
            return None
        return {s.document_id: s for s in _parse(ContentStates, content).states}

    def put_chunk(self, document_id: str, index: int, data: bytes) -> ContentState:
        path = f"/documents/{document_id}/content/{index}"
        return _parse(ContentState, self._call("PUT", path, data, binary=True))

    def get_chunk(self, document_id: str, index: int) -> bytes:
        return self._call("GET", f"/documents/{document_id}/content/{index}")

    def directory(self) -> Directory:
        return _parse(Directory, self._call("GET", "/directory"))

    def _call(
        self, method: str, path: str, body=None, optional=False, binary=False, **kwargs
    ) -> bytes | None:
        """The answer's body. `optional`: None from an office that does not know the
        address at all (an older release), rather than an error."""
        if body is not None:
            kwargs["content"] = body if isinstance(body, bytes) else body.model_dump_json()
            kind = "application/octet-stream" if binary else "application/json"
            kwargs["headers"] = {"Content-Type": kind}
        try:
            response = self.client.request(method, path, **kwargs)
        except PinMismatch as exc:
            raise PinMismatchError(str(exc)) from None
        except httpx.TransportError as exc:
            if _untrusted_certificate(exc):
                raise SyncError(
                    "Das Zertifikat des Servers ist nicht vertrauenswürdig. Bitte mit einem "
                    "Anmeldecode anmelden, der den Fingerabdruck des Servers enthält."
                ) from None
            raise OfflineError(
                "Der Server des Landratsamts ist nicht erreichbar (offline?). "
                "Die Änderungen bleiben gespeichert und werden später gesendet."
            ) from exc
        if response.status_code < 400:
            return response.content
        try:
            body = response.json()
            message, code = body.get("message") or response.text, body.get("code")
        except (ValueError, AttributeError):
            message, code = response.text, None
        if response.status_code == 401:
            raise DeviceRevokedError(
                message or "Dieses Gerät ist beim Landratsamt nicht (mehr) angemeldet."
            )
        if response.status_code == 404:
            if optional and code in (None, "not_found"):
                return None
            raise NotFoundAtOffice(message, code)
        if response.status_code == 426:
            raise UpgradeRequiredError(message or "Bitte Caseworker Desktop aktualisieren.")
        if response.status_code == 409 and code == "clock_ahead":
            raise ClockAheadError(message)
        if response.status_code == 409 and code == "audit_diverged":
            raise AuditDivergedError(message)
        raise SyncError(f"Der Server hat abgelehnt ({response.status_code}): {message}")
