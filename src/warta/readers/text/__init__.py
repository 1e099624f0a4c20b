"""Plain-text articles as copied from Indonesian news sites.

Recognises the headline, byline, date line, dateline (`JAKARTA, KOMPAS.com -`),
lead, section sub-headings, body paragraphs, the editor's initials at the end
(`(asr)`), wire credits (`Reuters berkontribusi pada laporan ini`, `(Antara)`,
`REUTERS | AL JAZEERA`, `Melansir BBC`, `Sebagian artikel ini telah tayang di
Kontan.co.id`) and page clutter (`Baca Juga: …`).  The article's own outlet (from
its dateline, a brand line under the headline, a copyright line or `(Kompas.com/Name)`)
is never a credit.  The conventions are data,
in `lexicons/structure.yaml`; this module only applies them.

The reader is a package: `rules` (structure.yaml compiled), `lines` (bylines, date lines, credit
lines), `dateline`, `meta` (what is collected beside the text), `read` (read_text as named STEPS).
The names other modules and the tests use are importable from here.
"""

from warta.readers.text.dateline import DatelineMatch, _place_name, find_dateline, url_date  # noqa: F401
from warta.readers.text.lines import (Byline, _add, _explode_edges, _is_meta_line, _is_outlet,  # noqa: F401
                                      _labelled, _name_like, _split_names, credit_list, credit_name, outlet_key,
                                      outlet_slash, parse_byline, parse_date_line)
from warta.readers.text.meta import _cut_tail, _drop_clutter, _Meta, is_heading  # noqa: F401
from warta.readers.text.read import STEPS, Page, read_text  # noqa: F401
from warta.readers.text.rules import CreditLine, Rules, blocks_of, clean_text, is_clutter, rules  # noqa: F401
