"""Help: the keys, and how the advisor decides."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# runjournal

## Keys
* **t** — Today: what the day is for, why, and the warm-up
* **l** / **r** — log a leg day / a run
* **c** — soreness check-in (press a digit, 0–9)
* **h** — History: review, edit (`enter`) and delete (`d`) entries
* **w** — Trends: weekly distance, load, soreness (**[** / **]**: 12–52 weeks), recovery, records
* **s** — Settings: profile, units, checklist, theme
* **i** — Import: Strava, Garmin, Strong or Hevy files, or a folder of them
* **space** / **enter** — tick a warm-up item
* **+** / **-** — on a date field: the next / previous day
* **ctrl+s** / **escape** — save / cancel a form (escape asks first if something is typed)
* **u** — undo a delete, for a few seconds after it (History)
* **ctrl+p** — every action, searchable: export, backup, config, theme…
* **q** — quit (outside text fields)

## Marks
* **⚑** after a leg day's load (History) means its sets were taken **to failure**: that
  alone makes the session count as hard.

## How the advisor decides
It reads your leg days of the last 7 days and today's soreness check-in.

* A leg day counts as **hard** if taken to failure, at RPE 8 or more, or 45 minutes or
  longer at RPE 6 or more; **light** if RPE 4 or less or under 20 minutes; otherwise
  **moderate**.
* Legs may stay under stress for 1 (light), 2 (moderate) or 3 (hard) days: one more
  for beginners or slow recovery, one fewer for advanced runners or fast recovery
  (always 1 to 4 days).
* **Rest** when you are too sore to walk (soreness 8+), or on leg day itself: a run on
  the same day is mediocre at best, with glycogen spent and muscles fatigued.
* **Easy recovery run** inside the recovery window, or with soreness 4–7: short and
  conversational (effort 4/10 at most), no pace or distance goals, nothing long,
  tempo, hills, intervals or race.
* Otherwise **normal training**.

The strictest rule wins, and every rule that fires is listed under *Why*. Under the
banner, Today says when hard running is OK again if you log nothing more; its strip
runs on into the next days' expected status. Notes about a load spike or monotony are
rough guides: they never change the status.
"""


class HelpScreen(ModalScreen[None]):
    """The keys and the advisor's rules, in a box that scrolls (arrows, pages, wheel)."""

    BINDINGS = [Binding("escape,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        # Markdown does not scroll by itself: a focused VerticalScroll around it takes
        # up/down, page up/down, home/end and the wheel.
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Markdown(HELP)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
