"""Starting and running the servers: the action server's and Rasa's entry
points and the command that runs them together, the endpoints and tracker store
they use, retention of conversations, owner-only files, and the REST client of
the staff console."""
