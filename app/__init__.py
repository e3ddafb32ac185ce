"""Bayline's domain: services and rules in plain Python. Never imports Qt.

Importing ``app`` installs the text guard on every SQLAlchemy session (``app.store_guard``).
"""

from app import store_guard as _store_guard

_store_guard.install()
