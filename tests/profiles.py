"""How deep the suite runs, and what it does when a tool it drives is missing.

Two Hypothesis settings profiles, registered by ``tests/conftest.py``:

* ``default`` -- the README's test command, run every day: derandomized (every run draws the
  same examples, so a failure shows again on the next run) and small, with a check on every
  promise.
* ``ci`` -- the deep run ``.ci/run`` makes: random (with the seed ``.ci/run`` prints and passes
  as ``--hypothesis-seed``), many more examples, the long stateful run and the big concurrency
  runs. A failure prints ``@reproduce_failure(...)`` (``print_blob``) as well as the falsifying
  example.

Choose with ``PINPOINT_MOCK_PROFILE=ci`` or ``--hypothesis-profile ci``. Tests that are not
Hypothesis tests size themselves with :func:`scaled`.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest
from hypothesis import HealthCheck, settings

ENV = "PINPOINT_MOCK_PROFILE"
EVERYDAY = "default"
DEEP = "ci"

_SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    EVERYDAY,
    max_examples=10,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)
settings.register_profile(
    DEEP,
    max_examples=100,
    derandomize=False,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)

_active = EVERYDAY


def choose(option: str | None) -> str:
    """Load the profile named by ``--hypothesis-profile`` or the environment; return its name."""
    global _active
    _active = option or os.environ.get(ENV) or EVERYDAY
    settings.load_profile(_active)
    return _active


def active() -> str:
    return _active


def deep() -> bool:
    return _active == DEEP


def scaled(everyday: int, in_ci: int) -> int:
    """A size for the active profile."""
    return in_ci if deep() else everyday


def deep_only(why: str) -> pytest.MarkDecorator:
    """Run only in the CI profile; skipped, saying so, in the everyday one."""
    return pytest.mark.skipif(not deep(), reason=f"{why}: runs in the CI profile ({ENV}=ci)")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


def missing_tool(what: str, how: str) -> NoReturn:
    """A tool a test drives is not there: a failure in CI (``CI=true``), where ``.ci/run``
    installs it, and a skip saying how to get it anywhere else."""
    message = f"{what} is not installed; {how}"
    if in_ci():
        pytest.fail(f"CI=true: {message}", pytrace=False)
    pytest.skip(message)


def which(name: str) -> str:
    """The path of a command on PATH, or :func:`missing_tool`."""
    found = shutil.which(name)
    if found is None:
        missing_tool(f"'{name}'", "put it on PATH (.ci/run shows how it is installed)")
    return found


def newer_model(operation: str, member: str | None = None) -> pytest.MarkDecorator:
    """Skip, saying why, where the installed botocore's model predates ``operation`` (or its
    ``member``): CI runs the suite on botocore 1.35.43 too, where some are not there yet."""
    from pinpoint_mock.engine import model

    if operation not in model.operation_names():
        return pytest.mark.skip(reason=f"botocore {_botocore_version()} has no {operation}")
    shape = model.operation(operation).input_shape
    if member is not None and (shape is None or member not in shape.members):
        return pytest.mark.skip(
            reason=f"botocore {_botocore_version()}'s {operation} has no {member}"
        )
    return pytest.mark.skipif(False, reason=f"botocore {_botocore_version()} has {operation}")


def _botocore_version() -> str:
    import botocore

    return str(botocore.__version__)
