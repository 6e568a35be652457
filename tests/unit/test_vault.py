"""Key file: passphrase wrap of the data key (Argon2id + AES-GCM) and the recovery wrap.

Each Argon2id derivation at 64 MiB takes a noticeable fraction of a second, so the wrapped
key file is built once per module and tests that need none avoid derivations entirely."""

import hashlib
import json
from dataclasses import replace

import pytest

from caseworker_desktop.storage import vault
from caseworker_desktop.storage.vault import (
    DEK_BYTES,
    KdfParams,
    KeyFile,
    KeyFileDamagedError,
    VaultError,
    WeakParametersError,
    WeakPassphraseError,
    WrongPassphraseError,
)

PASSPHRASE = "Sonnenblume-Neckar-2026"
OTHER_PASSPHRASE = "Apfelbaum im Winterhof 7"
USER = "i.mueller"
DEVICE = "laptop17"
DEK = bytes(range(DEK_BYTES))


@pytest.fixture(scope="module")
def key_file() -> KeyFile:
    return vault.wrap_dek(DEK, PASSPHRASE, user=USER, device_id=DEVICE)


@pytest.fixture(scope="module")
def recovery_keys():
    private_pem, public_pem = vault.generate_recovery_keypair()
    return (
        vault.load_recovery_private_key(private_pem),
        vault.load_recovery_public_key(public_pem),
    )


def weak_key_file(kdf: KdfParams, salt: bytes = b"s" * vault.SALT_BYTES) -> KeyFile:
    """A well-formed key file (valid checksum) that names the given KDF parameters."""
    built = KeyFile(
        user=USER,
        device_id=DEVICE,
        kdf=kdf,
        salt=vault._b64(salt),
        nonce=vault._b64(b"n" * vault.NONCE_BYTES),
        wrapped_dek=vault._b64(b"w" * (DEK_BYTES + 16)),
        created_at="2026-11-24T09:00:00+00:00",
    )
    return KeyFile.from_json(built.to_json())


def rechecksummed(body: dict) -> bytes:
    """Serialise a key-file body with a freshly computed (so: matching) checksum."""
    body = {k: v for k, v in body.items() if k != "checksum"}
    body["checksum"] = hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()
    return json.dumps(body).encode()


# --- passphrase wrap ---------------------------------------------------------------------


def test_wrap_unwrap_round_trip(key_file: KeyFile) -> None:
    dek = vault.unwrap_dek(key_file, PASSPHRASE)
    assert isinstance(dek, bytearray)
    assert bytes(dek) == DEK


def test_key_file_does_not_contain_the_dek_in_the_clear(key_file: KeyFile) -> None:
    text = key_file.to_json()
    assert DEK not in text
    assert vault._b64(DEK).encode() not in text
    assert key_file.user == USER and key_file.device_id == DEVICE
    assert key_file.kdf == vault.DEFAULT_KDF


def test_wrapping_twice_uses_fresh_salt_and_nonce(key_file: KeyFile) -> None:
    other = vault.wrap_dek(DEK, PASSPHRASE, user=USER, device_id=DEVICE)
    assert other.salt != key_file.salt
    assert other.nonce != key_file.nonce
    assert other.wrapped_dek != key_file.wrapped_dek


def test_wrong_passphrase(key_file: KeyFile) -> None:
    with pytest.raises(WrongPassphraseError) as exc_info:
        vault.unwrap_dek(key_file, OTHER_PASSPHRASE)
    assert str(exc_info.value) == "Die Passphrase ist falsch."


def test_associated_data_binds_user_and_device(key_file: KeyFile) -> None:
    # Copying a key file to another user/device (even with a valid checksum) must not work.
    moved = KeyFile.from_json(replace(key_file, user="someone.else").to_json())
    with pytest.raises(WrongPassphraseError):
        vault.unwrap_dek(moved, PASSPHRASE)


def test_associated_data_binds_kdf_parameters(key_file: KeyFile) -> None:
    tampered = replace(key_file, kdf=replace(key_file.kdf, iterations=key_file.kdf.iterations + 1))
    with pytest.raises(WrongPassphraseError):
        vault.unwrap_dek(KeyFile.from_json(tampered.to_json()), PASSPHRASE)


