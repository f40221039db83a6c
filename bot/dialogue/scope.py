"""Whether a message says it is about acne scars, whatever the intent model read."""

from __future__ import annotations

import re

# A message that says it is about acne scars: "acne scars", "dents in my skin from old zits",
# "my spots left pits"; not one that denies having them ("no acne scars", "without scarring")
# or names another cause ("chickenpox scars", "a scar from surgery").
_SCARRED = r"(scars?|scarring|marks|pits|holes|dents|craters)"
_ACNE = r"(acne|pimples?|spots?|zits?|breakouts?)"
_ACNE_SCARS = re.compile(
    rf"\b{_ACNE} {_SCARRED}\b"
    rf"|\b{_SCARRED}( [\w']+){{0,3}} (from|after|left by|caused by) ([\w']+ ){{0,2}}{_ACNE}\b"
    rf"|\b{_ACNE}( [\w']+){{0,2}} (left|leave|leaves|leaving|gave|caused) ([\w']+ ){{0,2}}{_SCARRED}\b",
    re.IGNORECASE,
)
_DENIED = re.compile(
    rf"(\b(no|not|without|never had|free of|havent|havent got|dont have|didnt get)|n't (have|got|get))( [\w']+){{0,2}} {_SCARRED}\b",
    re.IGNORECASE,
)
_OTHER_CAUSE = re.compile(
    r"\b(chicken ?pox|c-section|caesarean|cesarean|self[- ]harm\w*|stretch marks?|tattoos?|piercings?|burns?"
    r"|(surgery|surgical|operation|injury|accident) scars?|scars? from (an? |my |the )?(surgery|operation|injury|accident|cut|burn|fall))\b",
    re.IGNORECASE,
)


def about_acne_scars(text: str) -> bool:
    return bool(_ACNE_SCARS.search(text)) and not _DENIED.search(text) and not _OTHER_CAUSE.search(text)
