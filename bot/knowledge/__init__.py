"""The knowledge store and what builds or reads it: the store itself (`store/`),
ingestion of the documents and curated entries (`ingest/`), passage retrieval,
the coverage check and the clinician review file."""
