"""Which exercises train the legs, recognised by name (SPEC §7 "Sets → leg days").

Strong and Hevy name exercises like "Squat (Barbell)" or "Romanian Deadlift (Dumbbell)";
other apps and people write "back squats", "RDL" or "step-up". A name is cleaned (the
equipment in brackets dropped, case folded, hyphens and underscores as spaces) and then
matched against one table of families. The table is the documented list in
docs/importing.md: keep the two in step.
"""

from __future__ import annotations

import functools
import re

# (family, pattern), first match wins. A name is lower-body when a pattern is found in
# its cleaned form.
# Word boundaries keep "leg curl" from matching "bicep curl", and nothing here matches the
# core exercises "hanging leg raise" or "lying leg raise".
LOWER_BODY: tuple[tuple[str, str], ...] = (
    # First: "Calf Press on Seated Leg Press" trains the calves.
    ("calf raise", r"\bcalf\b|\bcalves\b|\bwadenheben\b"),
    ("squat", r"\bsquats?\b|\bkniebeuge"),  # back, front, goblet, hack, split, Smith...
    ("deadlift", r"\bdead ?lifts?\b|\brdls?\b|\bsldl\b|\bkreuzheben\b"),
    ("lunge", r"\blunges?\b|\bausfallschritt"),
    ("leg press", r"\bleg press\b|\bbeinpresse\b"),
    ("leg extension", r"\bleg extensions?\b|\bbeinstrecker\b"),
    ("leg curl", r"\b(leg|hamstring) curls?\b|\bnordic (ham(string)? )?curls?\b|\bbeinbeuger\b"),
    ("hip thrust", r"\bhip thrusts?\b"),
    ("glute bridge", r"\b(glute|hip) bridges?\b"),
    ("glute kickback", r"\bglute kick ?backs?\b"),
    ("glute ham raise", r"\bglute ham raises?\b|\bghr\b"),
    ("step-up", r"\bstep ?ups?\b"),
    ("good morning", r"\bgood mornings?\b"),
    ("hip abduction", r"\b(hip )?abduct(ion|ions|or|ors)\b"),
    ("hip adduction", r"\b(hip )?adduct(ion|ions|or|ors)\b"),
    ("box jump", r"\bbox jumps?\b"),
    ("pistol", r"\bpistols?\b"),
    ("wall sit", r"\bwall sits?\b"),
)

_PATTERNS = tuple((family, re.compile(pattern)) for family, pattern in LOWER_BODY)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SEPARATORS = re.compile(r"[-_/,.+]+")


def clean_name(name: str) -> str:
    """The name as it is matched: brackets dropped, lower case, single spaces."""
    text = _BRACKETS.sub(" ", name).casefold()
    return " ".join(_SEPARATORS.sub(" ", text).split())


@functools.lru_cache(maxsize=1024)
def family(name: str) -> str | None:
    """The lower-body family an exercise belongs to ("squat", "deadlift"...), or None."""
    cleaned = clean_name(name)
    for fam, pattern in _PATTERNS:
        if pattern.search(cleaned):
            return fam
    return None


def is_lower_body(name: str) -> bool:
    """True when the exercise trains the legs (squats, deadlifts, lunges, leg press...)."""
    return family(name) is not None
