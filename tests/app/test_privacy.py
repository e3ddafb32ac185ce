"""Phone masking in one place (app/privacy.py): 138****1234 unless the role may see it."""

from __future__ import annotations

import pytest

from app import privacy
from app.security.actor import Actor
from app.validation import phones


def _actor(*permissions: str) -> Actor:
    return Actor(user_id=1, username="u", full_name="U", role="advisor",
                 permissions=frozenset(permissions))


@pytest.mark.parametrize(("number", "masked"), [
    ("+8613812341234", "138****1234"),
    ("+442079460958", "+44207***0958"),
    ("020-8888 6666", "020****6666"),
    ("12345", "1***5"),
    ("", ""),
])
def test_mask_phone(number: str, masked: str) -> None:
    assert privacy.mask_phone(number) == masked


def test_shown_phone_masks_unless_the_actor_may_see_contacts() -> None:
    assert privacy.shown_phone(_actor("customers.view"), "+8613812341234") == "138****1234"
    assert privacy.shown_phone(_actor("customers.view_contact"), "+8613812341234") \
        == "+8613812341234"
    assert privacy.shown_phone(_actor(), "") == "" and privacy.shown_phone(_actor(), None) == ""
    assert privacy.may_see_contact(_actor("customers.view_contact"))
    assert not privacy.may_see_contact(_actor("customers.view"))


def test_the_old_import_path_is_the_same_function() -> None:
    assert phones.mask_phone is privacy.mask_phone
