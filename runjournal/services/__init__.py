"""What both views need: opening a journal, the day view, imports, the demo journal."""
