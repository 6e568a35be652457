#!/usr/bin/env bash
# `make run`: a local district office server on SQLite beside the app, a demo case file
# enrolled with it, then the app. The server stops when the app closes.
set -euo pipefail
BIN=.venv/bin
DEMO_DIR=${DEMO_DIR:-demo-profile}
OFFICE_DIR=${OFFICE_DIR:-demo-office}
PORT=${PORT:-8750}
URL="http://127.0.0.1:${PORT}"
DB="sqlite:///${OFFICE_DIR}/office.db"
export CASEWORKER_PASSPHRASE=${CASEWORKER_PASSPHRASE:-Demo-Passphrase-2026}

mkdir -p "$OFFICE_DIR"
if [ ! -f "$OFFICE_DIR/office.db" ]; then
  $BIN/caseworker-office team add --db "$DB" --name "Team Nord" >/dev/null
  $BIN/caseworker-office user add --db "$DB" --username demo --display-name "Demo Integrationsmanagerin" \
    --role caseworker --team "Team Nord" >/dev/null
fi
$BIN/caseworker-office serve --db "$DB" --host 127.0.0.1 --port "$PORT" >"$OFFICE_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
$BIN/python - "$URL" <<'PY'
import sys, time, httpx
for _ in range(100):
    try:
        httpx.get(sys.argv[1] + "/version", headers={"X-Caseworker-Protocol": "1"}, timeout=1)
        break
    except httpx.TransportError:
        time.sleep(0.1)
PY
echo "Server des Landratsamts (Demo): $URL  (Protokoll: $OFFICE_DIR/server.log)"

$BIN/caseworker demo-profile --data-dir "$DEMO_DIR"
DEVICE=$($BIN/python -c "import json,sys; print(json.load(open(sys.argv[1]))['device_id'])" \
  "$DEMO_DIR/keyfile.json")
if [ ! -f "$OFFICE_DIR/enrolled-$DEVICE" ]; then
  CODE=$($BIN/caseworker-office enrol --db "$DB" --username demo | sed -n 's/^Anmeldecode für [^:]*: //p')
  $BIN/caseworker enrol --data-dir "$DEMO_DIR" --server "$URL" --code "$CODE" && touch "$OFFICE_DIR/enrolled-$DEVICE"
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Kein Bildschirm gefunden (DISPLAY ist leer). Auf einem Server: xvfb-run -a make run"
  exit 1
fi
$BIN/caseworker-desktop --data-dir "$DEMO_DIR"
