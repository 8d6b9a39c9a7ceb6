"""Protect configurations: which countries (and numbers) messages may go to.

:mod:`.configurations` creates, describes, updates and deletes them; :mod:`.rules` keeps their
country rule sets; :mod:`.overrides` their phone number overrides; :mod:`.associations` where
they apply (a configuration set, the account default); :mod:`.verdict` is what a send asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pinpoint_mock.service.protect import associations, configurations, overrides, rules

if TYPE_CHECKING:
    from pinpoint_mock.engine.dispatch import Handler

HANDLERS: dict[str, Handler] = {
    **configurations.HANDLERS,
    **rules.HANDLERS,
    **overrides.HANDLERS,
    **associations.HANDLERS,
}
