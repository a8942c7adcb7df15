"""The Import screen and the watched folders, driven through Pilot on a real journal."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DirectoryTree, ProgressBar, Static

from runjournal.store import Journal
from runjournal.tui.app import RunJournalApp
from runjournal.tui.screens.import_screen import ImportScreen
from runjournal.tui.screens.today import TodayScreen

from .conftest import TODAY

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
    '2026-11-20 18:00:00,"Legs",1h 5m,"Squat (Barbell)",W,60.0,5.0,0,0.0,\n'
    '2026-11-20 18:00:00,"Legs",1h 5m,"Squat (Barbell)",1,100.0,5.0,0,0.0,8\n'
    '2026-11-20 18:00:00,"Legs",1h 5m,"Squat (Barbell)",2,100.0,5.0,0,0.0,8\n'
    '2026-11-22 09:30:00,"Lower",40m,"Leg Press",1,150.0,10.0,0,0.0,6\n'
    '2026-11-23 09:30:00,"Push",40m,"Bench Press (Barbell)",1,80.0,5.0,0,0.0,9\n'
)


def gpx_run(day: str = "2026-11-23") -> str:
    """A 1.3 km run, one point every 30 s along a meridian (0.001° ≈ 111 m)."""
    points = "".join(
        f'<trkpt lat="{46.0 + n * 0.001:.3f}" lon="14.5"><time>{day}T07:{n // 2:02d}:'
        f"{30 * (n % 2):02d}Z</time></trkpt>"
        for n in range(13)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>Morning Run</name><type>running</type><trkseg>{points}</trkseg></trk></gpx>"
    )


def strong_csv(folder: Path, name: str = "strong.csv", text: str = STRONG) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def legs(path: Path) -> int:
    with Journal.open(path) as journal:
        return journal.count("leg")


def messages(app: RunJournalApp) -> list[str]:
    """The toasts shown so far (`notify` posts a message: a toast lands a moment later)."""
    return [n.message for n in app._notifications]


async def toast(pilot: Pilot[None], app: RunJournalApp, words: str) -> list[str]:
    """Wait for a toast holding `words`; every toast holding them."""
    await until(pilot, lambda: any(words in m for m in messages(app)))
    return [m for m in messages(app) if words in m]


async def until(pilot: Pilot[None], done: Callable[[], bool], seconds: float = 20) -> None:
    """Let the app run until `done()` holds (workers run in threads: no fixed pause)."""
    end = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < end, "timed out"
        await pilot.pause(0.05)


async def open_import(pilot: Pilot[None], app: RunJournalApp) -> ImportScreen:
    await pilot.press("i")
    await until(pilot, lambda: isinstance(app.screen, ImportScreen))
    screen = app.screen
    assert isinstance(screen, ImportScreen)
    tree = screen.query_one(DirectoryTree)
    await until(pilot, lambda: len(tree.root.children) > 0)
    return screen


def banner(app: RunJournalApp) -> str:
    return str(app.screen.query_one("StatusBanner").render())


def text_of(screen: ImportScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_pick_a_file_see_the_dry_run_confirm_and_today_refreshes(
    app: RunJournalApp, isolated_journal: Path, tmp_path: Path
) -> None:
    strong_csv(tmp_path / "home")  # the picker starts in the home folder
    (tmp_path / "home" / ".cache").mkdir()  # hidden: not offered, so not first
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        assert "NORMAL TRAINING" in banner(app)  # an empty journal
        screen = await open_import(pilot, app)
        await pilot.press("down", "enter")  # the root's first child is strong.csv
        await until(pilot, lambda: screen.stage == "ready")
        summary = text_of(screen, "#import-summary")
        assert summary.startswith("Would import 2 leg days from 1 file")
        assert "1 no leg exercises" in summary
        assert legs(isolated_journal) == 0  # the dry run wrote nothing

        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ImportScreen))
        assert legs(isolated_journal) == 2
        await toast(pilot, app, "2 leg days")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        # The leg day of the 22nd (moderate: 2 recovery days) makes today easy.
        assert "EASY RECOVERY RUN" in banner(app)


async def test_a_folder_with_progress_then_escape_writes_nothing(
    app: RunJournalApp, isolated_journal: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "home" / "exports"
    for n in range(30):
        day = f"2026-10-{n + 1:02d} 07:00:00"
        strong_csv(
            folder,
            f"s{n:02d}.csv",
            STRONG.split("\n")[0] + "\n" + (f'{day},"Legs {n}",50m,"Lunge",1,20.0,10.0,0,0.0,7\n'),
        )
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_import(pilot, app)
        await pilot.press("r")  # the highlighted node: the exports folder
        await until(pilot, lambda: screen.stage == "ready")
        assert "30 leg days from 30 files" in text_of(screen, "#import-summary")
        bar = screen.query_one(ProgressBar)
        assert bar.total == 30
        assert bar.progress == 30

        # Another program holds the journal's write lock: the import reads everything,
        # then waits for the lock, inside its transaction. Escape now, then let go.
        blocker = sqlite3.connect(isolated_journal, isolation_level=None)
        blocker.execute("begin immediate")
        try:
            await pilot.press("enter")
            await until(pilot, lambda: screen.stage == "writing")
            await pilot.pause(0.3)
            await pilot.press("escape")
            assert screen.stage == "cancelling"
            assert isinstance(app.screen, ImportScreen)  # waits for the rollback
        finally:
            blocker.execute("rollback")
            blocker.close()
        await toast(pilot, app, "Nothing was written.")
        assert not isinstance(app.screen, ImportScreen)
    assert legs(isolated_journal) == 0


async def test_escape_while_the_dry_run_reads_closes_at_once(
    app: RunJournalApp, isolated_journal: Path, tmp_path: Path
) -> None:
    strong_csv(tmp_path / "home")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_import(pilot, app)
        await pilot.press("down", "enter", "escape")
        await until(pilot, lambda: not isinstance(app.screen, ImportScreen))
        assert screen.stage in ("reading", "ready", "pick")
        await pilot.pause(0.5)  # let the worker end
        await toast(pilot, app, "Nothing was written.")
    assert legs(isolated_journal) == 0


async def test_nothing_new_enter_does_nothing_backspace_picks_another(
    app: RunJournalApp, isolated_journal: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    upper = STRONG.split("\n")[0] + "\n" + STRONG.split("\n")[5] + "\n"  # the bench day
    strong_csv(home, "a_upper.csv", upper)
    strong_csv(home, "b_legs.csv")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_import(pilot, app)
        await pilot.press("down", "enter")
        await until(pilot, lambda: screen.stage == "ready")
        assert "1 no leg exercises" in text_of(screen, "#import-summary")
        await pilot.press("enter")  # nothing to import: enter is off
        await pilot.pause(0.3)
        assert screen.stage == "ready"
        await pilot.press("backspace")
        assert screen.stage == "pick"
        await pilot.press("down", "enter")  # the next file
        await until(pilot, lambda: screen.stage == "ready")
        assert "2 leg days" in text_of(screen, "#import-summary")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ImportScreen))
    assert legs(isolated_journal) == 2


def bindings_shown(screen: ImportScreen) -> set[str]:
    """The keys the footer offers now (check_action hides the others)."""
    return {key for key, active in screen.active_bindings.items() if active.enabled}


async def test_a_for_activities_that_state_no_sport_reads_again_as_runs(
    app: RunJournalApp, isolated_journal: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    untyped = gpx_run().replace("<type>running</type>", "")  # GPX without a sport
    (home / "walk_or_run.gpx").write_text(untyped, encoding="utf-8")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_import(pilot, app)
        await pilot.press("down", "enter")
        await until(pilot, lambda: screen.stage == "ready")
        assert text_of(screen, "#import-summary") == (
            "Would import nothing from 1 file; skipped 1: 1 sport not stated"
        )
        hint = text_of(screen, "#import-hint")
        assert hint.endswith(
            "nothing to import as it stands. a counts the 1 activity that states no sport as runs."
        )
        assert "a" in bindings_shown(screen)
        assert "enter" not in bindings_shown(screen)  # nothing to import yet

        await pilot.press("a")  # the same file, read again: nothing written yet
        await until(pilot, lambda: screen.stage == "ready" and screen._adds)
        assert text_of(screen, "#import-summary") == "Would import 1 run from 1 file"
        assert text_of(screen, "#import-hint").endswith(
            "Activities that state no sport are counted as runs (a: not any more)."
        )
        assert app.journal.count("run") == 0

        await pilot.press("a")  # and back: the file's own word again
        await until(pilot, lambda: screen.stage == "ready" and not screen._adds)
        assert "1 sport not stated" in text_of(screen, "#import-summary")

        await pilot.press("a")
        await until(pilot, lambda: screen.stage == "ready" and screen._adds)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ImportScreen))
        await toast(pilot, app, "Imported 1 run")
    with Journal.open(isolated_journal) as journal:
        (run,) = journal.entries("run")
    assert (run.date.isoformat(), run.time, run.notes) == ("2026-11-23", "07:00", "Morning Run")
    assert (run.distance_m, run.duration_s) == (1336, 360)  # 12 × 111.3 m in 12 × 30 s


async def test_a_is_not_offered_when_every_file_states_its_sport(
    app: RunJournalApp, isolated_journal: Path, tmp_path: Path
) -> None:
    strong_csv(tmp_path / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_import(pilot, app)
        await pilot.press("down", "enter")
        await until(pilot, lambda: screen.stage == "ready")
        assert "a" not in bindings_shown(screen)
        await pilot.press("a")  # nothing happens: no second read
        await pilot.pause(0.2)
        assert screen.stage == "ready"
        assert not screen.as_run
        assert "counts the" not in text_of(screen, "#import-hint")


async def test_an_unreadable_file_is_said_next_to_the_picker(
    app: RunJournalApp, isolated_journal: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "photo.fit").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_import(pilot, app)
        await pilot.press("down", "enter")
        await until(pilot, lambda: "Not imported" in text_of(screen, "#import-summary"))
        assert "photo.fit" in text_of(screen, "#import-summary")
        assert screen.stage == "pick"
        assert not screen.query_one(DirectoryTree).disabled
    assert legs(isolated_journal) == 0


async def test_import_from_the_command_palette(app: RunJournalApp, tmp_path: Path) -> None:
    assert not (tmp_path / "home").exists()  # no home folder: the picker starts elsewhere
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"import", "enter")
        await until(pilot, lambda: isinstance(app.screen, ImportScreen))
        assert app.screen.query_one(DirectoryTree).path == Path.cwd()
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))


# Watched folders ---------------------------------------------------------------------


def watching(path: Path, folder: Path) -> RunJournalApp:
    with Journal.open(path) as journal:
        journal.save_settings(journal.settings().with_value("import_folders", str(folder)))
    return RunJournalApp(Journal.open(path), today=TODAY)


async def test_a_watched_folder_is_imported_on_open_and_a_bad_file_reported_once(
    isolated_journal: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "watch"
    strong_csv(folder)
    (folder / "GARMIN").mkdir()
    (folder / "GARMIN" / "run.gpx").write_text(gpx_run())
    (folder / "broken.gpx").write_bytes(b"\x00\x01 random bytes, not a gpx")
    (folder / ".DS_Store").write_bytes(b"hidden: never read")
    before = sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*"))
    app = watching(isolated_journal, folder)
    looks: list[object] = []
    app.folder_watch.on_done = looks.append
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until(pilot, lambda: len(looks) == 1)
        assert legs(isolated_journal) == 2
        assert app.journal.count("run") == 1
        said = await toast(pilot, app, "broken.gpx")
        assert len(said) == 1
        assert "1 run and 2 leg days" in said[0]
        assert ".DS_Store" not in said[0]

        # The next look (every few minutes) finds nothing new: no second report.
        app.folder_watch.look()
        await until(pilot, lambda: len(looks) == 2)
        assert looks[1] is None  # nothing new: not even read again
        await pilot.pause(0.2)  # time for a second toast to land, if there were one
        assert len([m for m in messages(app) if "broken.gpx" in m]) == 1

        # A file dropped in later is picked up by the next look.
        strong_csv(
            folder,
            "later.csv",
            STRONG.split("\n")[0] + '\n2026-11-24 06:30:00,"AM",30m,"Step Up",1,10,12,0,0,7\n',
        )
        app.folder_watch.look()
        await until(pilot, lambda: len(looks) == 3)
        assert legs(isolated_journal) == 3
        await toast(pilot, app, "1 leg day")
    app.journal.close()
    # Nothing was written into the watched folder.
    after = sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*"))
    assert [a for a in after if not a[0].endswith("later.csv")] == before


async def test_no_folders_no_look(app: RunJournalApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.folder_watch.busy
        assert app.journal.settings().import_folders == ""


async def test_settings_screen_saves_folders_on_enter_and_says_what_is_wrong(
    app: RunJournalApp, tmp_path: Path
) -> None:
    """Typed in Settings, saved on enter only, then looked at once."""
    from textual.widgets import Input

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        field = app.screen.query_one("#import_folders", Input)
        field.focus()
        await pilot.press(*"exports")
        await pilot.pause()
        assert app.journal.settings().import_folders == ""  # nothing saved while typing
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#field-import_folders .error", Static).render())
        assert "is not an absolute folder" in error
        assert app.journal.settings().import_folders == ""

        field.value = ""
        watch = str(tmp_path / "watch")
        strong_csv(tmp_path / "watch")
        await pilot.press(*watch, "enter")
        await pilot.pause()
        assert app.journal.settings().import_folders == watch
        error = str(app.screen.query_one("#field-import_folders .error", Static).render())
        assert error == ""
        # A folder just named is looked at straight away, not in three minutes.
        await until(pilot, lambda: app.journal.count("leg") == 2)
