"""The dashboard in headless Chromium against a live server over the demo database: what each page
renders, checked against what the API says."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import expect


def get(live_server: str, path: str) -> dict:
    with urllib.request.urlopen(live_server + path, timeout=10) as r:
        return json.loads(r.read())


def test_overview(page, live_server):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    stats = get(live_server, "/api/stats")
    places = get(live_server, "/api/places")
    page.goto("/")
    page.wait_for_selector(".map .point")
    assert page.locator(".figure strong").first.inner_text() == str(stats["stats"]["events"])
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() >= 1
    assert page.locator("table.dyads tbody tr").count() == len(stats["top_dyads"])
    assert page.locator(".map .land path").count() > 150
    points = page.locator(".map .point")
    assert points.count() == len(places["places"])
    assert sum(int(points.nth(i).get_attribute("data-events"))
               for i in range(points.count())) == sum(p["events"] for p in places["places"])
    hollow = page.locator(".map .point.inferred")
    assert hollow.count() == sum(p["inferred"] for p in places["places"]) > 0
    placement = places["placement"]
    caption = page.locator(".placement").inner_text()
    assert f"{placement['exact']} exact" in caption and f"{placement['inferred']} inferred" in caption
    elsewhere = [url for url in requested if not url.startswith(live_server)]
    assert not elsewhere  # nothing from a CDN or anywhere else


def test_names_with_codes_on_hover(page, live_server):
    names = get(live_server, "/api/names")["names"]
    top = get(live_server, "/api/stats")["top_dyads"][0]
    page.goto("/")
    page.wait_for_selector("table.dyads tbody tr")
    link = page.locator("table.dyads tbody tr").first.locator("td").first.locator("a")
    assert link.inner_text() == f"{names[top['a']]} – {names[top['b']]}"
    assert link.get_attribute("title") == f"{top['a']} – {top['b']}"
    actor = page.locator("table.actors a.code").first
    assert actor.inner_text() == names[actor.get_attribute("title")]


def test_timeline_follows_the_news_and_history_is_one_click_away(page, live_server):
    stats = get(live_server, "/api/stats")["stats"]
    news = get(live_server, f"/api/timeline?since={stats['published_first']}&until={stats['published_last']}&interval=day")
    page.goto("/")
    page.wait_for_selector("svg.timeline rect.bar")
    periods = {page.locator("svg.timeline rect.bar").nth(i).get_attribute("data-period")
               for i in range(page.locator("svg.timeline rect.bar").count())}
    assert periods and all(stats["published_first"][:len(p)] <= p <= stats["published_last"] for p in periods)
    shown = sum(p["events"] for p in news["timeline"])
    assert f"{stats['events'] - shown} more are dated before or after" in page.locator("p.range").inner_text()
    page.check("input[name=history]")
    expect(page.locator("p.range")).to_contain_text("Every event date")
    first = page.locator("svg.timeline rect.bar").first.get_attribute("data-period")
    assert first <= stats["first_date"][:len(first)] < stats["published_first"]  # the story's history is back


def test_timeline_interval_can_change(page):
    page.goto("/")
    page.wait_for_selector("svg.timeline rect.bar")
    page.check("input[name=history]")
    expect(page.locator("p.range")).to_contain_text("Every event date")
    years = page.locator("svg.timeline rect.bar").count()
    page.select_option("select[name=interval]", "month")
    expect(page.locator("svg.timeline rect.bar")).not_to_have_count(years)
    periods = page.locator("svg.timeline rect.bar").first.get_attribute("data-period")
    assert len(periods) == 7  # YYYY-MM


def test_dyad_page_from_the_overview(page, live_server):
    page.goto("/")
    page.wait_for_selector("table.dyads tbody tr")
    first = page.locator("table.dyads tbody tr").first
    a, b = first.get_attribute("data-a"), first.get_attribute("data-b")
    shown = int(first.locator("td.events").inner_text())
    first.locator("td").first.locator("a").click()
    page.wait_for_selector("svg.dyad")
    assert page.url.endswith(f"#/dyad/{a}/{b}")
    dyad = get(live_server, f"/api/dyads?a={a}&b={b}")["dyad"]
    in_dyad = get(live_server, f"/api/events?dyad={a},{b}&limit=1")["total"]
    assert shown == dyad["events"] == in_dyad  # one definition of a dyad: the same count everywhere
    assert page.locator("table.events tbody tr").count() == min(in_dyad, 500)
    assert page.locator(".summary").inner_text().startswith(f"{in_dyad} events")
    codes = {page.locator("h1 a.code").nth(i).get_attribute("data-code") for i in range(2)}
    assert codes == {a, b}


def test_dyad_page_counts_reciprocal_events_as_joint(page, live_server):
    dyad = get(live_server, "/api/dyads?a=TUR&b=QAT&interval=year")["dyad"]
    joint = sum(p["events"] for p in dyad["directions"]["joint"])
    assert joint >= 1  # the sample story: the two leaders signed
    page.goto("/#/dyad/TUR/QAT")
    page.wait_for_selector("svg.dyad")
    assert f"joint {joint}" in page.locator(".summary").inner_text()
    assert page.locator("table.events tbody tr").count() == dyad["events"]


def test_latest_view(page, live_server):
    week = get(live_server, "/api/latest?period=week")["latest"]
    page.goto("/#/latest")
    page.wait_for_selector(".headline")
    assert page.locator(".headline").inner_text().startswith(f"{week['events']} events first reported "
                                                            f"{week['since']} – {week['until']}")
    rows = page.locator("table.dyads tbody tr")
    assert rows.count() == len(week["dyads"])
    for i, d in enumerate(week["dyads"]):
        assert (rows.nth(i).get_attribute("data-a"), rows.nth(i).get_attribute("data-b")) == (d["a"], d["b"])
        assert rows.nth(i).locator("td.events").inner_text() == str(d["events"])
    assert page.locator("table.types tbody tr").count() == len(week["types"])
    page.click(".switch a:has-text('last day')")
    day = get(live_server, "/api/latest?period=day")["latest"]
    expect(page.locator(".headline")).to_contain_text(f"{day['events']} events first reported on {day['until']}")


def test_dyad_form(page):
    page.goto("/#/dyad")
    page.fill("input[name=a]", "tur")
    page.fill("input[name=b]", "qat")
    page.select_option("form.filters select[name=interval]", "month")
    page.click("form.filters button")
    page.wait_for_selector("svg.dyad rect.bar")
    assert page.url.endswith("#/dyad/TUR/QAT?interval=month")
    assert len(page.locator("svg.dyad rect.bar").first.get_attribute("data-period")) == 7


def test_actor_page(page, live_server):
    actor = get(live_server, "/api/actors/RUS")["actor"]
    page.goto("/#/actor/RUS")
    page.wait_for_selector("table.members")
    assert page.locator("table.members tbody tr").count() == len(actor["members"])
    assert page.locator("svg.hbars rect.bar").count() == len(actor["events_by_type"])
    assert page.locator("ul.partners li").count() == len(actor["partners"])
    assert page.locator("table.events tbody tr").count() == min(25, actor["events"])


def test_event_table_filters_and_pages(page, live_server):
    total = get(live_server, "/api/events?limit=1")["total"]
    assaults = get(live_server, "/api/events?type=ASSAULT&limit=1")["total"]
    page.goto("/#/events")
    page.wait_for_selector("table.events")
    assert page.locator("table.events tbody tr").count() == min(50, total)
    assert page.locator(".pager .count").inner_text() == f"1–{min(50, total)} of {total} events"
    page.click(".pager a.next")
    expect(page.locator(".pager .count")).to_have_text(f"51–{min(100, total)} of {total} events")
    page.select_option("form.filters select[name=type]", "ASSAULT")
    page.click("form.filters button")
    expect(page.locator("table.events tbody tr")).to_have_count(min(assaults, 50))
    assert "type=ASSAULT" in page.url
    types = page.locator("table.events tbody tr td:nth-child(2) .tag").all_inner_texts()
    assert set(types) == {"ASSAULT"}
    csv_link = page.locator(".downloads a", has_text="CSV").get_attribute("href")
    assert csv_link == "/api/events?type=ASSAULT&format=csv"


def test_event_table_with_no_match(page):
    page.goto("/#/events?q=zzzyzzy")
    page.wait_for_selector(".pager .count")
    assert page.locator(".pager .count").inner_text() == "no events"
    assert page.locator("table.events").count() == 0


def test_map_points_open_their_events(page, live_server):
    page.goto("/")
    page.wait_for_selector(".map .point")
    page.locator(".map .point[data-inferred=false]").first.dispatch_event("click")
    page.wait_for_selector("table.events tbody tr")
    assert "bbox=" in page.url and page.locator("table.events tbody tr").count() >= 1
    page.goto("/")
    page.wait_for_selector(".map .point.inferred")
    ring = page.locator(".map .point.inferred").first
    events = int(ring.get_attribute("data-events"))
    ring.dispatch_event("click")
    page.wait_for_selector("table.events tbody tr")
    assert "inferred=" in page.url
    expect(page.locator(".pager .count")).to_have_text(f"1–{min(events, 50)} of {events} events")


def test_article_view_highlights_evidence(page, live_server):
    article = get(live_server, "/api/articles/example-01")["article"]
    page.goto("/#/article/example-01")
    page.wait_for_selector("mark.evidence")
    assert page.locator(".article-text").inner_text().strip() == article["text"].strip()
    covered = sorted({i for s in article["spans"] for i in range(s["start"], s["end"])})
    marked = "".join(page.locator("mark.evidence").all_text_contents())
    assert marked == "".join(article["text"][i] for i in covered)  # exactly the evidence, in order
    triggers = {article["text"][s["trigger_start"]:s["trigger_end"]] for s in article["spans"]}
    assert set(page.locator("strong.trigger").all_text_contents()) == triggers
    assert page.locator(".span-list li").count() == len({s["event_id"] for s in article["spans"]})
    page.locator(".span-list li").first.hover()
    assert page.locator("mark.evidence.active").count() >= 1


def test_event_page(page, live_server):
    event = get(live_server, "/api/events?limit=1")["events"][0]
    page.goto(f"/#/event/{event['id']}")
    page.wait_for_selector("ol.mentions li")
    assert page.locator("h1 .tag").inner_text() == event["type"]
    assert page.locator("ol.mentions blockquote").first.inner_text() == event["evidence"]["text"]


def test_code_box(page):
    page.goto("/#/code")
    page.fill("textarea[name=text]", "Turkish President Recep Tayyip Erdogan hosted Qatari Emir Sheikh Tamim bin Hamad "
                                     "Al Thani in Ankara on Tuesday.")
    page.fill("input[name=date]", "2024-12-17")
    page.click("form.code-box button")
    page.wait_for_selector(".code-result table.events")
    assert page.locator(".code-result table.events tbody tr").count() >= 1
    assert "CONSULT" in page.locator(".code-result .tag").all_inner_texts()
    assert page.locator(".code-result mark.evidence strong.trigger").count() >= 1


def test_code_box_shows_text_as_text(page):
    page.goto("/#/code")
    hostile = '<img src=x id=pwned> Turkey <b>accused</b> Qatar of <script>alert(1)</script> meddling.'
    page.fill("textarea[name=text]", hostile)
    page.click("form.code-box button")
    page.wait_for_selector(".code-result .summary")
    assert page.locator("#pwned").count() == 0 and page.locator(".code-result b").count() == 0
    page.fill("textarea[name=text]", "   ")
    page.click("form.code-box button")
    page.wait_for_selector(".code-result .error")
    assert "blank" in page.locator(".code-result .error").inner_text()


def test_unknown_page_and_missing_article(page):
    page.goto("/#/article/no-such-article")
    page.wait_for_selector("p.error")
    assert "no article" in page.locator("p.error").inner_text()
    page.goto("/#/nowhere")
    page.wait_for_selector("p.error")
    assert "no page" in page.locator("p.error").inner_text()


def test_docs_page(page, live_server):
    spec = get(live_server, "/openapi.json")
    operations = sum(len(ops) for ops in spec["paths"].values())
    page.goto("/docs")
    page.wait_for_selector("details.endpoint")
    assert page.locator("details.endpoint").count() == operations
    stats = page.locator("details.endpoint", has_text="/api/stats")
    stats.locator("summary").click()
    stats.locator("button").click()
    expect(stats.locator("pre")).to_contain_text("200 /api/stats")
    assert '"ok": true' in stats.locator("pre").inner_text()
