"""Printing from the desktop client: ``print_or_open(parent, pdf, kind=..., title=...)``.

The PDF comes from ``app.printing.render_document``; this package only shows the choice,
remembers each document kind's printer on this terminal and hands the file on.
"""

from ui.printing.dialogs import PrintChoiceDialog, print_or_open
from ui.printing.printers import remember_printer, remembered_printer

__all__ = ["PrintChoiceDialog", "print_or_open", "remember_printer", "remembered_printer"]
