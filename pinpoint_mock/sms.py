"""SmsVoiceV2Mock: what a test holds while the mock is on."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns
from pinpoint_mock.engine.call_log import Call
from pinpoint_mock.engine.dispatch import Service, check_injectable
from pinpoint_mock.engine.errors import ServiceError

if TYPE_CHECKING:  # the families load with the first activation, not with this module
    from pinpoint_mock.service.options import Options
    from pinpoint_mock.service.registrations.review import Review
    from pinpoint_mock.service.registrations.snapshots import RegistrationSnapshot
    from pinpoint_mock.service.sending.receive import Inbound
    from pinpoint_mock.service.sending.sends import Message

DEFAULT_REGION = "us-east-1"
_ID = re.compile(r"registration-[0-9a-f]{32}")


class SmsVoiceV2Mock:
    """The handle on one mocked state: inspect it, drive reviews, bend the world."""

    def __init__(self, service: Service) -> None:
        self._service = service

    @property
    def options(self) -> Options:
        return self._service.options

    @property
    def calls(self) -> list[Call]:
        """Every call answered so far, in order."""
        return list(self._service.calls)

    @property
    def eventbridge_events(self) -> list[dict[str, Any]]:
        """Every event the service sent to Amazon EventBridge, in order, each in EventBridge's
        envelope (``source`` ``aws.sms-voice``, ``detail-type``, ``account``, ``region``,
        ``time``, ``resources``, ``detail``): a ``Registration Status Change`` for every
        change of a registration's status. What the clock made happen is applied first."""
        store = self._service.store
        store.timers.catch_up()
        return store.eventbridge.events

    def registrations(
        self, account_id: str | None = None, region: str | None = None
    ) -> list[RegistrationSnapshot]:
        """Snapshots of the registrations in one account and region (default: the mock's
        account, us-east-1), in creation order; deleted ones are gone."""
        store = self._service.store
        store.timers.catch_up()
        state = store.existing(
            account_id or self._service.options.account_id, region or DEFAULT_REGION
        )
        if state is None:
            return []
        with state.lock:
            from pinpoint_mock.service.registrations.snapshots import RegistrationSnapshot

            return [RegistrationSnapshot.of(reg) for reg in state.order]

    def review(
        self, registration: str, *, account_id: str | None = None, region: str | None = None
    ) -> Review:
        """The review of a registration's latest version, found by ID or ARN anywhere in the
        mock (an ARN pins account and region; ``account_id``/``region`` narrow the search)."""
        store = self._service.store
        store.timers.catch_up()
        arn = arns.parse(registration) if registration.startswith("arn:") else None
        if arn is not None:
            account_id = account_id or arn.account_id
            region = region or arn.region
        state = store.locate(registration) if not registration.startswith("arn:") else None
        if state is None and account_id and region:
            state = store.existing(account_id, region)
        # Read once: a DeleteRegistration in another thread may take it away meanwhile.
        from pinpoint_mock.service.registrations.lookup import registration_id
        from pinpoint_mock.service.registrations.review import Review

        rid = None if state is None else registration_id(registration, state)
        found = None if state is None or rid is None else state.registrations.get(rid)
        if (
            state is None
            or found is None
            or (account_id is not None and state.account_id != account_id)
            or (region is not None and state.region != region)
        ):
            raise LookupError(self._not_found(registration, account_id, region))
        return Review(state, found, catch_up=True)

    def _not_found(self, registration: str, account_id: str | None, region: str | None) -> str:
        """Why ``review(registration)`` found nothing: what an ID looks like, when it was
        not one, and which accounts and Regions were searched."""
        where = f" in account {account_id}" if account_id else ""
        where += f" in {region}" if region else ""
        searched: dict[str, list[str]] = {}
        for state in self._service.store.regions():
            if (account_id is None or state.account_id == account_id) and (
                region is None or state.region == region
            ):
                searched.setdefault(state.account_id, []).append(state.region)
        if searched:
            places = "; ".join(
                f"account {account} ({', '.join(sorted(regions))})"
                for account, regions in sorted(searched.items())
            )
            searched_text = f"searched {places}"
        else:
            searched_text = (
                "searched nowhere: no call has reached the mock"
                + (where.replace(" in ", " for ", 1) if where else "")
                + " yet"
            )
        shape = ""
        if not _ID.fullmatch(registration) and arns.parse(registration) is None:
            shape = (
                f"; {registration!r} is not a registration ID: one looks like "
                "registration-<32 hex digits> (e.g. registration-"
                "0123456789abcdef0123456789abcdef) or is the registration's ARN "
                "(arn:aws:sms-voice:<region>:<account>:registration/<id>)"
            )
        shown = registration if registration else "''"
        return f"no registration {shown}{where} in this mock{shape}; {searched_text}"

    def inject_error(
        self,
        operation: str,
        code: str,
        *,
        times: int = 1,
        message: str | None = None,
        **fields: Any,
    ) -> None:
        """Make the next ``times`` calls of ``operation`` fail with the modelled error
        ``code`` (e.g. ``ThrottlingException``) and these members (``Reason=...``)."""
        check_injectable(operation, code, fields)
        if not isinstance(times, int) or isinstance(times, bool) or times < 1:
            raise ValueError(f"times must be a positive int, not {times!r}")
        error = ServiceError(code, message or f"{code} injected by pinpoint-mock", **fields)
        self._service.inject(operation, error, times)

    def export_state(self) -> dict[str, Any]:
        """Every account's and Region's state as plain JSON-able data (format
        ``pinpoint-mock-state``, docs/state.md); ``import_state`` takes it back. The call
        log, injected errors and options are not state and are not in it."""
        from pinpoint_mock.engine import snapshot

        return snapshot.export_store(self._service.store)

    def import_state(self, data: Any) -> None:
        """Replace every account's and Region's state with ``data`` (from ``export_state``,
        or its JSON read back). Another format, an unknown version or malformed data raise
        :class:`MockError` and leave the state as it was. The call log stays."""
        from pinpoint_mock.engine import snapshot

        self._service.replace_store(snapshot.import_store(data))

    @property
    def messages(self) -> list[Message]:
        """Every message the service accepted (sends, keyword replies, verification codes),
        in order, across accounts and Regions."""
        from pinpoint_mock.service.sending.sends import MESSAGE

        found: list[Message] = []
        for state in self._service.store.regions():
            with state.lock:
                found.extend(state.of(MESSAGE).values())
        found.sort(key=lambda m: m.order)
        return found

    @property
    def events(self) -> list[dict[str, Any]]:
        """Every event given to a configuration set's event destination, in order: dicts
        ``{"configuration_set", "destination", "record"}``."""
        return [dict(e) for m in self.messages for e in m.emitted]

    def receive(
        self,
        *,
        from_number: str,
        to_number: str,
        body: str,
        account_id: str | None = None,
        region: str | None = None,
    ) -> Inbound:
        """A subscriber's phone (``from_number``) texts ``body`` to one of the account's
        numbers; keywords, opt-outs, replies and the two-way channel apply."""
        for name, value in (("from_number", from_number), ("to_number", to_number)):
            if not isinstance(value, str) or not value.startswith("+"):
                raise ValueError(f"{name} must be an E.164 number such as +12065550100")
        if not isinstance(body, str):
            raise ValueError("body must be a string")
        from pinpoint_mock.service.sending.receive import receive

        return receive(
            self._service, from_number, to_number, body, account_id=account_id, region=region
        )

    def set_delivery(self, destination: str, event_type: str | None) -> None:
        """Make the next messages to ``destination`` end with ``event_type`` (e.g.
        ``TEXT_BLOCKED``) instead of being delivered; ``None`` delivers again."""
        if not isinstance(destination, str) or not destination.startswith("+"):
            raise ValueError("destination must be an E.164 number such as +12065550100")
        from pinpoint_mock.service.sending import events

        events.set_delivery(self._service, destination, event_type)

    def reset(self) -> None:
        """Empty every account and region (the call log stays)."""
        self._service.reset()

    def __repr__(self) -> str:
        return f"<SmsVoiceV2Mock review={self.options.review!r} account={self.options.account_id}>"
