"""Server mode: the service over HTTP on loopback, for the AWS CLI and other SDKs.

Every request takes the one path the in-process mock takes (``Service.answer``: decode,
dispatch, encode); requests under ``/_pinpoint_mock/`` go to the control endpoints
(:mod:`pinpoint_mock.control`) instead. HTTP/1.1 with keep-alive, one thread per connection.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import socketserver
import sys
import threading
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

from pinpoint_mock import control
from pinpoint_mock.engine import wire
from pinpoint_mock.engine.dispatch import Service
from pinpoint_mock.engine.errors import MockError, ServiceError
from pinpoint_mock.service.options import Options
from pinpoint_mock.sms import SmsVoiceV2Mock
from pinpoint_mock.state_file import StateFile

# bytes; a larger request is refused with 413 before it is read. The largest valid request
# fits: the model's largest blob (CreateRegistrationAttachment's AttachmentBody, 6,990,508
# bytes) base64-encoded, with room for the rest of the request.
MAX_BODY = 10 * 1024 * 1024
CLIENT_TIMEOUT = 30.0  # seconds a connection may sit idle or stall mid-request


class ServerURL(str):
    """The base URL of a running server (``http://127.0.0.1:PORT``); ``.mock`` is the
    server's :class:`SmsVoiceV2Mock`, for Python tests that drive the review directly."""

    mock: SmsVoiceV2Mock


def exposure_warning(host: str) -> str | None:
    """The warning to print when ``host`` (the address bound) is reachable beyond loopback."""
    try:
        loopback = ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:  # a name, not an address
        loopback = host == "localhost"
    if loopback:
        return None
    return (
        f"warning: pinpoint-mock is listening on {host}, which is not a loopback address: "
        "anything that can reach this machine can read and change the mock's state, "
        "unauthenticated. Use --host 127.0.0.1 unless that is what you want."
    )


class MockServer:
    """A bound server; ``start()`` serves it in a background thread, ``stop()`` ends it.

    Options are those of :func:`pinpoint_mock.mock_sms_voice_v2` (``review``, ``account_id``,
    ``registration_types``, ``quotas``, ``check_fields``, ``review_after``, ``sandbox``).
    ``state``: a file to load at start (when it exists) and to keep every change in before it
    is answered (:mod:`pinpoint_mock.state_file`).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        verbose: bool = False,
        client_timeout: float = CLIENT_TIMEOUT,
        state: str | os.PathLike[str] | None = None,
        **options: Any,
    ) -> None:
        import pinpoint_mock.service.table  # noqa: F401 - the families fill the operation table

        if options.get("fast"):
            raise MockError(
                "fast=True answers botocore's clients inside their own process; a server "
                "answers on the wire (pass fast=True to mock_sms_voice_v2 instead)"
            )
        service = Service(Options.from_kwargs(options))
        if type(port) is not int or not 0 <= port <= 65535:
            raise MockError(f"port={port!r} is not a port (an int from 0 to 65535)")
        self.mock = SmsVoiceV2Mock(service)
        self.state_file = None if state is None else StateFile(state, service)
        if self.state_file is not None:
            self.state_file.open()  # a corrupt or foreign file stops us here, untouched
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            self._http = _HTTPServer(
                (host, port), family, service, self.mock, verbose, client_timeout
            )
        except BaseException:
            if self.state_file is not None:
                self.state_file.close()
            raise
        self._http.state_file = self.state_file
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return str(self._http.server_address[0])

    @property
    def port(self) -> int:
        return int(self._http.server_address[1])

    @property
    def url(self) -> ServerURL:
        host = f"[{self.host}]" if ":" in self.host else self.host
        url = ServerURL(f"http://{host}:{self.port}")
        url.mock = self.mock
        return url

    @property
    def errors(self) -> list[BaseException]:
        """Exceptions raised while serving (misuse of the mock, or a bug), oldest first."""
        return list(self._http.errors)

    def start(self) -> None:
        if self._thread is not None:
            raise MockError("this server is already started")
        self._thread = threading.Thread(
            target=self._http.run, name=f"pinpoint-mock server {self.port}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, end open connections and wait for their threads; idempotent."""
        if self._thread is not None:
            self._http.shutdown()
            self._thread.join()
            self._thread = None
        self._http.close_connections()
        self._http.server_close()  # joins the connection threads
        if self.state_file is not None:
            self.state_file.close()  # the journal folded into a new snapshot

    def check(self) -> None:
        """Raise the first exception raised while serving, if any."""
        if self._http.errors:
            raise self._http.errors[0]


@contextmanager
def server(
    port: int = 0,
    host: str = "127.0.0.1",
    *,
    state: str | os.PathLike[str] | None = None,
    **options: Any,
) -> Iterator[ServerURL]:
    """Run the service over HTTP for the ``with`` block; yields its base URL.

    ``state``: a file holding the state across runs: loaded at start when it exists, every
    change made durable in it before its answer is sent (docs/state.md).

    ``with pinpoint_mock.server() as url:`` then
    ``boto3.client("pinpoint-sms-voice-v2", endpoint_url=url, ...)``. The URL's ``.mock`` is
    the server's :class:`SmsVoiceV2Mock`. Options are those of ``mock_sms_voice_v2``. An
    exception raised while serving (e.g. a review policy returning a wrong value) is raised
    here when the block exits.
    """
    running = MockServer(host, port, state=state, **options)
    warning = exposure_warning(running.host)
    if warning is not None:
        warnings.warn(warning, stacklevel=3)
    running.start()
    try:
        yield running.url
    finally:
        running.stop()
    running.check()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = False  # tracked, so server_close() joins them
    block_on_close = True

    def __init__(
        self,
        address: tuple[str, int],
        family: socket.AddressFamily,
        service: Service,
        mock: SmsVoiceV2Mock,
        verbose: bool,
        client_timeout: float,
    ) -> None:
        self.address_family = family
        self.mock = mock
        self.service = service
        self.verbose = verbose
        self.client_timeout = client_timeout
        self.errors: list[BaseException] = []
        self.state_file: StateFile | None = None
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._closing = False
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host's name up (socket.getfqdn); nothing needs it.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def run(self) -> None:
        try:
            self.serve_forever(poll_interval=0.05)
        except BaseException as error:  # surfaced by MockServer.check()
            self.errors.append(error)

    def track(self, connection: socket.socket, open_: bool) -> None:
        with self._connections_lock:
            if not open_:
                self._connections.discard(connection)
            elif self._closing:  # accepted just before the stop: end it at once
                _end(connection)
            else:
                self._connections.add(connection)

    def close_connections(self) -> None:
        """End every open connection (idle keep-alive ones included) so their threads exit."""
        with self._connections_lock:
            self._closing = True
            connections = list(self._connections)
        for connection in connections:
            _end(connection)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return  # the client went away or stalled: its problem, not the test's
        if error is not None:
            self.errors.append(error)


# An HTTP length needs at most 19 digits (2**63); more is a malformed request.
_MAX_LENGTH_DIGITS = 19


def _length(raw: str | None) -> int:
    """A Content-Length already checked to be digits (leading zeros count against
    Python's digit limit, so they go first)."""
    return int(raw.lstrip("0") or "0") if raw else 0


def _clip(text: str, keep: int = 40) -> str:
    """A header value short enough to quote in an answer."""
    return text if len(text) <= keep else f"{text[:keep]}..."


def _loaded(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


def _end(connection: socket.socket) -> None:
    with suppress(OSError):  # already closed by the other side
        connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pinpoint-mock"
    disable_nagle_algorithm = True
    server: _HTTPServer
    _replied = False

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.client_timeout)  # slow clients time out
        self.server.track(self.connection, True)

    def finish(self) -> None:
        self.server.track(self.connection, False)
        with suppress(OSError):  # the client went away before its answer was flushed
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def handle_one_request(self) -> None:
        """One request; one that cannot be read as HTTP gets a 400 and the connection ends.

        A malformed request is the client's problem, never the test's: it is not recorded
        in ``errors``, so ``server()`` does not raise it at exit. (Errors raised while
        answering a well-formed request are handled in :meth:`_serve`.)
        """
        self._replied = False
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):
            raise  # the client went away or stalled: handle_error drops it
        except Exception as error:
            self.close_connection = True
            if not self._replied:
                with suppress(OSError):
                    self._refuse(
                        400,
                        "BadRequest",
                        f"pinpoint-mock could not read this request "
                        f"({type(error).__name__}: {_clip(str(error), 200)}).",
                    )

    def handle_expect_100(self) -> bool:
        if self._refused_before_body():
            return False
        return super().handle_expect_100()

    def do_POST(self) -> None:
        self._serve()

    # The control endpoints take several methods; the service itself only POST (the others
    # get a JSON 405 rather than http.server's HTML page).
    do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_POST

    # -- one request -------------------------------------------------------------------------

    def _serve(self) -> None:
        if self._refused_before_body():
            return
        length = _length(self.headers.get("Content-Length"))
        try:
            body = self.rfile.read(length) if length else b""
        except (TimeoutError, ConnectionError):
            self.close_connection = True  # a stalled or vanished client: drop it
            return
        if len(body) < length:
            self.close_connection = True
            return
        try:
            response = self._answer(body)
        except Exception as error:  # misuse of the mock (or a bug): tell the client, keep it
            self.server.errors.append(error)
            response = wire.encode_error(
                ServiceError(
                    "InternalServerException",
                    f"pinpoint-mock: {type(error).__name__}: {error}. "
                    "The test that started this server gets this exception when it stops.",
                ),
                wire.new_request_id(),
            )
        self._send(response.status, response.headers, response.body)

    def _answer(self, body: bytes) -> wire.Response:
        if self.path.startswith(control.PREFIX):
            status, payload = control.handle(self.server.mock, self.command, self.path, body)
            if self.server.state_file is not None and self.command not in ("GET", "HEAD"):
                # a review step changed records: durable before the answer, as a call is
                self.server.state_file.changed(None, [_loaded(body), _loaded(payload)])
            return wire.Response(status, {"Content-Type": "application/json"}, payload)
        if self.command != "POST":
            refused = wire.encode_error(
                ServiceError(
                    "MethodNotAllowed",
                    f"The service answers POST requests (AWS JSON 1.0), not {self.command}.",
                ),
                wire.new_request_id(),
            )
            return wire.Response(405, {**refused.headers, "Allow": "POST"}, refused.body)
        url = f"http://{self.headers.get('Host', 'localhost')}{self.path}"
        headers = cast("Mapping[str, str]", self.headers)  # case-insensitive, as decode needs
        return self.server.service.answer(headers, body, url)

    def _refused_before_body(self) -> bool:
        """Answer 411/413 from the headers alone, without reading the body; True if so."""
        raw = self.headers.get("Content-Length")
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self._refuse(411, "LengthRequired", "pinpoint-mock needs a Content-Length header.")
            return True
        if raw is not None and not (raw.isdigit() and raw.isascii()):
            self._refuse(400, "BadRequest", f"Content-Length {_clip(raw)!r} is not a number.")
            return True
        if raw is not None and len(raw.lstrip("0")) > _MAX_LENGTH_DIGITS:
            # int() of thousands of digits raises ValueError (Python's digit limit)
            self._refuse(
                400,
                "BadRequest",
                f"Content-Length {_clip(raw)} ({len(raw)} digits) is not a length of any request.",
            )
            return True
        if raw is not None and _length(raw) > MAX_BODY:
            self._refuse(
                413,
                "RequestEntityTooLarge",
                f"The request body is {raw} bytes; pinpoint-mock accepts at most "
                f"{MAX_BODY} bytes (10 MiB).",
            )
            return True
        return False

    def _refuse(self, status: int, code: str, message: str) -> None:
        self.close_connection = True  # the unread body cannot be skipped: end the connection
        response = wire.encode_error(ServiceError(code, message), wire.new_request_id())
        self._send(status, response.headers, response.body)

    def _send(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        """The status line, the headers and the body in one write (no Nagle delay)."""
        reason = self.responses[status][0] if status in self.responses else ""
        head = [f"{self.protocol_version} {status} {reason}\r\n"]
        head.extend(f"{name}: {value}\r\n" for name, value in headers.items())
        if "Content-Length" not in headers:
            head.append(f"Content-Length: {len(body)}\r\n")
        if self.close_connection:
            head.append("Connection: close\r\n")
        head.append("\r\n")
        if getattr(self, "command", None) == "HEAD":  # the headers, never the body
            body = b""
        self._replied = True
        self.wfile.write("".join(head).encode("latin-1") + body)
        if self.server.verbose:
            self.log_request(status, len(body))
