import pytest

from tests.conftest import load_cases

CASES = load_cases("quantities.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_quantities_expression_resolves(case, run_components):
    art = run_components(case["text"], ["sentences", "dates", "quantities"], reference_date="2023-09-13")
    found = [(q.value, q.unit, q.object) for q in art.quantities]
    for value, unit, obj in case["expect"]:
        assert any(abs(float(v) - float(value)) < 1e-6 and u == unit and o == obj for v, u, o in found), \
            f"{(value, unit, obj)} not in {found}"
    for surface in case.get("none", []):
        assert not any(surface in q.text for q in art.quantities), f"{surface!r} became a quantity: {art.quantities}"
    for q in art.quantities:
        assert art.text[q.start:q.end] == q.text and q.rule


def test_quantities_qualifier_sets_approximate(run_components):
    art = run_components("Sekitar 40 orang hadir, dan tepat 12 orang pulang.", ["sentences", "dates", "quantities"])
    by_value = {q.value: q for q in art.quantities}
    assert by_value[40].approximate is True
    assert by_value[12].approximate is False


def test_quantities_seed_article(seed_path):
    seed = seed_path
    import warta

    art = warta.extract_text(seed.read_text(encoding="utf-8"), pipeline=warta.make_pipeline(today="2025-01-01"))
    keys = {(q.value, q.unit) for q in art.quantities}
    assert keys == {(2, None), (650, "km"), (404, "mi")}
