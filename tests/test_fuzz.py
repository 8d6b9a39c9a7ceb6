"""Fuzzing every operation from botocore's model (issue 6).

Inputs come from :mod:`tests.model_strategies`: valid ones (sometimes naming registrations,
attachments and phone numbers that exist in the same mock, so the handlers' deeper paths
run), invalid ones (one deliberate violation each), and request bodies that are not JSON
objects at all. They go through a real boto3 client with ``parameter_validation=False``;
what botocore cannot serialize, or would change on the way (a dict where a list belongs),
is sent as JSON of its own through the same client by swapping the request body, so the
violation reaches the mock as drawn. Raw bodies also go to ``Service.answer`` directly.

Every answer must be a success whose raw JSON matches the operation's output shape (and
whose parsed form has every required member), or an error the operation models, with a
body matching that error's shape; never InternalServerException, never a Python exception
out of the mock. Invalid inputs must get ValidationException or SerializationException;
operations the mock does not model must get NotImplemented.

``PINPOINT_MOCK_FUZZ_EXAMPLES=N`` runs N examples in each test (per operation where the
test is per operation) instead of the defaults; the file's summary line counts the inputs.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import datetime as dt
import functools
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
import time_machine
from botocore import xform_name
from botocore.awsrequest import HTTPHeaders
from botocore.config import Config
from botocore.exceptions import ClientError
from botocore.model import ListShape, MapShape, Shape, StringShape, StructureShape
from botocore.serialize import create_serializer
from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock import SmsVoiceV2Mock, mock_sms_voice_v2
from pinpoint_mock.engine import model
from pinpoint_mock.engine.dispatch import HANDLERS, Service
from pinpoint_mock.service.options import Options
from pinpoint_mock.service.protect.rules import CAPABILITIES as PROTECT_CAPABILITIES
from pinpoint_mock.service.protect.rules import COUNTRIES as PROTECT_COUNTRIES
from tests import model_strategies as ms
from tests.profiles import scaled

SERVICE = model.SERVICE_NAME
REGION = "us-east-1"
_SCALE = int(os.environ.get("PINPOINT_MOCK_FUZZ_EXAMPLES") or 0)

# Read at collection, so operations added to the table are fuzzed without a change here.
MODELLED = sorted(HANDLERS)
UNMODELLED = sorted(model.operation_names() - set(HANDLERS))
# Modelled errors the mock only answers when a test injects them.
INJECTED_ONLY = frozenset(
    {"InternalServerException", "ThrottlingException", "AccessDeniedException"}
)
INPUT_ERRORS = frozenset({"ValidationException", "SerializationException"})

INPUTS: Counter[str] = Counter()  # inputs sent, by kind of input
ANSWERS: Counter[str] = Counter()  # answers, by error code ("success" for a 200)
PATHS: Counter[str] = Counter()  # how inputs reached the mock
SUCCEEDED: Counter[str] = Counter()  # successes, by operation


def fuzz(everyday: int, in_ci: int) -> settings:
    """Examples per test for the active profile (tests/profiles.py), which supplies the rest:
    derandomized everyday runs, random CI runs that print what replays a failure."""
    return settings(max_examples=_SCALE or scaled(everyday, in_ci))


@pytest.fixture(scope="module", autouse=True)
def _summary(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    line = (
        f"fuzz: {sum(INPUTS.values())} inputs ({dict(sorted(INPUTS.items()))}); "
        f"reached the mock {dict(sorted(PATHS.items()))}; answers {dict(ANSWERS.most_common())}; "
        f"successes by operation {dict(sorted(SUCCEEDED.items()))}"
    )
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("")
            reporter.write_line(line)


# --------------------------------------------------------------------------- the client


@dataclass
class Answer:
    status: int
    body: bytes
    parsed: dict[str, Any] | None  # botocore's parsed success
    code: str | None  # botocore's error code


class Wire:
    """A boto3 client that can send a body of the test's choosing and keeps the raw answer."""

    def __init__(self) -> None:
        session = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION
        )
        config = Config(parameter_validation=False, retries={"total_max_attempts": 1})
        self.client = session.client(SERVICE, config=config)
        self._body: bytes | None = None
        self._raw: tuple[int, bytes] | None = None
        self.client.meta.events.register(f"request-created.{SERVICE}", self._swap_body)
        self.client.meta.events.register(f"after-call.{SERVICE}", self._keep_answer)

    def _swap_body(self, request: Any, **_: Any) -> None:
        if self._body is not None:
            request.data, self._body = self._body, None

    def _keep_answer(self, http_response: Any, **_: Any) -> None:
        self._raw = (http_response.status_code, http_response.content)

    def call(self, operation: str, params: dict[str, Any] | None, body: bytes | None) -> Answer:
        """Call ``operation`` with ``params``, or with ``body`` as the request body."""
        self._raw, self._body = None, body
        method = getattr(self.client, xform_name(operation))
        parsed: dict[str, Any] | None = None
        code: str | None = None
        try:
            parsed = method(**(params or {}))
        except ClientError as error:
            code = error.response["Error"]["Code"]
        assert self._raw is not None, f"{operation}: botocore saw no answer"
        return Answer(self._raw[0], self._raw[1], parsed, code)


@pytest.fixture(scope="module")
def wire() -> Wire:
    return Wire()


def as_json(value: Any) -> Any:
    """Params as the JSON protocol puts them on the wire, whatever their (in)validity."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.datetime):
        return int(calendar.timegm(value.utctimetuple()))
    return value


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def send(wire: Wire, operation: str, params: dict[str, Any]) -> Answer:
    """Through botocore's serializer when it sends ``params`` as drawn, else as raw JSON."""
    mine = as_json(params)
    try:
        serializer = create_serializer("json", include_validation=False)
        request = serializer.serialize_to_request(params, model.operation(operation))
        faithful = _canonical(json.loads(request["body"])) == _canonical(mine)
    except Exception:  # botocore cannot serialize it at all
        faithful = False
    PATHS["botocore serializer" if faithful else "raw JSON via the client"] += 1
    if faithful:
        return wire.call(operation, params, None)
    return wire.call(operation, None, json.dumps(mine).encode())


# --------------------------------------------------------------------------- the checks


def wire_problems(value: Any, shape: Shape, path: str = "$") -> list[str]:
    """Where a JSON value (a body as received) breaks ``shape``: types, enums, required and
    unknown members. Written here from the model, independently of the mock's validator."""
    kind = shape.type_name
    if value is None:
        return [f"{path}: null"]
    if isinstance(shape, StructureShape):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__}, not an object ({shape.name})"]
        problems = [
            f"{path}.{name}: required by {shape.name}, missing"
            for name in shape.required_members
            if value.get(name) is None
        ]
        for name, item in value.items():
            member = shape.members.get(name)
            if member is None:
                problems.append(f"{path}.{name}: not a member of {shape.name}")
            else:
                problems += wire_problems(item, member, f"{path}.{name}")
        return problems
    if isinstance(shape, ListShape):
        if not isinstance(value, list):
            return [f"{path}: {type(value).__name__}, not a list ({shape.name})"]
        return [
            p
            for i, item in enumerate(value)
            for p in wire_problems(item, shape.member, f"{path}[{i}]")
        ]
    if isinstance(shape, MapShape):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__}, not a map ({shape.name})"]
        problems = []
        for key, item in value.items():
            problems += wire_problems(key, shape.key, f"{path} key {key!r}")
            problems += wire_problems(item, shape.value, f"{path}[{key!r}]")
        return problems
    if kind == "string":
        if not isinstance(value, str):
            return [f"{path}: {value!r} is not a string ({shape.name})"]
        choices = shape.enum if isinstance(shape, StringShape) else []
        if choices and value not in choices:
            return [f"{path}: {value!r} is not one of {shape.name}'s values"]
        return []
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind in ("integer", "long"):
        ok = number and isinstance(value, int)
    elif kind in ("float", "double", "timestamp"):
        ok = number
    elif kind == "boolean":
        ok = isinstance(value, bool)
    elif kind == "blob":
        ok = isinstance(value, str) and _is_base64(value)
    else:
        ok = True  # document
    return [] if ok else [f"{path}: {value!r} is not a {kind} ({shape.name})"]


