"""Fake credentials while the mock is on, and the environment restored exactly after."""

from __future__ import annotations

import os

_ABSENT = object()

# Set while active: credentials that can never reach AWS; real ones are hidden.
FAKE = {
    "AWS_ACCESS_KEY_ID": "PINPOINTMOCKACCESSKEY",
    "AWS_SECRET_ACCESS_KEY": "pinpoint-mock-secret-key",
}
HIDDEN = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")
DEFAULT_REGION = "us-east-1"


class SavedEnvironment:
    """The values (or absence) of every variable the mock touches, put back by restore()."""

    def __init__(self) -> None:
        names = (*FAKE, *HIDDEN, "AWS_DEFAULT_REGION")
        self._saved: dict[str, object] = {name: os.environ.get(name, _ABSENT) for name in names}

    def apply(self) -> None:
        os.environ.update(FAKE)
        for name in HIDDEN:
            os.environ.pop(name, None)
        if "AWS_DEFAULT_REGION" not in os.environ and "AWS_REGION" not in os.environ:
            os.environ["AWS_DEFAULT_REGION"] = DEFAULT_REGION

    def restore(self) -> None:
        for name, value in self._saved.items():
            if value is _ABSENT:
                os.environ.pop(name, None)
            else:
                assert isinstance(value, str)
                os.environ[name] = value
