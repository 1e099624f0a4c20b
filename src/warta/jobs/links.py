"""Stage 2: duplicates and stories across the whole dataset, and the event groups.

Exact duplicates (same content hash) and near-duplicates/stories (MinHash LSH,
`warta.store.dedup`) must be found across every partition, in one order, so the
result does not depend on how the inputs were cut: the job's order is the input
order (`input_seq`, `record_seq`), the order `warta ingest -j 1` stores them in.

The pass (`Linker`, on the driver, one partition at a time as the partitions
are extracted) reads each partition's article ids, signatures and event keys, in
that order, and links them with an in-memory LSH index (`warta.jobs.lsh`) that
gives exactly what the store's `write()` gives (`duplicate_of`, `similarity`,
`story_id`, as `warta ingest` stores them), a whole partition at a time with
numpy instead of SQLite queries per article.  Only ids, 512-byte signatures and
event keys pass through the driver, never the texts.  The driver then writes
each partition's articles with their links (`warta.jobs.tasks.finalize_partition`).
"""

from __future__ import annotations

from warta.jobs import dataset as D


class Linker:
    """The link pass, one partition at a time in input order (`link(part)` after every earlier partition):
    the driver links partition N while the workers still extract the later ones.  A restarted job links
    again from the first partition (the index is not kept), which gives the same links."""

    def __init__(self, out: str):
        from warta.jobs.lsh import LinkIndex

        self.fs, self.root = D.filesystem(out)
        self.counts = {"articles": 0, "exact_duplicates": 0, "near_duplicates": 0}
        self.index = LinkIndex()

    def close(self) -> None:
        self.index = None

    def stories(self) -> int:
        """Stories among the articles linked so far (every partition's, once the job has linked them all)."""
        return len(set(self.index.story)) if self.index is not None else 0

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

    def link(self, part: int) -> list[dict]:
        """Link the articles of partition `part` against every earlier one; returns, for each in input order,
        {"id", "keep" (False for an exact duplicate), "outcome" ('new', 'near-duplicate' or 'duplicate'),
        "duplicate_of", "similarity", "story_id"}."""
        where = f"{self.root}/_parts/part-{part:05d}"
        if not self.fs.exists(f"{where}/articles{D.PART}"):
            return []
        arts, sigs, events = self._read(where)
        rows = self.index.add([(a["id"], sigs.get(a["id"]), events.get(a["id"], [])) for a in arts])
        for r in rows:
            keep = r["keep"] = r["outcome"] != "duplicate"
            self.counts["articles"] += keep
            self.counts["exact_duplicates"] += not keep
            self.counts["near_duplicates"] += r["outcome"] == "near-duplicate"
        return rows


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