def _is_base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def missing_required(parsed: Any, shape: Shape, path: str = "$") -> list[str]:
    """Required members absent from botocore's parsed response."""
    if isinstance(shape, StructureShape) and isinstance(parsed, dict):
        missing = [f"{path}.{n}" for n in shape.required_members if parsed.get(n) is None]
        for name, member in shape.members.items():
            if name in parsed:
                missing += missing_required(parsed[name], member, f"{path}.{name}")
        return missing
    if isinstance(shape, ListShape) and isinstance(parsed, list):
        return [
            m
            for i, x in enumerate(parsed)
            for m in missing_required(x, shape.member, f"{path}[{i}]")
        ]
    if isinstance(shape, MapShape) and isinstance(parsed, dict):
        return [
            m for k, x in parsed.items() for m in missing_required(x, shape.value, f"{path}[{k!r}]")
        ]
    return []


def modelled_errors(operation: str) -> frozenset[str]:
    """Error codes the mock may answer for ``operation`` on its own."""
    shapes = {shape.name for shape in model.operation(operation).error_shapes}
    return frozenset(shapes - INJECTED_ONLY) | {"SerializationException"}


def check(
    operation: str,
    answer: Answer,
    *,
    success: bool,
    errors: frozenset[str],
    kind: str,
    shown: Any,
) -> None:
    """One answer against the model; ``shown`` is what was sent, for the failure message."""
    INPUTS[kind] += 1
    where = f"{operation} answered {answer.status} {answer.body[:600]!r} to {shown!r}"[:2000]
    body = json.loads(answer.body)
    assert isinstance(body, dict), where
    op = model.operation(operation)
    if answer.status == 200:
        ANSWERS["success"] += 1
        SUCCEEDED[operation] += 1
        assert success, f"a success where an error was due: {where}"
        assert answer.parsed is not None, where
        assert answer.code is None, where
        output = op.output_shape
        if output is None:
            assert body == {}, where
            return
        assert wire_problems(body, output) == [], where
        assert missing_required(answer.parsed, output) == [], where
        return
    code = body.get("__type", "").rpartition("#")[2]
    ANSWERS[code] += 1
    assert code == answer.code, where
    assert code in errors, f"{code} is not a modelled answer here: {where}"
    assert isinstance(body.get("Message"), str), where
    if code == "NotImplemented":
        assert answer.status == 501, where
        assert operation in body["Message"], where
        return
    assert 400 <= answer.status < 500, where
    if code in {shape.name for shape in op.error_shapes}:
        fields = {k: v for k, v in body.items() if k != "__type"}
        assert wire_problems(fields, model.service_model().shape_for(code)) == [], where
    else:
        assert set(body) == {"__type", "Message"}, where


# --------------------------------------------------------------------------- existing resources


@dataclass
class Catalogue:
    types: list[str]
    field_paths: list[str]
    text_field: tuple[str, str]  # (registration type, FieldPath of a TEXT field)


@pytest.fixture(scope="module")
def catalogue(wire: Wire) -> Catalogue:
    return build_catalogue(wire)


def build_catalogue(wire: Wire) -> Catalogue:
    """Registration types and field paths, as DescribeRegistration*Definitions give them."""
    c = wire.client
    paths: dict[str, list[tuple[str, str, str]]] = {}
    with mock_sms_voice_v2():
        pages = c.get_paginator("describe_registration_type_definitions").paginate()
        for page in pages:
            for definition in page["RegistrationTypeDefinitions"]:
                kind = definition["RegistrationType"]
                fields = c.get_paginator("describe_registration_field_definitions").paginate(
                    RegistrationType=kind
                )
                paths[kind] = [
                    (f["FieldPath"], f["FieldType"], f["FieldRequirement"])
                    for p in fields
                    for f in p["RegistrationFieldDefinitions"]
                ]
    # Toll-free: its registrations take toll-free numbers, which the pool associates. An
    # optional field: a value the fuzzed DeleteRegistrationFieldValue may delete.
    kind = "US_TOLL_FREE_REGISTRATION"
    text = next(path for path, type_, need in paths[kind] if type_ == "TEXT" and need == "OPTIONAL")
    every = sorted({path for fields in paths.values() for path, _, _ in fields})
    return Catalogue(sorted(paths), every, (kind, text))


