"""The operation table: every family's handlers, put in the engine's
:data:`pinpoint_mock.engine.dispatch.HANDLERS` when this module is imported."""

from __future__ import annotations

from pinpoint_mock.engine import model
from pinpoint_mock.engine.dispatch import HANDLERS
from pinpoint_mock.service import (
    account,
    available_numbers,
    configuration_sets,
    keywords,
    opt_out_lists,
    phone_numbers,
    policies,
    pools,
    protect,
    rcs_agents,
    rcs_launches,
    sender_ids,
    tags,
    verified_destinations,
)
from pinpoint_mock.service.notify import catalogue as notify_catalogue
from pinpoint_mock.service.notify import configurations as notify_configurations
from pinpoint_mock.service.notify import sends as notify_sends
from pinpoint_mock.service.registrations import (
    associations,
    attachments,
    definitions,
    describe,
    field_values,
    operations,
)
from pinpoint_mock.service.sending import carrier_lookup, rcs, sends

for _family in (
    operations,
    describe,
    definitions,
    field_values,
    attachments,
    associations,
    tags,
    phone_numbers,
    available_numbers,
    opt_out_lists,
    pools,
    sender_ids,
    keywords,
    configuration_sets,
    policies,
    account,
    verified_destinations,
    protect,
    rcs_agents,
    rcs_launches,
    sends,
    rcs,
    carrier_lookup,
    notify_configurations,
    notify_catalogue,
    notify_sends,
):
    # an operation the installed botocore does not know is absent, as it is from its clients
    HANDLERS.update((k, v) for k, v in _family.HANDLERS.items() if k in model.operation_names())

__all__ = ["HANDLERS"]
