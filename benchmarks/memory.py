"""Memory a registration costs the process, measured with tracemalloc."""

from __future__ import annotations

import gc
import tracemalloc

from floor import REGION, SERVICE, new_client
from timing import Figure

from pinpoint_mock import mock_sms_voice_v2
from pinpoint_mock.engine import hook

TYPE = "US_TOLL_FREE_REGISTRATION"


def _traced() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def run(quick: bool) -> list[Figure]:
    count = 300 if quick else 2_000
    tracemalloc.start()
    with mock_sms_voice_v2():
        client = new_client(SERVICE, region_name=REGION)
        for _ in range(50):  # botocore's own first-call caches, not ours
            client.create_registration(RegistrationType=TYPE)
        start = _traced()
        for _ in range(count):
            client.create_registration(RegistrationType=TYPE)
        with_log = _traced()
        service = hook.active()
        assert service is not None
        service.calls.clear()  # what the registrations hold without the call log
        without_log = _traced()
    tracemalloc.stop()
    per_registration = (without_log - start) / count
    per_call_log = (with_log - without_log) / count
    return [
        Figure(
            key="memory.per_registration",
            title="memory per registration with one version (CreateRegistration via boto3)",
            baseline="tracemalloc, after gc",
            target="<= 2 KiB",
            value=round(per_registration / 1024, 3),
            unit=" KiB",
            limit=2.0,
            info={
                "registration_bytes": round(per_registration),
                "call_log_entry_bytes": round(per_call_log),
                "registrations": count,
            },
            note="registration: store record, version, indexes, ClientToken record, its CREATED "
            "EventBridge event (compact until read); the call "
            "log entry (sms.calls) is counted apart",
        )
    ]
