"""Turning the mock on and off: decorator, context manager, start/stop; nesting; the
environment.

Activations nest: the outermost one creates the state and every nested one shares it;
the state is discarded when the outermost stops.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

from pinpoint_mock import requests_path
from pinpoint_mock.engine import fast, hook
from pinpoint_mock.engine.dispatch import Service
from pinpoint_mock.engine.environment import SavedEnvironment
from pinpoint_mock.engine.errors import MockError
from pinpoint_mock.sms import SmsVoiceV2Mock

if TYPE_CHECKING:
    import unittest

    from pinpoint_mock.service.options import Options

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

_lock = threading.RLock()
_depth = 0
_current: SmsVoiceV2Mock | None = None
_environment: SavedEnvironment | None = None


class MockActivation:
    """One way of turning the mock on; reusable, but not while it is already on."""

    def __init__(self, options: dict[str, Any]) -> None:
        self._explicit = options
        from pinpoint_mock.service.options import Options  # checked here, loaded on first use

        self._options = Options.from_kwargs(options)
        self._started = False

    # -- start / stop -----------------------------------------------------------------------

    def start(self) -> SmsVoiceV2Mock:
        global _depth, _current, _environment
        with _lock:
            if self._started:
                raise MockError("this activation is already started; stop() it first")
            if _current is None:
                import pinpoint_mock.service.table  # noqa: F401 - the families fill the operation table

                saved = SavedEnvironment()
                saved.apply()
                service = Service(self._options)
                _current, _environment = SmsVoiceV2Mock(service), saved
                hook.activate(service)
                if self._options.fast:
                    fast.activate(service)
                requests_path.start()
            elif self._explicit and _current.options != self._options:
                raise MockError(_nested_refusal(_current.options, self._options))
            _depth += 1
            self._started = True
            return _current

    def stop(self) -> None:
        global _depth, _current, _environment
        with _lock:
            if not self._started:
                raise MockError("stop() without start(): this activation is not on")
            self._started = False
            _depth -= 1
            if _depth == 0:
                hook.activate(None)
                fast.activate(None)
                requests_path.stop()
                environment, _environment, _current = _environment, None, None
                if environment is not None:
                    environment.restore()

    def __enter__(self) -> SmsVoiceV2Mock:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- decorating ---------------------------------------------------------------------------

    def __call__(self, target: T) -> T:
        decorated: Any
        if isinstance(target, type):
            decorated = self._decorate_class(target)
        elif callable(target):
            decorated = self._decorate_function(target)
        else:
            raise MockError(f"mock_sms_voice_v2 decorates functions and classes, not {target!r}")
        return decorated  # type: ignore[no-any-return]

    def _fresh(self) -> MockActivation:
        return MockActivation(self._explicit)

    def _decorate_function(self, func: F) -> F:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                with self._fresh():
                    return await func(*args, **kwargs)

            return run_async  # type: ignore[return-value]
        # A generator's body runs as it is iterated, after the call returned: the mock stays
        # on from its first step to its end (a yield fixture's set-up, test and teardown).
        if inspect.isgeneratorfunction(func):

            @functools.wraps(func)
            def run_generator(*args: Any, **kwargs: Any) -> Any:
                with self._fresh():
                    return (yield from func(*args, **kwargs))

            return run_generator  # type: ignore[return-value]
        if inspect.isasyncgenfunction(func):

            @functools.wraps(func)
            async def run_async_generator(*args: Any, **kwargs: Any) -> Any:
                with self._fresh():
                    async for item in func(*args, **kwargs):
                        yield item

            return run_async_generator  # type: ignore[return-value]

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            with self._fresh():
                return func(*args, **kwargs)

        return run  # type: ignore[return-value]

    def _decorate_class(self, cls: type[T]) -> type[T]:
        # unittest is not imported here (it costs an import of ~5 ms): a TestCase subclass
        # exists only once the test's own module has imported it.
        loaded = sys.modules.get("unittest")
        test_case: type[unittest.TestCase] | None = None if loaded is None else loaded.TestCase
        if test_case is not None and issubclass(cls, test_case):
            # setUp, the test and tearDown share one state: on before setUp, off after the
            # cleanups registered by then (addCleanup runs after tearDown, also on failure).
            original = cls.setUp
            activation = self

            def setUp(test: unittest.TestCase) -> None:
                fresh = activation._fresh()
                fresh.start()
                test.addCleanup(fresh.stop)
                original(test)

            cls.setUp = setUp  # type: ignore[method-assign,assignment]
            return cls
        for name, value in list(vars(cls).items()):
            if name.startswith("test") and inspect.isfunction(value):
                setattr(cls, name, self._decorate_function(value))
        self._span_setup_method(cls)
        return cls

    def _span_setup_method(self, cls: type) -> None:
        """A pytest class's ``setup_method``, its test and ``teardown_method`` share one state,
        as a TestCase's setUp and tearDown do: on before setup_method, off after
        teardown_method (which the class gets when it has none). The test's own activation
        nests inside this one."""
        setup = getattr(cls, "setup_method", None)
        teardown = getattr(cls, "teardown_method", None)
        if not inspect.isfunction(setup) and not inspect.isfunction(teardown):
            return
        activation, slot = self, f"_pinpoint_mock_activation_{id(self)}"

        def setup_method(test: Any, method: Any = None) -> None:
            fresh = activation._fresh()
            fresh.start()
            test.__dict__[slot] = fresh
            try:
                if inspect.isfunction(setup):
                    _call_xunit(setup, test, method)
            except BaseException:
                del test.__dict__[slot]
                fresh.stop()
                raise

        def teardown_method(test: Any, method: Any = None) -> None:
            try:
                if inspect.isfunction(teardown):
                    _call_xunit(teardown, test, method)
            finally:
                fresh = test.__dict__.pop(slot, None)
                if fresh is not None:
                    fresh.stop()

        cls.setup_method = setup_method  # type: ignore[attr-defined]
        cls.teardown_method = teardown_method  # type: ignore[attr-defined]


def _nested_refusal(outer: Options, inner: Options) -> str:
    """Why a nested activation with other options is refused, naming the options that differ
    and what to do."""
    differ = [
        f"{f.name}={getattr(outer, f.name)!r} (this one asks for {getattr(inner, f.name)!r})"
        for f in dataclasses.fields(outer)
        if f.repr and getattr(outer, f.name) != getattr(inner, f.name)
    ]
    return (
        "a nested activation shares the outer one's state and options, and the mock is already "
        f"on with {', '.join(differ) or outer}. Stop the outer activation first (a fixture, "
        "decorator or marker of wider scope may have started it), or start this one without "
        "options to share the outer one's."
    )


def _call_xunit(func: Callable[..., Any], test: Any, method: Any) -> None:
    """Call a ``setup_method``/``teardown_method`` as pytest does: with the test function
    when it takes an argument besides ``self``."""
    if func.__code__.co_argcount > 1:
        func(test, method)
    else:
        func(test)


@overload
def mock_sms_voice_v2(target: F, /) -> F: ...
@overload
def mock_sms_voice_v2(target: None = None, /, **options: Any) -> MockActivation: ...


def mock_sms_voice_v2(target: Any = None, /, **options: Any) -> Any:
    """Mock pinpoint-sms-voice-v2 in-process: a decorator (bare or with options), a context
    manager yielding :class:`SmsVoiceV2Mock`, or an object with ``start()``/``stop()``.

    Options: ``review`` ("manual", "approve", "deny", "authenticate" or a callable),
    ``account_id``, ``registration_types``, ``quotas``, ``check_fields``, ``review_after``
    (a ``datetime.timedelta``: with an automatic policy, the outcome comes on the clock),
    ``sandbox``, ``fast`` (answer botocore's clients inside their own call, skipping the wire)
    and ``call_log`` (how many of the latest calls ``sms.calls`` keeps; None for all).
    """
    activation = MockActivation(options)
    if target is None:
        return activation
    return activation(target)


def current() -> SmsVoiceV2Mock | None:
    """The active mock, if any."""
    return _current
