"""The password policy per role (zxcvbn) and the user name rules."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.security.policy import check_password, check_username, look_alike_key
from app.security.users import create_user

STRONG = "Ferry-orchid-windmill-4"


@pytest.mark.parametrize("password", ["password", "12345678", " " * 8, "demo1234",
                                      "password123", "qwertyuiop12", "aaaaaaaaaaaa",
                                      "1qaz2wsx3edc", "admin2026admin"])
def test_common_and_guessable_passwords_are_refused_for_an_admin(password: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_password(password, role="admin", username="admin", full_name="林伟")
    assert err.value.field == "password"
    assert "12" in err.value.message("en")  # says how long it must be at least


@pytest.mark.parametrize("role", ["admin", "service_manager", "cashier"])
def test_money_and_account_roles_need_a_longer_stronger_password(role: str) -> None:
    check_password("Quiet-harbour-lantern-27", role=role)
    with pytest.raises(ValidationError):
        check_password("Ferry-orchid", role=role)  # fine for an advisor: see below
    check_password("Ferry-orchid", role="advisor")


def test_a_password_made_of_the_users_own_names_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        check_password("wang.fang-Wang.Fang", role="advisor", username="wang.fang",
                       full_name="Wang Fang")
    assert err.value.message("en").startswith(
        "Password: It contains your user name or your name.")


def test_the_message_is_ours_and_translated_never_zxcvbns_english() -> None:
    with pytest.raises(ValidationError) as err:
        check_password("password", role="advisor")
    en, cn, tw = (err.value.message(lang) for lang in ("en", "zh_CN", "zh_TW"))
    assert en == ("Password: It is one of the most common passwords. Use at least 8 "
                  "characters that are hard to guess, for example several unrelated words.")
    assert cn.startswith("密码") and "最常见" in cn and "8" in cn
    assert tw.startswith("密碼") and "最常見" in tw
    for text in (cn, tw):
        assert not any("a" <= c.lower() <= "z" for c in text)  # no English left


def test_the_length_rule_comes_first_and_says_the_minimum() -> None:
    with pytest.raises(ValidationError) as err:
        check_password("Xq7!", role="cashier")
    assert err.value.message("en") == "Password: Use at least 12 characters."


@pytest.mark.parametrize("name", ["advisor\u200b", "adv\u200bisor", "ａｄｖｉｓｏｒ",
                                  "ADVISOR", " advisor ", "adv1sor", "advis0r", "ad.visor",
                                  "\ufeffadvisor"])
def test_look_alikes_of_an_existing_user_name_are_refused(session, actors, name) -> None:
    with pytest.raises(ValidationError) as err:
        create_user(session, actors["admin"], username=name, full_name="周晓梅",
                    password=STRONG, role="advisor")
    assert err.value.field == "username"


@pytest.mark.parametrize("name", ["a", "x" * 61, "wang li", "王芳", "li\u202ewei", "li\x00wei",
                                  "li\twei", "li@shop", "li\u200bwei"])
def test_user_names_are_two_to_sixty_plain_characters(name: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_username(name, [])
    assert err.value.message("en") == ("User name: Use 2–60 characters: letters a–z, digits "
                                       "0–9, dot, underscore or hyphen.")
    assert "a–z" in err.value.message("zh_CN") and "用户名" in err.value.message("zh_CN")


def test_a_plain_new_user_name_is_normalised_and_accepted() -> None:
    assert check_username(" Wang.Li-2 ", ["advisor", "cashier"]) == "wang.li-2"
    assert check_username("ｌｉ_ｗｅｉ", []) == "li_wei"  # full-width typed by an IME
    assert look_alike_key("li.wei") == look_alike_key("l1_wei") != look_alike_key("li.wen")


@given(st.text(max_size=80))
def test_any_text_is_either_refused_or_a_plain_user_name(text: str) -> None:
    try:
        name = check_username(text, ["advisor"])
    except ValidationError as err:
        assert err.field == "username"
        return
    assert re.fullmatch(r"[a-z0-9._-]{2,60}", name)
    assert look_alike_key(name) != look_alike_key("advisor")


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=140))
def test_any_password_is_judged_without_crashing(text: str) -> None:
    try:
        check_password(text, role="admin", username="admin", full_name="林伟")
    except ValidationError as err:
        assert err.field == "password" and err.message("zh_CN").startswith("密码")
