"""Shared fixtures for the pinpoint-mock test suite."""

from __future__ import annotations

pytest_plugins = ["pytester"]
