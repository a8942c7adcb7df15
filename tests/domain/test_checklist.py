"""The warm-up checklist of SPEC §4."""

from __future__ import annotations

import pytest

from runjournal.domain.checklist import (
    ChecklistItem,
    check_label,
    checklist_for,
    default_items,
    new_item_id,
)
from runjournal.domain.errors import InputError

EXPECTED_WORDS = {
    "normal_training": ["5–10 min", "leg swings", "strides"],
    "easy_recovery_run": [
        "10–15 min",
        "mobility",
        "compression",
        "short route",
        "conversational",
        "eat something",
    ],
    "rest": ["no run", "walk", "drink", "check in tomorrow"],
}


@pytest.mark.parametrize("status", EXPECTED_WORDS)
def test_defaults_cover_spec(status: str) -> None:
    labels = [entry.label.lower() for entry in checklist_for(status, default_items(), set())]
    assert len(labels) == len(EXPECTED_WORDS[status])
    for words, label in zip(EXPECTED_WORDS[status], labels, strict=True):
        assert words.lower() in label


def test_ids_are_unique_and_ticks_mark_done() -> None:
    items = default_items()
    assert len({item.id for item in items}) == len(items)
    entries = checklist_for("rest", items, {"eat-hydrate", "strides"})
    assert [entry.done for entry in entries] == [False, False, True, False]


def test_order_follows_position_not_id_nor_insertion() -> None:
    # Ids sort the other way round from positions, and the list is in neither order.
    items = [
        ChecklistItem("b", "rest", "Second", 1),
        ChecklistItem("z", "rest", "First", 0),
        ChecklistItem("a", "rest", "Third", 2),
        ChecklistItem("c", "easy_recovery_run", "Elsewhere", 0),
    ]
    assert [e.label for e in checklist_for("rest", items, set())] == ["First", "Second", "Third"]


def test_own_item_ids_count_up_past_taken_ones() -> None:
    taken = {"my-stretch", "my-stretch-2", "my-stretch-3"}
    assert new_item_id("Stretch", taken) == "my-stretch-4"
    assert new_item_id("Stretch", {"my-stretch-2"}) == "my-stretch"
    assert new_item_id("🧘", {"my-item"}) == "my-item-2"


def test_labels_and_ids_for_own_items() -> None:
    assert check_label("  Foam   roll calves ") == "Foam roll calves"
    for bad in ("", "   ", "x" * 121, "bad \udcff"):
        with pytest.raises(InputError) as info:
            check_label(bad)
        assert info.value.field == "label"
    assert new_item_id("Foam roll calves!", set()) == "my-foam-roll-calves"
    assert new_item_id("Foam roll calves", {"my-foam-roll-calves"}) == "my-foam-roll-calves-2"
    assert new_item_id("🧘", set()) == "my-item"


def test_own_item_ids_are_trimmed_to_30_characters_without_a_trailing_dash() -> None:
    # The 30th character of the slug is a dash: it is trimmed, not kept.
    assert new_item_id("-- " + "a" * 29 + " b", set()) == "my-" + "a" * 29
    assert new_item_id("Calves & hamstrings, slowly!", set()) == "my-calves-hamstrings-slowly"
