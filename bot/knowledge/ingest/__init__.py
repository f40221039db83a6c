"""Ingestion: source documents and curated knowledge entries into the store."""


class IngestError(Exception):
    """Input that cannot be ingested; the message names every file or entry at fault."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(f"- {problem}" for problem in problems))
