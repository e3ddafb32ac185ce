"""Logging to a rotating file in the user's log directory, and the last-resort error dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

LOG_FILE_NAME = "bayline.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("ui")


def log_directory() -> Path:
    """The platform's per-user log directory for Bayline."""
    return Path(user_log_dir("Bayline", "Bayline"))


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Send log records to ``bayline.log`` (rotated, 5 × 1 MB); returns the file's path.

    Safe to call more than once: the handler is added only once per file.
    """
    folder = directory or log_directory()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def log_exception(exc: BaseException, context: str = "") -> None:
    """Write ``exc`` with its traceback to the log."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error%s\n%s", f" in {context}" if context else "", text)


def install_excepthook() -> None:
    """Log uncaught exceptions and tell the user briefly instead of dying silently."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        log_exception(exc, "event loop")
        from ui.dialogs import show_unexpected_error

        show_unexpected_error(None, exc)

    sys.excepthook = hook
