"""The staff report: what patients asked, how each message was handled, and what
the assistant could not answer, read from Rasa's tracker store (`make report`)."""
