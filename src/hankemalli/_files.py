"""Writing files whole or not at all (atomic writes), shared by the CLI and the library."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["umask", "write_atomically"]


def write_atomically(path: Path, text: str | bytes | Iterable[str]) -> None:
    """Write ``text`` as UTF-8 (or bytes as they are) to ``path`` atomically: whole, or not at all.

    ``text`` may also be an iterable of text chunks (the lines of a JSON Lines file),
    written one at a time, so a large file never has to be in memory whole.
    The text is encoded first, then written to a new temporary file in the same
    folder, flushed to the disk (``fsync``) and renamed over ``path``
    (``os.replace``), which readers see as one step. On any failure, an encoding
    error, a full disk or an interrupt alike, the temporary file is removed and an
    existing ``path`` is left as it was, never truncated. The new file keeps the
    permissions of the one it replaces (or gets the usual ones for a new file).

    Raises :class:`OSError` if the file cannot be written and
    :class:`UnicodeEncodeError` if the text cannot be encoded (a lone surrogate).
    """
    chunks: Iterable[bytes]
    if isinstance(text, str):
        chunks = (text.encode("utf-8"),)
    elif isinstance(text, bytes):
        chunks = (text,)
    else:
        chunks = (chunk.encode("utf-8") for chunk in text)
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~umask()
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=folder)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            for chunk in chunks:
                file.write(chunk)
            file.flush()
            os.fsync(file.fileno())
        temporary.chmod(mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    sync_folder(folder)


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sync_folder(folder: Path) -> None:
    """Flush the folder's entry for a renamed file to the disk, where the system can."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # not on every system (Windows) or file system
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
