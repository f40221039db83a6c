"""`rasa` as the assistant's servers run it.

- The HTTP API's token comes from ACNEBOT_API_TOKEN, not the command line, where
  every user of the machine could read it (`ps`, /proc): run as
  `python -m bot.runtime.rasa_launcher run ...`, the arguments Rasa parses gain
  `--enable-api --auth-token <token>` inside this process only.
- Rasa's warnings about a malformed slash command quote the patient's whole
  message: "Failed to parse arguments in line '/ask_causes{...'" joins the
  warnings Rasa itself hides below debug level, and the reader's
  "message.parsing.failed" (for "/{...", "/@...") is logged from ERROR only.
  Rasa goes on without the part it could not read, which is the right answer.
- The action server's results are validated against a schema checked once, not
  on every action (bot/runtime/action_result_schema.py).
"""

from __future__ import annotations

import logging
import sys
from typing import Mapping, Optional

from bot import settings


def with_api_token(args: list[str], environ: Optional[Mapping[str, str]] = None) -> list[str]:
    """`rasa run`'s arguments with the HTTP API on behind the token, when one is set."""
    token = settings.api_token(environ)
    if token and args[:1] == ["run"]:
        return [*args, "--enable-api", "--auth-token", token]
    return list(args)


def main() -> None:
    from rasa.__main__ import main as rasa_main
    from rasa.utils.common import EXPECTED_WARNINGS

    from bot.runtime import action_result_schema

    action_result_schema.install()
    EXPECTED_WARNINGS.append((UserWarning, "Failed to parse arguments in line"))
    logging.getLogger("rasa.shared.core.training_data.story_reader.yaml_story_reader").setLevel(logging.ERROR)
    sys.argv = ["rasa", *with_api_token(sys.argv[1:])]
    rasa_main()


if __name__ == "__main__":
    main()
