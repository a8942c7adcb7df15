"""Fuzzing with hypothesis: parsers, the advisor and the whole command line.

Budgets are CI-sized; RUNJOURNAL_FUZZ_SCALE (default 1) multiplies every one of them.
Each test records how many cases it ran (see RELIABILITY.md).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from runjournal.cli import run
from runjournal.domain import parse as p
from runjournal.domain.advisor import STATUSES, advise
from runjournal.domain.checklist import check_label
from runjournal.domain.entries import (
    Checkin,
    Entry,
    Exercise,
    LegDay,
    Run,
    build_checkin,
    build_leg_day,
    build_run,
    parse_exercise,
    parse_kind,
    to_dict,
)
from runjournal.domain.entry_json import entry_from_dict
from runjournal.domain.errors import InputError
from runjournal.domain.settings import CHOICES, Settings, parse_setting
from runjournal.store import Journal

from .helpers import record_figures, row_counts, sha256

SCALE = float(os.environ.get("RUNJOURNAL_FUZZ_SCALE", "1"))
TODAY = date(2026, 11, 24)
SEVERITY = {"normal_training": 0, "easy_recovery_run": 1, "rest": 2}


def budget(n: int) -> settings:
    return settings(
        max_examples=max(1, int(n * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# Text people (and terminals, and cats on keyboards) produce ------------------------

NEAR_MISSES = [
    "", " ", "0", "-1", "1e309", "nan", "inf", "-0", "00:00", "99:99", "5km", "3.1mi",
    "800m", "1h05m", "52:30", "1:05:00", "45m", "10", "11", "2026-02-30", "2026-11-25",
    "today", "yesterday", "TODAY", "５", "٥", "½", "1,5", ".5", "5.", "1" * 5000,
    "9" * 30, "x" * 2001, "\udcff", "\t", "\n", "🏃", "'; drop table runs; --", "@", "=1+1",
]  # fmt: skip
junk = st.one_of(st.sampled_from(NEAR_MISSES), st.text(max_size=40))


def only_input_errors(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call func; an InputError is a fine answer, anything else fails the test."""
    try:
        return func(*args, **kwargs)
    except InputError as error:
        refused = error
    assert refused.field
    assert refused.message
    return None


def assert_within_spec(entry: Entry) -> None:
    """An accepted entry keeps every range rule of SPEC §2, written out here (not by
    calling the code under test), and survives the export/import round trip."""
    assert entry.date <= TODAY
    assert len(entry.notes) <= p.MAX_NOTES
    assert entry.time is None or re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", entry.time)
    if isinstance(entry, Run):
        assert 0 < entry.distance_m <= p.MAX_DISTANCE_M
        assert 0 < entry.duration_s <= p.MAX_RUN_DURATION_S
        assert entry.duration_s * 1000 >= p.MIN_PACE_S_PER_KM * entry.distance_m
        assert entry.type in p.RUN_TYPES
        assert entry.rpe is None or 1 <= entry.rpe <= 10
        assert entry.hr is None or 30 <= entry.hr <= 250
    elif isinstance(entry, LegDay):
        assert 60 <= entry.duration_s <= 600 * 60
        assert 1 <= entry.rpe <= 10
        for ex in entry.exercises:
            assert 0 < len(ex.name.strip()) <= p.MAX_EXERCISE_NAME
            assert 1 <= ex.sets <= 50
            assert 1 <= ex.reps <= 1000
            assert ex.weight_g is None or 0 <= ex.weight_g <= 1_000_000
    else:
        assert 0 <= entry.soreness <= 10
    assert entry_from_dict(to_dict(entry), TODAY) == replace(entry, uid=None)  # no uid in it


PARSERS: dict[str, Callable[[str], Any]] = {
    "date": lambda t: p.parse_date(t, TODAY),
    "time": p.parse_time,
    "distance": p.parse_distance,
    "duration": p.parse_duration,
    "rpe": p.parse_rpe,
    "hr": p.parse_hr,
    "soreness": p.parse_soreness,
    "type": p.parse_run_type,
    "notes": p.check_notes,
    "weight": p.parse_weight,
    "exercise": parse_exercise,
    "kind": parse_kind,
    "label": check_label,
    "setting": lambda t: parse_setting("recovery_run_max_minutes", t),
}


