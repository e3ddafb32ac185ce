"""A finding of the verifier: what kind, which document or row, and the message (translatable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import Label, translate


@dataclass(frozen=True)
class Finding:
    """One thing the verifier found wrong.

    ``kind`` is a stable code (tests and scripts match on it), ``ref`` names the document or
    row (``INV000003``, ``payment #12``), ``msgid``/``params`` give the message (a ``Label``
    parameter is translated too).
    """

    kind: str
    ref: str
    msgid: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``."""
        return translate(self.msgid, lang, **{
            k: translate(v, lang) if isinstance(v, Label) else v for k, v in self.params.items()})


class Findings(list[Finding]):
    """The findings of one check run, in the order they were found."""

    def add(self, kind: str, ref: object, msgid: str, **params: Any) -> None:
        """Record a finding about ``ref``; ``ref`` is also passed to the message as
        ``{document}``."""
        self.append(Finding(kind, str(ref), msgid, {"document": str(ref), **params}))

    def kinds(self) -> set[str]:
        """The kinds found (for tests and summaries)."""
        return {f.kind for f in self}
