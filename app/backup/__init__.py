"""Backups that restore: a verified copy of the database in a backup folder, with a manifest.

``take.take_backup`` copies a SQLite file with SQLite's online backup API (a consistent
snapshot while other terminals write) or dumps PostgreSQL with ``pg_dump --format=custom``;
each copy is checked after writing (``PRAGMA integrity_check`` / ``pg_restore --list``) and
recorded in ``manifest.json`` (time, size, sha256, source, row counts at the snapshot), then old
backups are rotated (``folder.Rotation``). ``restore.restore_backup`` restores into a NEW
database and checks it (``checks.verify_restored``); ``due.backup_if_due`` is the daily
automatic backup of a SQLite terminal.
"""