def test_parsers_only_ever_raise_input_error() -> None:
    cases: Counter[str] = Counter()

    @budget(1000)
    @given(name=st.sampled_from(sorted(PARSERS)), text=junk)
    def check(name: str, text: str) -> None:
        cases[name] += 1
        value = only_input_errors(PARSERS[name], text)
        if value is None:
            return
        # Whatever is accepted is within the documented range.
        if name == "distance":
            assert 0 < value <= p.MAX_DISTANCE_M
        elif name == "rpe":
            assert 1 <= value <= 10
        elif name == "hr":
            assert 30 <= value <= 250
        elif name == "soreness":
            assert 0 <= value <= 10
        elif name == "date":
            assert value <= TODAY
        elif name == "weight":
            assert 0 <= value <= 1_000_000
        elif name == "notes":
            assert value == text  # stored exactly as typed
        elif name == "exercise":
            assert 1 <= value.sets <= 50
            assert 1 <= value.reps <= 1000

    check()
    record_figures("fuzz-parsers", cases=sum(cases.values()))


def test_builders_only_ever_raise_input_error() -> None:
    cases = Counter[str]()

    # Each argument mostly something a person would type for it, sometimes junk: junk
    # alone almost never gets a whole entry accepted, and the accepted ones are checked.
    def near(*typed: str) -> st.SearchStrategy[str]:
        return st.integers(0, 7).flatmap(lambda n: junk if n == 0 else st.sampled_from(typed))

    notes = near("", "  kept as typed  ", "ünïcode 🏃\n2nd line", "=1+1", "\t")
    day, clock = near("", "today", "yesterday", "2026-11-01"), near("", "07:05", "7:05", "23:59")
    arguments = {
        "run": (
            near("5", "5k", "3.1mi", "800m", "42.2"),
            near("30", "52:30", "1:05:00", "1h05m"),
            near("", "easy", "Tempo", "long"),
            near("", "1", "7", "10"),
            near("", "30", "162", "250"),
            day,
            clock,
            notes,
        ),
        "leg": (
            near("60", "45m", "1h", "600"),
            near("1", "6", "10"),
            near("back squat 5x5@100kg"),
            near("", "walking lunges 3x12", "calf raise 3x15@20lb"),
            day,
            clock,
            notes,
            st.just(""),
        ),
        "checkin": (near("0", "5", "10"), day, notes, *[st.just("")] * 5),
    }

    @budget(600)
    @given(
        kind_values=st.sampled_from(sorted(arguments)).flatmap(
            lambda kind: st.tuples(st.just(kind), st.tuples(*arguments[kind]))
        ),
        flag=st.booleans(),
    )
    def check(kind_values: tuple[str, tuple[str, ...]], flag: bool) -> None:
        kind, values = kind_values
        cases[kind] += 1
        a, b, c, d, e, f, g, h = values
        entry: Entry | None
        if kind == "run":
            entry = only_input_errors(
                build_run, today=TODAY, distance=a, duration=b, type=c or None,
                rpe=d, hr=e, date=f or None, time=g or None, notes=h,
            )  # fmt: skip
            notes = h
        elif kind == "leg":
            entry = only_input_errors(
                build_leg_day, today=TODAY, duration=a, rpe=b, to_failure=flag,
                exercises=[c, d], date=e or None, time=f or None, notes=g,
            )  # fmt: skip
            notes = g
            if entry is not None:
                assert entry.to_failure is flag
                assert len(entry.exercises) == sum(1 for x in (c, d) if x.strip())
        else:
            entry = only_input_errors(
                build_checkin, today=TODAY, soreness=a, date=b or None, notes=c
            )
            notes = c
        if entry is not None:
            cases[f"{kind} accepted"] += 1
            assert entry.notes == notes  # stored exactly as typed
            assert_within_spec(entry)

    check()
    record_figures("fuzz-builders", cases=sum(cases.values()))
    accepted = sum(n for name, n in cases.items() if name.endswith("accepted"))
    assert accepted >= 50, cases  # enough accepted entries to check what is kept


json_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | junk,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(junk, inner, max_size=3),
    max_leaves=6,
)


