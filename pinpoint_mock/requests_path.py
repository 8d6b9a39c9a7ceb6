"""``requests`` callers: while the in-process mock is on, requests made with the ``requests``
library to this service's endpoints are answered by the active service, through ``responses``.

``requests.Session.get_adapter`` hands this service's URLs (every host of its endpoint ruleset:
``sms-voice.<region>.amazonaws.com``, FIPS, dual-stack, other partitions; see
:mod:`pinpoint_mock.engine.endpoints`) to one adapter of ours, whose ``send`` is a ``responses.RequestsMock`` with
a callback into :meth:`Service.answer`; every other URL gets the adapter it always had. Why not
a plain ``RequestsMock`` on ``HTTPAdapter.send``: every ``responses`` mock (a test's own
``responses.activate``, moto's ``mock_aws``) patches that method and sends what it does not
match straight to the network, not to the mock started before it, so only the last one started
would see its URLs. An adapter of our own is reached whatever order they start in, and theirs
see every other URL as before.

``requests`` is imported at the first start; ``responses`` at the first request answered.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import endpoints, hook

if TYPE_CHECKING:
    from requests import PreparedRequest, Response
    from requests.adapters import BaseAdapter, HTTPAdapter

# The adapter only ever sees this service's URLs (``get_adapter`` chose them), so its
# ``responses`` callback matches whatever it is given.
_ANY_URL = re.compile(".*", re.DOTALL)
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

_lock = threading.Lock()
_original_get_adapter: Any = None
_adapter: HTTPAdapter | None = None


def start() -> None:
    """Route this service's URLs to the mock (the outermost activation calls this)."""
    global _original_get_adapter
    try:
        import requests
    except ImportError:  # no requests, no requests callers
        return
    with _lock:
        if _original_get_adapter is not None:
            return
        original = requests.Session.get_adapter
        _original_get_adapter = original

        def get_adapter(session: requests.Session, url: str) -> BaseAdapter:
            if endpoints.is_endpoint(url):
                return _service_adapter()
            return original(session, url)

        requests.Session.get_adapter = get_adapter  # type: ignore[method-assign,assignment]


def stop() -> None:
    """Give ``requests`` back its own adapters; idempotent."""
    global _original_get_adapter, _adapter
    with _lock:
        if _original_get_adapter is None:
            return
        import requests

        requests.Session.get_adapter = _original_get_adapter  # type: ignore[method-assign]
        _original_get_adapter = None
        adapter, _adapter = _adapter, None
    if adapter is not None:
        adapter.close()


def _service_adapter() -> HTTPAdapter:
    global _adapter
    adapter = _adapter
    if adapter is None:
        with _lock:
            if _adapter is None:
                _adapter = _new_adapter()
            adapter = _adapter
    return adapter


def _new_adapter() -> HTTPAdapter:
    import responses
    from requests.adapters import HTTPAdapter

    mock = responses.RequestsMock(assert_all_requests_are_fired=False)
    for method in _METHODS:
        mock.add_callback(method, _ANY_URL, _answer, content_type=None)
    send = mock.unbound_on_send()

    class ServiceAdapter(HTTPAdapter):
        """Answers this service's URLs through ``responses``; responses' own patch of
        ``HTTPAdapter.send`` does not reach this override."""

        def send(self, request: PreparedRequest, *args: Any, **kwargs: Any) -> Response:
            return send(self, request, *args, **kwargs)

    return ServiceAdapter()


def _answer(request: PreparedRequest) -> tuple[int, dict[str, str], bytes]:
    service = hook.active()
    if service is None:  # the mock stopped while this request was on its way
        from requests import ConnectionError

        raise ConnectionError("pinpoint-mock stopped before this request was answered")
    body = request.body
    raw = body.encode() if isinstance(body, str) else bytes(body or b"")
    response = service.answer(request.headers, raw, str(request.url))
    return response.status, response.headers, response.body
