"""The ordered stages: parse -> actors -> events -> attributes, for one article or many.

    pipeline = Pipeline.load()            # reads models and data once
    events = pipeline(article)            # one Article -> list[Event]
    coded = pipeline.explain(article)     # events with decision records, and dropped candidates
    for article, result in pipeline.pipe(articles):  # streams; result is list[Event] or StageError
        ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tidings import __version__
from tidings.actors.knowledge import load_knowledge
from tidings.attributes.place import load_gazetteer
from tidings.config import Settings, load_settings
from tidings.errors import StageError, TidingsError
from tidings.events.classifier import load_classifier
from tidings.events.codebook import load_codebook
from tidings.events.coder import Coded, EventCoder
from tidings.ingest.dateline import parse_text
from tidings.events.triggers import load_lexicon
from tidings.nlp.model import load_nlp
from tidings.types import Article, Event


class Pipeline:
    """Holds the heavy things (spaCy pipeline, knowledge, classifier, gazetteer)."""

    def __init__(self, *, nlp, coder: EventCoder, settings: Settings) -> None:
        self.nlp = nlp
        self.coder = coder
        self.settings = settings

    @classmethod
    def load(cls, settings: Settings | None = None, *, gazetteer: bool = True) -> "Pipeline":
        settings = settings or load_settings()
        classifier = load_classifier()
        version = f"tidings-{__version__}" + (f"+clf-{classifier.version}" if classifier else "+lexicon-only")
        from tidings.events.rulebook import load_rulebook

        coder = EventCoder(
            knowledge=load_knowledge(settings.actors), lexicon=load_lexicon(), codebook=load_codebook(),
            classifier=classifier, gazetteer=load_gazetteer() if gazetteer else None, version=version,
            settings=settings.coder, rules=load_rulebook().without(settings.without),
        )
        return cls(nlp=load_nlp(settings.model), coder=coder, settings=settings)

    def _check(self, article: Article) -> None:
        if len(article.text) > self.settings.max_chars:
            raise StageError(f"article {article.id!r}: {len(article.text):,} characters is over the limit "
                             f"of {self.settings.max_chars:,} (setting max_chars)", code="E501")

    def _finish(self, article: Article, doc, *, explain: bool = False) -> list[Event] | Coded:
        """The article's events; with ``explain``, a ``Coded`` with the events' decision records
        and the candidates the stages dropped."""
        try:
            coded = self.coder.code_explained(article, doc, explain=explain)
        except TidingsError:
            raise
        except Exception as exc:  # a bug outside the named stages still names the article
            raise StageError(f"stage 'events' failed on article {article.id!r}: {exc!r}", code="E502") from exc
        events = self._keep(coded.events)
        return Coded(events, coded.dropped) if explain else events

    def _keep(self, events: list[Event]) -> list[Event]:
        if self.settings.min_confidence:
            events = [e for e in events if e.confidence >= self.settings.min_confidence]
        if not self.settings.include_negated:
            events = [e for e in events if e.status != "negated"]
        return events

    def _parse(self, article: Article):
        try:
            return self.nlp(parse_text(article.text))
        except Exception as exc:  # the parser failing on one text names the stage and the article
            raise StageError(f"stage 'parse' failed on article {article.id!r}: {exc!r}", code="E503") from exc

    def __call__(self, article: Article, *, explain: bool = False) -> list[Event]:
        """The article's events; with ``explain``, each carries its decision record."""
        self._check(article)
        result = self._finish(article, self._parse(article), explain=explain)
        return result.events if explain else result

    def explain(self, article: Article) -> Coded:
        """Code one article with the decision record of every event, and the candidates the
        stages dropped with the rule that dropped them."""
        self._check(article)
        return self._finish(article, self._parse(article), explain=True)

    def pipe(self, articles: Iterable[Article], *, batch_size: int | None = None, explain: bool = False
             ) -> Iterator[tuple[Article, list[Event] | Coded | TidingsError]]:
        """Code many articles, parsing them in batches. A failing article (parser included)
        yields its error and the stream goes on. With ``explain`` each result is a ``Coded``
        (events with their decision records, and the dropped candidates)."""
        batch_size = batch_size or self.settings.batch_size
        pending: list[Article] = []
        for article in articles:
            try:
                self._check(article)
            except TidingsError as exc:
                yield article, exc
                continue
            pending.append(article)
            if len(pending) >= batch_size:
                yield from self._run(pending, explain)
                pending = []
        if pending:
            yield from self._run(pending, explain)

    def _docs(self, batch: list[Article]) -> Iterator[tuple[Article, object]]:
        """Parsed articles in order; when the parser fails on a batch, each article is parsed
        alone so that only the one that fails becomes an error."""
        try:
            docs = list(self.nlp.pipe(parse_text(a.text) for a in batch))
        except Exception:
            for article in batch:
                try:
                    yield article, self._parse(article)
                except TidingsError as exc:
                    yield article, exc
            return
        yield from zip(batch, docs)

    def _run(self, batch: list[Article], explain: bool = False):
        for article, doc in self._docs(batch):
            if isinstance(doc, TidingsError):
                yield article, doc
                continue
            try:
                yield article, self._finish(article, doc, explain=explain)
            except TidingsError as exc:
                yield article, exc
