"""The rasa-sdk action server: thin actions that ask `bot` for their replies."""
