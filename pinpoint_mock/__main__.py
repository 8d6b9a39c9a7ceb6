"""``python -m pinpoint_mock``."""

from pinpoint_mock.cli import main

raise SystemExit(main())
