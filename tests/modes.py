"""The mock's two modes, for tests that run in both: on the wire, and above it (``fast``)."""

from __future__ import annotations

MODES = {"wire": False, "fast": True}
