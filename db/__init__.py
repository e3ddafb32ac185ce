"""Persistence layer: SQLAlchemy models, engine/session factory and Alembic migrations.

Never imports Qt. Services in ``app/`` receive a Session built here from their caller.
"""
