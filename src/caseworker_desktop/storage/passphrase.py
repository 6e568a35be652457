"""How strong a passphrase is: zxcvbn's estimate (guesses an attacker needs, with lists of
common passwords, names, keyboard patterns, dates), its feedback in German. Used by the
first-run wizard, `passwd` and recovery; the key file's Argon2id makes each guess costly,
this keeps the number of guesses high."""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 10  # TOO_SHORT says so
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable" (~10^8 guesses and more)
# zxcvbn's lists are English: the words of this product and district, and the German words
# that common German passwords are made of, are the first an attacker tries here.
CONTEXT_WORDS = (
    "caseworker", "landratsamt", "integrationsmanagement", "fallakte", "hilfeplan",
    "ludwigsburg", "passwort", "passphrase", "kennwort", "geheim", "hallo", "schatz",
    "liebe", "sommer", "winter", "herbst", "fruehling", "frühling", "januar", "februar",
    "maerz", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "montag", "freitag", "sonntag", "sonne", "engel", "mama",
    "papa", "familie", "deutschland", "berlin", "hamburg", "muenchen", "stuttgart",
    "fussball", "fußball", "bayern", "schalke", "borussia", "dortmund", "qwertz",
    "asdfgh", "willkommen", "schule", "arbeit", "urlaub", "katze", "hund",
)  # fmt: skip

GERMAN = {
    "Use a few words, avoid common phrases.": "Mehrere Wörter verwenden, keine bekannten Sätze.",
    "No need for symbols, digits, or uppercase letters.": (
        "Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig."
    ),
    "Add another word or two. Uncommon words are better.": (
        "Noch ein oder zwei Wörter ergänzen, am besten ungewöhnliche."
    ),
    "Straight rows of keys are easy to guess.": "Tastenreihen sind leicht zu erraten.",
    "Short keyboard patterns are easy to guess.": "Kurze Tastaturmuster sind leicht zu erraten.",
    "Use a longer keyboard pattern with more turns.": "Kein Tastaturmuster verwenden.",
    'Repeats like "aaa" are easy to guess.': "Wiederholungen wie „aaa“ sind leicht zu erraten.",
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': (
        "Wiederholungen wie „abcabcabc“ sind kaum schwerer zu erraten als „abc“."
    ),
    "Avoid repeated words and characters.": "Keine Wörter oder Zeichen wiederholen.",
    'Sequences like "abc" or "6543" are easy to guess.': (
        "Folgen wie „abc“ oder „6543“ sind leicht zu erraten."
    ),
    "Avoid sequences.": "Keine Zeichenfolgen verwenden.",
    "Recent years are easy to guess.": "Jahreszahlen der letzten Jahre sind leicht zu erraten.",
    "Avoid recent years.": "Keine aktuellen Jahreszahlen verwenden.",
    "Avoid years that are associated with you.": "Keine Jahreszahlen aus dem eigenen Leben.",
    "Dates are often easy to guess.": "Daten sind oft leicht zu erraten.",
    "Avoid dates and years that are associated with you.": (
        "Keine Daten oder Jahreszahlen aus dem eigenen Leben."
    ),
    "This is a top-10 common password.": "Das ist eines der zehn häufigsten Passwörter.",
    "This is a top-100 common password.": "Das ist eines der hundert häufigsten Passwörter.",
    "This is a very common password.": "Das ist ein sehr häufiges Passwort.",
    "This is similar to a commonly used password.": "Das ähnelt einem häufigen Passwort.",
    "A word by itself is easy to guess.": "Ein einzelnes Wort ist leicht zu erraten.",
    "Names and surnames by themselves are easy to guess.": (
        "Vor- und Nachnamen allein sind leicht zu erraten."
    ),
    "Common names and surnames are easy to guess.": (
        "Häufige Vor- und Nachnamen sind leicht zu erraten."
    ),
    "Capitalization doesn't help very much.": "Großschreibung hilft kaum.",
    "All-uppercase is almost as easy to guess as all-lowercase.": (
        "Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben."
    ),
    "Reversed words aren't much harder to guess.": "Rückwärts geschriebene Wörter helfen kaum.",
    "Predictable substitutions like '@' instead of 'a' don't help very much.": (
        "Vorhersehbare Ersetzungen wie „@“ statt „a“ helfen kaum."
    ),
}
LEVELS = ("sehr schwach", "schwach", "mäßig", "stark", "sehr stark")
TOO_SHORT = "Mindestens 10 Zeichen."
EMPTY = "Bitte eine Passphrase eingeben."
FIXED_FEEDBACK = (TOO_SHORT, EMPTY)  # the window translates these too ("Label")


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    ok: bool
    level: str  # German
    feedback: list[str]  # German: what is wrong, what would help

    @property
    def message(self) -> str:
        return " ".join(self.feedback)


def strength(passphrase: str, user_inputs: tuple[str, ...] = ()) -> Strength:
    """zxcvbn's estimate, with the user's own names and the product's words as context."""
    if not passphrase:
        return Strength(0, False, LEVELS[0], [EMPTY])
    from zxcvbn import zxcvbn  # its word lists: when a passphrase is chosen, not at start

    result = zxcvbn(passphrase[:100], user_inputs=[*CONTEXT_WORDS, *user_inputs])
    score = int(result["score"])
    feedback = []
    if len(passphrase) < MIN_LENGTH:
        feedback.append(TOO_SHORT)
    if result["feedback"]["warning"]:
        feedback.append(_german(result["feedback"]["warning"]))
    feedback += [_german(s) for s in result["feedback"]["suggestions"]]
    ok = score >= MIN_SCORE and len(passphrase) >= MIN_LENGTH
    if not ok and not feedback:
        feedback.append(_german("Add another word or two. Uncommon words are better."))
    return Strength(score, ok, LEVELS[score], feedback)


def _german(text: str) -> str:
    return GERMAN.get(text, text)
