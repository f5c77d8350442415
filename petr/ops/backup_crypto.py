"""Optional encryption of the backups, when BACKUP_ENCRYPTION_KEY is set (32 random bytes in
URL-safe base64): AES-256-GCM from the `cryptography` library, in 1 MiB chunks so an archive
of any size is never held in memory. Each chunk's nonce is the file's random prefix, the chunk's
number and a mark on the last one: a chunk altered, moved, dropped or cut off is refused."""

import base64
import binascii
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

MAGIC = b"PETR-AESGCM-1\n"
PREFIX_BYTES = 7
CHUNK = 2**20
TAG = 16


class EncryptionError(Exception):
    """A French message for the command's user."""


def _cipher():
    try:
        key = base64.urlsafe_b64decode(settings.BACKUP_ENCRYPTION_KEY)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise EncryptionError(
            'BACKUP_ENCRYPTION_KEY doit faire 32 octets en base64 : python3 -c "import base64, '
            'os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"'
        )
    return AESGCM(key)


def _nonce(prefix, index, last):
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def encrypt(plain_path, out):
    """Writes `plain_path` encrypted to the open binary file `out`."""
    cipher, prefix = _cipher(), os.urandom(PREFIX_BYTES)
    out.write(MAGIC + prefix)
    with open(plain_path, "rb") as source:
        chunk, index = source.read(CHUNK), 0
        while True:
            following = source.read(CHUNK)
            out.write(cipher.encrypt(_nonce(prefix, index, not following), chunk, MAGIC))
            if not following:
                return
            chunk, index = following, index + 1


def is_encrypted(path):
    with open(path, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


@contextmanager
def plain_copy(path):
    """The archive itself, or, encrypted, a private temporary copy decrypted and checked."""
    if not is_encrypted(path):
        yield path
        return
    if not settings.BACKUP_ENCRYPTION_KEY:
        raise EncryptionError("Archive chiffrée : indiquez sa clé dans BACKUP_ENCRYPTION_KEY.")
    cipher = _cipher()
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "archive.tar.gz"  # the folder is private to this process (0700)
        with open(path, "rb") as source, open(plain, "wb") as out:
            prefix = source.read(len(MAGIC) + PREFIX_BYTES)[len(MAGIC) :]
            chunk, index = source.read(CHUNK + TAG), 0
            while True:
                following = source.read(CHUNK + TAG)
                try:
                    out.write(cipher.decrypt(_nonce(prefix, index, not following), chunk, MAGIC))
                except InvalidTag as exc:
                    raise EncryptionError(
                        "Archive chiffrée illisible : la clé n'est pas la bonne, ou l'archive a "
                        "été altérée ou tronquée."
                    ) from exc
                if not following:
                    break
                chunk, index = following, index + 1
        yield plain
