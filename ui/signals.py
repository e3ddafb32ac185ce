"""Application-wide Qt signals: what changed, so every open screen can refresh itself."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class UiSignals(QObject):
    """The one bus screens listen to; emitted by ``ui.operations`` after a commit."""

    # A business area whose data was changed and committed ("customers", "orders", "shop" ...).
    data_changed = Signal(str)


signals = UiSignals()
