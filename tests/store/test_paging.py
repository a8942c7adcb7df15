"""History's keyset paging through Journal, on a real SQLite file: every order, every filter,
page after page both ways, with ties at the page edges (where keyset paging breaks)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from runjournal.domain.entries import Checkin, Entry, Exercise, LegDay, Run
from runjournal.store import Journal
from runjournal.store.paging import HistoryQuery

D1, D2, D3 = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 22)


def _run(day: date, distance_m: int, duration_s: int, **changes: Any) -> Run:
    return Run(date=day, distance_m=distance_m, duration_s=duration_s, **changes)


# Added in this order, so ids are 1..10. Ties everywhere: three runs of 21 Nov (one
# untimed, two at the same time), equal distances, equal durations, equal effort, equal type.
RUNS = [
    _run(D1, 5000, 1500, type="easy", rpe=3, hr=140, time="07:00"),  # 1 pace 300
    _run(D2, 8000, 2400, type="tempo", rpe=7, hr=160),  # 2 untimed, pace 300
    _run(D2, 5000, 1800, type="easy", rpe=None, hr=None, time="18:00"),  # 3 pace 360
    _run(D2, 10000, 3000, type="long", rpe=5, hr=150, time="18:00"),  # 4 pace 300
    _run(D3, 5000, 1500, type="easy", rpe=3, hr=140, time="06:30"),  # 5 pace 300
    _run(D3, 3000, 1200, type="intervals", rpe=9, hr=170, time="12:00"),  # 6 pace 400
    _run(D1, 8000, 2400, type="tempo", rpe=7, hr=160),  # 7 untimed, pace 300
    # Paces 300.9 and 300.4 s/km: both shown (and sorted) as 300, so the id decides.
    _run(D3, 10000, 3009, type="long", rpe=5, hr=None, time="09:00"),  # 8
    _run(D3, 10000, 3004, type="long", rpe=None, hr=150, time="09:00"),  # 9
    _run(D1, 3000, 1200, type="race", rpe=10, hr=180, time="08:00"),  # 10 pace 400
]


@pytest.fixture
def runs_journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "j.db") as journal:
        for run in RUNS:
            journal.add(run)
        yield journal


def run_ids(entries: list[tuple[tuple[Any, ...], Entry]]) -> list[int]:
    return [entry.id or 0 for _, entry in entries]


def walk_forward(journal: Journal, query: HistoryQuery, limit: int) -> list[list[int]]:
    """Every page from the first, each continuing after the last row of the one before."""
    pages = []
    found = journal.history_page(query, limit=limit)
    while found:
        pages.append(run_ids(found))
        found = journal.history_page(query, after=found[-1][0], limit=limit)
    return pages


def walk_backward(
    journal: Journal, query: HistoryQuery, last_key: tuple[Any, ...], limit: int
) -> list[list[int]]:
    """Pages before the row `last_key`, each before the first row of the one after."""
    pages = []
    found = journal.history_page(query, after=last_key, backwards=True, limit=limit)
    while found:
        pages.append(run_ids(found))
        found = journal.history_page(query, after=found[0][0], backwards=True, limit=limit)
    return pages


def check_every_page_size(journal: Journal, query: HistoryQuery, expected: list[int]) -> None:
    for limit in (1, 2, 3, 4):
        forward = walk_forward(journal, query, limit)
        assert [i for page in forward for i in page] == expected, (query, limit)
        assert all(len(page) == limit for page in forward[:-1])
        # Back from the last row: every row before it, pages in display order.
        last = journal.history_page(query, after=None, limit=len(expected))[-1][0]
        backward = walk_backward(journal, query, last, limit)
        assert [i for page in reversed(backward) for i in page] == expected[:-1], (query, limit)
        assert all(len(page) == limit for page in backward[:-1])


# Newest first; on a day, timed entries latest first, then the untimed ones, by id.
BY_DATE = [6, 9, 8, 5, 4, 3, 2, 10, 1, 7]
ORDERS = {
    "date": BY_DATE,
    "distance": [9, 8, 4, 7, 2, 5, 3, 1, 10, 6],
    "duration": [8, 9, 4, 7, 2, 3, 5, 1, 10, 6],
    "effort": [10, 6, 7, 2, 8, 4, 5, 1, 9, 3],
    "pace": [10, 6, 3, 9, 8, 7, 5, 4, 2, 1],
    "hr": [10, 6, 7, 2, 9, 4, 5, 1, 8, 3],
    "type": [7, 2, 10, 9, 8, 4, 6, 5, 3, 1],
}


@pytest.mark.parametrize("sort", list(ORDERS))
def test_each_run_order_descending_pages_both_ways(runs_journal: Journal, sort: str) -> None:
    query = HistoryQuery("run", sort=sort)
    check_every_page_size(runs_journal, query, ORDERS[sort])


@pytest.mark.parametrize("sort", list(ORDERS))
def test_each_run_order_reversed_pages_both_ways(runs_journal: Journal, sort: str) -> None:
    query = HistoryQuery("run", sort=sort, descending=False)
    check_every_page_size(runs_journal, query, ORDERS[sort][::-1])


def test_the_keys_are_the_sort_values_with_the_id_last(runs_journal: Journal) -> None:
    page = runs_journal.history_page(HistoryQuery("run"), limit=3)
    assert [key for key, _ in page] == [
        ("2026-11-22", "12:00", 6),
        ("2026-11-22", "09:00", 9),
        ("2026-11-22", "09:00", 8),
    ]
    by_pace = runs_journal.history_page(HistoryQuery("run", sort="pace"), limit=3)
    assert [key for key, _ in by_pace] == [(400, 10), (400, 6), (360, 3)]


def test_the_entries_come_back_whole(runs_journal: Journal) -> None:
    [(_, entry)] = runs_journal.history_page(HistoryQuery("run"), limit=1)
    assert entry.uid
    assert entry == dataclasses.replace(RUNS[5], id=6, uid=entry.uid)


def test_a_page_without_after_starts_at_the_top(runs_journal: Journal) -> None:
    assert run_ids(runs_journal.history_page(HistoryQuery("run"), limit=2)) == [6, 9]
    # Backwards without a key reads from the other end, still shown in display order.
    backwards = runs_journal.history_page(HistoryQuery("run"), backwards=True, limit=2)
    assert run_ids(backwards) == [1, 7]


def test_the_default_page_is_100_entries(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.db")
    first = date(2026, 1, 1)
    journal.import_all(_run(first + timedelta(days=n), 5000, 1500) for n in range(101))
    query = HistoryQuery("run")
    page = journal.history_page(query)
    assert len(page) == 100
    assert page[0][1].date == first + timedelta(days=100)
    rest = journal.history_page(query, after=page[-1][0])
    assert [entry.date for _, entry in rest] == [first]
    before = journal.history_page(query, after=rest[0][0], backwards=True)
    assert run_ids(before) == run_ids(page)
    assert journal.history_count(query) == 101


# Filters ----------------------------------------------------------------------------


def test_filter_by_run_type(runs_journal: Journal) -> None:
    query = HistoryQuery("run", run_type="long")
    check_every_page_size(runs_journal, query, [9, 8, 4])
    assert runs_journal.history_count(query) == 3


def test_filter_by_date_range_includes_both_ends(runs_journal: Journal) -> None:
    query = HistoryQuery("run", since=D2, until=D2)
    check_every_page_size(runs_journal, query, [4, 3, 2])
    assert runs_journal.history_count(query) == 3
    since = HistoryQuery("run", since=D2)
    assert run_ids(runs_journal.history_page(since)) == [6, 9, 8, 5, 4, 3, 2]
    assert runs_journal.history_count(since) == 7
    until = HistoryQuery("run", until=D2)
    assert run_ids(runs_journal.history_page(until)) == [4, 3, 2, 10, 1, 7]
    assert runs_journal.history_count(until) == 6


def test_filters_combined(runs_journal: Journal) -> None:
    query = HistoryQuery("run", sort="distance", descending=False, run_type="easy", since=D2)
    check_every_page_size(runs_journal, query, [3, 5])
    assert runs_journal.history_count(query) == 2
    everything = HistoryQuery("run", run_type="tempo", since=D1, until=D3)
    assert run_ids(runs_journal.history_page(everything)) == [2, 7]
    assert runs_journal.history_count(everything) == 2
    assert runs_journal.history_count(HistoryQuery("run", run_type="race", since=D2)) == 0


def test_no_filter_counts_everything(runs_journal: Journal) -> None:
    assert runs_journal.history_count(HistoryQuery("run")) == 10
    assert runs_journal.history_count(HistoryQuery("leg")) == 0


def test_a_run_type_does_not_filter_other_kinds(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.db")
    journal.add(LegDay(date=D1, duration_s=3600, rpe=8, exercises=(Exercise("squat", 5, 5),)))
    journal.add(Checkin(date=D1, soreness=2))
    for kind in ("leg", "checkin"):
        query = HistoryQuery(kind, run_type="tempo")  # type: ignore[arg-type]
        assert run_ids(journal.history_page(query)) == [1]
        assert journal.history_count(query) == 1


# Leg days and check-ins ---------------------------------------------------------------


@pytest.fixture
def legs_journal(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal.open(tmp_path / "j.db")
    legs = [
        (D1, "07:00", 3600, 8),  # 1
        (D2, None, 2700, 6),  # 2
        (D2, "18:00", 3600, 5),  # 3
        (D2, "18:00", 2700, 8),  # 4
        (D1, None, 1800, 6),  # 5
    ]
    for day, time, duration_s, rpe in legs:
        exercises = (Exercise(f"squat {duration_s}", 5, 5, 100_000), Exercise("lunges", 3, 12))
        journal.add(
            LegDay(date=day, time=time, duration_s=duration_s, rpe=rpe, exercises=exercises)
        )
    for day, soreness in ((D3, 4), (D1, 2), (D2, 4)):  # check-ins 1, 2, 3
        journal.add(Checkin(date=day, soreness=soreness))
    yield journal
    journal.close()


@pytest.mark.parametrize(
    ("kind", "sort", "expected"),
    [
        ("leg", "date", [4, 3, 2, 1, 5]),
        ("leg", "duration", [3, 1, 4, 2, 5]),
        ("leg", "effort", [4, 1, 5, 2, 3]),
        ("checkin", "date", [1, 3, 2]),
        ("checkin", "soreness", [3, 1, 2]),
    ],
)
def test_leg_day_and_checkin_orders(
    legs_journal: Journal, kind: str, sort: str, expected: list[int]
) -> None:
    query = HistoryQuery(kind, sort=sort)  # type: ignore[arg-type]
    check_every_page_size(legs_journal, query, expected)
    reversed_query = HistoryQuery(kind, sort=sort, descending=False)  # type: ignore[arg-type]
    check_every_page_size(legs_journal, reversed_query, expected[::-1])


def test_leg_days_come_with_their_exercises(legs_journal: Journal) -> None:
    page = legs_journal.history_page(HistoryQuery("leg", sort="duration"), limit=2)
    assert [entry.exercises for _, entry in page] == [  # type: ignore[union-attr]
        (Exercise("squat 3600", 5, 5, 100_000), Exercise("lunges", 3, 12)),
        (Exercise("squat 3600", 5, 5, 100_000), Exercise("lunges", 3, 12)),
    ]
    assert [entry.id for _, entry in page] == [3, 1]
    assert [key for key, _ in page] == [(3600, 3), (3600, 1)]
