"""A document added while the bot runs answers questions after an ingest alone:
no `rasa train`, no restart."""

import shutil

from bot import settings
from bot.knowledge.ingest.sync import ingest
from bot.knowledge.store.db import new_session
from tests.support.running_bot import split_feedback

LEAFLET = """---
title: "Clinic leaflet: cryotherapy"
source: "Test leaflet written for this test"
---
Cryotherapy is a minor procedure in which raised scars are frozen so that they flatten.
"""


def test_a_document_ingested_while_running_answers_at_once(chat, bot_store_url, tmp_path):
    before = chat.ask("what is cryotherapy?")
    assert "Cryotherapy is a minor procedure" not in before

    documents = shutil.copytree(settings.DOCUMENTS_DIR, tmp_path / "documents")
    (documents / "cryotherapy.md").write_text(LEAFLET, encoding="utf-8")
    with new_session(bot_store_url) as session:
        ingest(session, documents, settings.KNOWLEDGE_DIR)

    messages, feedback = split_feedback(chat.send("what is cryotherapy?"))
    text = "\n\n".join(m["text"] for m in messages)
    assert "“Cryotherapy is a minor procedure in which raised scars are frozen so that they flatten.”" in text
    assert "Sources: Clinic leaflet: cryotherapy." in text
    assert messages[-1]["text"] == settings.DISCLAIMER and feedback is not None

    # the store is put back for the other tests of this session
    with new_session(bot_store_url) as session:
        ingest(session)
    assert "Cryotherapy is a minor procedure" not in chat.ask("what is cryotherapy?")
