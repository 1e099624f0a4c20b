"""read_text in named steps: one page that needs every step, and each step's part of it."""

from warta.readers.text import STEPS, read_text

PAGE = """Kabar Tokoh

Gubernur Resmikan Jembatan Baru di Tepi Sungai Musi

Oleh: Ani Lestari dan Budi Santoso

Senin, 4 Maret 2024 10:15 WIB

PALEMBANG, KOMPAS.com - Gubernur Sumatera Selatan meresmikan jembatan baru di tepi Sungai Musi pada Senin pagi, disaksikan ratusan warga yang datang sejak subuh.

Baca Juga: Banjir Rendam Ratusan Rumah

Jembatan sepanjang 200 meter itu dibangun selama dua tahun dengan anggaran daerah dan bantuan pemerintah pusat.

Harapan warga

Warga berharap jembatan itu memperpendek waktu tempuh ke pasar dan sekolah, seperti dilaporkan Antara.

(asr)"""


def test_readers_steps_are_named_once():
    ids = [s.id for s in STEPS]
    assert len(ids) == len(set(ids)) and ids[0] == "clutter-outlets" and ids[-1] == "inline-credits"


def test_readers_steps_read_a_whole_page():
    art = read_text(PAGE, source="page.txt")
    assert art.title == "Gubernur Resmikan Jembatan Baru di Tepi Sungai Musi"  # above-headline, headline
    assert art.authors == ["Ani Lestari", "Budi Santoso"]  # under-headline (the name separator)
    assert art.published == "2024-03-04T10:15:00+07:00"
    assert art.dateline == "PALEMBANG, KOMPAS.com -" and art.dateline_place == "Palembang"  # dateline-fields
    assert art.outlet == "KOMPAS.com"
    assert "Baca Juga" not in art.text and "Kabar Tokoh" not in art.text  # paragraphs (clutter dropped)
    assert art.editor == "asr" and not art.text.endswith("(asr)")  # trailing-marks
    assert [s.title for s in art.sections] == ["Harapan warga"]  # body
    assert art.credits == ["Antara"]  # inline-credits
    # the timestamp stays above the dateline, as head matter before the lead (head-matter)
    lead = art.text.index("PALEMBANG")
    assert art.text.startswith("Senin, 4 Maret 2024") and art.scratch["lead_start"] == lead
    assert art.scratch["dateline"]["span"] == (lead, lead + len(art.dateline))
