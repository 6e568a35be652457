#!/usr/bin/env bash
# `make run`: a local district office server on SQLite beside the app, three demo case
# files enrolled with it — a caseworker with demo cases, her team lead and the coordinator
# of the trauma offers — synced once, then the app (the unlock dialog lists all three).
# The server stops when the app closes.
set -euo pipefail
BIN=.venv/bin
DEMO_DIR=${DEMO_DIR:-demo-profile}
LEAD_DIR=${LEAD_DIR:-${DEMO_DIR}-teamleitung}
COORD_DIR=${COORD_DIR:-${DEMO_DIR}-koordination}
OFFICE_DIR=${OFFICE_DIR:-demo-office}
PORT=${PORT:-8750}
URL="http://127.0.0.1:${PORT}"
DB="sqlite:///${OFFICE_DIR}/office.db"
export CASEWORKER_PASSPHRASE=${CASEWORKER_PASSPHRASE:-Demo-Passphrase-2026}

mkdir -p "$OFFICE_DIR"
FRESH=$([ -f "$OFFICE_DIR/office.db" ] && echo no || echo yes)
# Creates the database, or brings one of an earlier release to the current schema.
$BIN/caseworker-office migrate --db "$DB" >/dev/null
if [ "$FRESH" = yes ]; then
  $BIN/caseworker-office team add --db "$DB" --name "Team Nord" >/dev/null
  $BIN/caseworker-office user add --db "$DB" --username demo --display-name "Demo Integrationsmanagerin" \
    --role caseworker --team "Team Nord" >/dev/null
  $BIN/caseworker-office user add --db "$DB" --username leitung --display-name "Petra Hoffmann" \
    --role team_lead --team "Team Nord" >/dev/null
  $BIN/caseworker-office user add --db "$DB" --username koordination --display-name "Jonas Weber" \
    --role coordinator >/dev/null
fi
# The recovery key pair (its public half goes to each laptop at enrolment): for trying
# „Passphrase vergessen …“ with `caseworker-office recovery --device … --recovery-key …`.
if [ ! -f "$OFFICE_DIR/recovery.pem" ]; then
  $BIN/caseworker-office recovery-key --db "$DB" --out "$OFFICE_DIR/recovery.pem" >/dev/null 2>&1 || true
fi
$BIN/caseworker-office serve --db "$DB" --host 127.0.0.1 --port "$PORT" >"$OFFICE_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
$BIN/python - "$URL" <<'PY'
import sys, time, httpx
for _ in range(100):
    try:
        httpx.get(sys.argv[1] + "/version", timeout=1)
        break
    except httpx.TransportError:
        time.sleep(0.1)
PY
echo "Server des Landratsamts (Demo): $URL  (Protokoll: $OFFICE_DIR/server.log)"

# profile folder, username, display name, demo clients
profile() {
  $BIN/caseworker demo-profile --data-dir "$1" --user "$2" --display-name "$3" --clients "$4" >/dev/null
  local device
  device=$($BIN/python -c "import json,sys; print(json.load(open(sys.argv[1]))['device_id'])" \
    "$1/keyfile.json")
  if [ ! -f "$OFFICE_DIR/enrolled-$device" ]; then
    local code
    code=$($BIN/caseworker-office enrol --db "$DB" --username "$2" | sed -n 's/^Anmeldecode für [^:]*: //p')
    $BIN/caseworker enrol --data-dir "$1" --server "$URL" --code "$code" >/dev/null
    touch "$OFFICE_DIR/enrolled-$device"
  fi
  $BIN/caseworker sync --data-dir "$1" | tail -1
}
profile "$DEMO_DIR" demo "Demo Integrationsmanagerin" 300
profile "$COORD_DIR" koordination "Jonas Weber" 0
$BIN/caseworker demo-planning --data-dir "$COORD_DIR"
$BIN/caseworker sync --data-dir "$COORD_DIR" | tail -1
$BIN/caseworker sync --data-dir "$DEMO_DIR" | tail -1
profile "$LEAD_DIR" leitung "Petra Hoffmann" 0
$BIN/python - "$COORD_DIR" "$LEAD_DIR" "$DEMO_DIR" <<'PY'
import sys
from pathlib import Path
from caseworker_desktop.config import Settings
settings = Settings.load()
for folder in sys.argv[1:]:  # the last one comes first in the unlock dialog
    settings.remember_profile(Path(folder))
settings.save()
PY
echo "Demo-Profile (Passphrase: $CASEWORKER_PASSPHRASE): $DEMO_DIR (Fachkraft), $LEAD_DIR (Teamleitung), $COORD_DIR (Koordination)"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Kein Bildschirm gefunden (DISPLAY ist leer). Auf einem Server: xvfb-run -a make run"
  exit 1
fi
$BIN/caseworker-desktop --data-dir "$DEMO_DIR"
