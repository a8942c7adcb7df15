"""`python -m runjournal`: the same entry point as the `runjournal` script."""

from .cli import main

if __name__ == "__main__":
    main()
