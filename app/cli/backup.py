"""``backup``: a verified copy of the database into the backup folder, with rotation."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.cli import exit_codes, open_database, require_current_schema

NAME = "backup"
HELP = ("copy the database into the backup folder (SQLite: online backup API; PostgreSQL: "
        "pg_dump custom format), check the copy, record it in manifest.json and delete old "
        "backups (keep the last N daily and M monthly)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="the backup folder (default: [backup] folder in the terminal "
                             "file, else `backups` in the user data directory)")
    parser.add_argument("--keep-daily", type=_count, metavar="N",
                        help="keep the newest backup of each of the last N days (default: "
                             "[backup] keep_daily, else 14)")
    parser.add_argument("--keep-monthly", type=_count, metavar="M",
                        help="keep the newest backup of each of the last M months (default: "
                             "[backup] keep_monthly, else 12)")


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def run(args: argparse.Namespace) -> int:
    from app.backup.folder import Rotation, configured_rotation, default_folder
    from app.backup.take import take_backup

    database = open_database(args, read_only=True)
    require_current_schema(database)  # a backup is of a Bayline database this program reads
    configured = configured_rotation()
    rotation = Rotation(
        daily=configured.daily if args.keep_daily is None else args.keep_daily,
        monthly=configured.monthly if args.keep_monthly is None else args.keep_monthly)
    taken = take_backup(database, args.out or default_folder(), rotation)
    print(json.dumps({"backup": str(taken.path), "size": taken.record.size,
                      "sha256": taken.record.sha256, "verified": taken.record.verified,
                      "rotated": taken.rotated}, ensure_ascii=False))
    return exit_codes.OK
