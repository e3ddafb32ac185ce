"""First-start set-up: reference data (roles, series, tax rates) and the shop's first admin."""
