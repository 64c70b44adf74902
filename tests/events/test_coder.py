"""The coder on sentences written for these tests: types, dyads, voice, coordination,
reported speech, nominal triggers, dates, places and casualties."""

import pytest


def first(events, type_=None):
    chosen = [e for e in events if type_ is None or e.type == type_]
    assert chosen, [(e.type, e.evidence.trigger) for e in events]
    return chosen[0]


def countries(actors):
    return {a.country for a in actors}


def test_state_visit_is_consult_with_both_parties(code):
    e = first(code("Turkish President Recep Tayyip Erdogan and Qatari Emir Sheikh Tamim bin Hamad Al Thani held "
                   "talks in Ankara on Tuesday.", "2024-12-17"), "CONSULT")
    assert countries(e.source) | countries(e.target) == {"TUR", "QAT"}
    assert e.date.value == "2024-12-17" and e.date.precision == "day"
    assert e.location.name == "Ankara" and e.location.country == "TUR"
    assert e.status == "current"


def test_trade_cut_is_sanction_with_month(code):
    e = first(code("Turkey cut off trade with Israel in April, the trade ministry said.", "2024-12-17"), "SANCTION")
    assert countries(e.source) == {"TUR"} and countries(e.target) == {"ISR"}
    assert (e.date.value, e.date.precision) == ("2024-04", "month")


def test_passive_voice_swaps_roles(code):
    e = first(code("Two Ukrainian soldiers were killed by Russian artillery fire near Bakhmut on Monday.",
                   "2023-03-08"), "ASSAULT")
    assert "RUS" in countries(e.source)
    assert e.fatalities is not None and e.fatalities.value == 2


def test_reported_speech_source_is_the_actor_not_the_speaker(code):
    e = first(code("Kenya's foreign ministry said Somali troops had attacked a border post in Mandera.",
                   "2022-05-02"), "ASSAULT")
    assert "SOM" in countries(e.source)
    assert "KEN" not in countries(e.source)


def test_accusation(code):
    e = first(code("Iran's foreign minister accused Israel of sabotaging the Natanz nuclear facility.",
                   "2021-04-12"), "ACCUSE")
    assert countries(e.source) == {"IRN"} and countries(e.target) == {"ISR"}


def test_nominal_trigger_with_historical_date(code):
    events = code("Ankara and Doha have enjoyed strong relations since the 2017 blockade of Qatar by Saudi Arabia.",
                  "2024-12-17")
    e = first(events, "COERCE")
    assert "SAU" in countries(e.source)
    assert e.date.value == "2017" and e.status == "historical"


def test_protest_and_arrests(code):
    events = code("Thousands of protesters marched through Tbilisi on Sunday, and police detained 30 of them.",
                  "2024-12-02")
    assert {"PROTEST", "COERCE"} <= {e.type for e in events}


def test_negated_event(code):
    e = first(code("Russia did not veto the resolution on Thursday, diplomats said.", "2021-09-30"))
    assert e.status == "negated"


def test_future_meeting_is_an_intent(code):
    e = first(code("The two foreign ministers will meet in Geneva next week to discuss the ceasefire.", "2023-05-02"))
    assert e.type == "AGREE" and e.status == "future"


def test_cumulative_toll(code):
    e = first(code("Israeli strikes killed 12 people in Gaza on Tuesday, raising the toll of the war, which has "
                   "claimed more than 40,000 lives since October, health officials said.", "2024-08-20"), "ASSAULT")
    assert e.fatalities.value == 12 and not e.fatalities.cumulative


def test_leader_resolved_by_date(code):
    e = first(code("Merkel met Obama in Berlin on Wednesday.", "2016-11-16"), "CONSULT")
    assert countries(e.source) | countries(e.target) == {"DEU", "USA"}


def test_nothing_from_a_disaster(code):
    assert code("A strong earthquake killed eight people on Java on Sunday, the disaster agency said.",
                "2023-02-05") == []


@pytest.mark.parametrize("text", ["", "   ", "Hello.", "The weather was mild."])
def test_quiet_inputs(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text, type_, source, target", [
    ("Russia massed troops near the Ukrainian border.", "MOBILIZE", "RUS", "UKR"),
    ("Japan sent a team of doctors to help earthquake victims in Turkey.", "AID", "JPN", "TUR"),
    ("Qatar promised to finance the rebuilding of schools in Lebanon.", "AGREE", "QAT", "LBN"),
])
def test_own_means_moved_yield_to_the_recipient(code, text, type_, source, target):
    e = first(code(text, "2024-05-01"), type_)
    assert countries(e.source) == {source} and countries(e.target) == {target}


@pytest.mark.parametrize("text", [
    "Search and rescue teams pulled two survivors from the rubble after the building collapsed.",
    "The pilot declared an emergency shortly after take-off and landed safely.",
    "Police forces seized 4,000 boxes of counterfeit cosmetics in a raid on a warehouse.",
])
def test_no_event_from_emergency_work_or_ordinary_crime(code, text):
    assert [e.type for e in code(text, "2024-05-01")] == []


def test_a_specific_pattern_in_its_own_clause_is_a_second_event(code):
    # the classifier leans to the other verb; the pattern and the clause's own subject carry it
    events = code("Colombia recalled its ambassador from Tel Aviv in May. It cut off trade with Israel in June "
                  "and joined the genocide case at the International Court of Justice.")
    cut = [e for e in events if e.evidence.trigger == "cut"]
    assert cut and cut[0].type == "SANCTION"
    assert [a.country for a in cut[0].source] == ["COL"] and [a.country for a in cut[0].target] == ["ISR"]
    assert cut[0].date.value == "2024-06"
