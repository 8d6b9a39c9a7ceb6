"""Keywords of phone numbers, pools and RCS agents: PutKeyword, DescribeKeywords, DeleteKeyword.

Every number and pool answers HELP (AUTOMATIC_RESPONSE) and STOP (OPT_OUT) from the start, as
AWS documents; their texts here are ours (AWS does not publish its defaults). HELP and STOP
cannot be deleted and keep their action; their message can change. Keywords match without
regard to case and are kept upper-cased (PutKeyword and DescribeKeywords answer ``INFO`` for
``info``, as AWS does), and a message matches a keyword when it begins with it. A pooled number's
keywords are the pool's: PutKeyword and DeleteKeyword on the number are refused with
``PHONE_NUMBER_ASSOCIATED_TO_POOL``; a new pool starts with a copy of its first number's.
Quotas ``KEYWORDS_PER_PHONE_NUMBER`` and ``KEYWORDS_PER_POOL`` apply when the ``quotas``
option sets them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pinpoint_mock.engine import arns
from pinpoint_mock.engine.errors import conflict, not_found, quota_exceeded
from pinpoint_mock.engine.listing import listing, with_token
from pinpoint_mock.engine.resources import PHONE_NUMBER, POOL, RCS_AGENT, Kind, find

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Context, Handler
    from pinpoint_mock.engine.listing import FilterTable
    from pinpoint_mock.engine.store import RegionState

KIND = "keyword"
HELP_TEXT = "Reply STOP to opt out. Msg&data rates may apply."
STOP_TEXT = "You are opted out and will receive no further messages."
DEFAULTS = {"HELP": ("AUTOMATIC_RESPONSE", HELP_TEXT), "STOP": ("OPT_OUT", STOP_TEXT)}
_QUOTA = {PHONE_NUMBER.arn_type: "KEYWORDS_PER_PHONE_NUMBER", POOL.arn_type: "KEYWORDS_PER_POOL"}


@dataclass(slots=True, eq=False)
class Keyword:
    keyword: str
    message: str
    action: str
    seq: int

    def view(self) -> dict[str, Any]:
        return {
            "Keyword": self.keyword,
            "KeywordMessage": self.message,
            "KeywordAction": self.action,
        }


def defaults() -> dict[str, Keyword]:
    """A fresh identity's keywords, by upper-cased keyword."""
    return {
        word: Keyword(word, message, action, i)
        for i, (word, (action, message)) in enumerate(DEFAULTS.items(), 1)
    }


def copy(keywords: dict[str, Keyword]) -> dict[str, Keyword]:
    return {k: Keyword(v.keyword, v.message, v.action, v.seq) for k, v in keywords.items()}


def identity(state: RegionState, id_or_arn: str) -> tuple[Kind, Any]:
    """The phone number, pool or RCS agent an ``OriginationIdentity`` names (ID or ARN)."""
    parsed = arns.parse(id_or_arn) if id_or_arn.startswith("arn:") else None
    kind = next(
        (
            k
            for k in (POOL, RCS_AGENT)
            if (parsed is not None and parsed.kind == k.arn_type)
            or id_or_arn.startswith(f"{k.id_prefix}-")
        ),
        PHONE_NUMBER,
    )
    return kind, find(state, kind, id_or_arn)


def match(keywords: dict[str, Keyword], body: str) -> Keyword | None:
    """The keyword a message beginning with it matches (the longest, case aside)."""
    text = body.strip().upper()
    found = [k for word, k in keywords.items() if text.startswith(word)]
    return max(found, key=lambda k: len(k.keyword)) if found else None


def _head(record: Any) -> dict[str, Any]:
    return {"OriginationIdentityArn": record.arn, "OriginationIdentity": record.id}


def _owned(kind: Kind, record: Any) -> dict[str, Keyword]:
    """The keywords ``record`` holds itself; a pooled number holds none of its own."""
    if kind is PHONE_NUMBER and record.pool_id is not None:
        raise conflict(
            "PHONE_NUMBER_ASSOCIATED_TO_POOL",
            f"Phone number {record.id} is in pool {record.pool_id}; its keywords are the "
            "pool's. Change them on the pool.",
            PHONE_NUMBER.arn_type,
            record.id,
        )
    keywords: dict[str, Keyword] = record.keywords
    return keywords


def put_keyword(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    kind, record = identity(ctx.state, params["OriginationIdentity"])
    keywords = _owned(kind, record)
    word = params["Keyword"]
    key = word.strip().upper()
    existing = keywords.get(key)
    # without an action, a keyword keeps the one it has (a new one answers automatically)
    action = params.get("KeywordAction") or (
        existing.action if existing is not None else "AUTOMATIC_RESPONSE"
    )
    if key in DEFAULTS and action != DEFAULTS[key][0]:
        raise conflict(
            "RESOURCE_MODIFICATION_NOT_ALLOWED",
            f"The action of {key} is {DEFAULTS[key][0]} and cannot change; its message can.",
            KIND,
            key,
        )
    if existing is None:
        quota = _QUOTA.get(kind.arn_type)  # none for an RCS agent
        limit = ctx.service.options.quotas.get(quota) if quota is not None else None
        if quota is not None and limit is not None and len(keywords) >= limit:
            raise quota_exceeded(quota, limit)
        seq = max((k.seq for k in keywords.values()), default=0) + 1
        existing = keywords[key] = Keyword(key, params["KeywordMessage"], action, seq)
    existing.message, existing.action = params["KeywordMessage"], action
    return {**_head(record), **existing.view()}


_FILTERS: FilterTable[Keyword] = {"keyword-action": ("KeywordAction", lambda k: k.action)}


def describe_keywords(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    kind, record = identity(ctx.state, params["OriginationIdentity"])
    keywords: dict[str, Keyword] = record.keywords
    if kind is PHONE_NUMBER and record.pool_id is not None:  # the pool's keywords answer
        keywords = find(ctx.state, POOL, record.pool_id).keywords
    wanted = params.get("Keywords")
    candidates = sorted(keywords.values(), key=lambda k: k.seq)
    if wanted:
        for word in wanted:
            if word.strip().upper() not in keywords:
                raise not_found(KIND, word)
        keys = {w.strip().upper() for w in wanted}
        candidates = [k for k in candidates if k.keyword.strip().upper() in keys]
    found, token = listing(ctx, params, candidates, lambda k: k.seq, _FILTERS)
    return with_token({**_head(record), "Keywords": [k.view() for k in found]}, token)


def delete_keyword(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    kind, record = identity(ctx.state, params["OriginationIdentity"])
    keywords = _owned(kind, record)
    key = params["Keyword"].strip().upper()
    existing = keywords.get(key)
    if existing is None:
        raise not_found(KIND, params["Keyword"])
    if key in DEFAULTS:
        raise conflict(
            "RESOURCE_MODIFICATION_NOT_ALLOWED",
            f"{key} is a keyword every number and pool keeps; it cannot be deleted.",
            KIND,
            key,
        )
    del keywords[key]
    return {**_head(record), **existing.view()}


HANDLERS: dict[str, Handler] = {
    "PutKeyword": put_keyword,
    "DescribeKeywords": describe_keywords,
    "DeleteKeyword": delete_keyword,
}
