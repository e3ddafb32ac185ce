"""The exit codes of every ``main.py`` command, in one place (README: "Command-line exit codes").

Scripts and the shop's scheduled tasks may rely on them; a command never exits with anything
else (argparse's own usage errors exit with ``USAGE`` too).
"""

from __future__ import annotations

OK = 0
"""Done, nothing to report."""
FINDINGS = 1
"""The command ran and found problems (a broken chain, a failed doctor check, an anomaly)."""
USAGE = 2
"""Bad arguments or input: an unparseable database address, an unknown driver, a refused
target (a database that is not empty, a missing backup file), invalid values."""
DATABASE = 3
"""The database cannot be used: unreachable, not a database, missing, not Bayline's, or its
schema is older/newer than this program."""
DISK = 4
"""A file could not be written or read: the disk is full, no permission, an I/O error."""
INTERRUPTED = 130
"""Stopped with Ctrl+C."""
INTERNAL = 70
"""An unexpected error (a bug): one line on the terminal, the traceback in the log file."""
