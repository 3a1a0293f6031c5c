"""Entry point of `python -m analysis`: hands the command line over to analysis.cli."""

from analysis.cli import main

raise SystemExit(main())
