"""The developer commands (``bench``, ``torture``, ``crash-test``), one module each, written
like the product's commands in ``app.cli`` (``NAME``, ``HELP``, ``configure``, ``run``).

``app.cli.command_modules`` lists them next to the product's commands when ``app.devtools``
is importable (a source checkout) and leaves them out otherwise (an installed wheel), so
adding a developer command is adding a file here. Modules starting with ``_`` are helpers.
"""
