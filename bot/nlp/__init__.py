"""The project's own spaCy pipeline and the entity vocabulary it is built from."""