def test_import_objects_only_ever_raise_input_error() -> None:
    cases = Counter[str]()
    base = {"kind": "run", "date": "2026-11-01", "distance_km": 5, "duration_s": 1800}

    @budget(600)
    @given(
        key=st.sampled_from(
            ["kind", "date", "distance_km", "duration_s", "rpe", "hr", "time", "notes", "uid",
             "type", "duration_min", "to_failure", "exercises", "soreness"]
        ),
        value=json_junk,
        kind=st.sampled_from(["run", "leg", "checkin"]),
    )  # fmt: skip
    def check(key: str, value: Any, kind: str) -> None:
        cases["objects"] += 1
        obj = {**base, "kind": kind, "duration_min": 40, "rpe": 5, "soreness": 3, key: value}
        entry = only_input_errors(entry_from_dict, obj, TODAY)
        if entry is not None:
            cases["accepted"] += 1
            assert entry.kind == kind
            assert_within_spec(entry)

    check()
    record_figures("fuzz-import-objects", cases=sum(cases.values()))


@budget(200)
@given(metres=st.integers(1, p.MAX_DISTANCE_M))
def test_distance_round_trips(metres: int) -> None:
    assert p.parse_distance(f"{metres}m") == metres
    assert p.parse_distance(f"{metres / 1000}km") == metres


@budget(200)
@given(seconds=st.integers(1, p.MAX_RUN_DURATION_S))
def test_duration_round_trips(seconds: int) -> None:
    assert p.parse_duration(p.format_duration(seconds)) == seconds


@budget(200)
@given(grams=st.integers(0, 1_000_000))
def test_weight_round_trips(grams: int) -> None:
    assert p.parse_weight(p.format_weight(grams)) == grams


@budget(200)
@given(
    name=st.text(st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=30),
    sets=st.integers(1, 50),
    reps=st.integers(1, 1000),
    grams=st.none() | st.integers(0, 1_000_000),
)
def test_exercise_spec_round_trips(name: str, sets: int, reps: int, grams: int | None) -> None:
    name = " ".join(name.split())
    assume(name and not name[-1].isdigit())
    exercise = Exercise(name, sets, reps, grams)
    assert parse_exercise(exercise.spec) == exercise


