"""Pickers for countries and languages by their German names (searchable: typing any part
of a name narrows the list); what is stored stays the ISO code."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from ...domain import codes


class CodeCombo(QComboBox):
    """One country or language: an editable combo whose completer finds "kurd" in
    "Kurdisch (Kurmandschi)". value() is the code ('' for none)."""

    def __init__(self, names: dict[str, str], empty: str = "–", parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.addItem("", "")  # none: an empty line, `empty` says what that means
        for code, name in names.items():
            self.addItem(name, code)
        completer = QCompleter(list(names.values()), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(empty)

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        for code in (text.upper(), text.lower()):  # a code typed as it is ("UKR", "uk")
            if index < 0 and text:
                index = self.findData(code)
        if index < 0:
            raise ValueError(text)
        return self.itemData(index) or ""

    def set_value(self, code: str) -> None:
        index = self.findData(code.strip()) if code else 0
        if index < 0:  # a code we do not know: keep it visible as it is
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(index)


def country_combo(parent: QWidget | None = None) -> CodeCombo:
    return CodeCombo(
        codes.countries(), QCoreApplication.translate("CodePicker", "Land eingeben …"), parent
    )


def language_combo(empty: str, parent: QWidget | None = None) -> CodeCombo:
    return CodeCombo(codes.languages(), empty, parent)


class LanguagesField(QLineEdit):
    """Several languages by name, comma-separated, the preferred first: 'Ukrainisch,
    Russisch'. Completes the name being typed. value() gives 'uk,ru'."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # The ~200 language names (pycountry's ISO 639 data: a tenth of a second) are read
        # when first needed, not while the window is built at the start.
        self._completer: QCompleter | None = None
        self.textEdited.connect(self._edited)
        self.setPlaceholderText(self.tr("z. B. Ukrainisch, Russisch (erste = bevorzugt)"))

    @property
    def completer_(self) -> QCompleter:
        if self._completer is None:
            names = QStringListModel(list(codes.languages().values()), self)
            completer = QCompleter(names, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setWidget(self)
            completer.activated.connect(self._complete)
            self._completer = completer
        return self._completer

    def _edited(self, text: str) -> None:
        token = text.split(",")[-1].strip()
        if token:
            self.completer_.setCompletionPrefix(token)
            self.completer_.complete()
        elif self._completer is not None:
            self._completer.popup().hide()

    def _complete(self, name: str) -> None:
        parts = [p.strip() for p in self.text().split(",")[:-1] if p.strip()]
        self.setText(", ".join([*parts, name]))

    def set_value(self, code_list: str) -> None:
        self.setText(codes.language_list(code_list))
        self.setCursorPosition(0)

    def value(self) -> str:
        """'uk,ru'; raises ValueError naming the first name that is no language."""
        found = []
        for part in (p.strip() for p in self.text().split(",")):
            if not part:
                continue
            code = _codes_by_name().get(part.casefold())
            if code is None and part.lower() in codes.languages():
                code = part.lower()  # a code typed as it is ("uk")
            if code is None:
                raise ValueError(part)
            found.append(code)
        return ",".join(found)


@functools.cache
def _codes_by_name() -> dict[str, str]:
    return {name.casefold(): code for code, name in codes.languages().items()}


def code_values(**fields: CodeCombo | LanguagesField) -> dict[str, str]:
    """The codes of the pickers; a name that is no country or language is a problem at
    its field (raised like a malformed date)."""
    from .fields import DateProblems

    values, problems = {}, {}
    for name, widget in fields.items():
        try:
            values[name] = widget.value()
        except ValueError as exc:
            problems[name] = (
                QCoreApplication.translate("CodePicker", "„%1“ ist keine bekannte Sprache.")
                if isinstance(widget, LanguagesField)
                else QCoreApplication.translate("CodePicker", "„%1“ ist kein bekanntes Land.")
            ).replace("%1", str(exc))
    if problems:
        raise DateProblems(problems)
    return values