@dataclass
class Pool:
    """Resources that exist in the current mock, each by ID and by ARN."""

    registrations: list[str]
    drafts: list[str]  # registrations whose latest version is a DRAFT
    decided: list[str]  # registrations whose latest version is decided (approved, denied)
    discardable: list[str]  # a version under review, a draft after an approved version
    attachments: list[str]
    phones: list[str]
    free_phones: list[str]  # associated with no registration
    opt_out_lists: list[str]  # by name and ARN, the account's Default among them
    tag_keys: list[str]
    configuration_sets: list[str]  # by name and ARN, with an event destination and defaults
    pools: list[str]  # by ID and ARN, holding two phone numbers
    pool_phones: list[str]  # the numbers in the pools
    senders: list[str] = field(default_factory=list)  # sender IDs (of DE), by name and ARN
    # an active US long code with SMS, VOICE and MMS: by ID, ARN and number
    sending: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)  # pending, with a code sent: ID, ARN
    old_verified: list[str] = field(default_factory=list)  # added two days ago: ID, ARN
    code: str = ""  # the code sent to ``verified``
    messages: list[str] = field(default_factory=list)  # sent with message feedback on
    # protect configurations by ID and ARN: the first is the account default, in the
    # configuration set, with an override for DESTINATION_NUMBER; the second is in nothing
    protects: list[str] = field(default_factory=list)
    notify: list[str] = field(default_factory=list)  # an active Notify configuration: ID, ARN
    # RCS agents (newer models): a bare one, and a testing one with a verified tester
    agents: list[str] = field(default_factory=list)
    testing_agents: list[str] = field(default_factory=list)

    def strategies(self, catalogue: Catalogue) -> dict[str, st.SearchStrategy[Any]]:
        """Member name -> values that point at something real, or that the handlers accept
        beyond the model's constraints (file signatures, S3 URLs, countries with numbers)."""
        reg = st.sampled_from(self.registrations)
        attachment = st.sampled_from(self.attachments)
        phone = st.sampled_from(self.phones)
        every = self.registrations + self.attachments + self.phones
        return {
            "RegistrationId": reg,
            "RegistrationIds": st.lists(reg, min_size=1, max_size=3),
            "RegistrationAttachmentId": attachment,
            "RegistrationAttachmentIds": st.lists(attachment, min_size=1, max_size=2),
            "PhoneNumberId": phone,
            "PhoneNumberIds": st.lists(phone, min_size=1, max_size=2),
            "ResourceArn": st.sampled_from([x for x in every if x.startswith("arn:")]),
            "ResourceId": st.sampled_from(self.phones + self.registrations),
            "RegistrationType": st.sampled_from(catalogue.types),
            "FieldPath": st.one_of(
                st.just(catalogue.text_field[1]), st.sampled_from(catalogue.field_paths)
            ),
            "TextValue": st.just("fuzz"),
            "VersionNumbers": st.just([1]),  # every registration of the pool has it
            "TagKeys": st.lists(st.sampled_from(self.tag_keys), min_size=1, max_size=2),
            "AttachmentBody": FILES,
            "AttachmentUrl": st.sampled_from(["s3://fuzz-bucket/a.pdf", "s3://fuzz-bucket/b.PNG"]),
            "IsoCountryCode": st.sampled_from(["US", "CA", "GB"]),
            "OptOutListName": st.sampled_from(self.opt_out_lists),
            "OptOutListNames": st.lists(
                st.sampled_from(self.opt_out_lists), min_size=1, max_size=2
            ),
            "RegistrationTypes": st.lists(st.sampled_from(catalogue.types), min_size=1, max_size=3),
            "FieldPaths": st.just([catalogue.text_field[1]]),
            "VersionNumber": st.just(1),
            **self._more(),
        }

    def _more(self) -> dict[str, st.SearchStrategy[Any]]:
        more: dict[str, st.SearchStrategy[Any]] = {}
        if self.configuration_sets:
            sets = st.sampled_from(self.configuration_sets)
            more["ConfigurationSetName"] = sets
            more["ConfigurationSetNames"] = st.lists(sets, min_size=1, max_size=2)
            more["EventDestinationName"] = st.just(DESTINATION)
        if self.senders:
            senders = st.sampled_from(self.senders)
            more["SenderId"] = senders
            more["SenderIds"] = st.lists(
                st.builds(lambda s: {"SenderId": s, "IsoCountryCode": "DE"}, senders),
                min_size=1,
                max_size=2,
            )
        if self.verified:
            vdns = st.sampled_from(self.verified + self.old_verified)
            more["VerifiedDestinationNumberId"] = vdns
            more["VerifiedDestinationNumberIds"] = st.lists(vdns, min_size=1, max_size=2)
        if self.messages:
            more["MessageId"] = st.sampled_from(self.messages)
        if self.protects:
            protects = st.sampled_from(self.protects)
            more["ProtectConfigurationId"] = protects
            more["ProtectConfigurationIds"] = st.lists(protects, min_size=1, max_size=2)
        if self.notify:
            notify = st.sampled_from(self.notify)
            more["NotifyConfigurationId"] = notify
            more["NotifyConfigurationIds"] = st.lists(notify, min_size=1, max_size=2)
        if self.agents:
            agents = st.sampled_from(self.agents + self.testing_agents)
            more["RcsAgentId"] = agents
            more["RcsAgentIds"] = st.lists(agents, min_size=1, max_size=2)
        if self.pools:
            pools = st.sampled_from(self.pools)
            more["PoolId"] = pools
            more["PoolIds"] = st.lists(pools, min_size=1, max_size=2)
            more["OriginationIdentity"] = st.sampled_from(self.free_phones + self.pool_phones)
        return more


