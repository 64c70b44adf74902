"""What an article has said so far: the actors it named, in order, to resolve 'the president',
'he', 'it', 'the two leaders' and surnames in later sentences.

Only chosen actors enter the memory (``ArticleMemory.commit``): resolving a candidate phrase that
loses to another never changes what later sentences resolve to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tidings.actors.knowledge import fold
from tidings.types import NON_STATE_CODES, Actor


@dataclass
class ArticleMemory:
    """What an article has said so far: actors in order, to resolve 'the president', 'he', 'it'."""

    actors: list[Actor] = field(default_factory=list)
    persons: set[int] = field(default_factory=set)  # indices into actors
    titles: dict[str, Actor] = field(default_factory=dict)
    countries: Counter = field(default_factory=Counter)
    subjects: list[tuple[Actor, bool]] = field(default_factory=list)  # sentence subjects, in order
    bodies: list[Actor] = field(default_factory=list)  # organisations named, in order ('the court')

    def remember_subject(self, actor: Actor, *, person: bool) -> None:
        if actor.country:
            self.subjects.append((actor, person))

    def last_subject(self, *, person: bool) -> Actor | None:
        """'It cut off trade': the subject of an earlier sentence, before other actors named since."""
        for actor, is_person in reversed(self.subjects):
            if is_person == person:
                return actor
        return None

    def commit(self, resolved) -> None:
        """Remember a chosen actor as its resolution says (``Resolved.memo``: title and person)."""
        if resolved.memo is not None:
            title, person = resolved.memo
            self.remember(resolved.actor, title=title, person=person)

    def remember(self, actor: Actor, *, title: str | None = None, person: bool = False) -> None:
        if actor.country or actor.name:
            if person:
                self.persons.add(len(self.actors))
            self.actors.append(actor)
        if actor.country and len(actor.country) == 3:
            self.countries[actor.country] += 1
        if title:
            self.titles[title.lower()] = actor

    def dominant_country(self) -> str | None:
        if not self.countries:
            return None
        code, count = self.countries.most_common(1)[0]
        return code if code not in NON_STATE_CODES else None

    def by_name(self, name: str) -> Actor | None:
        words = {w for w in fold(name).lower().split() if len(w) > 2}
        for i in sorted(self.persons, reverse=True):
            actor = self.actors[i]
            if actor.name and words & set(fold(actor.name).lower().split()):
                return actor
        return None

    def last_pair(self, *, person: bool) -> list[Actor]:
        """The two most recent distinct parties: 'the two leaders', 'the two countries'."""
        found: list[Actor] = []
        for i in range(len(self.actors) - 1, -1, -1):
            actor = self.actors[i]
            if not actor.country or any(a.country == actor.country for a in found):
                continue
            if person and i not in self.persons:
                continue
            found.append(actor)
            if len(found) == 2:
                return list(reversed(found))
        return []

    def name_body(self, actor: Actor) -> None:
        """An organisation the article names, whatever role it plays in its sentence."""
        self.bodies.append(actor)

    def last_in_sector(self, sector: str) -> Actor | None:
        """'The court' after 'the International Court of Justice'; 'the army' after 'Israel's army':
        the last actor of that sector, else the last organisation of that sector the article named."""
        for i in range(len(self.actors) - 1, -1, -1):
            if self.actors[i].sector == sector and i not in self.persons and self.actors[i].country:
                return self.actors[i]
        for body in reversed(self.bodies):
            if body.sector == sector and body.country:
                return body
        return None

    def last_state(self, exclude: frozenset[str] = frozenset()) -> Actor | None:
        """The last state the article named as an actor, other than the event's other party:
        'the Gulf country', 'the kingdom'."""
        for i in range(len(self.actors) - 1, -1, -1):
            actor = self.actors[i]
            if i not in self.persons and actor.country and actor.country not in NON_STATE_CODES \
                    and actor.sector in ("GOV", None) and actor.country not in exclude:
                return actor
        return None

    def last(self, *, person: bool) -> Actor | None:
        for i in range(len(self.actors) - 1, -1, -1):
            if (i in self.persons) == person and self.actors[i].country:
                return self.actors[i]
        return None
