"""Exports of lists and reports to files people open elsewhere (Excel)."""
