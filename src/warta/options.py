"""One validated options object that reaches every component.

Defaults live here; overrides come from the library call or the CLI.  An
unknown option or a value of the wrong type is refused with the list of valid
ones, before any article is read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from warta.errors import OptionsError


@dataclass(frozen=True)
class Options:
    #: override the date used to resolve relative and year-less dates (ISO date)
    reference_date: str | None = None
    #: "today" used when choosing among candidate years (ISO date; default: the real today)
    today: str | None = None
    #: largest input accepted, in bytes
    max_bytes: int = 20_000_000
    #: most seconds one article may take before it is reported as failed and the run goes on (0: no limit)
    time_budget: float = 30.0
    #: languages the language identifier chooses among
    languages: tuple[str, ...] = ("id", "ms", "en", "nl", "tl", "fr", "de", "es", "zh", "ar")
    #: run the trained entity model (off: gazetteer and rules only)
    use_model: bool = True
    #: extra metadata components may use (e.g. an outlet's time zone)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in ("reference_date", "today"):
            value = getattr(self, key)
            if value is not None:
                try:
                    dt.date.fromisoformat(str(value)[:10])
                except ValueError:
                    raise OptionsError(f"option {key}={value!r} is not an ISO date (YYYY-MM-DD)") from None
        if not isinstance(self.max_bytes, int) or isinstance(self.max_bytes, bool) or self.max_bytes <= 0:
            raise OptionsError(f"option max_bytes={self.max_bytes!r} must be a positive integer")
        budget = self.time_budget
        if budget is None:
            object.__setattr__(self, "time_budget", 0.0)
        elif isinstance(budget, bool) or not isinstance(budget, (int, float)) or not budget >= 0:
            raise OptionsError(f"option time_budget={budget!r} must be a number of seconds (0: no limit)")

    @classmethod
    def build(cls, overrides: dict[str, Any] | None = None, **kwargs: Any) -> "Options":
        values = dict(overrides or {}, **kwargs)
        names = [f.name for f in dataclasses.fields(cls)]
        unknown = sorted(set(values) - set(names))
        if unknown:
            raise OptionsError(f"unknown option(s) {', '.join(unknown)}; valid options: {', '.join(names)}")
        for f in dataclasses.fields(cls):
            if f.name == "languages" and f.name in values:
                values[f.name] = tuple(values[f.name])
        return cls(**values)

    def today_date(self) -> dt.date:
        return dt.date.fromisoformat(self.today[:10]) if self.today else dt.date.today()
