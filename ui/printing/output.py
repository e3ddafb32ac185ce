"""Getting a finished PDF out of the program: a temporary file, the system viewer, the OS
print spooler (``lp`` on Linux/macOS, the shell's print verb on Windows). No Qt widgets."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

KEEP_SECONDS = 24 * 3600  # temporary PDFs older than this are removed on the next write


def temp_folder() -> Path:
    """Where PDFs opened in the viewer are written."""
    folder = Path(tempfile.gettempdir()) / "Bayline"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _clean_old(folder: Path) -> None:
    limit = time.time() - KEEP_SECONDS
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            continue  # still open in a viewer (Windows) or already gone


def safe_name(title: str) -> str:
    """A file name from a document title: letters, digits and CJK kept, the rest '_'."""
    name = re.sub(r"[^\w\-]+", "_", title, flags=re.UNICODE).strip("_")
    return name[:80] or "document"


def write_temp_pdf(pdf: bytes, *, kind: str, title: str) -> Path:
    """Write ``pdf`` to a new file in the temporary folder; returns its path."""
    folder = temp_folder()
    _clean_old(folder)
    fd, name = tempfile.mkstemp(prefix=f"{safe_name(title)}-{kind}-", suffix=".pdf",
                                dir=folder)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pdf)
    return Path(name)


def open_in_viewer(path: Path) -> bool:
    """Open ``path`` in the system's PDF viewer; False when the desktop refused."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class PrintError(Exception):
    """The PDF could not be handed to the print system (message for the user inside)."""


def spooler_available() -> bool:
    """True when this computer has a way to print a PDF file without a viewer."""
    return sys.platform == "win32" or shutil.which("lp") is not None


def send_to_printer(path: Path, printer: str, *, copies: int = 1, title: str = "") -> None:
    """Hand ``path`` to the OS print system for ``printer`` (empty: the default printer).

    Raises ``PrintError`` when there is no print system or it refused the job.
    """
    if sys.platform == "win32":
        try:
            if printer:
                os.startfile(str(path), "printto", f'"{printer}"')  # type: ignore[attr-defined]
            else:
                os.startfile(str(path), "print")  # type: ignore[attr-defined]
        except OSError as exc:
            raise PrintError(str(exc)) from exc
        return
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError("lp")
    command = [lp, "-n", str(max(1, copies))]
    if printer:
        command += ["-d", printer]
    if title:
        command += ["-t", title]
    command.append(str(path))
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintError(str(exc)) from exc
    if done.returncode != 0:
        raise PrintError((done.stderr or done.stdout).strip() or f"lp exit {done.returncode}")