def test_rewrap_keeps_the_dek_and_retires_the_old_passphrase(key_file: KeyFile) -> None:
    new = vault.rewrap(key_file, PASSPHRASE, OTHER_PASSPHRASE)
    assert (new.user, new.device_id, new.created_at) == (USER, DEVICE, key_file.created_at)
    assert new.salt != key_file.salt
    assert bytes(vault.unwrap_dek(new, OTHER_PASSPHRASE)) == DEK
    with pytest.raises(WrongPassphraseError):
        vault.unwrap_dek(new, PASSPHRASE)


def test_rewrap_with_wrong_old_passphrase(key_file: KeyFile) -> None:
    with pytest.raises(WrongPassphraseError):
        vault.rewrap(key_file, OTHER_PASSPHRASE, "Noch eine neue Passphrase")


def test_rewrap_refuses_a_weak_new_passphrase(key_file: KeyFile) -> None:
    with pytest.raises(WeakPassphraseError):
        vault.rewrap(key_file, PASSPHRASE, "kurz")


@pytest.mark.parametrize(
    "passphrase",
    [
        "",
        "abc",
        "123456789",  # one character short of the minimum
        "aaaaaaaaaaaaaaaa",  # long, but too few different characters
        "abababababcabc",
        "Passwort12",  # long enough, and among the first guesses (issue 12)
        "1234567890",
        "qwertzuiop1",  # a row of keys
        "Sommer2026!",  # a season and the year
        "amueller2026",  # the user's own name
    ],
)
def test_weak_passphrase_is_refused(passphrase: str) -> None:
    with pytest.raises(WeakPassphraseError) as refused:
        vault.wrap_dek(DEK, passphrase, user="amueller", device_id=DEVICE)
    assert "zu leicht zu erraten" in str(refused.value)


@pytest.mark.parametrize(
    "passphrase",
    ["Kaffee-Tasse-Fahrrad-Wolke", "Drei Hasen tanzen im Mondschein", "Testpassphrase-mit-Länge"],
)
def test_strong_passphrases_are_accepted(passphrase: str) -> None:
    vault.check_passphrase_strength(passphrase, ("amueller",))


def test_the_feedback_is_german() -> None:
    from caseworker_desktop.storage.passphrase import strength

    rating = strength("1234567890")
    assert not rating.ok and rating.level == "sehr schwach"
    assert "häufigsten Passwörter" in rating.message and "password" not in rating.message


WEAK_KDFS = [
    pytest.param(KdfParams(memory_kib=65535), id="memory-below-64MiB"),
    pytest.param(KdfParams(memory_kib=19 * 1024), id="memory-19MiB"),
    pytest.param(KdfParams(iterations=2), id="iterations-2"),
    pytest.param(KdfParams(iterations=1, memory_kib=1024), id="both-weak"),
    pytest.param(KdfParams(lanes=0), id="no-lanes"),
]


@pytest.mark.parametrize("kdf", WEAK_KDFS)
def test_weak_kdf_parameters_refused_at_wrap_time(kdf: KdfParams) -> None:
    with pytest.raises(WeakParametersError) as exc_info:
        vault.wrap_dek(DEK, PASSPHRASE, user=USER, device_id=DEVICE, kdf=kdf)
    assert "Argon2id" in str(exc_info.value)


@pytest.mark.parametrize("kdf", WEAK_KDFS)
def test_weak_kdf_parameters_refused_at_unwrap_time(kdf: KdfParams) -> None:
    # A key file downgraded to cheap parameters (with a recomputed checksum) is refused
    # before any derivation, so the passphrase cannot be brute-forced through it.
    with pytest.raises(WeakParametersError):
        vault.unwrap_dek(weak_key_file(kdf), PASSPHRASE)


def test_short_salt_is_refused_at_unwrap_time() -> None:
    with pytest.raises(WeakParametersError):
        vault.unwrap_dek(weak_key_file(vault.DEFAULT_KDF, salt=b"x" * 8), PASSPHRASE)


def test_kdf_floor_accepts_the_defaults() -> None:
    vault.DEFAULT_KDF.check_floor()
    vault.KDF_FLOOR.check_floor()


# --- key file serialisation --------------------------------------------------------------


def test_json_round_trip(key_file: KeyFile) -> None:
    data = key_file.to_json()
    assert KeyFile.from_json(data) == key_file
    assert KeyFile.from_json(data).to_json() == data


def test_json_round_trip_then_unwrap(key_file: KeyFile) -> None:
    loaded = KeyFile.from_json(key_file.to_json())
    assert bytes(vault.unwrap_dek(loaded, PASSPHRASE)) == DEK


