"""Every use of aiobotocore, in one place; aiobotocore itself is never imported here.

aiobotocore subclasses botocore's session, client, signer and endpoint, so its clients carry
the same seam. Two things differ: its endpoint awaits ``response.content``, so an answer must
be an ``AioAWSResponse`` over a body with an async ``read()``; and its signer's ``sign`` is a
coroutine, so clients made before pinpoint-mock was imported are covered by wrapping that.
``tests/engine/test__aiobotocore.py`` checks these against the newest aiobotocore in CI.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

from pinpoint_mock.engine import _botocore

_SIGNERS = "aiobotocore.signers"


def is_async(signer: Any) -> bool:
    """Whether ``signer`` belongs to an aiobotocore client."""
    module = sys.modules.get(_SIGNERS)
    return module is not None and isinstance(signer, module.AioRequestSigner)


class _Raw:
    """The minimum of aiohttp's response that aiobotocore reads: ``await read()``."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    async def read(self) -> bytes:
        return self._body


def response(url: str, status: int, headers: dict[str, str], body: bytes) -> Any:
    """An answer aiobotocore's endpoint can read: an ``AioAWSResponse`` (its ``content`` is
    awaited) over a body with an async ``read()``."""
    awsrequest = importlib.import_module("aiobotocore.awsrequest")
    return awsrequest.AioAWSResponse(url, status, headers, _Raw(body))


def cover_early_clients(handlers: dict[str, _botocore.Handler], is_on: Callable[[], bool]) -> None:
    """:func:`pinpoint_mock.engine._botocore.cover_early_clients` for aiobotocore's async signer.

    Needed only when aiobotocore was imported before pinpoint-mock: a client made later has
    the handlers from its session already.
    """
    module = sys.modules.get(_SIGNERS)
    if module is None:
        return
    signer_class = module.AioRequestSigner
    original = signer_class.sign
    if getattr(original, "__pinpoint_mock__", False):
        return

    async def sign(self: Any, operation_name: str, request: Any, *args: Any, **kw: Any) -> Any:
        if is_on():
            _botocore.ours(self, handlers)
        return await original(self, operation_name, request, *args, **kw)

    sign.__pinpoint_mock__ = True  # type: ignore[attr-defined]
    sign.__wrapped__ = original  # type: ignore[attr-defined]
    signer_class.sign = sign
