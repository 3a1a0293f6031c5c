"""Entry point of `python -m publication`: hands the command line over to publication.cli."""

from publication.cli import main

raise SystemExit(main())
