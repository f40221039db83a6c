"""The rasa-sdk action server (`python -m bot.runtime.action_server --actions actions`),
without TensorFlow.

spaCy's thinc imports TensorFlow whenever it is installed (Rasa needs it), which
would cost this process about 550 MB it never uses. Rasa's own `rasa run actions`
also loads Rasa itself; rasa-sdk's entry point does not.
"""

import sys

sys.modules.setdefault("tensorflow", None)  # type: ignore[arg-type]  # None makes `import tensorflow` fail

from rasa_sdk.__main__ import main  # noqa: E402 (after keeping TensorFlow out)

if __name__ == "__main__":
    # The clinic's wording files are checked before the first patient: a mistake
    # stops the server here, named, rather than failing a reply.
    from bot.dialogue.aspects import load_aspects
    from bot.dialogue.risk_context import load_risk_contexts

    load_aspects()
    load_risk_contexts()
    main()
