"""Disclosure control for published figures and the outputs' settings (publication.yml).

The internal return carries exact figures. Anything published goes through `protect`: a figure from
1 to threshold-1 is suppressed (shown as the symbol), every other figure is rounded to the nearest
multiple of the rounding base (halves up: 2.5 -> 5, 7.5 -> 10), a true zero stays 0 unless
show_zero is false. A figure derived from others (a change between years, a rate or percentage) is
computed only from published figures, and is suppressed when any of them is (`derived_rate`,
`derived_change`), so no suppressed figure can be recovered by difference.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "publication.yml"


@dataclass(frozen=True)
class DisclosureRule:
    """Round to the nearest `rounding_base`, suppress figures below `suppression_threshold`."""

    suppression_threshold: int = 5
    rounding_base: int = 5
    symbol: str = "*"
    show_zero: bool = True
    units: tuple[str, ...] = ("count", "total_days")

    def describe(self) -> str:
        zero = "a true zero is shown as 0" if self.show_zero else f"zero is suppressed too ({self.symbol})"
        return (
            f"figures from 1 to {self.suppression_threshold - 1} are suppressed and shown as "
            f"{self.symbol}; every other figure is rounded to the nearest {self.rounding_base} "
            f"(halves up); {zero}; changes and rates are computed from the published figures and "
            f"suppressed when any of them is (units: {', '.join(self.units)})"
        )


@dataclass(frozen=True)
class Protected:
    """A published figure: its number, or suppressed (shown as the rule's symbol)."""

    value: float | None
    suppressed: bool = False

    def shown(self, symbol: str) -> object:
        if self.suppressed:
            return symbol
        return self.value


@dataclass(frozen=True)
class Settings:
    authority_code: str = ""
    authority_name: str = ""
    disclosure: DisclosureRule = field(default_factory=DisclosureRule)


def load_settings(path: Path = SETTINGS_FILE) -> Settings:
    """publication.yml (missing: the defaults), with PIF_AUTHORITY_CODE / PIF_AUTHORITY_NAME on top."""
    data: dict[str, Any] = {}
    if path.is_file():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rule = data.get("disclosure") or {}
    disclosure = DisclosureRule(
        suppression_threshold=int(rule.get("suppression_threshold", 5)),
        rounding_base=int(rule.get("rounding_base", 5)),
        symbol=str(rule.get("symbol", "*")),
        show_zero=bool(rule.get("show_zero", True)),
        units=tuple(rule.get("units", ("count", "total_days"))),
    )
    if disclosure.rounding_base < 1 or disclosure.suppression_threshold < 0:
        raise ValueError(f"{path}: rounding_base must be 1 or more and suppression_threshold 0 or more")
    return Settings(
        authority_code=os.environ.get("PIF_AUTHORITY_CODE") or str(data.get("authority_code") or ""),
        authority_name=os.environ.get("PIF_AUTHORITY_NAME") or str(data.get("authority_name") or ""),
        disclosure=disclosure,
    )


def round_half_up(value: float, base: int) -> int:
    """`value` to the nearest multiple of `base`, halves away from zero (2.5 -> 5, 12.5 -> 15)."""
    steps = (Decimal(str(value)) / Decimal(base)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(steps) * base


def protect(value: float | None, rule: DisclosureRule, unit: str = "count") -> Protected:
    """One figure as published under `rule` (a missing figure stays missing)."""
    if value is None or value != value:  # None or NaN
        return Protected(None)
    if unit not in rule.units:
        return Protected(value)
    if value == 0:
        return Protected(0, suppressed=not rule.show_zero)
    if abs(value) < rule.suppression_threshold:
        return Protected(None, suppressed=True)
    return Protected(round_half_up(value, rule.rounding_base))


def derived_rate(numerator: Protected, denominator: Protected, scale: float = 100.0) -> Protected:
    """A rate or percentage from published figures only: suppressed when either side is."""
    if numerator.suppressed or denominator.suppressed:
        return Protected(None, suppressed=True)
    if numerator.value is None or not denominator.value:
        return Protected(None)
    return Protected(round(numerator.value / denominator.value * scale, 1))


def derived_change(current: Protected, previous: Protected) -> Protected:
    """The change between two published figures: suppressed when either is."""
    if current.suppressed or previous.suppressed:
        return Protected(None, suppressed=True)
    if current.value is None or previous.value is None:
        return Protected(None)
    return Protected(current.value - previous.value)
