"""Tax ids of customers (companies, insurers) and of the shop itself.

- China (``CN``): the 18-character Unified Social Credit Code (统一社会信用代码): 8 digits, then
  10 characters from ``0–9`` and ``A–Y`` without I, O, S, V and Z, the last one a check
  character (GB 32100, ``stdnum.cn.uscc``).
- Taiwan (``TW``): the 8-digit unified business number (統一編號, ``stdnum.tw.ubn``).
- Other countries python-stdnum knows: its VAT number module, else its TIN module; the number
  is returned compacted (no spaces or separators, as stdnum writes it).
- Any other country: 3–40 letters and digits, upper case, separators removed.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import cast

from stdnum import exceptions as stdnum_errors
from stdnum import util as stdnum_util

from app.errors import ValidationError
from app.i18n import _
from app.validation.text import normalise_identifier

LABEL = _("Tax ID")

#: stdnum module names tried per country, in order (default: VAT number, then TIN).
_MODULE_NAMES: dict[str, tuple[str, ...]] = {"cn": ("uscc",), "tw": ("ubn",)}
_DEFAULT_MODULE_NAMES = ("vat", "tin")
_COUNTRY_RE = re.compile(r"[A-Za-z]{2}")
_ALLOWED_RE = re.compile(r"[A-Z0-9 ,./\-]+")
_SEPARATORS = str.maketrans("", "", " ,./-")
_GENERIC_RE = re.compile(r"[A-Z0-9]{3,40}")


def tax_id_module(country: str) -> ModuleType | None:
    """The python-stdnum module validating tax ids of ``country`` (ISO 3166 alpha-2), if any."""
    if not _COUNTRY_RE.fullmatch(country):
        return None
    cc = country.lower()
    for name in _MODULE_NAMES.get(cc, _DEFAULT_MODULE_NAMES):
        module = stdnum_util.get_cc_module(cc, name)
        if module is not None:
            return cast(ModuleType, module)  # typed as stdnum's protocol; it is the module
    return None


def validate_tax_id(
    raw: str | None,
    *,
    country: str = "CN",
    field: str = "tax_id",
    required: bool = False,
) -> str:
    """Check a tax id of ``country`` and return it compacted (see the module docstring).

    An empty value gives ``""`` unless ``required``. Raises ``ValidationError`` saying what is
    expected.
    """
    text = normalise_identifier(raw or "").upper()
    if not text:
        if required:
            raise ValidationError(field, LABEL, _("Enter the tax ID."))
        return ""
    if not _ALLOWED_RE.fullmatch(text):
        raise ValidationError(
            field, LABEL, _("A tax ID has only letters and digits (spaces and hyphens allowed)."))
    module = tax_id_module(country)
    if module is None:
        compact = text.translate(_SEPARATORS)
        if not _GENERIC_RE.fullmatch(compact):
            raise ValidationError(field, LABEL,
                                  _("A tax ID has 3 to 40 letters and digits; this has {count}."),
                                  count=len(compact))
        return compact
    if country.upper() == "CN":
        return _validate_uscc(module, text, field)
    try:
        return str(module.validate(text))
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            field, LABEL,
            _("The check digit does not match: a character is probably mistyped.")) from None
    except (ValueError, KeyError, IndexError):
        # stdnum's errors are ValueErrors; a few country modules stumble over odd input with
        # KeyError/IndexError, which is the same thing for the user: not a valid number.
        raise ValidationError(field, LABEL, _("Not a valid tax ID for country {country}."),
                              country=country.upper()) from None


def _validate_uscc(module: ModuleType, text: str, field: str) -> str:
    code = text.translate(_SEPARATORS)
    if len(code) != 18:
        raise ValidationError(
            field, LABEL,
            _("A Unified Social Credit Code has 18 characters; this has {count}."),
            count=len(code))
    try:
        return str(module.validate(code))
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            field, LABEL,
            _("The last character of a Unified Social Credit Code is a check character; it "
              "should be “{expected}”: a character is probably mistyped."),
            expected=module.calc_check_digit(code)) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            field, LABEL,
            _("A Unified Social Credit Code is 8 digits followed by 10 digits or letters "
              "(not I, O, S, V or Z).")) from None
