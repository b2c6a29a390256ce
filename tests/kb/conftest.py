"""Fixtures of the knowledge-base tests: `bronnen`, the source texts (see tests/bronnen.py)."""

from tests.bronnen import bronnen  # noqa: F401  (the fixture, shared from one place)
