"""Random resource IDs (``registration-<32 hex>``, ``phone-<32 hex>``, ...).

They come from a generator seeded once per process from ``os.urandom``, not from
``os.urandom`` per ID: handlers run holding their region's lock, and ``os.urandom`` releases
the GIL, so every ID would let the other threads in only to queue on that lock (8 threads
fell to 0.7x one thread's throughput). IDs need to be unique, not secret.
"""

from __future__ import annotations

import os
import random

_random = random.Random(os.urandom(32))


def new_id(prefix: str) -> str:
    """``prefix`` and 32 random hex digits, e.g. ``new_id("registration")``."""
    return f"{prefix}-{_random.getrandbits(128):032x}"


def new_uuid() -> str:
    """A random version-4 UUID string (message IDs)."""
    import uuid

    return str(uuid.UUID(int=_random.getrandbits(128), version=4))


def new_digits(count: int) -> str:
    """``count`` random decimal digits (verification codes)."""
    return f"{_random.randrange(10**count):0{count}d}"
