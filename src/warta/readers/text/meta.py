"""What the reader collects beside the text (authors, credits, editor, date, own outlet), page
clutter, and section headings."""

from __future__ import annotations

from warta.readers.text.lines import (_add, _labelled, _title_like, credit_list, credit_name, outlet_slash,
                                      parse_date_line)
from warta.readers.text.rules import _END_PUNCT, is_clutter, rules

class _Meta:
    def __init__(self, authors: list[str]):
        self.authors = authors
        self.credits: list[str] = []
        self.editor: str | None = None
        self.published: str | None = None
        self.own: list[str] = []  # names of the article's own outlet

    def add_names(self, names: list[str]) -> None:
        for name in names:
            outlet = credit_name(name)
            if outlet and outlet.casefold() == name.strip(" .").casefold():
                _add(self.credits, outlet)
            else:
                _add(self.authors, name)

    def take_line(self, line: str, head: bool) -> bool:
        """Record `line` if it is a metadata line; True when it was one."""
        r = rules()
        published = parse_date_line(line)
        if published:
            self.published = self.published or published
            return True
        for p in r.editor_line:
            m = p.match(line)
            if m:
                self.editor = self.editor or m.group("initials").strip()
                return True
        for c in r.credit_line:
            m = None if (c.tail_only and head) else c.pattern.match(line)
            if m:
                # `AFP dan Reuters`: every part is a credit (a single name is kept whole)
                parts = [m.group("credit")]
                if credit_name(parts[0]) is None or credit_name(parts[0]).casefold() != parts[0].strip(" .").casefold():
                    split = [p for p in r.credit_list_sep.split(parts[0]) if p.strip(" .")]
                    if len(split) > 1:
                        parts = split
                found = [(credit_name(p), p) for p in parts]
                if all(known or not c.known_only for known, _p in found):
                    for known, part in found:
                        _add(self.credits, known or part.strip(" ."))
                    return True
        found = _labelled(line)
        if found:
            self.add_names(found.names)
            self.published = self.published or found.published
            self.editor = self.editor or found.editor
            return True
        listed = credit_list(line)
        if listed:
            for credit in listed[0]:
                _add(self.credits, credit)
            for name in listed[1]:
                _add(self.authors, name)
            return True
        if not head and self.take_slash(line, whole=True):
            return True
        return False

    def take_slash(self, para: str, whole: bool) -> str | None:
        """Read `(Tribunnews.com/Name)` at the end of `para`; the text before it ("" when it was the
        whole paragraph), or None when there is none (or `whole` and it is not the whole paragraph)."""
        found = outlet_slash(para)
        if not found or (whole and found[0].start() > 0):
            return None
        m, out = found
        if out["own"]:
            self.own.append(out["own"])
        for credit in out["credits"]:
            _add(self.credits, credit)
        for name in out["authors"]:
            _add(self.authors, name)
        self.editor = self.editor or out["editor"]
        return para[:m.start()].rstrip()


def _drop_clutter(lines: list[str]) -> list[str]:
    """The lines without page clutter; a linked headline under `Baca Juga:` goes with it."""
    r = rules()
    out: list[str] = []
    skip_next = False
    for ln in lines:
        line = ln.strip()
        if not line:
            out.append(ln)
            continue
        if skip_next:
            skip_next = False
            if _title_like(line):
                continue
        if is_clutter(line):
            skip_next = any(p.match(line) for p in r.clutter_next)
            continue
        out.append(ln)
    return out


def _cut_tail(lines: list[str]) -> list[str]:
    """The lines before the page's closing chrome (`Artikel Terkait`, `Komentar`) in the last part."""
    r = rules()
    full = [i for i, ln in enumerate(lines) if ln.strip()]
    for i in full[max(1, int(len(full) * r.tail_cut_share)):]:
        if any(p.match(lines[i].strip()) for p in r.tail_cut):
            return lines[:i]
    return lines


def is_heading(para: str) -> bool:
    """A sub-heading: a short paragraph without closing punctuation, mostly capitalised, or a short question."""
    r = rules()
    words = para.split()
    if not (r.heading_min <= len(words) <= r.heading_max) or "“" in para or '"' in para:
        return False
    if para.endswith("?") and not para.endswith(('?"', "?”")):
        return len(words) <= r.question_max
    if para.endswith(_END_PUNCT):
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals >= max(1, len(words) // 2)