FILES = st.tuples(
    st.sampled_from([b"%PDF-1.4 ", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0"]),
    st.binary(max_size=20),
).map(lambda t: t[0] + t[1])
# Members whose valid values are what the service accepts beyond the model's constraints (a
# registration type of the catalogue, a field path of it, a file it can read ...): in inputs
# meant to succeed they always take such a value. IDs and names take a real one three times
# in eight, so that "not found" is answered too.
SEMANTIC = frozenset(
    {"RegistrationType", "FieldPath", "TextValue", "AttachmentBody", "AttachmentUrl"}
    | {"IsoCountryCode", "VersionNumbers", "TagKeys", "EventDestinationName", "ResourceArn"}
    | {"RegistrationTypes", "FieldPaths", "VersionNumber"}
)
# Members a careful caller leaves out: a NextToken comes from an earlier answer, a filter's
# values depend on its name, and a section path on the registration type.
LEFT_OUT = frozenset({"NextToken", "Filters", "SectionPath", "SectionPaths", "Owner"})
DESTINATION = "fuzz-destination"
KEYWORD = "FUZZ"
OPTED_OUT = "+12065550100"
POLICY = '{"Version": "2012-10-17", "Statement": []}'


def build_pool(
    wire: Wire, catalogue: Catalogue, sms: SmsVoiceV2Mock, operation: str | None = None
) -> Pool:
    """In the active mock: registrations in DRAFT (with a field value and a phone number),
    SUBMITTED, COMPLETE, COMPLETE with a new draft and REQUIRES_UPDATES; an attachment, a
    phone number associated with nothing, an opt-out list of our own; tags on some. A
    configuration set (with an event destination and defaults) and a pool of two numbers
    when ``operation`` (or, without one, any operation) names them."""
    shape = model.operation(operation).input_shape if operation else None
    needs = set(shape.members) if shape is not None else {"ConfigurationSetName", "PoolId"}
    c = wire.client
    tags = [{"Key": "team", "Value": "sms"}]
    kind, text_path = catalogue.text_field
    regs = [
        c.create_registration(RegistrationType=kind, Tags=tags if i == 0 else []) for i in range(5)
    ]
    ids = [r["RegistrationId"] for r in regs]
    arns = [r["RegistrationArn"] for r in regs]
    c.put_registration_field_value(RegistrationId=ids[0], FieldPath=text_path, TextValue="x")
    for rid in ids[1:]:
        c.submit_registration_version(RegistrationId=rid)
    sms.review(ids[2]).approve()
    c.create_registration_version(RegistrationId=ids[2])
    sms.review(ids[3]).deny()
    sms.review(ids[4]).begin().approve()
    attachment = c.create_registration_attachment(AttachmentBody=b"%PDF-1.4 fuzz", Tags=tags)
    phones = [
        c.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="TOLL_FREE",
            Tags=tags,
        )
        for _ in range(2)
    ]
    c.create_registration_association(RegistrationId=ids[0], ResourceId=phones[0]["PhoneNumberId"])
    ours = c.create_opt_out_list(OptOutListName="fuzz-list", Tags=tags)
    sets: list[str] = []
    if "CreateConfigurationSet" in HANDLERS and "ConfigurationSetName" in needs:
        made = c.create_configuration_set(ConfigurationSetName="fuzz-set", Tags=tags)
        sets = [made["ConfigurationSetName"], made["ConfigurationSetArn"]]
        c.create_event_destination(
            ConfigurationSetName="fuzz-set",
            EventDestinationName=DESTINATION,
            MatchingEventTypes=["ALL"],
            SnsDestination={"TopicArn": "arn:aws:sns:us-east-1:123456789012:fuzz"},
        )
        c.set_default_message_type(ConfigurationSetName="fuzz-set", MessageType="TRANSACTIONAL")
        c.set_default_sender_id(ConfigurationSetName="fuzz-set", SenderId="FUZZ")
    pools: list[str] = []
    pool_phones: list[str] = []
    if "CreatePool" in HANDLERS and needs & {"PoolId", "PoolIds", "OriginationIdentity"}:
        pooled = [
            c.request_phone_number(
                IsoCountryCode="US",
                MessageType="TRANSACTIONAL",
                NumberCapabilities=["SMS"],
                NumberType="TOLL_FREE",
            )
            for _ in range(2)
        ]
        pool_phones = [p[k] for p in pooled for k in ("PhoneNumberId", "PhoneNumberArn")]
        made = c.create_pool(
            OriginationIdentity=pooled[0]["PhoneNumberId"],
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            Tags=tags,
        )
        c.associate_origination_identity(
            PoolId=made["PoolId"],
            OriginationIdentity=pooled[1]["PhoneNumberId"],
            IsoCountryCode="US",
        )
        pools = [made["PoolId"], made["PoolArn"]]
        c.put_keyword(OriginationIdentity=made["PoolId"], Keyword=KEYWORD, KeywordMessage="hi")
    c.put_keyword(
        OriginationIdentity=phones[1]["PhoneNumberId"], Keyword=KEYWORD, KeywordMessage="x"
    )
    c.put_opted_out_number(OptOutListName="fuzz-list", OptedOutNumber=OPTED_OUT)
    c.put_resource_policy(ResourceArn=ours["OptOutListArn"], Policy=POLICY)
    senders: list[str] = []
    if "RequestSenderId" in HANDLERS:
        sender = c.request_sender_id(SenderId="FUZZ", IsoCountryCode="DE", Tags=tags)
        senders = ["FUZZ", sender["SenderIdArn"]]
    sending, verified, old_verified, code, messages = _sending_pool(c, sms, needs)
    protects = _protect_pool(c, operation, needs)
    notify: list[str] = []
    if "CreateNotifyConfiguration" in HANDLERS and needs & NOTIFY_MEMBERS:
        made = c.create_notify_configuration(
            DisplayName="Fuzz", UseCase="CODE_VERIFICATION", EnabledChannels=["SMS", "VOICE"]
        )
        notify = [made["NotifyConfigurationId"], made["NotifyConfigurationArn"]]
    agents, testing_agents = _rcs_pool(c, sms, needs, operation)
    return Pool(
        registrations=ids + arns,
        drafts=[ids[0], arns[0], ids[2], arns[2]],
        decided=[ids[3], arns[3], ids[4], arns[4]],
        discardable=[ids[1], arns[1], ids[2], arns[2]],
        attachments=[
            attachment["RegistrationAttachmentId"],
            attachment["RegistrationAttachmentArn"],
        ],
        phones=[p["PhoneNumberId"] for p in phones] + [p["PhoneNumberArn"] for p in phones],
        free_phones=[phones[1]["PhoneNumberId"], phones[1]["PhoneNumberArn"]],
        opt_out_lists=["fuzz-list", ours["OptOutListArn"], "Default"],
        tag_keys=["team"],
        configuration_sets=sets,
        pools=pools,
        pool_phones=pool_phones,
        senders=senders,
        sending=sending,
        verified=verified,
        old_verified=old_verified,
        code=code,
        messages=messages,
        protects=protects,
        notify=notify,
        agents=agents,
        testing_agents=testing_agents,
    )


def _protect_pool(c: Any, operation: str | None, needs: set[str]) -> list[str]:
    """Two protect configurations (see :attr:`Pool.protects`), when the operation needs them."""
    wanted = needs & {"ProtectConfigurationId", "ProtectConfigurationIds"}
    if "CreateProtectConfiguration" not in HANDLERS or not (
        wanted or operation in (None, "DeleteAccountDefaultProtectConfiguration")
    ):
        return []
    made = [c.create_protect_configuration(), c.create_protect_configuration()]
    first = made[0]["ProtectConfigurationId"]
    c.set_account_default_protect_configuration(ProtectConfigurationId=first)
    if "CreateConfigurationSet" in HANDLERS and "ConfigurationSetName" in needs:
        c.associate_protect_configuration(
            ProtectConfigurationId=first, ConfigurationSetName="fuzz-set"
        )
    if "PutProtectConfigurationRuleSetNumberOverride" in HANDLERS:
        c.put_protect_configuration_rule_set_number_override(
            ProtectConfigurationId=first, DestinationPhoneNumber=DESTINATION_NUMBER, Action="ALLOW"
        )
    return [p[k] for p in made for k in ("ProtectConfigurationId", "ProtectConfigurationArn")]


NOTIFY_MEMBERS = frozenset({"NotifyConfigurationId", "NotifyConfigurationIds"})
SENDING_MEMBERS = frozenset(
    {"DestinationPhoneNumber", "VerifiedDestinationNumberId", "VerifiedDestinationNumberIds"}
    | {"MessageId", "MonthlyLimit"}
)
DESTINATION_NUMBER = "+12065550142"


def _sending_pool(
    c: Any, sms: SmsVoiceV2Mock, needs: set[str]
) -> tuple[list[str], list[str], list[str], str, list[str]]:
    """A number that sends, verified destination numbers (one pending with a code sent, one
    added two days ago) and a message sent with feedback on, when the operation needs them."""
    if "SendTextMessage" not in HANDLERS or not needs & SENDING_MEMBERS:
        return [], [], [], "", []
    number = c.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS", "VOICE", "MMS"],
        NumberType="LONG_CODE",
    )
    sending = [number["PhoneNumberId"], number["PhoneNumberArn"], number["PhoneNumber"]]
    with time_machine.travel(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=2)):
        old = c.create_verified_destination_number(DestinationPhoneNumber="+12065550199")
    pending = c.create_verified_destination_number(DestinationPhoneNumber=DESTINATION_NUMBER)
    vdn = pending["VerifiedDestinationNumberId"]
    c.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
    )
    code = str(sms.messages[-1].body)
    feedback = "MessageFeedbackEnabled" in model.members("SendTextMessageRequest")  # newer
    sent = c.send_text_message(
        DestinationPhoneNumber=DESTINATION_NUMBER,
        MessageBody="fuzz",
        **({"MessageFeedbackEnabled": True} if feedback else {}),
    )
    return (
        sending,
        [vdn, pending["VerifiedDestinationNumberArn"]],
        [old["VerifiedDestinationNumberId"], old["VerifiedDestinationNumberArn"]],
        code,
        [sent["MessageId"]],
    )


RCS_TESTER = "+12065550144"


def _rcs_pool(
    c: Any, sms: SmsVoiceV2Mock, needs: set[str], operation: str | None
) -> tuple[list[str], list[str]]:
    """A bare RCS agent, and a testing agent (its test registration approved) whose tester
    :data:`RCS_TESTER` is verified, when the operation names agents (newer models only)."""
    if "CreateRcsAgent" not in HANDLERS or not (
        needs & {"RcsAgentId", "RcsAgentIds"} or operation == "SendRcsMessage"
    ):
        return [], []
    bare = c.create_rcs_agent()
    testing = c.create_rcs_agent()
    reg = c.create_registration(RegistrationType="TEST_RCS_LAUNCH_REGISTRATION")["RegistrationId"]
    c.create_registration_association(RegistrationId=reg, ResourceId=testing["RcsAgentId"])
    c.submit_registration_version(RegistrationId=reg)
    sms.review(reg).approve()
    vdn = c.create_verified_destination_number(
        DestinationPhoneNumber=RCS_TESTER, RcsAgentId=testing["RcsAgentId"]
    )["VerifiedDestinationNumberId"]
    c.send_destination_number_verification_code(
        VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT"
    )
    c.verify_destination_number(
        VerifiedDestinationNumberId=vdn, VerificationCode=str(sms.messages[-1].body)
    )
    return (
        [bare["RcsAgentId"], bare["RcsAgentArn"]],
        [testing["RcsAgentId"], testing["RcsAgentArn"]],
    )


