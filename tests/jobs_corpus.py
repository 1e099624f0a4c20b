"""Fixtures for the corpus-job tests and benchmark: a WARC made from the project's own example articles.

`write_warc(path, articles)` writes one gzipped WARC with, for each article, an
HTML page as an HTTP 200 `response` record (plus its `request` record, as crawlers
write them); `extras=True` adds records that are not Indonesian articles: an
English page, an image, a 404 and a page the archive itself marks as English
(`WARC-Identified-Content-Language`, as Common Crawl's main crawl does).
"""

from __future__ import annotations

import html
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ENGLISH = ("The central bank kept its policy rate unchanged on Thursday, saying inflation remained within the "
           "target range while the currency had stabilised after weeks of volatility. Analysts had expected the "
           "decision, and markets barely moved after the announcement. The governor told reporters that the bank "
           "would keep watching food prices closely in the months ahead, especially rice and chillies, which had "
           "risen sharply during the dry season. Exporters welcomed the decision, saying a stable rate helped them "
           "plan shipments for the rest of the year.")


def example_articles() -> list[dict]:
    """The example articles (examples/*.txt) as title + paragraphs, with a URL and a publication date."""
    out = []
    for i, path in enumerate(sorted((ROOT / "examples").glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n\n")
        out.append({"title": title.strip(), "text": body.strip(), "url": f"https://berita.contoh.test/{path.stem}",
                    "published": f"2024-02-0{5 + i}"})
    return out


def page(article: dict) -> bytes:
    paras = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in article["text"].split("\n\n") if p.strip())
    published = article.get("published")
    meta = f'<meta property="article:published_time" content="{published}T08:00:00+07:00">' if published else ""
    return (f"<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{html.escape(article['title'])}"
            f"</title>{meta}</head><body><nav><a href=\"/\">Beranda</a> <a href=\"/nasional\">Nasional</a></nav>"
            f"<article><h1>{html.escape(article['title'])}</h1>\n{paras}</article>"
            "<footer>Hak cipta dilindungi undang-undang.</footer></body></html>").encode("utf-8")


def write_warc(path: Path, articles: list[dict], extras: bool = True) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(writer, url, body, ctype="text/html; charset=utf-8", status="200 OK", date="2024-02-06T01:02:03Z",
                 language=None):
        http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                protocol="HTTP/1.1")
        headers = {"WARC-Date": date}
        if language:
            headers["WARC-Identified-Content-Language"] = language
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                            warc_headers_dict={"WARC-Date": date})
        writer.write_record(request)
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict=headers))

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i, article in enumerate(articles):
            response(writer, article["url"], page(article), date=f"2024-02-{10 + i % 18:02d}T0{i % 10}:00:00Z")
            if extras and i == 0:
                response(writer, "https://news.example.test/rates", page(
                    {"title": "Central bank holds rates", "text": ENGLISH + "\n\n" + ENGLISH, "published": "2024-02-07"}))
                response(writer, "https://berita.contoh.test/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                         ctype="image/png")
                response(writer, "https://berita.contoh.test/hilang", b"<html><body>Tidak ditemukan</body></html>",
                         status="404 Not Found")
                response(writer, "https://news.example.test/marked", page(
                    {"title": "Marked English", "text": ENGLISH, "published": "2024-02-07"}), language="eng")
    return path
