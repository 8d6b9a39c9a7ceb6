"""One request in, one response out: injected faults, validation, the operation table,
and the call log. Every way in (botocore hook, HTTP server, ``responses``) ends here."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from pinpoint_mock.engine import model, wire
from pinpoint_mock.engine.call_log import CallLog
from pinpoint_mock.engine.errors import MockError, ServiceError
from pinpoint_mock.engine.pagination import TokenCodec
from pinpoint_mock.engine.store import RegionState, Store
from pinpoint_mock.engine.validation import validator

if TYPE_CHECKING:
    from pinpoint_mock.service.options import Options

Handler = Callable[["Context", dict[str, Any]], dict[str, Any]]

# The operation table: operation name -> handler. The engine knows no operation; the service
# (pinpoint_mock/service/table.py) fills this when it is imported, which the faces do before
# the first activation.
HANDLERS: dict[str, Handler] = {}


def not_modelled(operation: str) -> ServiceError:
    return ServiceError(
        "NotImplemented",
        f"PinpointSMSVoiceV2.{operation} is not modelled by pinpoint-mock, so it was answered "
        "here and sent nowhere. Modelled operations: " + ", ".join(sorted(HANDLERS)) + ".",
    )


class Observer(Protocol):
    """Told of every change to the state (server ``--state`` keeps a journal with it)."""

    def changed(self, state: RegionState | None, hints: Any, everything: bool = False) -> None:
        """``state`` (or, when None, any region) may have changed the records ``hints``
        names (any JSON-like value whose strings are IDs, names or ARNs); ``everything``:
        the whole store may have changed. Called holding ``state.lock``."""


@dataclass(slots=True)
class Context:
    service: Service
    state: RegionState
    request: wire.Request


class Service:
    """The state and behaviour behind one activation (or one server)."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.store = Store()
        self.tokens = TokenCodec()
        self.calls = CallLog(options.call_log)
        self._faults: dict[str, deque[list[Any]]] = {}
        self._faults_lock = threading.Lock()
        self.observer: Observer | None = None

    # -- the way in ---------------------------------------------------------------------

    def answer(
        self,
        headers: Mapping[str, str],
        body: bytes,
        url: str,
        *,
        region: str | None = None,
        account: str | None = None,
    ) -> wire.Response:
        """Answer one HTTP request (``region``/``account``: what the botocore hook knows)."""
        request_id = wire.new_request_id()
        try:
            request = wire.decode(
                headers,
                body,
                url,
                self.options.account_id,
                request_id,
                region=region,
                account=account,
            )
        except ServiceError as error:
            return wire.encode_error(error, request_id)
        return self.handle(request)

    def handle(self, request: wire.Request) -> wire.Response:
        """Answer a decoded request on the wire; the log keeps its bodies, not their trees."""
        result, error = self._outcome(request)
        if error is not None:
            response = wire.encode_error(error, request.request_id)
            self._record(request, request.body, None, error.code)
        else:
            response = wire.encode_result(result, request.request_id)
            self._record(request, request.body, response.body, None)
        return response

    def direct(self, request: wire.Request) -> tuple[dict[str, Any], ServiceError | None]:
        """Answer above the wire: the result (``{}`` on an error) and the error, if any."""
        result, error = self._outcome(request)
        self._record(request, request.params, result, None if error is None else error.code)
        return result, error

    def _outcome(self, request: wire.Request) -> tuple[dict[str, Any], ServiceError | None]:
        try:
            return self._call(request), None
        except ServiceError as error:
            return {}, error
        except MockError:
            raise  # misuse of the mock: the test author gets it in Python
        except Exception as bug:  # never a traceback out of the mock: a 500 the SDK expects
            return {}, ServiceError(
                "InternalServerException",
                f"pinpoint-mock failed inside on {request.operation}: "
                f"{type(bug).__name__}: {bug}. This is a bug in pinpoint-mock; please report it.",
            )

    def _call(self, request: wire.Request) -> dict[str, Any]:
        operation = request.operation
        timers = self.store.timers
        if timers.pending:
            timers.catch_up()  # what the clock made happen since the last look
        if self._faults:
            fault = self._take_fault(operation)
            if fault is not None:
                raise fault
        handler = HANDLERS.get(operation)
        if handler is None:
            raise not_modelled(operation)
        validator(operation)(request.params)
        state = self.store.region(request.account_id, request.region)
        with state.lock:
            if self.observer is None:
                return handler(Context(self, state, request), request.params)
            result = None
            try:
                result = handler(Context(self, state, request), request.params)
                return result
            finally:  # also after a failure: a handler may have changed something first
                self.observer.changed(state, (request.params, result))

    def _record(self, request: wire.Request, asked: Any, answer: Any, error: str | None) -> None:
        self.calls.add(
            (
                request.operation,
                request.params if asked is None else asked,
                answer,
                error,
                request.account_id,
                request.region,
                request.request_id,
            )
        )

    # -- faults -------------------------------------------------------------------------

    def inject(self, operation: str, error: ServiceError, times: int) -> None:
        with self._faults_lock:
            self._faults.setdefault(operation, deque()).append([times, error])

    def _take_fault(self, operation: str) -> ServiceError | None:
        with self._faults_lock:
            queue = self._faults.get(operation)
            if not queue:
                return None
            entry = queue[0]
            entry[0] -= 1
            if entry[0] == 0:
                queue.popleft()
                if not queue:
                    del self._faults[operation]
            error: ServiceError = entry[1]
            return error

    def reset(self) -> None:
        self.store.clear()
        if self.observer is not None:
            self.observer.changed(None, None, everything=True)

    def replace_store(self, store: Store) -> None:
        """Hold ``store``'s state from now on (``import_state``)."""
        self.store.replace(store)
        if self.observer is not None:
            self.observer.changed(None, None, everything=True)


