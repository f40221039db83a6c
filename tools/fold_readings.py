"""`python -m tools fold-readings`: 5-fold cross-validation of the NLU pipeline
on fixed folds, keeping how each stage read every held-out example: DIET alone,
the blend (bot/nlp/intent_blend.py) and the whole pipeline (fallbacks, follow-ups,
question splitting, red flags).

`rasa test nlu --cross-validation` draws new folds on every run and reports only
the last stage; comparing two configurations on the same folds, stage by stage,
tells a real change from the folds' luck. Each stage's intent macro F1 counts
every intent of the training data; a fallback counts as a miss.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from bot import settings

FOLDS = 5


def _ranking(message: Any) -> list[tuple[str, float]]:
    return [(item["name"], float(item["confidence"])) for item in message.get("intent_ranking") or []]


def _read(processor: Any, text: str, node: str) -> Any:
    """The message as the model's graph left it at `node`. Components change the
    message in place, so each stage reads a fresh one."""
    from rasa.core.channels import UserMessage
    from rasa.engine.constants import PLACEHOLDER_MESSAGE, PLACEHOLDER_TRACKER
    from rasa.shared.core.trackers import DialogueStateTracker

    inputs = {PLACEHOLDER_MESSAGE: [UserMessage(text)], PLACEHOLDER_TRACKER: DialogueStateTracker("fold", [])}
    return processor.graph_runner.run(inputs=inputs, targets=[node])[node][0]


def readings(config: Path, nlu: Path, seed: int) -> list[dict]:
    """Each held-out example's label and its readings by DIET, the blend and the pipeline."""
    import rasa.model_training
    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    data = load_data(str(nlu))
    examples = data.intent_examples
    labels = [example.get_full_intent() for example in examples]
    records = []
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed).split(examples, labels)
    for fold, (train, test) in enumerate(folds):
        with tempfile.TemporaryDirectory() as directory:
            training = TrainingData(
                training_examples=[examples[i] for i in train],
                entity_synonyms=data.entity_synonyms,
                regex_features=data.regex_features,
                lookup_tables=data.lookup_tables,
            )
            RasaYAMLWriter().dump(Path(directory) / "nlu.yml", training)
            model = rasa.model_training.train_nlu(
                str(config), str(Path(directory) / "nlu.yml"), directory, fixed_model_name="fold"
            )
            processor = Agent.load(model).processor
        nodes = list(processor.model_metadata.predict_schema.nodes)
        stages = {
            "diet": next(node for node in nodes if "DIETClassifier" in node),
            "blend": next(node for node in nodes if "IntentBlend" in node),
            "final": processor.model_metadata.nlu_target,
        }
        for i in test:
            text = examples[i].get("text")
            final = _read(processor, text, stages["final"])
            records.append(
                {
                    "fold": fold,
                    "text": text,
                    "label": labels[i],
                    "diet": _ranking(_read(processor, text, stages["diet"])),
                    "blend": _ranking(_read(processor, text, stages["blend"])),
                    "final": (final.get("intent") or {}).get("name"),
                }
            )
        print(f"fold {fold + 1} of {FOLDS} read", flush=True)
    return records


def summary(records: list[dict]) -> str:
    from sklearn.metrics import f1_score

    gold = [record["label"] for record in records]
    intents = sorted(set(gold))
    predictions = {
        "DIET": [record["diet"][0][0] if record["diet"] else None for record in records],
        "blend": [record["blend"][0][0] if record["blend"] else None for record in records],
        "pipeline": [record["final"] for record in records],
    }
    lines = [f"{len(records)} examples, {FOLDS} folds; intent macro F1 over {len(intents)} intents, accuracy:"]
    for stage, predicted in predictions.items():
        macro = f1_score(gold, [p or "" for p in predicted], labels=intents, average="macro", zero_division=0)
        accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(gold)
        lines.append(f"- {stage}: {macro:.3f}, {accuracy:.3f}")
    fallbacks = sum(record["final"] == "nlu_fallback" for record in records)
    lines.append(f"- the pipeline's fallbacks: {fallbacks}")
    return "\n".join(lines)


def main(config: Path, seed: int, output: Path) -> int:
    records = readings(config, settings.PROJECT_ROOT / "data" / "nlu", seed)
    output.mkdir(parents=True, exist_ok=True)
    (output / "readings.json").write_text(json.dumps(records, indent=1), encoding="utf-8")
    text = summary(records)
    (output / "summary.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0
