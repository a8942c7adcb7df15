"""Settings: profile, units, theme and the warm-up checklist; saved as you change them."""

from __future__ import annotations

import os

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...domain.advisor import STATUS_LABELS, STATUSES
from ...domain.checklist import ChecklistItem, check_label, default_items, new_item_id
from ...domain.errors import InputError
from ...domain.settings import CHOICES, THEMES
from ...store.backups import backup_folder, list_backups
from ...text import one_line, shown
from ..messages import JournalChanged
from ..session import SessionScreen
from ..widgets.field import Field
from .confirm import ConfirmDialog

LABELS = {
    "fitness_level": "Fitness level",
    "recovery_rate": "Recovery rate",
    "units": "Distance units",
    "weight_units": "Weight units",
    "theme": "Theme",
    "import_folders": "Folders to watch",
}
# Two rows of three, so that no dropdown is squeezed until "intermediate" wraps at 80
# columns.
PROFILE_ROWS = (("fitness_level", "recovery_rate", "theme"), ("units", "weight_units"))
CHOICE_KEYS = tuple(key for row in PROFILE_ROWS for key in row)


class SettingsScreen(SessionScreen):
    BINDINGS = [
        Binding("delete,x", "remove_item", "Remove item"),
        Binding("u", "undo", "Undo", show=False),
        Binding("escape", "back", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        settings = self.session.journal.settings()
        yield Header()
        with VerticalScroll(id="settings", can_focus=False):
            yield Static("Profile", classes="section-title")
            for n, row in enumerate(PROFILE_ROWS):
                with Horizontal(classes="form-row"):
                    for key in row:
                        options = THEMES if key == "theme" else CHOICES[key]
                        with Vertical(classes="field"):
                            yield Label(LABELS[key])
                            yield Select(
                                [(o, o) for o in options],
                                value=getattr(settings, key),
                                allow_blank=False,
                                id=key,
                            )
                    if n == 1:
                        yield Field(
                            "Recovery run ≤ min (10–90)",
                            "recovery_run_max_minutes",
                            str(settings.recovery_run_max_minutes),
                        )
            yield Static("Warm-up checklist", classes="section-title")
            yield Select(
                [(STATUS_LABELS[s], s) for s in STATUSES],
                value="easy_recovery_run",
                allow_blank=False,
                id="checklist-status",
            )
            yield OptionList(id="items")
            yield Static(
                "[dim]enter: reword · x/delete: remove · type below and press enter to add[/dim]"
            )
            with Horizontal(classes="form-row"):
                yield Field("Item", "label", wide=True, placeholder="e.g. Foam roll calves")
                yield Button("Add", id="add-item", variant="primary")
                yield Button("Reset to defaults…", id="reset-items", variant="error")
            yield Static("Import", classes="section-title")
            yield Field(
                f"Folders to watch, joined by '{os.pathsep}': new files there are imported"
                " (enter to save)",
                "import_folders",
                settings.import_folders,
                wide=True,
                placeholder="e.g. ~/Sync/watch",
            )
            yield Static("Your journal and its backups", classes="section-title")
            # markup=False: a path is text ("~/[runs]/journal.db" is a fine folder name)
            info = Static(self._journal_text(), id="journal-info", markup=False)
            info.can_focus = True  # Tab reaches it, and focusing scrolls it into view
            yield info
        yield Footer(compact=True, show_command_palette=False)

    def _journal_text(self) -> str:
        path = self.session.journal.path
        if path is None or self.session.demo:
            return "This is a throw-away demo journal: nothing here is kept."
        backups = list_backups(path)
        latest = f"latest {backups[0].name}" if backups else "none yet"
        return (
            f"Journal   {shown(str(path))}\n"
            f"Backups   {shown(str(backup_folder(path)))}  ({len(backups)} kept, {shown(latest)})\n"
            "A copy is made on the first open of each day; the last 7 are kept.\n"
            "To restore one: close runjournal, move the journal file aside (and its -wal "
            "and -shm files), then copy the backup in its place.\n"
            "A copy any time, safe while the app is open: runjournal backup FILE"
        )

    def on_mount(self) -> None:
        self._editing: str | None = None
        self._show_items()

    def on_screen_resume(self) -> None:
        self._sync()

    @on(JournalChanged)
    def _sync(self) -> None:
        """Show what the journal holds now: the palette, another process or another
        screen may have changed a setting since this screen was built."""
        if not self.is_mounted:
            return
        settings = self.session.journal.settings()
        for key in CHOICE_KEYS:
            select = self.query_one(f"#{key}", Select)
            if select.value != getattr(settings, key):
                with self.prevent(Select.Changed):
                    select.value = getattr(settings, key)
        minutes = self.query_one("#recovery_run_max_minutes", Input)
        if not minutes.has_focus and minutes.value != str(settings.recovery_run_max_minutes):
            with self.prevent(Input.Changed):
                minutes.value = str(settings.recovery_run_max_minutes)
        folders = self.query_one("#import_folders", Input)
        if not folders.has_focus and folders.value != settings.import_folders:
            with self.prevent(Input.Changed):
                folders.value = settings.import_folders
        if self._editing is None:
            self._show_items()

    @property
    def _label_input(self) -> Input:
        # By its field: "#label" alone also matches the label inside every Select.
        return self.query_one("#field-label Input", Input)

    # Profile ---------------------------------------------------------------------

    @on(Select.Changed, ", ".join(f"#{key}" for key in CHOICE_KEYS))
    def _choice_changed(self, event: Select.Changed) -> None:
        key = event.select.id or ""
        self._save(key, str(event.value))
        if key == "theme":
            self.app.theme = str(event.value)

    @on(Input.Submitted, "#recovery_run_max_minutes")
    @on(Input.Changed, "#recovery_run_max_minutes")
    def _minutes_changed(self, event: Input.Changed | Input.Submitted) -> None:
        field = self.query_one("#field-recovery_run_max_minutes", Field)
        try:
            self._save(
                "recovery_run_max_minutes", event.value, quiet=isinstance(event, Input.Changed)
            )
            field.show_error(None)
        except InputError as error:
            field.show_error(error.message)

    @on(Input.Submitted, "#import_folders")
    def _folders_submitted(self, event: Input.Submitted) -> None:
        # Saved on enter only: a half-typed "/home" must never be watched.
        field = self.query_one("#field-import_folders", Field)
        try:
            self._save("import_folders", event.value)
            field.show_error(None)
        except InputError as error:
            field.show_error(error.message)

    def _save(self, key: str, value: str, *, quiet: bool = False) -> None:
        journal = self.session.journal
        current = journal.settings()
        updated = current.with_value(key, value)
        if updated == current:
            return
        saved, _ = self.session.write("Saving settings", lambda: journal.save_settings(updated))
        if not saved:
            return
        if not quiet:
            self.app.notify(
                f"{LABELS.get(key, key)}: {getattr(updated, key)}", title="Saved", markup=False
            )
        self.session.changed()

    # Checklist -------------------------------------------------------------------

    @property
    def status(self) -> str:
        return str(self.query_one("#checklist-status", Select).value)

    def _items(self) -> list[ChecklistItem]:
        return [i for i in self.session.journal.checklist_items() if i.status == self.status]

    @on(Select.Changed, "#checklist-status")
    def _show_items(self) -> None:
        items = self.query_one("#items", OptionList)
        chosen = items.highlighted
        shown = self._items()
        items.set_options(Option(Content(one_line(item.label)), id=item.id) for item in shown)
        if shown:  # enter and x work at once, on the first item if none was chosen
            items.highlighted = min(chosen or 0, len(shown) - 1)
        if self._editing is not None:  # switching lists ends a rewording
            self._label_input.value = ""
        self._editing = None
        self.query_one("#add-item", Button).label = "Add"

    @on(OptionList.OptionSelected, "#items")
    def _start_rewording(self, event: OptionList.OptionSelected) -> None:
        self._editing = event.option.id
        field = self._label_input
        field.value = str(event.option.prompt)
        field.focus()
        self.query_one("#add-item", Button).label = "Save wording"

    @on(Input.Submitted, "#label")
    @on(Button.Pressed, "#add-item")
    def _add_or_reword(self) -> None:
        field = self.query_one("#field-label", Field)
        try:
            label = check_label(field.value)
        except InputError as error:
            field.show_error(error.message)
            return
        field.show_error(None)
        items = self._items()
        if self._editing:
            items = [
                ChecklistItem(
                    i.id, i.status, label if i.id == self._editing else i.label, i.position
                )
                for i in items
            ]
        else:
            taken = {i.id for i in self.session.journal.checklist_items()}
            items.append(ChecklistItem(new_item_id(label, taken), self.status, label, len(items)))
        if not self._save_items(items):
            return
        self._label_input.value = ""
        self.query_one("#add-item", Button).label = "Add"
        self._show_items()
        self.session.changed()

    def _save_items(self, items: list[ChecklistItem]) -> bool:
        """Store this status's items in order; False (and a message) if it failed."""
        status, journal = self.status, self.session.journal
        saved, _ = self.session.write(
            "Saving the checklist", lambda: journal.save_checklist_items(status, items)
        )
        return saved

    def action_remove_item(self) -> None:
        options = self.query_one("#items", OptionList)
        if not options.has_focus or options.highlighted is None:
            return
        gone = options.get_option_at_index(options.highlighted).id
        before = self._items()
        if not self._save_items([i for i in before if i.id != gone]):
            return
        self._undo_items = (self.status, before)
        self._show_items()
        label = next(i.label for i in before if i.id == gone)
        self.app.notify(f"Removed “{label}”. Press u to undo.", title="Checklist", timeout=8)
        self.session.changed()

    _undo_items: tuple[str, list[ChecklistItem]] | None = None

    def action_undo(self) -> None:
        """Put back the checklist as it was before the last removal."""
        if self._undo_items is None or isinstance(self.focused, Input):
            return
        status, items = self._undo_items
        self._undo_items = None
        journal = self.session.journal
        saved, _ = self.session.write("Undo", lambda: journal.save_checklist_items(status, items))
        if saved:
            self._show_items()
            self.app.notify("Item restored.", title="Checklist")
            self.session.changed()

    @on(Button.Pressed, "#reset-items")
    def _reset(self) -> None:
        """Reset this status's items to the defaults, once confirmed: it drops the
        user's own items and wordings."""
        status = self.status

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if not self._save_items([i for i in default_items() if i.status == status]):
                return
            self._show_items()
            self.app.notify(f"{STATUS_LABELS[status]} checklist reset.", title="Checklist")
            self.session.changed()

        question = (
            f"Reset the {STATUS_LABELS[status].lower()} checklist to the defaults? "
            "Your own items and wordings for it are removed."
        )
        self.app.push_screen(ConfirmDialog(question, "Reset"), answered)

    async def action_back(self) -> None:
        await self.app.run_action("go('today')")
