"""The resource model's own rules, apart from any family."""

from __future__ import annotations

from pinpoint_mock.engine.resources import OPT_OUT_LIST, POOL, RCS_AGENT


def test_a_kind_knows_its_ids_and_arns_by_their_form() -> None:
    assert POOL.names("pool-" + "0" * 32)
    assert POOL.names("arn:aws:sms-voice:us-east-1:111122223333:pool/pool-" + "0" * 32)
    assert not POOL.names("rcs-" + "0" * 32)
    assert not POOL.names("arn:aws:sms-voice:us-east-1:111122223333:rcs-agent/rcs-0")
    assert not POOL.names("arn:aws:sns:us-east-1:111122223333:pool")
    assert RCS_AGENT.names("rcs-" + "0" * 32)
    assert not RCS_AGENT.names("rcsagent")
    # a kind whose IDs are names the caller chose is known by its ARN only
    assert not OPT_OUT_LIST.names("pool-list")
    assert OPT_OUT_LIST.names("arn:aws:sms-voice:us-east-1:111122223333:opt-out-list/Default")
