"""``demo-data --size store|large|bulk-tiny``: bulk-write a benchmark data set.

Called by the product's ``demo-data`` command (app/cli/demo_data.py, whose ``BULK_SIZES``
names these sizes) when the developer tools are present."""

from __future__ import annotations

import sys
from datetime import date

from app.cli import require_current_schema
from db.engine import Database
from db.migrate import SchemaState, schema_status, upgrade


def prepare_bulk(database: Database, *, seed: int, size: str, today: date | None) -> int:
    """Upgrade an empty database and bulk-write a benchmark data set; returns an exit code."""
    from app.devtools.bulkdata.generate import database_size, generate_bulk_data

    if schema_status(database).state is SchemaState.AHEAD:
        return require_current_schema(database) or 2
    upgrade(database)
    shown = [""]

    def progress(stage: str, done: int, total: int, rows_per_second: float) -> None:
        if stage != shown[0]:
            if shown[0]:
                print(file=sys.stderr)
            shown[0] = stage
        print(f"\r  {stage}: {done:,}/{total:,}  {rows_per_second:,.0f} rows/s   ", end="",
              file=sys.stderr, flush=True)

    print(f"Writing the {size} benchmark data (seed {seed}) into {database.describe()} …",
          file=sys.stderr)
    summary = generate_bulk_data(database, size=size, seed=seed, today=today,
                                 progress=progress)
    print(f"\n  done: {summary}; {database_size(database) / 2**20:,.0f} MiB on disk",
          file=sys.stderr)
    return 0
