"""pytest entry point of pinpoint-mock (``pytest11``).

It loads ``pinpoint_mock.pytest_plugin`` when pytest is configured rather than when pytest
imports its plugins, so that coverage tools that start after plugin import (pytest-cov)
still see pinpoint_mock load; the botocore seam is in place before any test module is
collected either way.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    from pinpoint_mock import pytest_plugin

    if not config.pluginmanager.is_registered(pytest_plugin):
        config.pluginmanager.register(pytest_plugin, "pinpoint_mock.pytest_plugin")
