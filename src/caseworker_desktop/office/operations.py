"""Running the office: a health check, Prometheus metrics and one log line per request.

- `GET /healthz`: the database answers and its schema is at head. No token, no data; 200
  or 503 with a German reason (for a load balancer, a container's health check, systemd).
- `GET /metrics`: Prometheus text format (prometheus-client): requests and their latency
  per route, changes pushed, pulled, refused, conflicts, devices enrolled and revoked.
  Counts only, never content; answered only to the address ranges configured
  (`serve --metrics-from`, default loopback), 404 to everyone else.
- Every request is one JSON line on the logger `caseworker.office.requests`: time, method,
  route, status, duration, device id and change counts; never a body, a token or a name.
"""

from __future__ import annotations

import gc
import ipaddress
import json
import logging
import os
import sys
import time
from collections.abc import Iterable

import sqlalchemy as sa
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import migrate as migrations
from . import schema as s

REQUEST_LOG = logging.getLogger("caseworker.office.requests")
OPERATIONS_PATHS = frozenset({"/healthz", "/metrics"})  # no protocol header, no token
LOOPBACK = ("127.0.0.0/8", "::1/128")
ROUTES = frozenset(
    {"/sync/push", "/sync/pull", "/enrol", "/version", "/directory", "/audit/push",
     "/audit/pull", "/recovery", "/recovery/escrow", "/healthz", "/metrics"}
)  # fmt: skip


_PUSH_BUCKETS = (0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    """The office's metrics, in a registry of its own (one per app)."""

    def __init__(self, store) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "caseworker_requests", "Requests by route and status", ["route", "status"],
            registry=self.registry,
        )  # fmt: skip
        self.latency = Histogram(
            "caseworker_request_seconds", "Request duration by route", ["route"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )  # fmt: skip
        self.pushed = Counter("caseworker_changes_pushed", "Changes accepted from laptops",
                              registry=self.registry)  # fmt: skip
        self.duplicates = Counter("caseworker_changes_duplicate", "Changes sent again",
                                  registry=self.registry)  # fmt: skip
        self.refused = Counter("caseworker_changes_refused", "Changes the office refused",
                               registry=self.registry)  # fmt: skip
        self.conflicts = Counter("caseworker_conflicts", "Concurrent text edits kept both",
                                 registry=self.registry)  # fmt: skip
        self.pulled = Counter("caseworker_changes_pulled", "Changes sent to laptops",
                              registry=self.registry)  # fmt: skip
        # Where a push's time goes under load: waiting for its turn to write (SQLite has
        # one writer; PostgreSQL waits for the locks of the same cases) or writing.
        self.push_wait = Histogram(
            "caseworker_push_wait_seconds", "Time a push waited for its turn to write",
            buckets=_PUSH_BUCKETS, registry=self.registry,
        )  # fmt: skip
        self.push_write = Histogram(
            "caseworker_push_write_seconds", "Time a push took to check, merge and commit",
            buckets=_PUSH_BUCKETS, registry=self.registry,
        )  # fmt: skip
        store.push_timed = self.push_timed  # the store tells them (one app per store)
        self.devices = _Devices(store)
        self.registry.register(self.devices)

    def push_timed(self, waited: float, wrote: float) -> None:
        self.push_wait.observe(waited)
        self.push_write.observe(wrote)

    def render(self) -> bytes:
        """The metrics of this process, or of all workers of `serve --workers N` (their
        counters meet in PROMETHEUS_MULTIPROC_DIR)."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            registry.register(self.devices)
            return generate_latest(registry)
        return generate_latest(self.registry)


class _Devices:
    """Enrolled and revoked devices, read from the database when scraped."""

    def __init__(self, store) -> None:
        self.store = store

    def collect(self) -> Iterable[GaugeMetricFamily]:
        d = s.devices
        with self.store.engine.connect() as conn:
            active = conn.execute(
                sa.select(sa.func.count()).select_from(d).where(d.c.revoked_at.is_(None))
            ).scalar()
            revoked = conn.execute(
                sa.select(sa.func.count()).select_from(d).where(d.c.revoked_at.is_not(None))
            ).scalar()
        family = GaugeMetricFamily("caseworker_devices", "Devices by state", labels=["state"])
        family.add_metric(["enrolled"], active)
        family.add_metric(["revoked"], revoked)
        yield family

    def describe(self) -> list:
        return []


def health(store) -> JSONResponse:
    try:
        with store.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
            current = migrations.current_revision(conn)
    except sa.exc.SQLAlchemyError:
        return JSONResponse(
            {"status": "error", "message": "Die Datenbank ist nicht erreichbar."}, status_code=503
        )
    head = migrations.head_revision()
    if current != head:
        return JSONResponse(
            {"status": "error",
             "message": f"Das Datenbankschema ist nicht aktuell ({current} statt {head}); "
                        "bitte „caseworker-office migrate“ ausführen."},
            status_code=503,
        )  # fmt: skip
    return JSONResponse({"status": "ok", "schema": head})


def networks(ranges: Iterable[str]) -> tuple:
    """The address ranges that may read /metrics (a German error for a wrong one)."""
    from .auth import OfficeError

    found = []
    for text in ranges:
        try:
            found.append(ipaddress.ip_network(text.strip(), strict=False))
        except ValueError:
            raise OfficeError(f"„{text}“ ist kein Adressbereich (z. B. 10.0.0.0/8).") from None
    return tuple(found)


def metrics_response(request: Request, metrics: Metrics, allowed: tuple) -> Response:
    host = request.client.host if request.client else ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is None or not any(address in net for net in allowed):
        return JSONResponse({"code": "not_found", "message": "Nicht gefunden."}, status_code=404)
    return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)


class RequestLog:
    """Outermost layer: times every request, counts it, writes its JSON line."""

    def __init__(self, app: ASGIApp, metrics: Metrics):
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            seconds = time.perf_counter() - started
            route = scope["path"] if scope["path"] in ROUTES else "other"
            self.metrics.requests.labels(route, str(status)).inc()
            self.metrics.latency.labels(route).observe(seconds)
            state = scope.get("state", {})
            principal = state.get("principal")
            line = {
                "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "method": scope["method"],
                "route": route,
                "status": status,
                "ms": round(seconds * 1000, 1),
                "device": getattr(principal, "device_id", None),
                **{k: v for k, v in state.get("counts", {}).items()},
            }
            REQUEST_LOG.info(json.dumps(line, ensure_ascii=False))


class _Stdout(logging.StreamHandler):
    """Writes to standard output as it is when a line is written (a handler that kept the
    stream of its configuration wrote into a closed one once that was replaced)."""

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, _value) -> None:
        pass


def configure_request_log() -> None:
    """The request lines alone on standard output (one JSON object per line)."""
    if REQUEST_LOG.handlers:
        return
    handler = _Stdout()
    handler.setFormatter(logging.Formatter("%(message)s"))
    REQUEST_LOG.addHandler(handler)
    REQUEST_LOG.setLevel(logging.INFO)
    REQUEST_LOG.propagate = False


# Objects a request may allocate before Python looks for cycles (its default: 700). A push
# of 2,000 changes allocates tens of thousands; with the default most of them were
# traversed again and again.
GC_THRESHOLD = 10_000


def settle_heap() -> None:
    """For a server process once it is set up: what it loaded (modules, the app, the
    schema: hundreds of thousands of objects that live as long as the process) leaves the
    cycle collector's reach, and the collector runs less often. Before, every full
    collection walked all of it: 13 % of a push's CPU time, a tenth of a second each."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def count(request: Request, **counts: int) -> None:
    """Change counts of this request, for its log line."""
    request.state.counts = counts
