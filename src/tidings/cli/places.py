"""``tidings places``: one line per toponym, resolved against the offline gazetteer."""

from __future__ import annotations

import json
import sys

from tidings.errors import InputError
from tidings.ingest.readers import parse_date, read_path


def run_places(args) -> int:
    from tidings.attributes.toponyms import ToponymExtractor
    from tidings.pipeline import Pipeline

    date = parse_date(args.date, where="--date") if args.date else None
    items = [item for path in args.paths for item in read_path(path, date=date)]
    errors = [i for i in items if isinstance(i, InputError)]
    for error in errors:
        print(f"tidings: error: {error}", file=sys.stderr)
    articles = [i for i in items if not isinstance(i, InputError)]
    if not articles:
        return 2
    pipeline = Pipeline.load()
    extract = ToponymExtractor(pipeline.nlp, pipeline.coder.gazetteer, pipeline.coder.knowledge)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    rows = []
    for article, doc in zip(articles, pipeline.nlp.pipe(a.text for a in articles)):
        for place in extract(article, doc):
            rows.append({"article_id": article.id, "text": place.text, "start": place.start, "end": place.end,
                         "name": place.name, "country": place.country, "admin1": place.admin1, "lat": place.lat,
                         "lon": place.lon, "geonameid": place.geonameid, "feature": place.feature})
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for column in ("text", "name", "country", "admin1", "lat", "lon", "geonameid", "feature"):
            table.add_column(column)
        for row in rows:
            table.add_row(*(str(row[c]) if row[c] is not None else "" for c in
                            ("text", "name", "country", "admin1", "lat", "lon", "geonameid", "feature")))
        Console().print(table)
    return 1 if errors else 0
