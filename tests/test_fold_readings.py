"""`python -m tools fold-readings` scores each stage of the pipeline on the same examples."""

from tools.fold_readings import summary


def record(label: str, diet: str, blend: str, final: str) -> dict:
    return {"label": label, "diet": [(diet, 0.9)], "blend": [(blend, 0.8)], "final": final, "text": "", "fold": 0}


def test_each_stage_is_scored_and_a_fallback_counts_as_a_miss():
    records = [
        record("ask_causes", "ask_causes", "ask_causes", "ask_causes"),
        record("ask_causes", "greet", "ask_causes", "nlu_fallback"),
        record("greet", "greet", "greet", "greet"),
        record("greet", "ask_causes", "greet", "greet"),
    ]
    lines = summary(records).splitlines()
    # DIET: one of each intent right and one of each read as the other (F1 1/2 each); accuracy 2/4.
    assert lines[1] == "- DIET: 0.500, 0.500"
    assert lines[2] == "- blend: 1.000, 1.000"
    # The pipeline: causes recall 1/2 (F1 2/3), greet F1 1; accuracy 3/4.
    assert lines[3] == "- pipeline: 0.833, 0.750"
    assert lines[4] == "- the pipeline's fallbacks: 1"
