"""The knowledge store: SQLAlchemy models, database access and queries."""
