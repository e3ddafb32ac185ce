"""Bayline's domain: services and rules in plain Python. Never imports Qt."""