@budget(100)
@given(hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_time_round_trips(hour: int, minute: int) -> None:
    text = f"{hour:02d}:{minute:02d}"
    assert p.parse_time(text) == text
    assert p.parse_time(f"{hour}:{minute:02d}") == text


# The advisor ------------------------------------------------------------------------

leg_days = st.builds(
    LegDay,
    date=st.integers(0, 9).map(lambda d: TODAY - timedelta(days=d)),
    duration_s=st.integers(1, 600).map(lambda m: m * 60),
    rpe=st.integers(1, 10),
    to_failure=st.booleans(),
    id=st.integers(1, 10_000),
)
soreness = st.none() | st.integers(0, 10)
profiles = st.builds(
    Settings,
    fitness_level=st.sampled_from(CHOICES["fitness_level"]),
    recovery_rate=st.sampled_from(CHOICES["recovery_rate"]),
)


def _status(legs: list[LegDay], sore: int | None, profile: Settings) -> int:
    checkin = None if sore is None else Checkin(TODAY, sore)
    advice = advise(legs, checkin, profile, TODAY)
    assert advice.status in STATUSES
    assert advice.reasons, "every result has reasons"
    assert all(r.strip() for r in advice.reasons)
    return SEVERITY[advice.status]


def _harder(leg: LegDay, how: str) -> LegDay:
    if how == "rpe":
        return replace(leg, rpe=min(10, leg.rpe + 2))
    if how == "longer":
        return replace(leg, duration_s=min(600 * 60, leg.duration_s + 30 * 60))
    if how == "to failure":
        return replace(leg, to_failure=True)
    days_ago = (TODAY - leg.date).days
    return replace(leg, date=TODAY - timedelta(days=max(0, days_ago - 2)))  # more recent


def test_advisor_is_monotonic_and_always_explains() -> None:
    cases = Counter[str]()

    @budget(1500)
    @given(
        legs=st.lists(leg_days, max_size=3),
        sore=soreness,
        more=st.integers(0, 10),
        profile=profiles,
        pick=st.integers(0, 2),
        how=st.sampled_from(["rpe", "longer", "to failure", "recent"]),
    )
    def check(
        legs: list[LegDay], sore: int | None, more: int, profile: Settings, pick: int, how: str
    ) -> None:
        cases["scenarios"] += 1
        base = _status(legs, sore, profile)
        # More soreness (or a check-in where there was none) is never less restrictive.
        sorer = min(10, (sore or 0) + more) if sore is not None else more
        assert _status(legs, sorer, profile) >= base
        # A harder or more recent leg day is never less restrictive.
        if legs:
            n = pick % len(legs)
            changed = [*legs[:n], _harder(legs[n], how), *legs[n + 1 :]]
            assert _status(changed, sore, profile) >= base, (legs[n], how)
        # One more leg day is never less restrictive.
        extra = LegDay(TODAY - timedelta(days=pick), 3600, 9, id=99_999)
        assert _status([*legs, extra], sore, profile) >= base
        # A slower-recovering profile is never less restrictive.
        slower = replace(profile, fitness_level="beginner", recovery_rate="slow")
        assert _status(legs, sore, slower) >= base

    check()
    record_figures("fuzz-advisor", cases=cases["scenarios"])


# The whole command line, in process ------------------------------------------------

RUN_OPTS = ["--distance", "--duration", "--type", "--rpe", "--hr", "--date", "--time", "--notes"]
LEG_OPTS = ["--duration", "--rpe", "--to-failure", "--not-to-failure", "--exercise", "--date",
            "--time", "--notes"]  # fmt: skip
COMMANDS: dict[tuple[str, ...], tuple[list[str], int]] = {
    # command path: (its options, how many positional arguments)
    ("log", "run"): (RUN_OPTS, 0),
    ("log", "leg"): (LEG_OPTS, 0),
    ("checkin",): (["--soreness", "--date", "--notes"], 0),
    ("advise",): (["--date", "--json"], 0),
    ("checklist",): (["--date", "--json"], 0),
    ("checklist", "tick"): (["--date"], 1),
    ("checklist", "untick"): (["--date"], 1),
    ("history",): (["--kind", "--since", "--until", "--format", "--limit"], 0),
    ("edit", "run"): (RUN_OPTS, 1),
    ("edit", "leg"): (LEG_OPTS, 1),
    ("edit", "checkin"): (["--soreness", "--date", "--notes"], 1),
    ("delete",): ([], 2),
    ("config", "show"): (["--json"], 0),
    ("config", "set"): ([], 2),
    ("export",): (["--format", "-o"], 0),
    ("import",): ([], 1),
    ("backup",): (["--force"], 1),
}
FLAGS = {"--json", "--to-failure", "--not-to-failure", "--force"}
GOOD = {
    "--distance": ["5", "8km", "3.1mi", "800m"],
    "--duration": ["30", "52:30", "1h05m", "45m"],
    "--type": ["easy", "tempo", "recovery", "long"],
    "--rpe": ["3", "7", "9"],
    "--hr": ["142", "30"],
    "--date": ["today", "yesterday", "2026-11-20"],
    "--since": ["2026-01-01"],
    "--until": ["today"],
    "--time": ["07:30", "18:05"],
    "--notes": ["felt good", "🏃 ça va", "=1+1"],
    "--exercise": ["back squat 5x5@100kg", "lunges 3x12", "deadlift 3x5@225lb"],
    "--soreness": ["0", "4", "8"],
    "--kind": ["run", "leg", "checkin", "all"],
    "--format": ["json", "csv", "table"],
    "--limit": ["1", "10"],
    "-o": ["out.json", "out.csv"],
    "positional": ["1", "2", "run", "leg", "checkin", "units", "km", "warmup-standard",
                   "no-run", "export.json", "copy.db", "fitness_level", "advanced"],
}  # fmt: skip
ALL_OPTIONS = sorted({o for opts, _ in COMMANDS.values() for o in opts} | {"--bogus", "-x"})


def _value(draw: st.DrawFn, option: str) -> str:
    good = st.sampled_from(GOOD.get(option, GOOD["positional"]))
    value = draw(good if draw(st.integers(0, 2)) else junk)  # two in three are sensible
    # Keep every path the CLI might write to inside the test's folder.
    if option in ("-o", "positional") and ("/" in value or "\x00" in value or value == "-"):
        return "file.out"
    return value.replace("\x00", "")


@st.composite
def argvs(draw: st.DrawFn) -> list[str]:
    path = draw(st.sampled_from(sorted(COMMANDS)))
    options, positionals = COMMANDS[path]
    argv = list(path)
    n_pos = draw(
        st.sampled_from([positionals, positionals, max(0, positionals - 1), positionals + 1])
    )
    argv += [_value(draw, "positional") for _ in range(n_pos)]
    for _ in range(draw(st.integers(0, 6))):
        option = draw(
            st.sampled_from(options + options + ALL_OPTIONS)
            if options
            else st.sampled_from(ALL_OPTIONS)
        )
        argv.append(option)
        if option not in FLAGS:
            argv.append(_value(draw, option))
    if draw(st.integers(0, 20)) == 0:
        argv.append(draw(st.sampled_from(["--help", "-h"])))
    return argv


# What splits a line for a terminal or a line-reading tool. (str.splitlines also splits on
# the ASCII separators \x1c-\x1e, which no terminal shows as a new line.)
LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")


def test_cli_never_crashes_and_a_refusal_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "fuzz.db"
    (tmp_path / "export.json").write_text('{"format": "runjournal", "version": 1, "entries": []}')
    assert (
        run(
            ["--db", str(db), "log", "leg", "--duration", "60", "--rpe", "9", "--date", "yesterday"]
        )
        == 0
    )
    assert run(["--db", str(db), "checkin", "--soreness", "5"]) == 0
    codes: Counter[int] = Counter()

    @budget(1500)
    @given(argv=argvs())
    def check(argv: list[str]) -> None:
        # As Python's own stderr does (stdout stays strict, as in a UTF-8 terminal).
        sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        before = (sha256(db), row_counts(db))
        code = run(["--db", str(db), *argv])  # an uncaught exception fails the test here
        out, err = capsys.readouterr()
        codes[code] += 1
        assert code in (0, 2), (argv, code, err)
        assert "Traceback" not in err
        if code == 2:
            assert err.startswith("error: "), (argv, err)
            assert len(LINE_BREAK.split(err.strip())) == 1, (argv, err)
            assert (sha256(db), row_counts(db)) == before, f"refused {argv} but changed the journal"
        for leftover in ("out.json", "out.csv", "copy.db", "file.out"):
            (tmp_path / leftover).unlink(missing_ok=True)

    check()
    with Journal.open(db):
        pass
    record_figures(
        "fuzz-cli", cases=sum(codes.values()), exit_0=codes[0], exit_2=codes[2], exit_1=codes[1]
    )


@pytest.mark.parametrize("value", ["a\nb", "a\rb", "a\u2028b"])
def test_an_error_is_one_line_even_when_the_input_spans_lines(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code = run(["history", "--kind", value])
    err = capsys.readouterr().err
    assert code == 2
    assert len(LINE_BREAK.split(err.strip())) == 1, err


# The import reader: arbitrary JSON shapes and numbers (issue 9) ----------------------

# Numbers no field holds, written as text: the JSON reader must bound them itself.
BIG_NUMBERS = ["9" * 5000, "-" + "9" * 30, "1e309", "-1e309", "1e308", "1" + "0" * 30, "1e-400"]
json_numbers = (
    st.integers(-(10**40), 10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(BIG_NUMBERS).map(lambda text: f"@NUMBER:{text}@")
)
json_values = st.recursive(
    st.none() | st.booleans() | json_numbers | junk,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(junk, inner, max_size=3),
    max_leaves=8,
)
ENTRY_KEYS = ["kind", "date", "distance_km", "duration_s", "rpe", "hr", "time", "notes", "uid",
              "type", "duration_min", "to_failure", "exercises", "soreness"]  # fmt: skip


@st.composite
def import_documents(draw: st.DrawFn) -> str:
    """An export, a bare list or any JSON at all, with fields swapped for junk."""
    entry = {"kind": "run", "date": "2026-11-01", "distance_km": 5, "duration_s": 1800}
    entries = [
        {**entry, **draw(st.dictionaries(st.sampled_from(ENTRY_KEYS), json_values, max_size=3))}
        for _ in range(draw(st.integers(0, 3)))
    ]
    head = {"format": "runjournal", "version": 1, "settings": {}, "entries": entries,
            "checklist": {"items": [], "ticks": []}}  # fmt: skip
    swaps = draw(st.dictionaries(st.sampled_from(list(head)), json_values, max_size=2))
    item_swaps = draw(
        st.dictionaries(
            st.sampled_from(["id", "status", "label", "position"]), json_values, max_size=2
        )
    )
    if item_swaps:
        item = {"id": "a", "status": "rest", "label": "x", "position": 0, **item_swaps}
        head["checklist"] = {"items": [item], "ticks": [{"date": "2026-11-01", "item_id": "a"}]}
    document = draw(st.sampled_from(["export", "list", "anything"]), label="shape")
    value: Any = {"export": {**head, **swaps}, "list": entries}.get(document)
    if value is None:
        value = draw(json_values)
    text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    text = re.sub(r'"@NUMBER:([^@]*)@"', r"\1", text)  # the literal numbers, unquoted
    cut = draw(st.sampled_from(["whole", "cut", "deep"]))
    if cut == "cut":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif cut == "deep":
        depth = draw(st.sampled_from([19, 21, 1000, 100_000]))
        text = "[" * depth + text + "]" * draw(st.sampled_from([0, depth]))
    return text


def test_the_import_reader_never_crashes_and_a_refusal_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "fuzz.db"
    source = tmp_path / "in.json"
    assert run(["--db", str(db), "checkin", "--soreness", "5", "--date", "2026-10-01"]) == 0
    codes: Counter[int] = Counter()

    @budget(400)
    @given(document=import_documents())
    def check(document: str) -> None:
        source.write_text(document, encoding="utf-8", errors="surrogatepass")
        before = (sha256(db), row_counts(db))
        code = run(["--db", str(db), "import", str(source)], today=TODAY)
        _, err = capsys.readouterr()
        codes[code] += 1
        assert code in (0, 2), (document[:300], code, err)
        assert "Traceback" not in err
        if code == 2:
            assert err.startswith("error: "), (document[:300], err)
            assert len(LINE_BREAK.split(err.strip())) == 1, err
            assert (sha256(db), row_counts(db)) == before, "a refused import changed the journal"

    check()
    record_figures(
        "fuzz-import-reader", cases=sum(codes.values()), exit_0=codes[0], exit_2=codes[2]
    )


# Text rendering: nothing raw reaches the terminal (issue 9) --------------------------

# Every character a terminal acts on, and lone surrogates (which no terminal can encode).
RAW = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
hostile_text = st.text(
    st.characters(exclude_categories=())  # every code point, lone surrogates included
    | st.sampled_from(["\x1b", "\x9b", "\x07", "\u202e", "[", "]", "/"]),
    max_size=60,
)


def _no_raw(text: str, *, lines: bool = False) -> None:
    """Nothing in `text` a terminal would act on (but the line ends, when `lines`)."""
    found = RAW.search(text.replace("\n", "") if lines else text)
    assert found is None, (found and repr(found[0]), text)


def test_every_renderer_shows_text_as_text() -> None:
    from rich.text import Text
    from textual.content import Content

    from runjournal.cli.base import describe
    from runjournal.cli.render import history_table, json_text, render_checklist
    from runjournal.domain.advisor import advise as advice_for
    from runjournal.domain.checklist import ChecklistEntry
    from runjournal.domain.entries import Run
    from runjournal.services.day import DayView
    from runjournal.text import cell, one_line, shown
    from runjournal.tui.widgets.literal import LITERAL

    cases = Counter[str]()

    @budget(800)
    @given(text=hostile_text, width=st.integers(0, 50))
    def check(text: str, width: int) -> None:
        cases["texts"] += 1
        for rendered in (shown(text), one_line(text), cell(text, width)):
            _no_raw(rendered)
        assert "\n" not in one_line(text)
        clean = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        exercise = Exercise(clean or "x", 5, 5, 100_000)
        entries = [
            Run(TODAY, 5000, 1800, notes=clean, id=1),
            LegDay(TODAY, 3600, 7, exercises=(exercise,), notes=clean, id=2),
            Checkin(TODAY, 3, notes=clean, id=3),
        ]
        for table_width in (None, 80 + width):  # a pipe (nothing cut), a terminal
            for line in history_table(lambda: entries, Settings(), table_width):
                _no_raw(line)
        for entry in entries:
            _no_raw(describe(entry, Settings()))
        advice = advice_for([], None, Settings(), TODAY)
        view = DayView(advice, [ChecklistEntry(clean, clean, False)], TODAY, [], [])
        _no_raw(render_checklist(view), lines=True)
        as_json = json_text({"notes": clean})
        _no_raw(as_json)
        assert json.loads(as_json) == {"notes": clean}
        # The TUI: Content and Text hold it literally (never markup); an Input draws pictures.
        assert Content(one_line(clean)).plain == one_line(clean)
        _no_raw(LITERAL(Text(clean)).plain)
        assert len(LITERAL(Text(clean)).plain) == len(Text(clean).plain)  # the cursor stays put

    check()
    record_figures("fuzz-rendering", cases=sum(cases.values()))


def test_an_error_line_shows_what_it_quotes_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    from runjournal.cli.commands import say_error

    @budget(300)
    @given(text=hostile_text)
    def check(text: str) -> None:
        say_error(f"distance: '{text}' is not a distance")
        err = capsys.readouterr().err
        assert err.startswith("error: ")
        _no_raw(err.rstrip("\n"))

    check()
