"""HTTP transport to the district office (httpx). Turns every failure into a German
CaseworkerError the user can act on: offline, revoked, outdated, rejected."""

from __future__ import annotations

import httpx

from ..domain.errors import CaseworkerError
from .protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    Directory,
    EnrolRequest,
    EnrolResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)


class SyncError(CaseworkerError):
    pass


class OfflineError(SyncError):
    pass


class DeviceRevokedError(SyncError):
    pass


class UpgradeRequiredError(SyncError):
    pass


class Transport:
    def __init__(self, server_url: str, token: str | None = None, timeout: float = 30.0):
        if not server_url.startswith(("http://", "https://")):
            raise SyncError(f"Keine gültige Serveradresse: {server_url}")
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.client = httpx.Client(
            base_url=server_url.rstrip("/"), headers=headers, timeout=timeout
        )

    def close(self) -> None:
        self.client.close()

    # Bodies are (de)serialised by pydantic directly from and to JSON bytes: a page of
    # thousands of changes costs a fraction of going through Python dicts.
    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        return EnrolResponse.model_validate_json(self._call("POST", "/enrol", request))

    def push(self, request: PushRequest) -> PushResponse:
        return PushResponse.model_validate_json(self._call("POST", "/sync/push", request))

    def pull(self, cursor: int, limit: int) -> PullResponse:
        return PullResponse.model_validate_json(
            self._call("GET", "/sync/pull", params={"cursor": cursor, "limit": limit})
        )

    def directory(self) -> Directory:
        return Directory.model_validate_json(self._call("GET", "/directory"))

    def _call(self, method: str, path: str, body=None, **kwargs) -> bytes:
        if body is not None:
            kwargs["content"] = body.model_dump_json()
            kwargs["headers"] = {"Content-Type": "application/json"}
        try:
            response = self.client.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise OfflineError(
                "Der Server des Landratsamts ist nicht erreichbar (offline?). "
                "Die Änderungen bleiben gespeichert und werden später gesendet."
            ) from exc
        if response.status_code < 400:
            return response.content
        try:
            message = response.json().get("message") or response.text
        except ValueError:
            message = response.text
        if response.status_code == 401:
            raise DeviceRevokedError(
                message or "Dieses Gerät ist beim Landratsamt nicht (mehr) angemeldet."
            )
        if response.status_code == 426:
            raise UpgradeRequiredError(message or "Bitte Caseworker Desktop aktualisieren.")
        raise SyncError(f"Der Server hat abgelehnt ({response.status_code}): {message}")
