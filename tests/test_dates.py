import datetime as dt

import pytest

from tests.conftest import load_cases

CASES = load_cases("dates.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_dates_expression_resolves(case, run_components):
    # local time (`waktu setempat`) takes its zone from the places layer
    names = ["sentences", "entities", "places", "dates"] if "setempat" in case["text"] else ["sentences", "dates"]
    art = run_components(case["text"], names, reference_date=str(case["ref"]),
                         today="2025-01-01")
    found = {(d.text, d.value) for d in art.dates}
    for surface, value in case["expect"]:
        assert (surface, value) in found, f"{surface!r} → {value!r} not in {sorted(found, key=str)}"
    for surface in case.get("none", []):
        assert not any(surface in d.text for d in art.dates if d.value), f"{surface!r} became a date: {art.dates}"
    for d in art.dates:
        assert art.text[d.start:d.end] == d.text and d.rule and d.sentence is not None


REFERENCE_CASES = [
    # (text, options, published, expected date, basis)
    ("Menteri tiba di Tokyo pada Rabu 13 September untuk bertemu mitranya.", {}, None, "2023-09-13", "weekday"),
    ("Rapat digelar Senin (22/5/2017) di kantor gubernur. Hasilnya diumumkan kemudian.", {}, None, "2017-05-22", "dateline"),
    ("Ia hadir pada Jumat 1 Maret dan kembali pada Sabtu 2 Maret.", {}, None, "2024-03-02", "weekday"),
    ("Gempa terjadi 5 Januari 2020. Bantuan tiba 9 Januari 2020.", {}, None, "2020-01-09", "context"),
    ("Tidak ada tanggal di sini.", {}, None, None, "none"),
    ("Rapat pada Rabu 13 September.", {"reference_date": "2023-01-02"}, None, "2023-01-02", "given"),
    ("Rapat pada Rabu 13 September.", {}, "2017-09-14", "2017-09-14", "published"),
    ("Banjir melanda pada Kamis (9/11) pagi, lalu surut Jumat (10/11).", {}, None, "2023-11-10", "weekday"),
    # a weekday + press date with a year in the lead paragraphs is the dateline date
    ("Harga cabai melonjak di sejumlah pasar.\n\nPedagang mengeluhkan sepinya pembeli.\n\n"
     "\"Stok menipis,\" kata Kepala Dinas di Bandung, Selasa (14/5/2024). Panen raya akan dimulai 3 Juni 2024.",
     {}, None, "2024-05-14", "dateline"),
    # context: a planned date (`akan … pada`, `… mendatang`) is never the reference
    ("Sidang perdana akan digelar pada 20 Maret 2025. Gugatan didaftarkan 2 Februari 2025.", {}, None,
     "2025-02-02", "context"),
    ("Gugatan didaftarkan 2 Februari 2025 dan putusan dibacakan 14 Februari 2025. Banding dijadwalkan 1 April 2025.",
     {}, None, "2025-02-14", "context"),
    ("Konser berlangsung 12 Juli 2025 mendatang di Gelora Bung Karno setelah tiket dijual 1 Mei 2025.", {}, None,
     "2025-05-01", "context"),
]


@pytest.mark.parametrize("text,opts,published,expected,basis", REFERENCE_CASES)
def test_dates_reference_date_basis(text, opts, published, expected, basis):
    from warta.options import Options
    from warta.pipeline import Pipeline
    from warta.record import Article

    art = Article(text=text, published=published)
    art = Pipeline(["sentences", "dates"], Options.build(dict(opts, today="2025-06-30")))(art)
    assert (art.reference_date, art.reference_basis) == (expected, basis)


def test_dates_weekday_year_not_after_today():
    from warta.options import Options
    from warta.pipeline import Pipeline
    from warta.record import Article

    art = Pipeline(["sentences", "dates"], Options(today="2023-09-20"))(Article(text="Pada Rabu 13 September ia datang."))
    assert art.reference_date == "2023-09-13"
    art = Pipeline(["sentences", "dates"], Options(today="2023-09-01"))(Article(text="Pada Rabu 13 September ia datang."))
    assert dt.date.fromisoformat(art.reference_date).year == 2017


def test_dates_seed_article(seed_path):
    seed = seed_path
    import warta

    art = warta.extract_text(seed.read_text(encoding="utf-8"), pipeline=warta.make_pipeline(today="2025-01-01"))
    values = {d.value for d in art.dates}
    assert {"2023-09-13", "2023-09-06", "2023-07-27", "P18M", "P70Y"} <= values
    assert art.reference_date == "2023-09-13" and art.reference_basis == "weekday"
    assert not any(d.text.lower() == "sehari" for d in art.dates)
