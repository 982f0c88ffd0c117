"""Writing the files a command produces, without harming any file it did not create.

Every output is written to a temporary file beside its destination and renamed into place
when complete, so an interrupted export never leaves half a file and never destroys the old
one. A destination that exists is replaced only with ``--force``; the ledger the command
reads, and anything that is not a regular file, is never replaced. All checks run before
any work, so a bad path is one line and exit 2, not an error after a long ingest.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimledger.errors import UsageError
from claimledger.settings import is_address

REPORT_MARKER = ".claimledger-report"  # in every report folder claimledger writes


def _read_umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it: done once, at import
    os.umask(mask)
    return mask


_NEW_FILE_MODE = 0o666 & ~_read_umask()  # the mode ``open`` gives a new file


def _new_file_mode() -> int:
    return _NEW_FILE_MODE


def _ledger_files(ledgers: Iterable[str | Path]) -> list[Path]:
    """A ledger and the files SQLite keeps beside it (none for one on a server)."""
    out = []
    for db in ledgers:
        if is_address(db):
            continue
        for suffix in ("", "-wal", "-shm", "-journal"):
            out.append(Path(str(db) + suffix).resolve())
    return out


def _refuse_protected(path: Path, ledgers: Iterable[str | Path]) -> None:
    resolved = path.resolve()
    for protected in _ledger_files(ledgers):
        same = resolved == protected
        if not same and path.exists() and protected.exists():
            same = os.path.samefile(path, protected)
        if same:
            raise UsageError(
                f"{path} is the ledger this command reads (or one of its files); writing the "
                "output there would destroy it. Choose another output path"
            )


def _folder_of(path: Path, what: str) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(
            f"cannot write {what} {path}: the folder {folder} does not exist; create it first "
            "or choose another path"
        )
    return folder


class AtomicFile:
    """A file written under a temporary name in the destination's folder and renamed into
    place by :meth:`commit`. Opening it checks everything that could fail later."""

    def __init__(
        self, path: Path, *, force: bool = False, ledgers: Iterable[str | Path] = ()
    ) -> None:
        self.path = path
        _refuse_protected(path, ledgers)
        folder = _folder_of(path, "output")
        if path.exists() or path.is_symlink():
            mode = path.lstat().st_mode
            if not stat.S_ISREG(mode):
                raise UsageError(
                    f"{path} exists and is not a regular file; write the output to a new file "
                    "(leave out -o to write to standard output)"
                )
            if not force:
                raise UsageError(
                    f"{path} already exists; pass --force to replace it, or choose another path"
                )
        self.force = force
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
        except OSError as exc:
            raise UsageError(
                f"cannot write in {folder} ({exc.strerror or exc}); choose a writable folder"
            ) from None
        os.close(fd)
        self.tmp = Path(tmp)

    def commit(self) -> None:
        # mkstemp makes 0600 files: give the output the mode of the file it replaces, or
        # the mode any new file gets
        mode = stat.S_IMODE(self.path.stat().st_mode) if self.path.is_file() else _new_file_mode()
        with contextlib.suppress(OSError):  # the mode is a courtesy, not worth failing on
            os.chmod(self.tmp, mode)
        if self.force:
            os.replace(self.tmp, self.path)
            return
        try:  # no-clobber: fails if the destination appeared meanwhile
            os.link(self.tmp, self.path)
        except FileExistsError:
            self.discard()
            raise UsageError(
                f"{self.path} appeared while the output was written; it was left as it is. "
                "Pass --force to replace it"
            ) from None
        except OSError:  # a file system without hard links
            os.replace(self.tmp, self.path)
            return
        self.tmp.unlink()

    def discard(self) -> None:
        self.tmp.unlink(missing_ok=True)


def prepare_report_dir(
    folder: Path, *, force: bool = False, ledgers: Iterable[str | Path] = ()
) -> None:
    """Make ``folder`` ready for HTML reports, or say why it cannot be used.

    A folder claimledger wrote reports to before carries a marker file, and its reports are
    replaced; any other folder that is not empty is used only with ``--force``.
    """
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"the report folder {folder} is a file; choose a folder path")
    ours = True  # new, empty, or written by claimledger before
    if folder.is_dir():
        try:
            entries = [e.name for e in os.scandir(folder)]
        except OSError as exc:
            raise UsageError(
                f"cannot read the report folder {folder} ({exc.strerror or exc}); choose "
                "another folder"
            ) from None
        marker = folder / REPORT_MARKER
        ours = not entries or (REPORT_MARKER in entries and _is_plain_file(marker))
        if not ours and not force:
            raise UsageError(
                f"the report folder {folder} holds files claimledger did not write; choose a "
                "new or empty folder, or pass --force to write the reports among them"
            )
    for protected in _ledger_files(ledgers):
        if protected.parent == folder.resolve() and (
            protected.name == "index.html" or protected.name.startswith("doc-")
        ):
            raise UsageError(
                f"the ledger {protected} would be overwritten by a report; choose another folder"
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".probe.", suffix=".part")
        os.close(fd)
        os.unlink(probe)
        if ours:
            write_text_atomic(
                folder / REPORT_MARKER,
                "Reports written by claimledger; it replaces its own files here.\n",
            )
    except OSError as exc:
        raise UsageError(
            f"cannot write reports in {folder} ({exc.strerror or exc}); choose a writable folder"
        ) from None


def _is_plain_file(path: Path) -> bool:
    """A regular file, not a link to one (a link could make claimledger write elsewhere)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one rename (the folder is already checked); a link
    at ``path`` is replaced, never followed."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        with contextlib.suppress(OSError):
            os.chmod(tmp, _new_file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
