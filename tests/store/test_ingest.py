"""Ingest on real SQLite and PostgreSQL stores: idempotence, citations, bad input."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from bot import settings
from bot.knowledge.ingest import IngestError
from bot.knowledge.ingest import sync as sync_module
from bot.knowledge.ingest.documents import read_documents
from bot.knowledge.ingest.knowledge import read_entries
from bot.knowledge.ingest.sync import ingest
from bot.knowledge.store.models import Citation, Document, Entry, Passage


@pytest.fixture
def data_dirs(tmp_path):
    documents = shutil.copytree(settings.DOCUMENTS_DIR, tmp_path / "documents")
    knowledge = shutil.copytree(settings.KNOWLEDGE_DIR, tmp_path / "knowledge")
    return documents, knowledge


def snapshot(session):
    """Everything stored, as plain values, to compare two states of the store.

    It ends its read transaction, as ingest begins its own."""
    state = {
        model.__tablename__: sorted(
            tuple(getattr(row, column.name) for column in model.__table__.columns) for row in session.scalars(select(model))
        )
        for model in (Document, Passage, Entry, Citation)
    }
    session.rollback()
    return state


def count(session, model):
    value = session.scalar(select(func.count()).select_from(model))
    session.rollback()
    return value


def test_ingest_fills_the_store_from_data(session):
    report = ingest(session)
    # Whatever documents and entries data/ holds today: each one is stored.
    documents, _ = read_documents(settings.DOCUMENTS_DIR)
    entries, _ = read_entries(settings.KNOWLEDGE_DIR, documents)
    assert documents and entries
    assert sorted(report.documents.added) == sorted(document.slug for document in documents)
    assert set(session.scalars(select(Document.slug))) == {document.slug for document in documents}
    assert sorted(report.entries.added) == sorted(entry.key for entry in entries)
    assert count(session, Entry) == len(entries)
    # every document is cut into passages
    assert set(session.scalars(select(Passage.document_id))) == set(session.scalars(select(Document.id)))
    # every entry rests on at least one citation whose offsets point at its quote
    for entry in session.scalars(select(Entry)):
        assert entry.citations, entry.key
        for citation in entry.citations:
            assert citation.document.body[citation.start_char : citation.end_char] == citation.quote


def test_ingest_twice_changes_nothing(session):
    ingest(session)
    before = snapshot(session)
    report = ingest(session)
    assert not report.documents.changed and not report.entries.changed
    assert report.entries.unchanged == len(before["entries"])
    assert snapshot(session) == before


def test_passages_are_sentences_tagged_with_their_entities(session):
    ingest(session)
    passages = session.scalars(select(Passage).join(Document).where(Document.slug == "health-library-acne-scars")).all()
    atrophic = next(p for p in passages if "Atrophic scars are sunken" in p.text)
    assert "scar_type:atrophic" in atrophic.tags.split("|")
    listing = next(p for p in passages if "These include ice pick" in p.text)
    assert {"scar_type:ice pick", "scar_type:boxcar", "scar_type:rolling"} <= set(listing.tags.split("|"))
    devices = next(p for p in passages if "Harmony XL Pro" in p.text)
    assert "treatment:laser" in devices.tags.split("|")
    for passage in passages:
        assert passage.document.body[passage.start_char : passage.end_char] == passage.text


def test_passages_read_as_sentences_without_the_pages_navigation_and_headings(session):
    """The page runs its menu and section headings into its sentences ("... Acne
    Scars Overview Acne scars are ...", "after acne:Atrophic scars"); the document's
    header lists the headings, and passages leave them out."""
    ingest(session)
    texts = [p.text for p in session.scalars(select(Passage).join(Document).where(Document.slug == "health-library-acne-scars"))]
    assert texts[0].startswith("Acne scars are to permanent textural changes")
    assert "Diagnosis is usually made through a visual assessment of the skin by a dermatologist." in texts
    assert "Laser treatments (Clear + Brilliant, Harmony XL Pro)" in texts
    assert any(text.startswith("Atrophic scars are sunken") for text in texts)
    assert not [text for text in texts if "Home A-Z" in text or "When to see a Doctor?" in text or text.startswith("Types ")]


def test_a_quote_missing_from_its_document_stops_ingest_and_names_the_entry(session, data_dirs):
    documents, knowledge = data_dirs
    ingest(session, documents, knowledge)
    before = snapshot(session)
    path = knowledge / "care.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "quote: A dermatologist is the right specialist",
            "quote: A plastic surgeon is the right specialist",
        ),
        encoding="utf-8",
    )
    with pytest.raises(IngestError) as raised:
        ingest(session, documents, knowledge)
    assert raised.value.problems == [
        "care.yml: entry 'specialist' quotes a passage that is not in 'health-library-acne-scars': "
        '"A plastic surgeon is the right specialist to consult for evaluation and treatment of acne scars."'
    ]
    assert snapshot(session) == before


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty.txt: the file is empty"),
        ("latin1.txt", "---\ntitle: x\nsource: y\n---\nCaf\xe9 acne".encode("latin-1"), "latin1.txt: not UTF-8 text"),
        ("no-header.txt", b"Acne scars are permanent.", "no-header.txt: missing the provenance header"),
        ("no-title.txt", b"---\nsource: y\n---\nText", "no-title.txt: the provenance header lacks title"),
        ("notes.pdf", b"%PDF-1.4", "notes.pdf: unsupported file type"),
    ],
)
def test_bad_documents_get_a_clear_message_and_lose_nothing(session, data_dirs, name, content, message):
    documents, knowledge = data_dirs
    ingest(session, documents, knowledge)
    before = snapshot(session)
    (documents / name).write_bytes(content)
    with pytest.raises(IngestError) as raised:
        ingest(session, documents, knowledge)
    assert len(raised.value.problems) == 1
    assert raised.value.problems[0].startswith(message)
    assert snapshot(session) == before


def test_a_document_copied_under_another_name_is_refused(session, data_dirs):
    documents, knowledge = data_dirs
    shutil.copy(documents / "alluraderm-acne-scars.txt", documents / "zz-copy.txt")
    with pytest.raises(IngestError) as raised:
        ingest(session, documents, knowledge)
    assert raised.value.problems == ["zz-copy.txt: same text as alluraderm-acne-scars.txt; remove one of them"]


def test_a_changed_document_replaces_its_passages_and_refreshes_citations(session, data_dirs):
    documents, knowledge = data_dirs
    ingest(session, documents, knowledge)
    first_passages = count(session, Passage)
    path = documents / "alluraderm-acne-scars.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nMicroneedling is offered too.\n", encoding="utf-8")
    report = ingest(session, documents, knowledge)
    assert report.documents.updated == ["alluraderm-acne-scars"]
    # entries citing the changed document are refreshed; the others are untouched
    assert report.entries.updated and report.entries.unchanged
    document = session.scalars(select(Document).where(Document.slug == "alluraderm-acne-scars")).one()
    assert document.passages[-1].text == "Microneedling is offered too."
    assert count(session, Passage) == first_passages + 1


def test_a_removed_document_takes_its_passages_with_it(session, data_dirs):
    documents, knowledge = data_dirs
    ingest(session, documents, knowledge)
    before = count(session, Document)
    (documents / "extra.md").write_text("---\ntitle: Extra\nsource: test\n---\nRolling scars are uneven.\n", encoding="utf-8")
    ingest(session, documents, knowledge)
    assert count(session, Document) == before + 1
    (documents / "extra.md").unlink()
    report = ingest(session, documents, knowledge)
    assert report.documents.removed == ["extra"]
    assert count(session, Document) == before
    assert not session.scalars(select(Passage).where(Passage.text == "Rolling scars are uneven.")).all()


def test_entries_must_name_known_topics_and_vocabulary(session, data_dirs):
    documents, knowledge = data_dirs
    (knowledge / "zz-bad.yml").write_text(
        "entries:\n"
        "  - key: bad\n"
        "    topic: pricing\n"
        "    scar_type: keloid\n"
        "    answer: Something.\n"
        "    citations:\n"
        "      - document: nowhere\n"
        "        quote: anything\n",
        encoding="utf-8",
    )
    with pytest.raises(IngestError) as raised:
        ingest(session, documents, knowledge)
    problems = "\n".join(raised.value.problems)
    assert "entry 'bad' has an unknown topic 'pricing'" in problems
    assert "entry 'bad' has scar_type 'keloid', which the vocabulary does not list" in problems
    assert "entry 'bad' cites 'nowhere', which is not in data/documents/" in problems


def test_an_ingest_that_fails_half_way_leaves_the_previous_store(session, data_dirs, monkeypatch):
    documents, knowledge = data_dirs
    ingest(session, documents, knowledge)
    before = snapshot(session)
    for path in documents.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\nA new closing sentence.\n", encoding="utf-8")
    calls = []

    def split_then_fail(body, headings=()):
        calls.append(body)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_split(body, headings)

    real_split = sync_module.split_passages
    monkeypatch.setattr(sync_module, "split_passages", split_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest(session, documents, knowledge)
    assert len(calls) == 2
    assert snapshot(session) == before


def test_an_html_document_is_stored_as_its_text(session, data_dirs):
    documents, knowledge = data_dirs
    (documents / "leaflet.html").write_text(
        "---\ntitle: Leaflet\nsource: test\n---\n"
        "<html><head><style>p {color: red}</style></head><body><h1>Subcision</h1>"
        "<p>Subcision <b>releases</b> the bands under rolling scars &amp; lifts them.</p>"
        "<script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    ingest(session, documents, knowledge)
    document = session.scalars(select(Document).where(Document.slug == "leaflet")).one()
    assert document.body == "Subcision\n\nSubcision releases the bands under rolling scars & lifts them.\n"
    assert [p.text for p in document.passages] == ["Subcision", "Subcision releases the bands under rolling scars & lifts them."]
    assert "scar_type:rolling" in document.passages[1].tags.split("|")
