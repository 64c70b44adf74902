"""Stage "attributes", dates: the date phrase of an event's own clause, resolved against the
publication date; an undated event may take the date of the sentence it refers back to (rule
date_from_earlier_sentence) or of the lede (rule date_from_lede).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tidings.actors.mentions import span_ents
from tidings.attributes.time import resolve_date
from tidings.events.status import governing_chain
from tidings.nlp.grammar import words
from tidings.types import When


def sentence_dates(sent, pub: dt.date | None, reference: dt.date | None = None) -> list[tuple[object, When]]:
    """The sentence's DATE and TIME entities resolved against the publication date ("the previous
    day" against ``reference``, the date of the sentence before), with the entity. A TIME entity
    right after a DATE one is read with it ("Friday" + "night")."""
    found = []
    ents = span_ents(sent)
    covered = {i for e in ents for i in range(e.start, e.end)}
    # "overnight" names a night without the parser tagging it
    ents += [sent.doc[t.i:t.i + 1] for t in sent if t.lower_ == "overnight" and t.i not in covered]
    for k, ent in enumerate(ents):
        if ent.label_ not in ("DATE", "TIME") and ent.text.lower() != "overnight":
            continue
        phrase = ent.text
        before = sent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in ("since", "in", "on", "by", "until", "overnight"):
            phrase = f"{before} {phrase}"
        if ent.label_ == "DATE" and k + 1 < len(ents) and ents[k + 1].label_ == "TIME" and ents[k + 1].start == ent.end:
            phrase = f"{phrase} {ents[k + 1].text}"  # "Friday night"
        when = resolve_date(phrase, pub, reference=reference)
        if when is not None:
            found.append((ent, when))
    return found


def _event_owner(token):
    """The verb or noun a date phrase belongs to: the noun it directly modifies ("the 2017
    blockade"), else the nearest verb above it ("rejected ... in a referendum in July 2015")."""
    head = token.head
    if token.dep_ in ("compound", "nummod", "amod", "npadvmod", "poss") and head.pos_ in ("NOUN", "PROPN"):
        return head
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def clause_date(trigger, dates: list[tuple[object, When]], pub: dt.date | None, *, future: bool = False
                ) -> tuple[When | None, str]:
    """The date phrase of the trigger's own clause (or of a verb governing or coordinated with
    it), and where it was found."""
    best: tuple[int, When, str] | None = None
    chain = {trigger, *governing_chain(trigger)[1:]}
    for ent, when in dates:
        owner = _event_owner(ent.root)
        if owner is None:
            continue
        if owner in chain:
            distance, where = 0, "the trigger's clause"
        elif owner.pos_ in ("VERB", "AUX") and trigger in owner.subtree and trigger.pos_ != "VERB":
            distance, where = 1, f"the clause of {owner.text!r}"
        elif owner in trigger.ancestors or (owner.dep_ == "conj" and owner.head == trigger) or (
                trigger.dep_ == "conj" and trigger.head == owner):
            distance, where = 2, f"a governing or coordinated verb ({owner.text!r})"  # share time adverbials
        else:
            continue
        if future:
            when = resolve_date(when.text, pub, future=True) or when
        if best is None or distance < best[0]:
            best = (distance, when, f"{ent.text!r} in {where}")
    return (best[1], best[2]) if best else (None, "")


@dataclass
class StoryDates:
    """What the article has told so far that later sentences read: the lede's date (the day the
    story reports on), the previous sentence's (for 'during that visit', 'later'), and whether it
    reports attacks."""

    lede: When | None = None
    previous: When | None = None
    attacks: int = 0  # attacks coded so far (rule attack_story_context)
    lede_place: object | None = None  # the place of the lede's first event (rule place_from_story)
    previous_place: object | None = None  # the place of the previous sentence's event
    _place_sentence: int = -1
    sentences: int = 0  # sentences of the article (rule events_need_a_country)

    def reference(self) -> dt.date | None:
        """The day the story last named, for "the previous day", "a day later"."""
        when = self.previous or self.lede
        if when is None or when.precision != "day":
            return None
        return dt.date.fromisoformat(when.value)

    def fallback(self, sent, *, anaphora: bool, lede: bool) -> tuple[When | None, str]:
        anaphoric = any(t.lower_ in words("adverbials.anaphoric_time") and t.dep_ in ("det", "prep", "advmod", "mark")
                        for t in sent)
        if anaphora and anaphoric and self.previous is not None:
            return When(self.previous.value, self.previous.precision, None), "date_from_earlier_sentence"
        if lede and self.lede is not None:
            return When(self.lede.value, self.lede.precision, None), "date_from_lede"
        return None, ""

    def seen_place(self, place, sentence_number: int) -> None:
        if self.lede_place is None and sentence_number <= 2:
            self.lede_place = place
        self.previous_place, self._place_sentence = place, sentence_number

    def after_sentence(self, dates: list[tuple[object, When]], sentence_number: int, pub: dt.date | None) -> None:
        if self._place_sentence != sentence_number:
            self.previous_place = None
        explicit = [w for _, w in dates]
        if explicit:
            self.previous = explicit[0]
            if self.lede is None and sentence_number <= 2 and pub:
                if explicit[0].value[:4] >= str(pub.year):
                    self.lede = explicit[0]
        else:
            self.previous = None
