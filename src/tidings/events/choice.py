"""Stage "type": from a sentence's reading to the events it reports (drafts).

The primary event's type is the classifier's probability plus the lexicon's weight for the most
prominent trigger of that type (the predicate's own trigger counts more); further events need a
trigger of their own in a clause of its own (rule secondary_events). Each draft carries its
trigger token, CAMEO code and mode.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.config import CoderSettings
from tidings.events.candidates import SentenceReading
from tidings.events.codebook import DEFAULT_CAMEO, Codebook
from tidings.events.explain import Trace
from tidings.events.features import predicate
from tidings.events.rulebook import RuleBook
from tidings.events.triggers import Match

STAGE = "type"


@dataclass(frozen=True, slots=True)
class Draft:
    type: str
    match: Match | None
    score: float
    trigger: object  # spacy Token
    cameo: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class Choice:
    drafts: tuple[tuple[Draft, Trace], ...]
    rejected: tuple[tuple[str, object, Trace], ...]  # (type, trigger token, trace) of a sentence given no event


def _pattern(match: Match) -> str:
    t = match.trigger
    words = t.lemma + (f" {t.particle}" if t.particle else "")
    requires = f" [{'|'.join(sorted(t.requires))}]" if t.requires else ""
    return f"{words} {t.pos}{requires} -> {t.cameo}" + (" (object constraint met)" if match.specific else "")


def _near(token, pred) -> bool:
    if token == pred:
        return True
    if token.head == pred and token.dep_ in ("dobj", "conj", "xcomp", "nsubjpass", "attr", "ccomp"):
        return True
    return token.dep_ == "conj" and token.head.head == pred


def _has_own_actor(noun) -> bool:
    """A nominal event that names its own actor: 'Israeli aggression', 'the Hamas incursion',
    'the blockade ... by Saudi Arabia'."""
    from tidings.nlp.grammar import words

    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and child.ent_type_ in words("labels.actor"):
            return True
        if child.dep_ == "prep" and child.lower_ == "by":
            return True
    return False


def _own_clause(token, chosen) -> bool:
    """Whether a verb heads a clause of its own beside the events already chosen: coordinated
    verbs ("cut off trade ... and joined a case") are separate events; a verb and its direct
    complement ("agreed to meet") are one."""
    for draft, _ in chosen:
        if draft.match is None:
            continue
        other = draft.match.token
        if (other.dep_ == "conj" and other.head == token) or (token.dep_ == "conj" and token.head == other):
            continue
        if token == other.head or other == token.head:
            return False
    return token.dep_ in ("conj", "ROOT", "ccomp", "advcl", "relcl", "acl") or token.head.pos_ != "VERB"


class TypeChooser:
    def __init__(self, *, settings: CoderSettings, rules: RuleBook, codebook: Codebook) -> None:
        self.settings = settings
        self.rules = rules
        self.codebook = codebook

    def _draft(self, type_: str, match: Match | None, score: float, pred) -> Draft:
        if match is not None:
            return Draft(type_, match, score, match.token, match.trigger.cameo, match.trigger.mode)
        cameo = DEFAULT_CAMEO[type_]
        mapping = self.codebook.mapping(cameo)
        return Draft(type_, None, score, pred, cameo, mapping.mode if mapping else None)

    def choose(self, reading: SentenceReading, trace: Trace) -> Choice:
        s, rules = self.settings, self.rules
        sent, probs, matches = reading.sent, reading.probabilities, reading.matches
        pred = predicate(sent)
        prominence: dict[str, tuple[float, Match]] = {}
        for match in matches:
            weight = 1.0 if _near(match.token, pred) else 0.5
            if match.specific:
                weight += 0.25
            if match.token.pos_ == "VERB":
                weight += 0.1  # "airstrikes killed 12": the verb carries the clause's date, place, toll
            best = prominence.get(match.trigger.type)
            if best is None or weight > best[0]:
                prominence[match.trigger.type] = (weight, match)
        scores: dict[str, float] = {}
        for type_ in set(probs) | set(prominence):
            if type_ == "NONE":
                continue
            scores[type_] = probs.get(type_, 0.0) + s.lexicon_weight * prominence.get(type_, (0.0, None))[0]
        if not scores:
            return Choice((), ())
        primary = max(scores, key=scores.get)
        none = probs.get("NONE", 0.0)
        if (rules.on("weapons_make_attack") and "ASSAULT" in prominence
                and rules.pattern("patterns.weapons_of_war").search(sent.text) and none > probs.get(primary, 0.0)):
            # "two grenades exploded", "a mortar round hit": weapons of war make an attack even
            # where the sentence reads like crime or accident news
            trace.add(STAGE, "weapons_make_attack", f"{primary} -> ASSAULT over NONE {none:.2f}")
            primary, none = "ASSAULT", 0.0
        first = prominence.get(primary, (0, None))[1]
        if scores[primary] < s.min_score or (primary not in prominence and none > scores[primary] + s.none_margin):
            trace.add(STAGE, "below_min_score" if scores[primary] < s.min_score else "no_trigger_and_none_wins",
                      f"{primary} score {scores[primary]:.2f}, NONE {none:.2f}")
            return Choice((), ((primary, first.token if first else pred, trace),))
        if rules.on("none_veto") and none >= s.none_veto:
            trace.add(STAGE, "none_veto", f"NONE {none:.2f} >= {s.none_veto}")
            return Choice((), ((primary, first.token if first else pred, trace),))
        if first is not None and first.token.lemma_.lower() == "deny" and rules.on("denial_reads_inner_event"):
            # "India denied that its troops had crossed": the denied event, negated, not a REJECT
            inner = [m for m in matches if m.token != first.token and first.token in m.token.ancestors
                     and any(a.dep_ in ("ccomp", "xcomp", "pcomp") for a in m.token.ancestors
                             if first.token in a.ancestors or a.head == first.token)]
            if inner:
                trace.add(STAGE, "denial_reads_inner_event", f"denied {inner[0].token.text!r}: {inner[0].trigger.type}")
                first = inner[0]
                primary = first.trigger.type
                scores.setdefault(primary, probs.get(primary, 0.0))
        if (first is not None and first.trigger.cameo in rules.words("codes.generic")
                and rules.on("specific_code_from_noun")):
            # "airstrikes killed 12": keep the verb as trigger, take the noun's more specific code
            better = next((m for m in matches if m.trigger.type == primary
                           and m.trigger.cameo not in rules.words("codes.generic")
                           and (m.token.head == first.token or first.token.head == m.token)), None)
            if better is not None:
                trace.add(STAGE, "specific_code_from_noun",
                          f"{first.trigger.cameo} -> {better.trigger.cameo} from {better.token.text!r}")
                first = Match(first.token, better.trigger, first.specific or better.specific)
        lexical = prominence.get(primary, (0.0, None))[0]
        detail = f"p={probs.get(primary, 0.0):.2f} + {s.lexicon_weight} x prominence {lexical:.2f}"
        primary_trace = trace.copy()
        primary_trace.add(STAGE, "primary", detail + (f"; trigger {_pattern(first)}" if first else
                                                       f"; no trigger, the predicate {pred.text!r}"))
        chosen = [(self._draft(primary, first, scores[primary], pred), primary_trace)]
        if not rules.on("secondary_events"):
            return Choice(tuple(chosen), ())
        used = {chosen[0][0].trigger.i}
        for match in matches:
            type_ = match.trigger.type
            if type_ == primary or match.token.i in used:
                continue
            if match.token.pos_ != "VERB" and not (match.specific or _has_own_actor(match.token)):
                continue
            own_subject = match.token.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in match.token.children)
            own_actor = match.token.pos_ == "NOUN" and _has_own_actor(match.token)
            floor = (min(s.secondary_own_clause_probability, s.secondary_specific_probability)
                     if own_subject and match.specific else
                     s.secondary_own_clause_probability if own_subject else
                     s.secondary_nominal_probability if own_actor else s.secondary_min_probability)
            if probs and probs.get(type_, 0.0) < floor:
                continue
            if match.token.pos_ == "VERB" and not _own_clause(match.token, chosen):
                continue
            secondary = trace.copy()
            why = ("own clause, specific pattern" if own_subject and match.specific else "own clause" if own_subject
                   else "nominal trigger naming its actor" if own_actor else "further trigger")
            secondary.add(STAGE, "secondary_events",
                          f"{why}: p={probs.get(type_, 0.0):.2f} >= {floor}; trigger {_pattern(match)}")
            chosen.append((self._draft(type_, match, scores.get(type_, 0.0), pred), secondary))
            used.add(match.token.i)
        return Choice(tuple(chosen), ())
