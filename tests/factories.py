"""Small builders of test data through the real services (tests stay honest)."""

from __future__ import annotations

TEST_PASSWORD = "test-password-1"
