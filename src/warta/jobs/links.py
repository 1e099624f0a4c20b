"""Stage 2: duplicates and stories across the whole dataset, and the event groups.

Exact duplicates (same content hash) and near-duplicates/stories (MinHash LSH,
`warta.store.dedup`) must be found across every partition, in one order, so the
result does not depend on how the inputs were cut: the job's order is the input
order (`input_seq`, `record_seq`), the order `warta ingest -j 1` stores them in.

The pass (`Linker`, on the driver, one partition at a time as the partitions
are extracted) streams each partition's article ids, signatures and event keys,
in that order, into a scratch `Store` on the driver's disk, whose `write()` groups
them by LSH band keys (its `lsh_bands` index) and links each article exactly as
an ingest does: the store's own code, so the dataset's `duplicate_of`,
`similarity` and `story_id` are the ones `warta ingest` gives, not a second
implementation.  Only ids, 512-byte signatures and event keys pass through the
driver, never the texts; the index lives on disk, not in memory.  The links of
each partition are written beside it (`_parts/part-N/links.arrow`) for the
workers that write the final dataset.
"""

from __future__ import annotations

import os
import tempfile

from warta.jobs import dataset as D


#: the scratch store's page cache (KiB, as PRAGMA cache_size takes it when negative)
SCRATCH_CACHE_KIB = -131072


class Linker:
    """The link pass, one partition at a time in input order (`link(part)` after every earlier partition):
    the driver links partition N while the workers still extract the later ones.  A restarted job links
    again from the first partition (the scratch store is not kept), which gives the same links."""

    def __init__(self, out: str, tmp: str | None = None):
        from warta.store import Store

        self.fs, self.root = D.filesystem(out)
        self.counts = {"articles": 0, "exact_duplicates": 0, "near_duplicates": 0}
        self._scratch = tempfile.TemporaryDirectory(prefix="warta-links-", dir=tmp)
        self.store = Store(os.path.join(self._scratch.name, "links.db"))
        # a scratch file, thrown away after the job: no journal, no syncing, and a page cache that holds the
        # LSH band index of a few hundred thousand articles (the queries, and so the links, are the same)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = {SCRATCH_CACHE_KIB}"):
            self.store.conn.execute(f"PRAGMA {pragma}")

    def close(self) -> None:
        self.store.close()
        self._scratch.cleanup()

    def _read(self, where: str) -> tuple[list[dict], dict[str, bytes], dict[str, list[dict]]]:
        """(articles in input order, signatures, events by article) of one extracted partition."""
        fs = self.fs
        arts = D.read_part(fs, f"{where}/articles{D.PART}").select(["id", "input_seq", "record_seq"]).to_pylist()
        sigs = {}
        if fs.exists(f"{where}/minhashes{D.PART}"):
            table = D.read_part(fs, f"{where}/minhashes{D.PART}").select(["article_id", "signature"])
            sigs = dict(zip(table["article_id"].to_pylist(), table["signature"].to_pylist()))
        events: dict[str, list[dict]] = {}
        if fs.exists(f"{where}/events{D.PART}"):
            table = D.read_part(fs, f"{where}/events{D.PART}").select(
                ["article_id", "idx", "type", "source_country", "target_country", "date"])
            for r in sorted(table.to_pylist(), key=lambda r: (r["article_id"], r["idx"])):
                events.setdefault(r["article_id"], []).append(r)
        arts.sort(key=lambda r: (r["input_seq"], r["record_seq"]))
        return arts, sigs, events

    def link(self, part: int) -> dict[str, int]:
        """Link the articles of partition `part` against every earlier one; writes its `links.arrow`."""
        where = f"{self.root}/_parts/part-{part:05d}"
        if not self.fs.exists(f"{where}/articles{D.PART}"):
            return {}
        arts, sigs, events = self._read(where)
        store = self.store
        outcomes = {}
        store.conn.execute("BEGIN IMMEDIATE")
        for a in arts:
            record = {"id": a["id"], "events": [{k: e[k] for k in ("type", "source_country", "target_country", "date")}
                                                for e in events.get(a["id"], [])]}
            outcomes[a["id"]] = store.write({"status": "ok", "id": a["id"], "source": None, "record": record,
                                             "signature": sigs.get(a["id"])})
        store.conn.execute("COMMIT")
        rows = self._rows(outcomes)
        _write_links(self.fs, f"{where}/links{D.PART}", rows)
        return outcomes

    def _rows(self, outcomes: dict[str, str]) -> list[dict]:
        ids = list(outcomes)
        rows = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            found = {r["id"]: r for r in self.store._query(
                "SELECT id, duplicate_of, similarity, story_id FROM articles WHERE id IN "
                f"({', '.join('?' * len(chunk))})", chunk)}
            for i_ in chunk:
                keep = outcomes[i_] != "duplicate"
                r = found[i_] if keep else {"duplicate_of": None, "similarity": None, "story_id": None}
                rows.append({"id": i_, "keep": keep, "duplicate_of": r["duplicate_of"],
                             "similarity": r["similarity"], "story_id": r["story_id"]})
                self.counts["articles"] += keep
                self.counts["exact_duplicates"] += not keep
                self.counts["near_duplicates"] += outcomes[i_] == "near-duplicate"
        return rows


