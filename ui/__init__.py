"""The PySide6 desktop client: login, first-start set-up, the main window and its work areas.

Screens talk only to app/ services; every change goes through ``ui.operations.run_operation``.
"""
