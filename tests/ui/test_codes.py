"""Nationality and languages by their German names, searchable; the ISO codes stay what
is stored (and what the office and the prints read)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caseworker_desktop.domain import codes
from tests.helpers import new_client
from tests.ui.conftest import settle


def test_german_names_for_the_codes():
    assert codes.country_name("AFG") == "Afghanistan"
    assert codes.country_name("SYR") == "Syrien"
    assert codes.language_list("fa,ps,prs,kmr,ti,so,fr") == (
        "Persisch (Farsi), Paschtu, Dari, Kurdisch (Kurmandschi), Tigrinya, Somali, Französisch"
    )


def test_master_data_shows_names_and_stores_codes(qtbot, window, session, services):
    client, _ = new_client(services, nationality="AFG", languages="fa,ps")
    window.refresh_caseload()
    settle(qtbot, session.ops)
    window.caseload.table.selectRow(0)
    settle(qtbot, session.ops)
    master = window.client_file.master
    assert master.nationality.currentText() == "Afghanistan"
    assert master.languages.text() == "Persisch (Farsi), Paschtu"

    # searchable: "kurman" finds Kurmanji; a list of names is read back as codes
    master.languages.clear()
    qtbot.keyClicks(master.languages, "Dari, kurman")
    popup = master.languages.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "Kurdisch (Kurmandschi)"
    master.languages.completer_.activated.emit("Kurdisch (Kurmandschi)")
    assert master.languages.text() == "Dari, Kurdisch (Kurmandschi)"
    master.nationality.setEditText("Irak")
    qtbot.mouseClick(master.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    saved = services.clients.get(client.id)
    assert (saved.nationality, saved.languages) == ("IRQ", "prs,kmr")


def test_an_unknown_language_is_said_at_the_field(qtbot, window, session, services):
    client, _ = new_client(services, languages="uk")
    window.refresh_caseload()
    settle(qtbot, session.ops)
    window.caseload.table.selectRow(0)
    settle(qtbot, session.ops)
    master = window.client_file.master
    master.languages.setText("Ukrainisch, Klingonisch")
    master.languages.textEdited.emit(master.languages.text())
    qtbot.mouseClick(master.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert "„Klingonisch“ ist keine bekannte Sprache." in master.errors.labels["languages"].text()
    assert services.clients.get(client.id).languages == "uk"
    window.client_file.discard_changes()  # the user gives up the wrong input
