"""Import: the JSON objects of `history` and `export` back into entries.

Shape before meaning: every field's type, size and range is checked before it is
parsed, so a hostile or damaged export is refused with the entry and field it is about.
"""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

from . import parse as p
from .entries import Checkin, Entry, Exercise, LegDay, Run, parse_kind, validate
from .errors import InputError

# The parsers name fields as `log` knows them; import names the JSON keys instead.
_JSON_FIELD = {
    "run": {"distance": "distance_km", "duration": "duration_s"},
    "leg": {"duration": "duration_min", "exercise": "exercises"},
    "checkin": {},
}
MAX_UID = 200  # a UUID is 36 characters; importers' derived uids are a little longer
MAX_EXERCISES = 100
_TYPE_WORDS = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true or false",
    list: "a list",
}


def _expected(kinds: tuple[type, ...]) -> str:
    return " or ".join(dict.fromkeys(_TYPE_WORDS[k] for k in kinds))


def _get(obj: dict[str, Any], key: str, kinds: tuple[type, ...], *, required: bool = True) -> Any:
    if key not in obj or obj[key] is None:
        if required:
            raise InputError(key, "is missing")
        return None
    value = obj[key]
    if isinstance(value, float) and not math.isfinite(value):
        # Python's json reads NaN and Infinity (and the reader reads a number too long for
        # any field as infinity); no field of an entry can hold them.
        raise InputError(key, "is not a number this field can hold")
    if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
        raise InputError(key, f"must be {_expected(kinds)}, not {_sample(value)}")
    return value


def _sample(value: Any) -> str:
    """A short quote of a JSON value for an error message."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _scaled(value: float, factor: int) -> int:
    """`value` × `factor` rounded, without overflow: a number no field holds stays one."""
    return round(value * factor) if abs(value) <= 1e12 else _out_of_range(value)


def _out_of_range(value: float) -> int:
    """A number out of every field's range, on `value`'s side of it (-1e20 is too small)."""
    return 10**18 if value > 0 else -(10**18)


def _uid(obj: dict[str, Any]) -> str | None:
    uid = _get(obj, "uid", (str,), required=False)
    if uid is not None and not 1 <= len(uid) <= MAX_UID:
        raise InputError("uid", f"must be 1 to {MAX_UID} characters, like a UUID")
    return None if uid is None else p.check_text(uid, field="uid")


def _whole(obj: dict[str, Any], key: str, *, required: bool = True) -> int | None:
    value = _get(obj, key, (int, float), required=required)
    if value is None:
        return None
    if value != int(value):
        raise InputError(key, "must be a whole number")
    return int(value) if abs(value) <= 10**18 else _out_of_range(value)  # not out of SQLite's


def entry_from_dict(obj: Any, today: date) -> Entry:
    """An entry from a history/export JSON object, validated like `log` input."""
    if not isinstance(obj, dict):
        raise InputError("entry", "must be a JSON object with a 'kind'")
    kind = parse_kind(str(_get(obj, "kind", (str,))))
    # `validate` below refuses a date after the day after today (a journal logged today
    # east of here is still today there); "yesterday" is the day before the real today.
    day = p.parse_date(str(_get(obj, "date", (str,))), today, allow_future=True)
    uid = _uid(obj)
    notes = _get(obj, "notes", (str,), required=False) or ""
    try:
        entry: Entry
        if kind == "run":
            km = _get(obj, "distance_km", (int, float))
            entry = Run(
                date=day,
                distance_m=_scaled(km, 1000),
                duration_s=_whole(obj, "duration_s") or 0,
                type=str(_get(obj, "type", (str,), required=False) or "easy"),
                rpe=_whole(obj, "rpe", required=False),
                hr=_whole(obj, "hr", required=False),
                time=p.parse_time(_get(obj, "time", (str,), required=False)),
                notes=notes,
                uid=uid,
            )
        elif kind == "leg":
            raw = _get(obj, "exercises", (list,), required=False) or []
            if len(raw) > MAX_EXERCISES:
                raise InputError("exercises", f"a leg day holds at most {MAX_EXERCISES}")
            exercises = []
            for item in raw:
                if not isinstance(item, dict):
                    raise InputError("exercises", "must be a list of {name, sets, reps, weight_kg}")
                weight = _get(item, "weight_kg", (int, float), required=False)
                exercises.append(
                    Exercise(
                        name=str(_get(item, "name", (str,))),
                        sets=_whole(item, "sets") or 0,
                        reps=_whole(item, "reps") or 0,
                        weight_g=None if weight is None else _scaled(weight, 1000),
                    )
                )
            minutes = _get(obj, "duration_min", (int, float))
            entry = LegDay(
                date=day,
                duration_s=_scaled(minutes, 60),
                rpe=_whole(obj, "rpe") or 0,
                to_failure=bool(_get(obj, "to_failure", (bool,), required=False)),
                exercises=tuple(exercises),
                time=p.parse_time(_get(obj, "time", (str,), required=False)),
                notes=notes,
                uid=uid,
            )
        else:
            entry = Checkin(date=day, soreness=_whole(obj, "soreness") or 0, notes=notes, uid=uid)
        return validate(entry, p.shift(today, 1))
    except InputError as error:
        raise InputError(_JSON_FIELD[kind].get(error.field, error.field), error.message) from None
