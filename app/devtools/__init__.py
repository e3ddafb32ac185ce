"""Developer tools: benchmarks, bulk benchmark data, torture and crash tests.

Not part of the product: the wheel leaves ``app.devtools`` (and ``ui.devtools``) out
(``[tool.setuptools.packages.find] exclude`` in pyproject.toml), so a shop PC never has them.
They run from a source checkout only:

* ``bench/`` — ``main.py bench``: timed scenarios beside bare baselines;
* ``bulkdata/`` — ``main.py demo-data --size store|large``: the benchmark data sets in bulk;
* ``torture/`` — ``main.py torture`` and ``main.py crash-test``; both refuse a database they
  did not create themselves (``marker``);
* ``cli/`` — those commands. ``app.cli.command_modules`` adds them when this package imports.
"""
