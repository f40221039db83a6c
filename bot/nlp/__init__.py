"""The project's own spaCy pipeline and the entity vocabulary it is built from,
and the Rasa NLU components that read a message with them."""
