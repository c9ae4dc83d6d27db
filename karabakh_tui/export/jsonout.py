"""The public JSON contract (DESIGN.md section 6): an array of `Event.to_json()` objects.

Text is kept exactly as in the database (it is data for other tools), but characters a
terminal or an editor might act on are written as `\\uXXXX` escapes, which every JSON
parser reads back to the same string: DEL and C1 controls, bidi overrides and isolates,
line/paragraph separators (invalid in older JavaScript) and lone surrogates (which
cannot be encoded as UTF-8). The C0 controls are escaped by `json` itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from karabakh_tui.model import Event

_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(value: object) -> str:
    """`value` as indented UTF-8 JSON with a trailing newline, safe to print."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def render(events: Sequence[Event]) -> str:
    """The events, in the order given, as a JSON array."""
    return dumps([e.to_json() for e in events])
