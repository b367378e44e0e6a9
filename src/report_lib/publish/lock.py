"""One build at a time, and outputs that are either the old ones or the new ones, never half.

:func:`build_lock` takes an OS lock (``fcntl.flock``) on ``_build/.build.lock``. The kernel
releases it when the process ends, however it ends, so a killed build never leaves a stale
lock; a second build started meanwhile stops at once with :class:`BuildRunning`.
:func:`replace_tree` puts a finished tree in place in one step (Linux ``renameat2`` with
``RENAME_EXCHANGE``), and :func:`recover` repairs what a build killed by an older
two-step swap left behind. :func:`write_atomically` writes a file through a temporary
sibling and ``os.replace``; :func:`write_if_changed` does so only when the bytes differ, so an
unchanged generated file keeps its mtime (Sphinx then does not read it again).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK_NAME = ".build.lock"
RUNNING = "another build is running"
"""The one line a build prints when it finds the lock taken."""
RENAME_EXCHANGE = 2
AT_FDCWD = -100


class BuildRunning(RuntimeError):
    """Another process holds the build lock of this book."""


def lock_path(root: Path) -> Path:
    """Return the lock file of the book at ``root``."""
    return root / "_build" / LOCK_NAME


@contextmanager
def build_lock(root: Path) -> Iterator[Path]:
    """Hold the build lock of ``root`` for the ``with`` block; recover a killed build's leftovers first.

    Raises
    ------
    BuildRunning
        When another live process holds the lock (message :data:`RUNNING`).
    """
    path = lock_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BuildRunning(RUNNING) from None
            raise
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        recover(root)
        yield path
    finally:
        os.close(descriptor)  # closing releases the lock (the kernel does the same for a killed process)


def recover(root: Path) -> None:
    """Repair a killed build's leftovers under ``root/_build``: a tree left aside is put back, staging removed.

    A published tree ``X`` missing beside its ``X.old`` (a kill between the two renames of a
    two-step swap) is restored from ``X.old``; otherwise ``X.old`` is deleted. Staging folders
    (names starting with ``.staging`` or ``.pdf-staging``) and temporary files of
    :func:`write_atomically` are deleted. Call only while holding the lock.
    """
    build = root / "_build"
    if not build.is_dir():
        return
    for old in build.glob("*.old"):
        published = old.with_name(old.name.removesuffix(".old"))
        if old.is_dir() and not published.exists():
            old.rename(published)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for leftover in (*build.glob(".staging*"), *build.glob(".pdf-staging*")):
        shutil.rmtree(leftover, ignore_errors=True)
    for partial in build.rglob(".*.partial"):
        partial.unlink(missing_ok=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); return False where unsupported."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def replace_tree(new: Path, target: Path) -> None:
    """Replace the tree ``target`` by ``new``; at every moment ``target`` is the whole old or the whole new tree.

    Where the exchange is unsupported the old tree is renamed to ``target.old`` first; a kill
    between the two renames is repaired by :func:`recover`.
    """
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new)  # now the old tree
        return
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def write_atomically(target: Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``target`` so that a reader (or a kill) sees the old file or the new one, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode(encoding) if isinstance(data, str) else data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(target: Path, data: str | bytes, encoding: str = "utf-8") -> bool:
    """Write ``data`` to ``target`` atomically unless it already holds exactly these bytes; return True if written."""
    encoded = data.encode(encoding) if isinstance(data, str) else data
    if target.is_file() and target.read_bytes() == encoded:
        return False
    write_atomically(target, encoded)
    return True