def check_injectable(operation: str, code: str, fields: Mapping[str, Any]) -> None:
    """Refuse, in Python, an injection the real service could never answer."""
    if operation not in model.operation_names():
        raise MockError(
            f"{operation!r} is not an operation of pinpoint-sms-voice-v2; "
            + (
                _did_you_mean(operation, model.operation_names())
                or "operations go by their API names, e.g. CreateRegistration"
            )
        )
    errors = {shape.name: shape for shape in model.operation(operation).error_shapes}
    shape = errors.get(code)
    if shape is None:
        suggestion = _did_you_mean(code, errors)
        raise MockError(
            f"{operation} cannot fail with {code!r}; "
            + (f"{suggestion} " if suggestion else "")
            + "its modelled errors are "
            + ", ".join(sorted(errors))
        )
    members = getattr(shape, "members", {})
    allowed = set(members) - {"Message"}
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise MockError(
            f"{code} has no member(s) {', '.join(unknown)}; its members are "
            + (", ".join(sorted(allowed)) or "only Message")
        )
    for name, value in fields.items():
        enum = members[name].enum
        if enum and value not in enum:
            raise MockError(
                f"{code} {name} {value!r} is not one the service sends; it is one of "
                + ", ".join(enum)
            )


def _did_you_mean(given: str, names: Iterable[str]) -> str:
    """``"did you mean 'CreateRegistration'?"`` for ``create_registration``, or ``""``."""
    import difflib

    names = sorted(names)
    folded = given.replace("_", "").replace("-", "").lower()
    same = [n for n in names if n.lower() in (folded, folded + "exception")]
    close = same or difflib.get_close_matches(given, names, n=1, cutoff=0.6)
    if not close:
        by_fold = {n.lower(): n for n in names}
        close = [by_fold[m] for m in difflib.get_close_matches(folded, by_fold, n=1, cutoff=0.6)]
    return f"did you mean {close[0]!r}?" if close else ""