def test_save_and_load(key_file: KeyFile, tmp_path) -> None:
    path = tmp_path / "key.json"
    key_file.save(path)
    assert KeyFile.load(path) == key_file


def test_load_missing_file(tmp_path) -> None:
    with pytest.raises(VaultError, match="Keine Schlüsseldatei"):
        KeyFile.load(tmp_path / "missing.json")


def test_every_single_bit_flip_is_detected(key_file: KeyFile) -> None:
    data = key_file.to_json()
    undetected = []
    for position in range(len(data)):
        for bit in (0x01, 0x20):
            damaged = bytearray(data)
            damaged[position] ^= bit
            try:
                KeyFile.from_json(bytes(damaged))
            except KeyFileDamagedError:
                continue
            except Exception as exc:  # any other error type is a failure too
                undetected.append((position, bit, type(exc).__name__))
            else:
                undetected.append((position, bit, "accepted"))
    assert not undetected


def test_flipped_character_in_the_wrapped_key(key_file: KeyFile) -> None:
    body = json.loads(key_file.to_json())
    first = body["wrapped_dek"][0]
    body["wrapped_dek"] = ("B" if first == "A" else "A") + body["wrapped_dek"][1:]
    with pytest.raises(KeyFileDamagedError, match="beschädigt"):
        KeyFile.from_json(json.dumps(body).encode())


@pytest.mark.parametrize("keep", [0, 1, 10, 100, -2])
def test_truncated_file(key_file: KeyFile, keep: int) -> None:
    with pytest.raises(KeyFileDamagedError):
        KeyFile.from_json(key_file.to_json()[:keep])


@pytest.mark.parametrize(
    "data",
    [b"", b"not json at all", b"\xff\xfe\x00garbage", b"[]", b'"text"', b"42", b"null", b"{}"],
)
def test_non_json_or_wrong_shape(data: bytes) -> None:
    with pytest.raises(KeyFileDamagedError):
        KeyFile.from_json(data)


def test_wrong_checksum(key_file: KeyFile) -> None:
    body = json.loads(key_file.to_json())
    body["checksum"] = hashlib.sha256(b"something else").hexdigest()
    with pytest.raises(KeyFileDamagedError):
        KeyFile.from_json(json.dumps(body).encode())


def test_missing_checksum(key_file: KeyFile) -> None:
    body = json.loads(key_file.to_json())
    del body["checksum"]
    with pytest.raises(KeyFileDamagedError):
        KeyFile.from_json(json.dumps(body).encode())


def test_wrong_format_with_matching_checksum(key_file: KeyFile) -> None:
    body = json.loads(key_file.to_json())
    body["format"] = "something-else"
    with pytest.raises(KeyFileDamagedError):
        KeyFile.from_json(rechecksummed(body))


def test_unknown_version_asks_for_an_update(key_file: KeyFile) -> None:
    body = json.loads(key_file.to_json())
    body["version"] = 2
    with pytest.raises(KeyFileDamagedError, match="Version 2"):
        KeyFile.from_json(rechecksummed(body))


def test_unknown_field_with_matching_checksum(key_file: KeyFile) -> None:
    body = json.loads(key_file.to_json())
    body["surprise"] = 1
    with pytest.raises(KeyFileDamagedError):
        KeyFile.from_json(rechecksummed(body))


@pytest.mark.parametrize("field", ["recovery", "kdf"])
def test_missing_field_with_matching_checksum(key_file: KeyFile, field: str) -> None:
    body = json.loads(key_file.to_json())
    del body[field]
    with pytest.raises(KeyFileDamagedError):
        KeyFile.from_json(rechecksummed(body))


@pytest.mark.parametrize(
    "changes",
    [
        {"salt": 123},
        {"salt": None},
        {"kdf": {"memory_kib": "65536", "iterations": 3, "lanes": 4}},
    ],
    ids=["salt-int", "salt-null", "kdf-memory-string"],
)
def test_wrongly_typed_field_with_matching_checksum(key_file: KeyFile, changes: dict) -> None:
    body = json.loads(key_file.to_json())
    body.update(changes)
    with pytest.raises(KeyFileDamagedError):
        vault.unwrap_dek(KeyFile.from_json(rechecksummed(body)), PASSPHRASE)


# --- recovery wrap -----------------------------------------------------------------------


