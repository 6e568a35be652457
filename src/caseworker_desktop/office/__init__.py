"""The district office server: device enrolment, push/pull sync with per-case
authorisation, key escrow and audit (FastAPI on SQLite or PostgreSQL).

    schema.py  tables and the helpers that write the change log
    push.py    one pushed batch: scoping, authorisation, merge
    store.py   the database behind one object (administration, devices, push, pull)
    auth.py    tokens, enrolment codes, roles, who sees which case, rate limit
    api.py     the HTTP API of sync/protocol.py
    cli.py     the `caseworker-office` command
"""
