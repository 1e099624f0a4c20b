"""A passive attack verb with `ke X` and `dari Y` after it (issue 12, class 6: the attacker is the agent):
`rudal ditembakkan ke wilayah Israel dari Iran` is Iran attacking Israel, not Israel attacking itself.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.events_eval import predict


@pytest.mark.parametrize("text,pair", [
    ("Sekitar 180 rudal ditembakkan ke wilayah Israel dari Iran pada Selasa malam.", ("IRN", "ISR")),
    ("Dua roket ditembakkan ke Israel dari Lebanon pada Minggu pagi.", ("LBN", "ISR")),
])
def test_events_passive_launch_from_to(text, pair):
    got = [(e.source_country, e.target_country, e.rule) for e in predict(text) if e.type == "ASSAULT"]
    assert any((s, t) == pair and "passive:launch" in r for s, t, r in got), got
    assert not any(s == t for s, t, _r in got)


def test_events_passive_without_dari_keeps_the_old_reading():
    got = [(e.source_country, e.rule) for e in predict("Gaza diserang oleh Israel.") if e.type == "ASSAULT"]
    assert got and all(r.endswith("|passive") for _s, r in got)
