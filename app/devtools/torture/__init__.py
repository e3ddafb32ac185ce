"""Torture and crash tests: many terminal processes on one database, then invariant checks.

* ``world`` prepares a database (schema, reference data, users, workshop, hot parts, a
  shared order, a few completed orders) and describes it for the terminal processes.
* ``terminal`` is one desk (reception, parts or cashier) doing real service calls, each one
  ``app.transactions.run_in_transaction`` call.
* ``invariants`` checks a database: no overpay, no duplicate payment, gapless series, the
  stock ledger, the hash chain, whole documents, no lost update.
* ``run`` starts the terminals as separate processes (``torture`` command); ``crash`` kills
  them with SIGKILL or terminates their PostgreSQL backends (``crash-test`` command).
"""
