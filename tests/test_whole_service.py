"""Every operation of the installed botocore's ``pinpoint-sms-voice-v2`` model is answered
from state: the next botocore that adds an operation turns this red until it is modelled.

``tests/test_fuzz.py`` calls each of them with valid input and requires it to succeed at least
once and to be refused only with the errors the state can cause (never "not modelled", never
a 5xx); this file checks that none is left out of that walk.
"""

from __future__ import annotations

import botocore

from pinpoint_mock.engine import dispatch, model
from tests import test_fuzz


def test_every_operation_of_the_model_is_modelled() -> None:
    missing = sorted(model.operation_names() - set(dispatch.HANDLERS))
    assert not missing, (
        f"botocore {botocore.__version__} has operations pinpoint-mock does not answer: "
        + ", ".join(missing)
    )


def test_the_fuzz_walk_calls_every_operation() -> None:
    assert set(test_fuzz.MODELLED) == model.operation_names()
    assert not test_fuzz.UNMODELLED
