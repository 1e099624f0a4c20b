"""Language identification on real news: an Indonesian report about Malaysia full of Malay names and
titles is still Indonesian (issue 12; real dev set d39 was dropped as Malay)."""

from warta.annotate.language import detect
from warta.options import Options

ABOUT_MALAYSIA = (
    "Anwar Ibrahim kini resmi menjadi Perdana Menteri ke-10 Malaysia pada Kamis (24/11/2022). Ketua Pakatan "
    "Harapan yang bernama lengkap Datuk Seri Anwar Ibrahim tersebut dilantik oleh Raja Malaysia, Yang di-Pertuan "
    "Agong Al-Sultan Abdullah Ri'ayatuddin Al-Mustafa Billah Shah di Istana Negara. Permaisuri Agong Tunku Hajah "
    "Azizah Aminah Maimunah Iskandariah juga hadir mendampingi Raja Malaysia. Di antara para pemimpin partai "
    "yang hadir adalah Wakil Presiden PKR, Rafizi Ramli; Sekretaris Jenderal DAP, Anthony Loke; dan Ketua "
    "Barisan Nasional merangkap Presiden UMNO, Datuk Seri Dr Ahmad Zahid Hamidi."
)


def test_language_indonesian_report_about_malaysia_is_indonesian():
    assert detect(ABOUT_MALAYSIA, Options().languages)[0] == "id"
