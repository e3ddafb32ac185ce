"""The repair order editor (``ui.orders.editor.OrderEditor``) and its dialogs."""
