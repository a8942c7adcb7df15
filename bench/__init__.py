"""runjournal's performance harness: `python -m bench` (or `make bench`) writes BENCHMARKS.md."""
