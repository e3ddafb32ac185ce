"""Parts: the catalogue (catalogue.py) and the stock ledger (stock.py, reservations.py,
ledger.py). The public services are re-exported from ``app.parts.stock``."""