def point_at_pool(
    operation: str,
    params: dict[str, Any],
    pool: Pool,
    catalogue: Catalogue,
    data: st.DataObject,
) -> tuple[dict[str, Any], bool]:
    """``params`` with members replaced (or added) by values naming real resources or that
    the service accepts, and whether any was; then made coherent (:data:`COHERENT`)."""
    members = model.operation(operation).input_shape.members
    meaningful = pool.strategies(catalogue)
    result = dict(params)
    for name in sorted(set(members) & set(meaningful)):
        if name in params:
            use = name in SEMANTIC or data.draw(st.integers(0, 7), label=f"real {name}") > 0
        else:  # add one in four
            use = data.draw(st.integers(0, 3), label=f"add a real {name}") == 0
        if use:
            result[name] = data.draw(meaningful[name], label=name)
    result = {k: v for k, v in result.items() if k not in LEFT_OUT}
    if isinstance(result.get("Tags"), list):  # one value per key
        result["Tags"] = list({tag["Key"]: tag for tag in result["Tags"]}.values())
    if result.get("TwoWayEnabled") and "TwoWayChannelArn" not in result:
        result["TwoWayEnabled"] = False  # two-way needs a channel
    if operation in COHERENT:
        result = COHERENT[operation](result, pool, catalogue, data)
    return result, result != params


Coherence = Callable[[dict[str, Any], Pool, Catalogue, st.DataObject], dict[str, Any]]


