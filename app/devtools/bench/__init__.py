"""``main.py bench``: timed scenarios against a (large) database, each beside a bare baseline."""
