"""Attribution with the full pipeline (NER model on): the speaker of reported speech in subjects the entity
layer splits in ways the model-free quote cases do not show."""

from __future__ import annotations

import pytest

import warta

CASES = [
    # the model tags the unit name `Cendrawasih` as a person; the rank that follows starts the real speaker
    ("Kapendam XVII/Cendrawasih Kolonel Inf Muhammad Aidi mengatakan peristiwa baku tembak terjadi saat "
     "anggota TNI hendak mengambil logistik.", "Muhammad Aidi"),
    ("Oleh karena itu, komite pakar WHO dan Sekretaris Jenderal WHO Tedros Adhanom Ghebreyesus, menyatakan "
     "bahwa cacar monyet masih menjadi darurat kesehatan masyarakat internasional.", "Tedros"),
    ("Namun, para akademisi AS memperkirakan jumlah kematian mencapai sekitar 130.000.", "akademisi AS"),
    # two people joined by `dan`: the first stays the speaker
    ("Budi Santoso dan Kolonel Ahmad Yani mengatakan bahwa serangan itu keji.", "Budi Santoso"),
]


@pytest.mark.parametrize("text,speaker", CASES, ids=[c[1] for c in CASES])
def test_reported_speaker(text, speaker):
    article = warta.extract_text(text)
    assert article.quotes, "no quote found"
    q = article.quotes[0]
    actor = article.actor(q.speaker)
    said = " | ".join(filter(None, [q.speaker_text, actor.name if actor else None]))
    assert speaker.casefold() in said.casefold(), said
