"""The error every backup and restore failure is reported with."""

from __future__ import annotations

from typing import Any

from app.errors import DomainError

USAGE, DATABASE, DISK = "usage", "database", "disk"


class BackupError(DomainError):
    """A backup or restore that cannot be done; ``kind`` says what is wrong (``usage``: the
    request, ``database``: the source or target, ``disk``: a file or program)."""

    def __init__(self, kind: str, msgid: str, /, **params: Any) -> None:
        self.kind = kind
        super().__init__(msgid, **params)
