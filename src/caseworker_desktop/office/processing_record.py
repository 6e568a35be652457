"""The record of processing activities (GDPR Art. 30(1)), generated from what this office
is configured with and what the software stores: purposes, categories of persons and data
(from the data model, special categories marked), recipients by role, retention periods
(office/retention.py), technical and organisational measures. Markdown for editing, a PDF
for the file; the data-protection officer completes the controller's details."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import sqlalchemy as sa
from reportlab.platypus import Spacer

from ..domain import model as m
from ..domain.district import DISTRICT_NAME
from ..domain.labels import FIELD_LABELS_DE, TABLE_LABELS_DE
from ..domain.permissions import RESTRICTED_FIELDS
from ..sync.protocol import PROTOCOL_VERSION
from . import retention
from . import schema as s

ROLE_NAMES = {
    "caseworker": "Integrationsmanager:innen (Fachkräfte)",
    "team_lead": "Teamleitungen",
    "coordinator": "Koordination der Traumaangebote",
    "admin": "Verwaltung des Servers (keine Fallakten)",
}
SPECIAL = frozenset({"trauma_referral", "trauma_placement"})  # health data (Art. 9)
TECHNICAL = frozenset({"id", "updated_hlc", "deleted"})


def markdown(conn: sa.Connection, today: date) -> str:
    rules = retention.rules(conn)
    roles = dict(
        conn.execute(sa.select(s.users.c.role, sa.func.count()).group_by(s.users.c.role)).all()
    )
    teams = conn.execute(sa.select(sa.func.count()).select_from(s.teams)).scalar()
    devices = conn.execute(
        sa.select(sa.func.count()).select_from(s.devices).where(s.devices.c.revoked_at.is_(None))
    ).scalar()
    staff = ", ".join(
        f"{ROLE_NAMES.get(role, role)} ({count})" for role, count in sorted(roles.items())
    )
    lines = [
        "# Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)",
        "",
        f"Integrationsmanagement – {DISTRICT_NAME}. Erstellt am {today:%d.%m.%Y} aus der "
        "Konfiguration des Servers (Caseworker Desktop, Abgleich-Protokoll "
        f"Version {PROTOCOL_VERSION}).",
        "",
        "## Verantwortlicher und Datenschutzbeauftragte:r",
        "",
        f"- Verantwortlich: {DISTRICT_NAME} (Anschrift, Vertretung: bitte ergänzen)",
        "- Datenschutzbeauftragte:r: bitte ergänzen",
        "",
        "## Zwecke der Verarbeitung",
        "",
        "- Integrationsmanagement für Geflüchtete in der Anschlussunterbringung: Beratung, "
        "individueller Hilfeplan (Ziele und Maßnahmen je Lebensbereich), Vermittlung in "
        "Sprachkurse und in die Traumasprechstunde, Dokumentation der Kontakte",
        "- Fachaufsicht der Teamleitungen (Freigabe der Hilfepläne, Kommentare)",
        "- Planung der Termine und Plätze der Traumaangebote (ohne Namen der Klient:innen)",
        "- Ergebnisbericht für den Landkreis (nur Summen; kleine Zahlen als „< 3“)",
        "",
        "## Kategorien betroffener Personen",
        "",
        "- Klient:innen (Geflüchtete) und Mitglieder ihres Haushalts",
        f"- Beschäftigte: {staff or 'noch keine angelegt'}; {teams} Teams",
        "",
        "## Kategorien personenbezogener Daten",
        "",
    ]
    for cls in m.SYNCABLE:
        if cls.table not in TABLE_LABELS_DE or cls.table == "trauma_offer":
            continue
        if cls is m.Conflict:
            lines.append(
                "- Konflikt: beide Fassungen eines gleichzeitig geänderten Textes, wer sie wann "
                "geschrieben hat, die Auflösung (am Server feldweise verschlüsselt)"
            )
            continue
        names = [FIELD_LABELS_DE.get(f.name, f.name) for f in dataclasses.fields(cls)
                 if f.name not in TECHNICAL and not f.name.endswith("_id")]  # fmt: skip
        sealed = [FIELD_LABELS_DE.get(f, f) for t, f in sorted(RESTRICTED_FIELDS) if t == cls.table]
        note = " – Gesundheitsdaten (Art. 9 DSGVO), nur zuständige Fachkraft und Teamleitung" \
            if cls.table in SPECIAL else ""  # fmt: skip
        lines.append(f"- {TABLE_LABELS_DE[cls.table]}{note}: {', '.join(dict.fromkeys(names))}")
        if sealed:
            lines.append(f"  (am Server feldweise verschlüsselt: {', '.join(sealed)})")
    lines += [
        "",
        "## Empfänger",
        "",
        "- Intern: die zuständige Fachkraft, ihre Teamleitung (kommentiert und gibt frei; "
        "ändert nur als freigeschaltete Vertretung), die Koordination der Traumaangebote (nur "
        "Aktenzeichen, Dringlichkeit, Dolmetschsprache: keine Namen, keine Befunde)",
        "- Extern nur mit Schweigepflichtentbindung der Person: Traumasprechstunde/Facharzt, "
        "Sprachkursträger, Jobcenter, Ausländerbehörde (in jeder Akte mit Datum und Gültigkeit)",
        f"- Geräte: {devices} angemeldete Laptops; welches Gerät welche Akte empfangen hat, "
        "protokolliert der Server (caseworker-office access-log)",
        "- Keine Übermittlung in Drittländer",
        "",
        "## Löschfristen",
        "",
        f"- {rules.describe()} (caseworker-office retention; danach auf allen Geräten und in "
        "den Sicherungen gelöscht, nur ein inhaltsfreier Löschnachweis bleibt)",
        "- Löschung auf Antrag (Art. 17): von der Teamleitung bestätigt, beim nächsten Löschlauf",
        "- Ergebnisbericht: gezählte Fakten ohne Personenbezug bleiben",
        "",
        "## Technische und organisatorische Maßnahmen (Art. 32)",
        "",
        "- Laptops: SQLCipher-Datei (AES-256, HMAC-SHA512 je Seite) mit zufälligem Datenschlüssel,"
        " geschützt durch Argon2id aus der Passphrase; Sperre nach Inaktivität; keine Klartexte"
        " auf der Festplatte; Sicherungen ebenso verschlüsselt",
        "- Server: SQLCipher bzw. PostgreSQL; vertrauliche Texte (Trauma, Hilfeplan, Konflikte) "
        "feldweise mit AES-256-GCM versiegelt; Schlüssel außerhalb der Datenbank; "
        "Schlüsselwechsel (caseworker-office rotate-keys)",
        "- Übertragung: TLS mit festgenagelten Zertifikat (Pinning), Gerätetoken je Laptop, "
        "Sperrung verlorener Geräte (caseworker-office revoke)",
        "- Rollen und Rechte am Laptop und am Server gleich geprüft; der Server entscheidet",
        "- Protokollierung: verkettetes, schlüsselgesichertes Protokoll je Laptop, am Server "
        "unveränderlich aufbewahrt (wer hat was gesehen oder geändert)",
        "- Auskunft (Art. 15): caseworker export-client / caseworker-office export-client",
        "- Einschränkung und Widerspruch (Art. 18, § 84 SGB X): Kennzeichnung als "
        "„eingeschränkt“ oder „bestritten“",
        "",
    ]
    return "\n".join(lines)


def pdf(text: str) -> bytes:
    """The Markdown above as a simple PDF (headings, paragraphs, bullets)."""
    from ..printing import fonts
    from ..printing import text as printed
    from ..printing.page import Styles, build_document, paragraph

    fonts.register_fonts()

    story = []
    for line in text.splitlines():
        if line.startswith("# "):
            story.append(paragraph(line[2:], Styles.title))
        elif line.startswith("## "):
            story.append(paragraph(line[3:], Styles.section))
        elif line.startswith("- "):
            story.append(paragraph("• " + line[2:], Styles.body))
        elif line.startswith("  "):
            story.append(paragraph(line.strip(), Styles.note))
        elif line:
            story.append(paragraph(line, Styles.body))
        else:
            story.append(Spacer(1, 4))
    out = io.BytesIO()

    def decorate(canvas, page: int, pages: int) -> None:
        printed.draw(canvas, 56, 34, f"{DISTRICT_NAME} · Verzeichnis von Verarbeitungstätigkeiten "
                     f"· Seite {page} von {pages}", 7.5)  # fmt: skip

    build_document(out, story, decorate, title="Verzeichnis von Verarbeitungstätigkeiten",
                   author=DISTRICT_NAME)  # fmt: skip
    return out.getvalue()
