"""Fake credentials while the mock is on, and the environment restored exactly after.

The Region is not set here: a client made with none configured gets ``DEFAULT_REGION`` from
the botocore seam (``_botocore.default_region``), so a Region the user configured, in the
environment or a profile, is kept.
"""

from __future__ import annotations

import os

_ABSENT = object()

# Set while active: credentials that can never reach AWS; real ones are hidden.
FAKE = {
    "AWS_ACCESS_KEY_ID": "PINPOINTMOCKACCESSKEY",
    "AWS_SECRET_ACCESS_KEY": "pinpoint-mock-secret-key",
}
# Set while active too: no instance metadata lookups. A session whose profile has no keys
# (the environment's fake ones do not apply to an explicit profile) would otherwise ask
# 169.254.169.254 for credentials when a client is made: a network call (a 1 s wait, or an
# EC2 runner's real role), for credentials the mock never reads.
NO_METADATA = {"AWS_EC2_METADATA_DISABLED": "true"}
HIDDEN = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")
DEFAULT_REGION = "us-east-1"


class SavedEnvironment:
    """The values (or absence) of every variable the mock touches, put back by restore()."""

    def __init__(self) -> None:
        names = (*FAKE, *NO_METADATA, *HIDDEN)
        self._saved: dict[str, object] = {name: os.environ.get(name, _ABSENT) for name in names}

    def apply(self) -> None:
        os.environ.update(FAKE)
        os.environ.update(NO_METADATA)
        for name in HIDDEN:
            os.environ.pop(name, None)

    def restore(self) -> None:
        """Put back each variable that still holds what apply() left there. One that another
        mock changed since is that mock's to restore: moto's ``mock_aws`` started before this
        one and stopped first (a tearDown that stops mocks in the order they started) has put
        back what it found, and putting back what this one found, moto's fake keys, would
        leave them behind."""
        applied = {**FAKE, **NO_METADATA}
        for name, value in self._saved.items():
            if os.environ.get(name, _ABSENT) != applied.get(name, _ABSENT):
                continue
            if value is _ABSENT:
                os.environ.pop(name, None)
            else:
                assert isinstance(value, str)
                os.environ[name] = value