def test_recovery_round_trip(recovery_keys) -> None:
    private, public = recovery_keys
    wrap = vault.wrap_for_recovery(DEK, public, user=USER, device_id=DEVICE)
    assert wrap.alg == vault.RECOVERY_ALG
    assert wrap.key_id == vault.recovery_key_id(public)
    assert vault._b64(DEK) not in wrap.ciphertext
    dek = vault.unwrap_recovery(wrap, private, user=USER, device_id=DEVICE)
    assert bytes(dek) == DEK


def test_recovery_wraps_are_randomised(recovery_keys) -> None:
    _, public = recovery_keys
    one = vault.wrap_for_recovery(DEK, public, user=USER, device_id=DEVICE)
    two = vault.wrap_for_recovery(DEK, public, user=USER, device_id=DEVICE)
    assert one.ephemeral_public != two.ephemeral_public
    assert one.ciphertext != two.ciphertext


def test_recovery_with_a_different_key_pair(recovery_keys) -> None:
    _, public = recovery_keys
    wrap = vault.wrap_for_recovery(DEK, public, user=USER, device_id=DEVICE)
    other_private = vault.load_recovery_private_key(vault.generate_recovery_keypair()[0])
    with pytest.raises(VaultError) as exc_info:
        vault.unwrap_recovery(wrap, other_private, user=USER, device_id=DEVICE)
    assert type(exc_info.value) is VaultError
    assert wrap.key_id in str(exc_info.value)


@pytest.mark.parametrize(
    ("user", "device"), [("someone.else", DEVICE), (USER, "laptop18"), ("x", "y")]
)
def test_recovery_with_mismatching_user_or_device(recovery_keys, user, device) -> None:
    private, public = recovery_keys
    wrap = vault.wrap_for_recovery(DEK, public, user=USER, device_id=DEVICE)
    with pytest.raises(KeyFileDamagedError):
        vault.unwrap_recovery(wrap, private, user=user, device_id=device)


def test_recovery_with_tampered_ciphertext(recovery_keys) -> None:
    private, public = recovery_keys
    wrap = vault.wrap_for_recovery(DEK, public, user=USER, device_id=DEVICE)
    raw = bytearray(vault._unb64(wrap.ciphertext))
    raw[0] ^= 0x01
    with pytest.raises(KeyFileDamagedError):
        vault.unwrap_recovery(
            replace(wrap, ciphertext=vault._b64(bytes(raw))), private, user=USER, device_id=DEVICE
        )


def test_recovery_with_unknown_algorithm(recovery_keys) -> None:
    private, public = recovery_keys
    wrap = replace(vault.wrap_for_recovery(DEK, public, user=USER, device_id=DEVICE), alg="RSA")
    with pytest.raises(VaultError, match="RSA"):
        vault.unwrap_recovery(wrap, private, user=USER, device_id=DEVICE)


def test_recovery_wrap_survives_json_and_rewrap(key_file: KeyFile, recovery_keys) -> None:
    private, public = recovery_keys
    wrap = vault.wrap_for_recovery(DEK, public, user=USER, device_id=DEVICE)
    with_recovery = KeyFile.from_json(replace(key_file, recovery=wrap).to_json())
    assert with_recovery.recovery == wrap
    # The recovery wrap is not bound into the passphrase wrap's associated data.
    rewrapped = vault.rewrap(with_recovery, PASSPHRASE, OTHER_PASSPHRASE)
    assert rewrapped.recovery == wrap
    restored = vault.unwrap_recovery(rewrapped.recovery, private, user=USER, device_id=DEVICE)
    assert bytes(restored) == DEK


@pytest.mark.parametrize("pem", [b"", b"not a pem", b"-----BEGIN PUBLIC KEY-----\nAA==\n"])
def test_invalid_recovery_public_key(pem: bytes) -> None:
    with pytest.raises(VaultError):
        vault.load_recovery_public_key(pem)


def test_private_key_is_not_accepted_as_public_key() -> None:
    private_pem, public_pem = vault.generate_recovery_keypair()
    with pytest.raises(VaultError):
        vault.load_recovery_public_key(private_pem)
    with pytest.raises(VaultError):
        vault.load_recovery_private_key(public_pem)


def test_wipe_overwrites_the_buffer() -> None:
    buf = bytearray(DEK)
    vault.wipe(buf)
    assert buf == bytearray(DEK_BYTES)
