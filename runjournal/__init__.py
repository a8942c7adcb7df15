"""runjournal: a terminal workout journal for runners who also lift."""

__version__ = "0.1.0"
