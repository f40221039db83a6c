import shutil

from bot import settings
from bot.cli import main
from bot.knowledge.coverage import coverage
from bot.knowledge.review import review_markdown


def test_coverage_lists_uncited_medical_sentences_and_no_broken_citations():
    report = coverage()
    assert report.problems == []
    assert 0 < len(report.uncovered) < report.medical_sentences
    texts = [item.text for item in report.uncovered]
    assert "Scars on human skin result from a wound or injury, which can include certain types of acne." in texts
    # cited sentences are not listed, nor are their word-for-word repeats
    assert not any(text.startswith("Mild and moderate cases of acne") for text in texts)


def test_coverage_reports_citations_broken_by_an_edited_document(tmp_path):
    documents = shutil.copytree(settings.DOCUMENTS_DIR, tmp_path / "documents")
    path = documents / "health-library-acne-scars.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("visual assessment", "close look"), encoding="utf-8")
    report = coverage(documents, settings.KNOWLEDGE_DIR)
    assert [problem.split(" quotes ")[0] for problem in report.problems] == [
        "care.yml: entry 'diagnosis'",
        "care.yml: entry 'specialist'",
    ]
    assert "Broken citations or files: 2." in report.summary()


def test_coverage_command_writes_the_report_and_succeeds(tmp_path):
    output = tmp_path / "coverage.md"
    assert main(["coverage", "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8").startswith("# Knowledge coverage")


def test_review_file_lists_every_entry_with_sources_and_state(knowledge):
    text = review_markdown(knowledge)
    assert "34 entries, 0 reviewed." in text
    assert "## treatment — rolling (`treatment/rolling`)" in text
    assert "Review: **not reviewed**" in text
    assert (
        "- Health Library: Acne Scars: “A dermatologist is the right specialist to consult for evaluation and treatment of acne scars.”"
        in text
    )
    assert "Sources differ: One source quotes a board-certified facial plastic surgeon" in text
