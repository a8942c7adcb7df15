"""The pure core of runjournal: entries, parsing, the advisor and the checklist.

Nothing here touches a database or a terminal, and time is always an argument.
"""
