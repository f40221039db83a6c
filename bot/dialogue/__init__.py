"""Deciding and composing what a patient reads: the topics, aspects, risk
contexts and conversation context of a question, the answer from the knowledge
store and how it reads, the fixed replies, personal advice declined, the rating
and booking that follow an answer, and the wording files they read."""