def _deletable_list(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """Our own opt-out list, mostly; the account's Default cannot be deleted."""
    ours = [name for name in pool.opt_out_lists if name != "Default"]
    return {**params, "OptOutListName": _mostly(data, ours, ["Default"], "OptOutListName")}


def _mostly(data: st.DataObject, fitting: list[str], others: list[str], label: str) -> str:
    """One of ``fitting`` three times in four, else one of ``others``."""
    fits = data.draw(st.integers(0, 3), label=f"a fitting {label}") > 0
    return data.draw(st.sampled_from(fitting if fits else others), label=label)


def _decided(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A registration whose latest version is decided, mostly."""
    return {**params, "RegistrationId": _mostly(data, pool.decided, pool.registrations, "decided")}


def _discardable(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    rid = _mostly(data, pool.discardable, pool.registrations, "discardable")
    return {**params, "RegistrationId": rid}


def _draft(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A registration with a draft to submit, mostly."""
    return {**params, "RegistrationId": _mostly(data, pool.drafts, pool.registrations, "draft")}


def _pool_create(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The free number, mostly, of the country and message type it has."""
    phone = _mostly(data, pool.free_phones, pool.phones + pool.pool_phones, "OriginationIdentity")
    return {
        **params,
        "OriginationIdentity": phone,
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
    }


def _pool_join(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    phone = _mostly(data, pool.free_phones, pool.pool_phones, "OriginationIdentity")
    pool_id = data.draw(st.sampled_from(pool.pools), label="PoolId")
    return {**params, "PoolId": pool_id, "OriginationIdentity": phone, "IsoCountryCode": "US"}


def _pool_leave(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    phone = _mostly(data, pool.pool_phones, pool.free_phones, "OriginationIdentity")
    pool_id = data.draw(st.sampled_from(pool.pools), label="PoolId")
    return {**params, "PoolId": pool_id, "OriginationIdentity": phone, "IsoCountryCode": "US"}


def _field_value(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A TEXT field of the registrations' type, on a draft mostly: one value, a text."""
    rid = _mostly(data, pool.drafts, pool.registrations, "RegistrationId")
    return {"RegistrationId": rid, "FieldPath": catalogue.text_field[1], "TextValue": "fuzz"}


def _field_path(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The TEXT field the pool's first draft has a value for."""
    rid = _mostly(data, pool.drafts, pool.registrations, "RegistrationId")
    return {"RegistrationId": rid, "FieldPath": catalogue.text_field[1]}


def _association(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The phone number associated with nothing, mostly, with a registration's draft."""
    rid = _mostly(data, pool.drafts, pool.registrations, "RegistrationId")
    phone = _mostly(data, pool.free_phones, pool.phones, "ResourceId")
    return {**params, "RegistrationId": rid, "ResourceId": phone}


def _attachment(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """Exactly one of AttachmentBody and AttachmentUrl, as the service requires."""
    rest = {k: v for k, v in params.items() if k not in ("AttachmentBody", "AttachmentUrl")}
    if data.draw(st.booleans(), label="body, not URL"):
        return {**rest, "AttachmentBody": data.draw(FILES, label="AttachmentBody")}
    url = data.draw(st.sampled_from(["s3://fuzz-bucket/a.pdf", "s3://fuzz-bucket/b.PNG"]))
    return {**rest, "AttachmentUrl": url}


def _event_destination(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The pool's configuration set mostly; at most an SNS destination (the kind the pool's
    destination has, which an update cannot change); event types it can match."""
    kinds = ("CloudWatchLogsDestination", "KinesisFirehoseDestination", "SnsDestination")
    rest = {k: v for k, v in params.items() if k not in kinds[:2]}
    rest["ConfigurationSetName"] = _mostly(
        data, pool.configuration_sets, ["no-such-set"], "ConfigurationSetName"
    )
    types = [t for t in params.get("MatchingEventTypes", ["ALL"]) if t != "TEXT_SENT"]
    if "MatchingEventTypes" in params:
        rest["MatchingEventTypes"] = types or ["ALL"]
    return rest


def _new_destination(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    rest = _event_destination(params, pool, catalogue, data)
    if "SnsDestination" not in rest:
        rest["SnsDestination"] = {"TopicArn": "arn:aws:sns:us-east-1:123456789012:fuzz"}
    name = _mostly(data, ["fuzz-new-destination"], [DESTINATION], "EventDestinationName")
    return {**rest, "EventDestinationName": name}


def _phone_request(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A toll-free US number: what the pool's (toll-free) registrations and pools take; into
    a pool, with the pool's message type and opt-out list (no NumberPreference: that is for
    US 10DLC numbers only)."""
    result = {**params, "IsoCountryCode": "US", "NumberType": "TOLL_FREE"}
    result.pop("NumberPreference", None)
    if "PoolId" in result:
        result["MessageType"] = "TRANSACTIONAL"
        result.pop("OptOutListName", None)
    return result


def _new_name(member: str, taken: str) -> Coherence:
    """A name for a new resource: a fresh one, or one in use (a conflict)."""

    def name(
        params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
    ) -> dict[str, Any]:
        return {**params, member: data.draw(st.sampled_from(["fuzz-new", taken]), label=member)}

    return name


def _field_definitions(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """Field paths of the registration type they are asked of."""
    if "FieldPaths" not in params:
        return params
    return {**params, "RegistrationType": catalogue.text_field[0]}


def _keyword(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A number of ours or a pool, mostly the free number (a pooled one takes no keywords)
    or a pool, and the keyword we set on them (or a new one)."""
    identity = _mostly(data, pool.free_phones + pool.pools, pool.pool_phones, "identity")
    word = data.draw(st.sampled_from([KEYWORD, "FUZZ2", "HELP"]), label="Keyword")
    shaped = {**params, "OriginationIdentity": identity, "Keyword": word}
    if word == "HELP":  # HELP keeps its action
        shaped["KeywordAction"] = "AUTOMATIC_RESPONSE"
    return shaped


def _keyword_delete(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    identity = _mostly(data, pool.free_phones + pool.pools, pool.pool_phones, "identity")
    return {**params, "OriginationIdentity": identity, "Keyword": KEYWORD}


def _opted_out(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The list that holds our opted-out number, and that number (mostly)."""
    number = _mostly(data, [OPTED_OUT], ["+12065550199"], "OptedOutNumber")
    return {**params, "OptOutListName": "fuzz-list", "OptedOutNumber": number}


def _policy(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """Our opt-out list (it has a policy) or a phone number (it has none); a JSON policy."""
    lists = [name for name in pool.opt_out_lists if name.startswith("arn:")]
    arn = _mostly(data, lists, [p for p in pool.phones if p.startswith("arn:")], "ResourceArn")
    shaped = {**params, "ResourceArn": arn}
    if "Policy" in params:
        shaped["Policy"] = POLICY
    return shaped


def _sender_request(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A country that takes sender IDs without a registration; a new one or ours (a conflict)."""
    sender = data.draw(st.sampled_from(["FUZZNEW", "FUZZ"]), label="SenderId")
    types = params.get("MessageTypes")
    shaped = {**params, "SenderId": sender, "IsoCountryCode": "DE"}
    if types is not None:
        shaped["MessageTypes"] = list(dict.fromkeys(types))
    return shaped


def _sender(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """Our sender ID, mostly, in its country."""
    sender = _mostly(data, pool.senders, ["NOBODY"], "SenderId")
    return {**params, "SenderId": sender, "IsoCountryCode": "DE"}


def _default_sender(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A sender ID string (the member takes no ARN)."""
    return {**params, "SenderId": "FUZZ"}


def _send(operation: str) -> Coherence:
    """Our sending number (or none, where the operation lets it out), a US destination, no
    price cap it could miss, a media file MMS carries, a TEXT voice body within its 3000
    characters; protect configurations that allow it."""
    optional = "OriginationIdentity" not in model.operation(operation).input_shape.required_members

    def shape(
        params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
    ) -> dict[str, Any]:
        shaped = _sendable(params, pool, data, optional)
        text = shaped.get("MessageBodyTextType") != "SSML"
        if operation == "SendVoiceMessage" and text and "MessageBody" in shaped:
            body = shaped["MessageBody"][:3000]
            shaped["MessageBody"] = body if body.strip() else "hi"
        return shaped

    return shape


def _sendable(
    params: dict[str, Any], pool: Pool, data: st.DataObject, optional: bool
) -> dict[str, Any]:
    shaped = {k: v for k, v in params.items() if k != "MaxPrice"}
    shaped.pop("MaxPricePerMinute", None)
    shaped["DestinationPhoneNumber"] = DESTINATION_NUMBER
    choices = pool.sending + ([""] if optional else [])
    identity = data.draw(st.sampled_from(choices), label="OriginationIdentity")
    if identity:
        shaped["OriginationIdentity"] = identity
    else:
        shaped.pop("OriginationIdentity", None)
    if "MediaUrls" in params:
        shaped["MediaUrls"] = ["s3://fuzz-bucket/a.png"]
    return shaped


def _verification(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The pending number mostly, from our sending number or the one found for it."""
    vdn = _mostly(data, pool.verified, pool.old_verified, "VerifiedDestinationNumberId")
    shaped = {**params, "VerifiedDestinationNumberId": vdn}
    if "OriginationIdentity" in params:
        shaped["OriginationIdentity"] = data.draw(st.sampled_from(pool.sending[:2]))
    if "VerificationCode" in params:
        shaped["VerificationCode"] = pool.code
    return shaped


def _old_verified(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    vdn = _mostly(data, pool.old_verified, pool.verified, "VerifiedDestinationNumberId")
    return {**params, "VerifiedDestinationNumberId": vdn}


def _new_verified(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A number not verified yet, mostly; no RCS agent (none exist)."""
    number = _mostly(data, ["+12065550177"], [DESTINATION_NUMBER], "DestinationPhoneNumber")
    shaped = {k: v for k, v in params.items() if k != "RcsAgentId"}
    return {**shaped, "DestinationPhoneNumber": number}


def _rcs_send(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The testing agent (by ID or ARN) to its verified tester; no price cap it could miss,
    no protect configuration (none exist); a fallback with the content its channel needs and
    no identity of its own (an unknown one could only be refused when the fallback is sent)."""
    shaped = {k: v for k, v in params.items() if k not in ("ProtectConfigurationId", "MaxPrice")}
    agent = data.draw(st.sampled_from(pool.testing_agents), label="OriginationIdentity")
    fallback = params.get("FallbackConfiguration")
    if fallback is not None:
        fallback = {k: v for k, v in fallback.items() if k != "OriginationIdentity"}
        if fallback["Channel"] == "SMS":
            fallback.pop("MediaUrls", None)
        fallback.setdefault("MessageBody", "Fallback text")
        shaped["FallbackConfiguration"] = fallback
    return {**shaped, "OriginationIdentity": agent, "DestinationPhoneNumber": RCS_TESTER}


def _rcs_update(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """No inbound media settings (they need two-way on first); ALL alone when it is there."""
    shaped = {k: v for k, v in params.items() if not k.startswith("TwoWayMediaS3")}
    events = params.get("TwoWayRcsEventsEnabled")
    if events is not None and "ALL" in events:
        shaped["TwoWayRcsEventsEnabled"] = ["ALL"]
    return shaped


def _rcs_delete(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The bare agent mostly (a registration holds the testing one)."""
    agent = _mostly(data, pool.agents, pool.testing_agents, "RcsAgentId")
    return {**params, "RcsAgentId": agent}


def _spend_limit(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """At most the account's MaxLimit."""
    return {**params, "MonthlyLimit": min(params.get("MonthlyLimit", 0), 10_000)}


def _free_protect(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The protect configuration in nothing (deletable), mostly."""
    pid = _mostly(data, pool.protects[2:], pool.protects[:2], "ProtectConfigurationId")
    return {**params, "ProtectConfigurationId": pid}


def _default_protect(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """The protect configuration in the set, with the override, mostly."""
    pid = _mostly(data, pool.protects[:2], pool.protects[2:], "ProtectConfigurationId")
    shaped = {**params, "ProtectConfigurationId": pid}
    if "ConfigurationSetName" in params:
        shaped["ConfigurationSetName"] = _mostly(
            data, pool.configuration_sets, ["no-such-set"], "ConfigurationSetName"
        )
    if "DestinationPhoneNumber" in params:
        number = _mostly(data, [DESTINATION_NUMBER], ["+12065550199"], "DestinationPhoneNumber")
        shaped["DestinationPhoneNumber"] = number
    return shaped


def _rule_set(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """A capability with a rule set (RCS has none); countries of ISO 3166-1; MONITOR and
    FILTER for SMS only."""
    capability = params.get("NumberCapability")
    if capability not in PROTECT_CAPABILITIES:
        capability = data.draw(st.sampled_from(PROTECT_CAPABILITIES), label="NumberCapability")
    shaped = {**params, "NumberCapability": capability}
    updates = params.get("CountryRuleSetUpdates")
    if isinstance(updates, dict):
        countries = data.draw(
            st.lists(
                st.sampled_from(PROTECT_COUNTRIES),
                min_size=len(updates),
                max_size=len(updates),
                unique=True,
            ),
            label="countries",
        )
        shaped["CountryRuleSetUpdates"] = {
            country: (
                rule
                if capability == "SMS" or rule.get("ProtectStatus") in ("ALLOW", "BLOCK")
                else {"ProtectStatus": "BLOCK"}
            )
            for country, rule in zip(countries, updates.values(), strict=True)
        }
    return shaped


NOTIFY_TEMPLATES = {
    "SendNotifyTextMessage": "notify-code-verification-english-001",
    "SendNotifyVoiceMessage": "notify-code-verification-english-voice-001",
}


def _notify_settings(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """Notify's channels (SMS, VOICE), countries of its Basic tier, a template it has (or
    none) and a pool of ours (or none); our configuration, mostly, for an update."""
    shaped = dict(params)
    if "NotifyConfigurationId" in params:
        shaped["NotifyConfigurationId"] = _mostly(
            data, pool.notify, ["notify-" + "0" * 32], "NotifyConfigurationId"
        )
    if "EnabledChannels" in params:
        channels = [c for c in params["EnabledChannels"] if c in ("SMS", "VOICE")]
        shaped["EnabledChannels"] = channels or ["SMS"]
    if "EnabledCountries" in params:
        countries = st.lists(st.sampled_from(["US", "GB", "JP"]), max_size=3)
        shaped["EnabledCountries"] = data.draw(countries, label="EnabledCountries")
    shaped.pop("DefaultTemplateId", None)
    if "DefaultTemplateId" in params and "VOICE" not in shaped.get("EnabledChannels", ["SMS"]):
        shaped["DefaultTemplateId"] = NOTIFY_TEMPLATES["SendNotifyTextMessage"]
    if "PoolId" in params:
        unset = ["UNSET_DEFAULT_POOL_FOR_NOTIFY"] if "NotifyConfigurationId" in params else []
        shaped["PoolId"] = data.draw(st.sampled_from(pool.pools + unset), label="PoolId")
    return shaped


def _notify_send(operation: str) -> Coherence:
    """Our configuration (mostly), a US destination, the channel's English template with its
    one variable, one of the template's voices; a configuration set of ours or none."""

    def shape(
        params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
    ) -> dict[str, Any]:
        shaped = {k: v for k, v in params.items() if k not in ("VoiceId", "ConfigurationSetName")}
        shaped["NotifyConfigurationId"] = _mostly(
            data, pool.notify, ["notify-" + "0" * 32], "NotifyConfigurationId"
        )
        shaped["DestinationPhoneNumber"] = DESTINATION_NUMBER
        shaped["TemplateId"] = NOTIFY_TEMPLATES[operation]
        shaped["TemplateVariables"] = {"code": "123456"}
        if "VoiceId" in params:
            shaped["VoiceId"] = "JOANNA"
        if "ConfigurationSetName" in params and pool.configuration_sets:
            shaped["ConfigurationSetName"] = pool.configuration_sets[0]
        return shaped

    return shape


def _notify_templates(
    params: dict[str, Any], pool: Pool, catalogue: Catalogue, data: st.DataObject
) -> dict[str, Any]:
    """Template IDs of the catalogue, mostly."""
    if "TemplateIds" not in params:
        return params
    ids = [NOTIFY_TEMPLATES["SendNotifyTextMessage"], "notify-code-verification-spanish-001"]
    return {**params, "TemplateIds": [_mostly(data, ids, ["notify-none"], "TemplateIds")]}


# Operations whose members must agree with each other (or with the state) to succeed.
COHERENT: dict[str, Coherence] = {
    "CreateNotifyConfiguration": _notify_settings,
    "UpdateNotifyConfiguration": _notify_settings,
    "SendNotifyTextMessage": _notify_send("SendNotifyTextMessage"),
    "SendNotifyVoiceMessage": _notify_send("SendNotifyVoiceMessage"),
    "DescribeNotifyTemplates": _notify_templates,
    "SendTextMessage": _send("SendTextMessage"),
    "SendVoiceMessage": _send("SendVoiceMessage"),
    "SendMediaMessage": _send("SendMediaMessage"),
    "SendDestinationNumberVerificationCode": _verification,
    "VerifyDestinationNumber": _verification,
    "DeleteVerifiedDestinationNumber": _old_verified,
    "CreateVerifiedDestinationNumber": _new_verified,
    **{
        f"Set{name}MessageSpendLimitOverride": _spend_limit
        for name in ("Text", "Voice", "Media", "Notify", "Rcs")
    },
    "PutRegistrationFieldValue": _field_value,
    "DeleteRegistrationFieldValue": _field_path,
    "CreateRegistrationAssociation": _association,
    "CreateRegistrationAttachment": _attachment,
    "CreateEventDestination": _new_destination,
    "UpdateEventDestination": _event_destination,
    "RequestPhoneNumber": _phone_request,
    "SubmitRegistrationVersion": _draft,
    "CreateRegistrationVersion": _decided,
    "DeleteRegistration": _decided,
    "DiscardRegistrationVersion": _discardable,
    "DeleteOptOutList": _deletable_list,
    "CreateOptOutList": _new_name("OptOutListName", "fuzz-list"),
    "CreateConfigurationSet": _new_name("ConfigurationSetName", "fuzz-set"),
    "DescribeRegistrationFieldDefinitions": _field_definitions,
    "CreatePool": _pool_create,
    "AssociateOriginationIdentity": _pool_join,
    "DisassociateOriginationIdentity": _pool_leave,
    "PutKeyword": _keyword,
    "DescribeKeywords": _keyword_delete,
    "DeleteKeyword": _keyword_delete,
    "PutOptedOutNumber": _opted_out,
    "DeleteOptedOutNumber": _opted_out,
    "PutResourcePolicy": _policy,
    "GetResourcePolicy": _policy,
    "DeleteResourcePolicy": _policy,
    "RequestSenderId": _sender_request,
    "UpdateSenderId": _sender,
    "SetDefaultSenderId": _default_sender,
    "ReleaseSenderId": _sender,
    "DeleteProtectConfiguration": _free_protect,
    "DisassociateProtectConfiguration": _default_protect,
    "DeleteProtectConfigurationRuleSetNumberOverride": _default_protect,
    "GetProtectConfigurationCountryRuleSet": _rule_set,
    "UpdateProtectConfigurationCountryRuleSet": _rule_set,
    "SendRcsMessage": _rcs_send,
    "UpdateRcsAgent": _rcs_update,
    "DeleteRcsAgent": _rcs_delete,
}
# What a valid input may still be refused with: errors that depend on the state it meets.
STATE_ERRORS = frozenset(
    {"ResourceNotFoundException", "ConflictException", "ServiceQuotaExceededException"}
)


READ_ONLY = ("Describe", "List")  # operations that change nothing


def state_errors(operation: str) -> frozenset[str]:
    """The state-dependent errors ``operation`` documents."""
    return STATE_ERRORS & modelled_errors(operation)


# --------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("operation", MODELLED)
def test_valid_input_succeeds_or_meets_a_documented_state_error(
    operation: str, wire: Wire, catalogue: Catalogue
) -> None:
    """Inputs a careful caller sends (valid by the model, naming what exists, coherent)
    succeed, or are refused only for the state they meet; and some of them succeed."""
    before = SUCCEEDED[operation]
    shared: list[Pool] = []  # for an operation that reads only, one pool serves every example

    @fuzz(5, 60)
    @given(data=st.data())
    def valid_input(data: st.DataObject) -> None:
        params = data.draw(ms.valid_input(operation), label="params")
        with mock_sms_voice_v2() as sms:
            pool = shared[0] if shared else build_pool(wire, catalogue, sms, operation)
            params, real = point_at_pool(operation, params, pool, catalogue, data)
            answer = send(wire, operation, params)
        kind = "valid, naming real resources" if real else "valid"
        check(
            operation,
            answer,
            success=True,
            errors=state_errors(operation),
            kind=kind,
            shown=params,
        )

    if operation.startswith(READ_ONLY):
        with mock_sms_voice_v2() as sms:  # the examples' activations nest in this one
            shared.append(build_pool(wire, catalogue, sms, operation))
            valid_input()
    else:
        valid_input()
    assert SUCCEEDED[operation] > before, f"no valid input of {operation} succeeded"


BAD_TYPES = frozenset({ms.NULL, ms.NULL_OPTIONAL, ms.WRONG_TYPE})


@functools.cache
def violations(operation: str) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """Any one violation; half the time a null or a wrong JSON type at any depth (issue 13)."""
    every = ms.invalid_input(operation)
    return st.one_of(every, every.filter(lambda case: case[1] in BAD_TYPES))


@pytest.mark.parametrize("operation", MODELLED)
@fuzz(3, 80)
@given(data=st.data())
def test_invalid_input_gets_a_validation_or_serialization_error(
    operation: str, data: st.DataObject, wire: Wire
) -> None:
    """One violation: ValidationException or SerializationException, never a 5xx. A null or a
    wrong type anywhere included; a null optional member is read as the member left out."""
    params, label = data.draw(violations(operation), label="params, violation")
    with mock_sms_voice_v2():
        answer = send(wire, operation, params)
    # The mock's validator skips members the model does not have, and reads a null optional
    # member as one left out, so an input whose only "violation" is one of those is answered
    # as a valid input would be.
    ignored = label in (ms.UNKNOWN_MEMBER, ms.NULL_OPTIONAL)
    check(
        operation,
        answer,
        success=ignored,
        errors=modelled_errors(operation) if ignored else INPUT_ERRORS,
        kind=f"invalid: {label}",
        shown=params,
    )


@pytest.mark.skipif(not UNMODELLED, reason="the mock models every operation of this botocore")
@fuzz(10, 150)
@given(data=st.data())
def test_unmodelled_operations_get_not_implemented(data: st.DataObject, wire: Wire) -> None:
    operation = data.draw(st.sampled_from(UNMODELLED), label="operation")
    if data.draw(st.booleans(), label="valid"):
        params = data.draw(ms.valid_input(operation), label="params")
    else:
        params = data.draw(ms.invalid_input(operation), label="params")[0]
    with mock_sms_voice_v2():
        answer = send(wire, operation, params)
    check(
        operation,
        answer,
        success=False,
        errors=frozenset({"NotImplemented"}),
        kind="unmodelled operation",
        shown=params,
    )


def _raw_expectation(operation: str, body: bytes) -> tuple[bool, frozenset[str]]:
    """(may succeed, codes allowed) for a raw body: what is no JSON object is refused."""
    try:
        decoded = json.loads(body)
    except (ValueError, RecursionError):
        decoded = None if body.strip() else {}
    if not isinstance(decoded, dict):
        return False, frozenset({"SerializationException"})
    if operation not in HANDLERS:
        return False, frozenset({"NotImplemented", "SerializationException"})
    return True, modelled_errors(operation)


SOME_OPERATIONS = st.one_of(
    st.sampled_from(MODELLED), st.sampled_from(UNMODELLED) if UNMODELLED else st.nothing()
)


@fuzz(15, 300)
@given(operation=SOME_OPERATIONS, body=ms.raw_bodies())
def test_raw_bodies_through_the_client(operation: str, body: bytes, wire: Wire) -> None:
    with mock_sms_voice_v2():
        answer = wire.call(operation, None, body)
    PATHS["raw body via the client"] += 1
    success, errors = _raw_expectation(operation, body)
    check(operation, answer, success=success, errors=errors, kind="raw body", shown=body[:200])


TARGETS = st.one_of(
    SOME_OPERATIONS.map(lambda op: f"PinpointSMSVoiceV2.{op}"),
    st.sampled_from(
        ["", "PinpointSMSVoiceV2.", "PinpointSMSVoiceV2.Nope", "Other.CreateRegistration"]
    ),
    st.text(max_size=30),
)
URLS = st.sampled_from(
    [
        "https://sms-voice.us-east-1.amazonaws.com/",
        "https://sms-voice.eu-west-2.amazonaws.com/",
        "http://127.0.0.1:4566/",
        "not a url",
    ]
)
AUTHORIZATION = st.one_of(
    st.none(),
    st.just(
        "AWS4-HMAC-SHA256 Credential=111122223333/20240101/ap-south-1/sms-voice/aws4_request, "
        "SignedHeaders=host, Signature=00"
    ),
    st.text(max_size=60),
)


@fuzz(25, 500)
@given(target=TARGETS, url=URLS, authorization=AUTHORIZATION, body=ms.raw_bodies())
def test_raw_requests_to_service_answer(
    target: str, url: str, authorization: str | None, body: bytes
) -> None:
    headers = HTTPHeaders()
    headers["X-Amz-Target"] = target
    headers["Content-Type"] = "application/x-amz-json-1.0"
    if authorization is not None:
        headers["Authorization"] = authorization
    response = Service(Options()).answer(headers, body, url)
    PATHS["Service.answer"] += 1
    assert response.headers["Content-Length"] == str(len(response.body))
    assert response.headers["x-amzn-RequestId"]
    operation = target.removeprefix("PinpointSMSVoiceV2.")
    if operation not in model.operation_names() or not target.startswith("PinpointSMSVoiceV2."):
        INPUTS["raw request"] += 1
        ANSWERS["UnknownOperationException"] += 1
        assert response.status == 400, response
        assert json.loads(response.body)["__type"].endswith("#UnknownOperationException")
        return
    success, errors = _raw_expectation(operation, body)
    code = response.headers.get("x-amzn-ErrorType")
    parsed = json.loads(response.body) if response.status == 200 else None
    answer = Answer(response.status, response.body, parsed, code)
    check(operation, answer, success=success, errors=errors, kind="raw request", shown=body[:200])
