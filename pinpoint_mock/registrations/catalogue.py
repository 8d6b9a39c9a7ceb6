"""The registration type names CreateRegistration accepts, shipped as data."""

from __future__ import annotations

import functools
import json
from importlib import resources


@functools.cache
def builtin_types() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data/types.json").read_text("utf-8")
    return frozenset(json.loads(text)["types"])
