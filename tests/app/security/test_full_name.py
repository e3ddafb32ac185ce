"""A user's full name is cleaned like every free text and must fit its column (both DBs)."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.security.users import create_user
from db.models import User
from tests.factories import TEST_PASSWORD


def test_a_101_character_full_name_is_refused_naming_the_field(session, actors) -> None:
    with pytest.raises(ValidationError) as caught:
        create_user(session, actors["admin"], username="long.name", full_name="王" * 101,
                    password=TEST_PASSWORD, role="advisor")
    assert caught.value.field == "full_name"
    assert caught.value.params["max_length"] == 100


def test_a_full_name_loses_nul_control_and_bidi_characters(session, actors) -> None:
    user = create_user(session, actors["admin"], username="clean.name",
                       full_name="\u202e王\x00芳\x1b ", password=TEST_PASSWORD, role="advisor")
    session.flush()
    session.expire_all()
    assert session.get(User, user.id).full_name == "王芳"
