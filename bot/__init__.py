"""The acne-scar assistant's own code: knowledge store, ingestion, answers, command line."""
