"""PySide6's check of every imported module, answered from the file's bytes
(ui/pyside_hook.py): the same answers as PySide's own, for every module loaded here."""

from __future__ import annotations

import sys

import pytest

from caseworker_desktop.ui import main_window
from caseworker_desktop.ui.pyside_hook import FEATURE_MODULE, lighten_feature_check


@pytest.fixture
def feature(monkeypatch):
    module = sys.modules[FEATURE_MODULE]
    monkeypatch.setattr(module, "_mod_uses_pyside", module._mod_uses_pyside)  # restored after
    return module


def test_the_lighter_check_gives_pyside_s_own_answer_for_every_loaded_module(feature):
    original = feature._mod_uses_pyside
    assert lighten_feature_check()
    lighter = feature._mod_uses_pyside
    assert lighter is not original and lighter.lightened
    modules = [m for m in list(sys.modules.values()) if m is not None]
    answers = {m.__name__: (lighter(m), original(m)) for m in modules}
    assert len(answers) > 300
    assert {name for name, (ours, theirs) in answers.items() if ours != theirs} == set()
    assert answers[main_window.__name__] == (True, True)  # the app's UI uses PySide6
    assert answers["sqlalchemy.sql.compiler"] == (False, False)
    assert answers["sys"] == (False, False)  # built in: PySide's own check answers


def test_installed_once(feature):
    assert lighten_feature_check()
    installed = feature._mod_uses_pyside
    assert lighten_feature_check()
    assert feature._mod_uses_pyside is installed


def test_a_pyside6_without_the_check_is_left_alone(monkeypatch):
    monkeypatch.delitem(sys.modules, FEATURE_MODULE)
    assert lighten_feature_check() is False


def test_the_bundle_keeps_pyside_s_check(feature, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    original = feature._mod_uses_pyside
    assert lighten_feature_check() is False
    assert feature._mod_uses_pyside is original
