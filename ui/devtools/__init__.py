"""Developer-only Qt probes run as subprocesses by ``main.py bench`` (``app.devtools.bench``):
``bench_probe`` (cold start to the login window's first paint) and ``bench_typing``
(search-as-you-type on the reception screen). Left out of the wheel like ``app.devtools``.
"""
