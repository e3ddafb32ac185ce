"""Repair orders: check-in, lines, estimate totals, the state machine, dispatch and QC."""
