"""Help: the keys, and how the advisor decides."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# runjournal

## Keys
| key | does |
| --- | --- |
| `t` | Today: what the day is for, why, and the warm-up |
| `l` / `r` | log a leg day / a run |
| `c` | soreness check-in (press a digit, 0–9) |
| `h` | History: review, edit (`enter`) and delete (`d`) entries |
| `w` | Trends: weeks of distance, load and soreness (`[`/`]` 12, 26, 52), your recovery, records |
| `s` | Settings: profile, units, checklist, theme |
| `space` / `enter` | tick a warm-up item |
| `ctrl+s` / `escape` | save / cancel a form |
| `ctrl+p` | every action, searchable |
| `q` | quit (outside text fields) |

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
    BINDINGS = [Binding("escape,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        yield Markdown(HELP, id="help-body", classes="dialog")
