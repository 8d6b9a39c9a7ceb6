"""This service's endpoint hosts, read from botocore's endpoint ruleset and partitions.

The ruleset (``data/pinpoint-sms-voice-v2/*/endpoint-rule-set-1.json``) gives each endpoint
as a URL template such as ``https://sms-voice-fips.{Region}.{PartitionResult#dnsSuffix}``;
the partitions (``data/partitions.json``) give the suffixes (``amazonaws.com``, ``api.aws``,
``amazonaws.com.cn``, ...). Every template with every partition's suffixes is a host the mock
answers, whatever the installed botocore says they are: nothing here is copied by hand.

A host matches case-insensitively, with or without a port and with or without the trailing
dot of a fully qualified name. The Region is any DNS label: botocore puts a Region it does not
know in the ``aws`` partition, so ``sms-voice.mars-east-1.amazonaws.com`` is one of its hosts too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from botocore.loaders import Loader

from pinpoint_mock.engine import model

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_REGION = "([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)"


def _templates(rules: Any) -> Iterator[str]:
    """Every endpoint URL template (a string, not an ``Endpoint`` reference) in the ruleset."""
    if isinstance(rules, dict):
        endpoint = rules.get("endpoint")
        if isinstance(endpoint, dict) and isinstance(endpoint.get("url"), str):
            yield endpoint["url"]
        for value in rules.values():
            yield from _templates(value)
    elif isinstance(rules, list):
        for value in rules:
            yield from _templates(value)


def _host_regex(template: str, outputs: list[dict[str, Any]]) -> str:
    """A template's host as a regex whose one group is the Region."""
    host = re.sub(r"^[a-z]+://", "", template).split("/")[0].split(":")[0]
    parts: list[str] = []
    last = 0
    for found in _PLACEHOLDER.finditer(host):
        parts.append(re.escape(host[last : found.start()]))
        name = found.group(1)
        if name == "Region":
            parts.append(_REGION)
        elif name.startswith("PartitionResult#"):
            key = name.partition("#")[2]
            values = sorted({str(o[key]) for o in outputs if key in o}, key=len, reverse=True)
            parts.append("(?:" + "|".join(re.escape(v) for v in values) + ")")
        else:  # a placeholder this module does not know: match no host rather than any
            return "(?!)"
        last = found.end()
    parts.append(re.escape(host[last:]))
    return "".join(parts)


@functools.cache
def _hosts() -> re.Pattern[str]:
    loader = Loader()
    ruleset = loader.load_service_model(model.SERVICE_NAME, "endpoint-rule-set-1")
    outputs = [p["outputs"] for p in loader.load_data("partitions")["partitions"]]
    hosts = sorted({_host_regex(t, outputs) for t in _templates(ruleset.get("rules", []))})
    return re.compile("|".join(f"(?:{h})" for h in hosts), re.IGNORECASE)


def region_of(url: str) -> str | None:
    """The Region of one of this service's endpoint URLs; ``None`` for any other URL."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # an unparsable URL or port is nobody's endpoint
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    found = _hosts().fullmatch(host.removesuffix("."))
    if found is None:
        return None
    return next(g for g in found.groups() if g is not None).lower()


def is_endpoint(url: str) -> bool:
    """Whether ``url`` is on one of this service's endpoint hosts (any scheme of HTTP)."""
    return region_of(url) is not None
