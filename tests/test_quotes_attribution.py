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


# one sentence from https://suara.com/news/2017/03/24/141332/kpk-tangkap-andi-narogong-pembagi-uang-suap-kasus-e-ktp
# (the one about Andi) framed by written ones: the person examined, subject of a passive sentence, does not take
# `katanya` from the last speaker three paragraphs back
PASSIVE = ("\"KPK resmi menahan tersangka AA,\" kata Wakil Ketua KPK Basaria Panjaitan.\n\n"
           "Kekinian, Andi yang disebutkan dalam dakwaan Terdakwa Irman dan Sugiharto sebagai orang yang membagikan "
           "uang kepada pejabat Kementerian Dalam Negeri dan anggota DPR sedang diperiksa secara intensif.\n\n"
           "Penyidik akan menelusuri aliran dana dari Andi.\n\n"
           "\"Kita tunggu saja hasil pemeriksaannya,\" katanya.")


@pytest.mark.parametrize("verb,speaker", [("sedang diperiksa secara intensif", "Basaria"),
                                          ("membantah semua tuduhan itu", "Andi")])
def test_katanya_after_passive_or_active_subject(verb, speaker):
    article = warta.extract_text(PASSIVE.replace("sedang diperiksa secara intensif", verb))
    q = article.quotes[-1]
    actor = article.actor(q.speaker)
    assert actor is not None and speaker in actor.name, (q.speaker_text, actor)


def test_mereka_speaks_for_the_body_the_crowd_belongs_to():
    text = ("Ribuan buruh yang tergabung dalam Konfederasi Serikat Pekerja Seluruh Indonesia (KSPSI) berunjuk rasa di "
            "depan gedung DPR. Mereka menolak kenaikan harga BBM. Menurut mereka, kenaikan itu memberatkan buruh.")
    q = warta.extract_text(text).quotes[-1]
    assert q.speaker_text == "mereka" and q.speaker is not None
    article = warta.extract_text(text.replace("yang tergabung dalam", "dan"))
    assert article.quotes[-1].speaker is None  # no membership: `mereka` stays unresolved
