"""Management reports: read-only queries over invoices, orders and stock."""
