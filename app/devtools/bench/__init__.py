"""``main.py bench``: timed scenarios against a (large) database, each beside a bare baseline.

Adding a scenario ``foo`` (tests/app/devtools/bench/test_bench.py checks the four agree):

1. ``scenarios.py``: ``def foo(bench: Bench, plan: Plan) -> Result`` — ``plan.warmup`` untimed
   runs, then ``plan.n`` timed ones (``timing.time_each``), optional ``baseline`` and
   ``extra`` figures — and an entry ``"foo": foo`` in ``SCENARIOS`` (its order is the
   report's order);
2. ``names.py``: ``"foo"`` in ``SCENARIO_NAMES`` at the same place (``--help`` reads it
   without importing the scenarios);
3. ``runner.py``: ``PLANS["foo"] = (full Plan, --quick Plan)`` and ``TARGETS["foo"]``
   (``Target()`` when there is none).

A scenario measured in a separate Qt process (``search_typing``, ``cold_start``) starts
``python -m ui.devtools.<probe>`` with ``subprocess.run`` from the project root
(``PROJECT_ROOT`` on ``PYTHONPATH``, ``QT_QPA_PLATFORM=offscreen``), passes the database URL
and plan on the command line, and reads the one JSON (or ``key=value``) line the probe prints
on stdout; the probe lives in ui/devtools/ and builds the real screen offscreen.
"""
