"""Sealing: what young people said anonymously, while it waits to be shown, is encrypted so that
neither staff nor anyone who reads the database (a dump, a backup, its files, its log) can read
it, and padded so that its size says nothing about what it holds (issue 15).

AES-256-GCM (the `cryptography` package, already installed for Daphne and passkeys, now pinned
in `pyproject.toml` because this module uses it directly) with a random 96-bit nonce and a key
derived with HKDF-SHA256 from `SECRET_KEY`, which lives in the environment, never in the
database. `SECRET_KEY_FALLBACKS` still open what was sealed before a key was rotated. The
`context` (for example "survey 12") is authenticated with the text, so a sealed value cannot be
moved to another survey, session or person.

GCM rather than Fernet: a Fernet token carries the time it was made in clear, and a time is
exactly what must not be left beside held answers.
"""

from __future__ import annotations

import functools
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

VERSION = b"\x01"
NONCE_BYTES = 12
# When something is bigger than the size it was meant to fit (a question added while answers
# wait, say), it is padded to a multiple of this instead: a coarse size, not an exact one.
OVERFLOW_STEP = 4096


class Unreadable(Exception):
    """Sealed with a key that is no longer in SECRET_KEY or SECRET_KEY_FALLBACKS, or altered."""


@functools.lru_cache(maxsize=8)
def _derive(secret: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=b"care-leaver-portal",
        info=b"surveys: held anonymous answers, v1",
    ).derive(secret.encode("utf-8", errors="surrogatepass"))


def _keys() -> list[bytes]:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [_derive(secret) for secret in secrets if secret]


def padded_size(length: int, size: int) -> int:
    """`size`, or for something longer than it, the next multiple of OVERFLOW_STEP."""
    if length <= size:
        return size
    return -(-length // OVERFLOW_STEP) * OVERFLOW_STEP


def seal(payload: object, *, context: str, size: int) -> bytes:
    """`payload` (anything JSON can hold) as JSON, padded with spaces to `size` bytes, encrypted.

    Callers choose `size` from what the payload could hold at most, never from what it does
    hold, so two sealed values of the same kind are the same length."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    plain = text.encode("utf-8", errors="surrogatepass")
    plain += b" " * (padded_size(len(plain), size) - len(plain))
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(_keys()[0]).encrypt(nonce, plain, context.encode("utf-8"))
    return VERSION + nonce + sealed


def unseal(blob: bytes | memoryview, *, context: str) -> object:
    """What `seal` sealed with the same `context`. Raises `Unreadable` if no key opens it."""
    blob = bytes(blob)
    if not blob.startswith(VERSION) or len(blob) < 1 + NONCE_BYTES:
        raise Unreadable("not a sealed value")
    nonce, sealed = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    for key in _keys():
        try:
            plain = AESGCM(key).decrypt(nonce, sealed, context.encode("utf-8"))
        except InvalidTag:
            continue
        return json.loads(plain.decode("utf-8", errors="surrogatepass"))
    raise Unreadable(f"no key opens the sealed value for {context}")
