"""The ordered stages: parse -> actors -> events -> attributes, for one article or many.

    pipeline = Pipeline.load()            # reads models and data once
    events = pipeline(article)            # one Article -> list[Event]
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
from tidings.events.coder import EventCoder
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
        coder = EventCoder(
            knowledge=load_knowledge(), lexicon=load_lexicon(), codebook=load_codebook(),
            classifier=classifier, gazetteer=load_gazetteer() if gazetteer else None, version=version,
        )
        return cls(nlp=load_nlp(settings.model), coder=coder, settings=settings)

    def _check(self, article: Article) -> None:
        if len(article.text) > self.settings.max_chars:
            raise StageError(f"article {article.id!r}: {len(article.text):,} characters is over the limit "
                             f"of {self.settings.max_chars:,} (setting max_chars)", code="E501")

    def _finish(self, article: Article, doc) -> list[Event]:
        try:
            events = self.coder.code(article, doc)
        except TidingsError:
            raise
        except Exception as exc:  # a bug in a stage must name the stage and the article
            raise StageError(f"stage 'events' failed on article {article.id!r}: {exc!r}", code="E502") from exc
        if self.settings.min_confidence:
            events = [e for e in events if e.confidence >= self.settings.min_confidence]
        if not self.settings.include_negated:
            events = [e for e in events if e.status != "negated"]
        return events

    def __call__(self, article: Article) -> list[Event]:
        self._check(article)
        return self._finish(article, self.nlp(parse_text(article.text)))

    def pipe(self, articles: Iterable[Article], *, batch_size: int | None = None
             ) -> Iterator[tuple[Article, list[Event] | TidingsError]]:
        """Code many articles, parsing them in batches. A failing article yields its error
        and the stream goes on."""
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
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(self, batch: list[Article]):
        for article, doc in zip(batch, self.nlp.pipe(parse_text(a.text) for a in batch)):
            try:
                yield article, self._finish(article, doc)
            except TidingsError as exc:
                yield article, exc