def _write_links(fs, path: str, rows: list[dict]) -> None:
    import pyarrow as pa

    table = pa.table({"id": pa.array([r["id"] for r in rows], pa.string()),
                      "keep": pa.array([r["keep"] for r in rows], pa.bool_()),
                      "duplicate_of": pa.array([r["duplicate_of"] for r in rows], pa.string()),
                      "similarity": pa.array([r["similarity"] for r in rows], pa.float64()),
                      "story_id": pa.array([r["story_id"] for r in rows], pa.string())})
    D.write_part(fs, path, table)


def event_groups(out: str):
    """The store's `event_groups` view over the dataset: events merged by (type, source_country,
    target_country, date, cameo), with GDELT-style counts (see `warta.store.schema`)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    events = D.read_dataset(out, "events", ["article_id", "type", "source_country", "target_country", "date",
                                            "cameo", "quad_class", "goldstein"])
    arts = D.read_dataset(out, "articles", ["id", "source_id", "source", "duplicate_of", "story_id", "published"])
    if events.num_rows == 0:
        return D.arrow_schema("event_groups").empty_table()
    arts = arts.append_column("source_key", pc.coalesce(pc.cast(arts["source_id"], pa.string()), arts["source"]))
    arts = arts.append_column("distinct_key", pc.coalesce(arts["duplicate_of"], arts["id"]))
    joined = events.join(arts, "article_id", "id", join_type="inner")
    joined = joined.set_column(joined.schema.get_field_index("date"), "date",
                               pc.coalesce(joined["date"], joined["published"]))
    keys = ["type", "source_country", "target_country", "date", "cameo"]
    grouped = joined.group_by(keys, use_threads=False).aggregate([
        ("quad_class", "min"), ("goldstein", "mean"), ([], "count_all"),
        ("source_key", "count_distinct"), ("article_id", "count_distinct"), ("distinct_key", "count_distinct"),
        ("story_id", "count_distinct"), ("published", "min"), ("published", "max"), ("article_id", "distinct")])
    rows = []
    for r in grouped.to_pylist():
        rows.append({**{k: r[k] for k in keys}, "quad_class": r["quad_class_min"], "goldstein": r["goldstein_mean"],
                     "num_mentions": r["count_all"], "num_sources": r["source_key_count_distinct"],
                     "num_articles": r["article_id_count_distinct"],
                     "num_distinct_articles": r["distinct_key_count_distinct"],
                     "num_stories": r["story_id_count_distinct"], "first_published": r["published_min"],
                     "last_published": r["published_max"],
                     "article_ids": ",".join(sorted(x for x in r["article_id_distinct"] if x))})
    rows.sort(key=lambda r: (r["date"] or "", r["type"] or "", r["source_country"] or "",
                             r["target_country"] or "", r["cameo"] or ""))
    return D.to_arrow("event_groups", rows)
