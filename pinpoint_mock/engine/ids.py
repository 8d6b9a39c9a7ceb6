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


_VERSION_MASK = ~(0xF000 << 64 | 0xC000 << 48)
_VERSION_BITS = 0x4000 << 64 | 0x8000 << 48  # version 4, RFC 4122 variant


def new_uuid() -> str:
    """A random version-4 UUID string (message IDs), as ``str(uuid.uuid4())`` writes it."""
    h = f"{_random.getrandbits(128) & _VERSION_MASK | _VERSION_BITS:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def new_digits(count: int) -> str:
    """``count`` random decimal digits (verification codes)."""
    return f"{_random.randrange(10**count):0{count}d}"
