"""Small Chinese numerals as written in headings and dates (一, 十一, 二十三, 二〇二三)."""

from __future__ import annotations

_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}


def chinese_int(token: str) -> int | None:
    """The value of a Chinese numeral below 1000 (``十一`` → 11), or ``None`` if it is not one.

    Arabic digits are accepted too, so callers can pass whatever a marker held.
    """
    if not token:
        return None
    if token.isdigit() and token.isascii():
        return int(token)
    total = 0
    digit: int | None = None
    for char in token:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def chinese_digits(token: str) -> int | None:
    """A number written digit by digit (``二〇二三`` → 2023), or ``None``."""
    if token.isdigit() and token.isascii():
        return int(token)
    if not token or any(char not in _DIGITS for char in token):
        return None
    return int("".join(str(_DIGITS[char]) for char in token))


def date_number(token: str) -> int | None:
    """A month or day as written in a date (``12``, ``十二``, ``二十``)."""
    return chinese_int(token)
