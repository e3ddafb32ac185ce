"""``permissions``: the role × action matrix, read from the services' code, as Markdown."""

from __future__ import annotations

import argparse
import sys

NAME = "permissions"
HELP = ("print which role may run which write service (read from the code) and which are "
        "audited, as Markdown; exit 1 when a write service checks no permission")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reads", action="store_true",
                        help="also list the read services")
    parser.add_argument("--update-readme", action="store_true",
                        help="write the matrix into README.md between its permissions markers")


def run(args: argparse.Namespace) -> int:
    from app.security.matrix import APP_ROOT, markdown, matrix, problems, with_section

    services = matrix()
    found = problems(services)
    for problem in found:
        print(problem, file=sys.stderr)
    if args.update_readme:
        readme = APP_ROOT.parent / "README.md"
        try:
            text = readme.read_text(encoding="utf-8")
            readme.write_text(with_section(text, markdown(services)), encoding="utf-8")
        except (OSError, ValueError) as exc:
            print(f"Cannot update {readme}: {exc}", file=sys.stderr)
            return 2
        print(f"Updated {readme}.")
    else:
        sys.stdout.write(markdown(services, reads=args.reads))
    return 1 if found else 0
