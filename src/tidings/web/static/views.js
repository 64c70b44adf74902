// The pages of the dashboard. Each view renders into `main` and reads its state from the URL hash,
// so every page can be bookmarked and the back button works.

import { QUADS, api, el, fmt, codeLink, dyadName, nameOf, section, message, queryString, safeUrl, signed } from "./util.js";
import { dyadChart, fillPeriods, hBars, legend, stackedBars, worldMap } from "./charts.js";
import { eventTable, highlighted, linkHover } from "./text.js";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const FILTERS = ["source", "target", "actor", "dyad", "type", "since", "until", "q", "status", "bbox", "inferred",
  "seen_since", "seen_until"];

function autoInterval(first, last) {
  if (!first || !last) return "month";
  const days = (Date.parse(last) - Date.parse(first)) / 86400000;
  return days > 6 * 365 ? "year" : days > 120 ? "month" : "day";
}

function intervalSelect(value, onChange) {
  const select = el("select", { name: "interval", "aria-label": "interval" },
    ["day", "month", "year"].map((i) => el("option", { value: i, selected: i === value }, i)));
  select.addEventListener("change", () => onChange(select.value));
  return select;
}

// The timeline opens on the dates of the news (the articles' publication dates), so one article
// recalling 1940 does not stretch it over 80 years; history is one click away.
async function timelineCard(stats) {
  const card = section("Events over time by quad class");
  const holder = el("div", { class: "chart-holder" });
  const news = { since: stats.published_first, until: stats.published_last };
  const span = (history) => (history ? [stats.first_date, stats.last_date] : [news.since, news.until]);
  let history = !news.since;
  let interval = autoInterval(...span(history));
  const note = el("p", { class: "muted range" });
  const check = el("input", { type: "checkbox", name: "history", checked: history });
  const select = intervalSelect(interval, (iv) => { interval = iv; draw(); });
  const draw = async () => {
    const { timeline } = await api("/api/timeline", { ...(history ? {} : news), interval });
    const empty = (period) => ({ period, events: 0, by_quad_class: {} });
    holder.replaceChildren(stackedBars(fillPeriods(timeline, interval, empty)));
    const shown = timeline.reduce((n, p) => n + p.events, 0);
    note.textContent = history
      ? `Every event date, ${stats.first_date || "–"} – ${stats.last_date || "–"}.`
      : `Events dated within the news, ${news.since} – ${news.until}; ${fmt(stats.events - shown)} more are dated before or after (history, plans).`;
  };
  check.addEventListener("change", () => {
    history = check.checked;
    interval = autoInterval(...span(history));
    select.value = interval;
    draw();
  });
  card.append(el("div", { class: "toolbar" }, legend(),
    el("div", { class: "controls" }, el("label", { class: "toggle" }, check, " include history"), select)), holder, note);
  await draw();
  return card;
}

async function mapCard(params) {
  const { places, placement } = await api("/api/places", params);
  const map = await worldMap(places, {
    onPick: (p) => {
      if (p.inferred) {
        window.location.hash = `#/events${queryString({ ...params, inferred: p.country })}`;
        return;
      }
      const d = 0.5;
      const bbox = [p.lon - d, p.lat - d, p.lon + d, p.lat + d].map((v) => v.toFixed(3)).join(",");
      window.location.hash = `#/events${queryString({ bbox })}`;
    },
  });
  const shown = placement.exact + placement.inferred;
  const caption = el("p", { class: "placement" },
    `${fmt(shown)} of ${fmt(placement.events)} events on the map: `,
    el("strong", { class: "exact" }, `${fmt(placement.exact)} exact`), " (a place the text names), ",
    el("strong", { class: "inferred" }, `${fmt(placement.inferred)} inferred`),
    " (no place named: drawn hollow at the country of their target, or of their source)",
    placement.unplaced ? `; ${fmt(placement.unplaced)} have no country to place them in.` : ".",
    " Click a point for its events.");
  return section("Where events happened", caption, map);
}

function dyadTable(dyads, { change = false } = {}) {
  const heads = ["Dyad", "Events", ...(change ? ["Before", "Change"] : []), "→", "←", "Joint", "Mean Goldstein"];
  const titles = { "→": "first → second", "←": "second → first", Joint: "reciprocal: both as source, no target" };
  return el("table", { class: "dyads" },
    el("thead", {}, el("tr", {}, heads.map((h) => el("th", { title: titles[h] || null }, h)))),
    el("tbody", {}, dyads.map((d) => el("tr", { class: "dyad-row", "data-a": d.a, "data-b": d.b },
      el("td", {}, el("a", { href: `#/dyad/${d.a}/${d.b}`, title: `${d.a} – ${d.b}` }, dyadName(d.a, d.b))),
      el("td", { class: "events" }, fmt(d.events)),
      change ? [el("td", {}, fmt(d.previous)),
        el("td", { class: d.change > 0 ? "up" : d.change < 0 ? "down" : "" }, signed(d.change))] : "",
      el("td", {}, fmt(d.a_to_b)), el("td", {}, fmt(d.b_to_a)), el("td", {}, fmt(d.joint)),
      el("td", { class: d.mean_goldstein < 0 ? "neg" : "pos" }, fmt(d.mean_goldstein, 2))))));
}

export async function overview(main) {
  const { stats, top_dyads: dyads } = await api("/api/stats");
  const news = stats.published_first ? `${stats.published_first} – ${stats.published_last}` : "–";
  const cards = el("div", { class: "figures" },
    [["events", stats.events], ["articles", stats.articles], ["mentions", stats.mentions], ["actors", stats.actors]]
      .map(([label, n]) => el("div", { class: "figure" }, el("strong", {}, fmt(n)), el("span", {}, label))),
    el("div", { class: "figure" }, el("strong", { class: "dates" }, news), el("span", {}, "news published")));
  const { actors } = await api("/api/actors", { limit: 12 });
  const actorTable = el("table", { class: "actors" },
    el("thead", {}, el("tr", {}, ["Actor", "Events", "As source", "As target"].map((h) => el("th", {}, h)))),
    el("tbody", {}, actors.map((a) => el("tr", {}, el("td", {}, codeLink(a.code)), el("td", {}, fmt(a.events)),
      el("td", {}, fmt(a.as_source)), el("td", {}, fmt(a.as_target))))));
  const byType = hBars(Object.entries(stats.events_by_type).filter(([, n]) => n)
    .sort((a, b) => b[1] - a[1]).map(([t, n]) => ({ label: t, value: n, cls: "type" })));
  main.replaceChildren(
    el("h1", {}, "Overview"), cards,
    await timelineCard(stats),
    el("div", { class: "columns" },
      section("Top dyads", dyads.length ? dyadTable(dyads) : message("no dyads yet")),
      section("Most active actors", actorTable)),
    el("div", { class: "columns wide-left" }, await mapCard({}), section("Events by type", byType)));
}

// What is new: events first reported in the last day or week, by dyad and type, against the period before.
export async function latest(main, _args, params) {
  const period = params.period === "day" ? "day" : "week";
  const { latest: news } = await api("/api/latest", { period, until: params.until });
  const span = period === "day" ? `on ${news.until}` : `${news.since} – ${news.until}`;
  const before = period === "day" ? news.previous.until : `${news.previous.since} – ${news.previous.until}`;
  const seen = { seen_since: news.since, seen_until: news.until };
  const switcher = el("p", { class: "switch" }, ["day", "week"].flatMap((p) => [el("a", {
    href: `#/latest${queryString({ period: p, until: params.until })}`, class: p === period ? "current" : null,
  }, p === "day" ? "last day" : "last week"), " "]));
  const types = el("table", { class: "types" },
    el("thead", {}, el("tr", {}, ["Type", "Events", "Before", "Change"].map((h) => el("th", {}, h)))),
    el("tbody", {}, news.types.map((t) => el("tr", {},
      el("td", {}, el("a", { href: `#/events${queryString({ ...seen, type: t.type })}` }, t.type)),
      el("td", {}, fmt(t.events)), el("td", {}, fmt(t.previous)),
      el("td", { class: t.change > 0 ? "up" : t.change < 0 ? "down" : "" }, signed(t.change))))));
  const recent = await api("/api/events", { ...seen, limit: 20 });
  main.replaceChildren(
    el("h1", {}, "Latest"), switcher,
    el("p", { class: "summary headline" }, `${fmt(news.events)} events first reported ${span}, `,
      el("span", { class: news.events >= news.previous_events ? "up" : "down" }, signed(news.events - news.previous_events)),
      ` against ${fmt(news.previous_events)} the ${period} before (${before}).`),
    el("div", { class: "columns wide-left" },
      section("Dyads", news.dyads.length ? dyadTable(news.dyads, { change: true }) : message("no dyads in this period"),
        el("p", { class: "muted" }, "Events between two actors in either direction; joint: reciprocal events, ",
          "both listed as source (“the two leaders signed”). Change against the period before.")),
      section("Event types", news.types.length ? types : message("no events in this period"))),
    section(`Newest reports (${fmt(recent.total)})`, recent.events.length ? eventTable(recent.events) : message("none"),
      el("p", {}, el("a", { href: `#/events${queryString(seen)}` }, `all ${fmt(recent.total)} events of this ${period} →`))));
}

function filterForm(params, onSubmit) {
  const input = (name, placeholder, size = 8) => el("label", {}, name,
    el("input", { name, value: params[name] || "", placeholder, size }));
  const type = el("select", { name: "type" }, el("option", { value: "" }, "any"),
    TYPES.map((t) => el("option", { value: t, selected: (params.type || "").toUpperCase() === t }, t)));
  const status = el("select", { name: "status" }, ["", "current", "historical", "future", "hypothetical", "negated"]
    .map((s) => el("option", { value: s, selected: params.status === s }, s || "any")));
  const form = el("form", { class: "filters" },
    input("source", "TUR"), input("target", "QAT"), input("actor", "RUS"), input("dyad", "TUR,QAT", 9),
    el("label", {}, "type", type), input("since", "2024-01-01", 10), input("until", "2024-12-31", 10),
    input("q", "words in evidence", 18), el("label", {}, "status", status),
    params.bbox ? input("bbox", "", 22) : "", params.inferred ? input("inferred", "", 6) : "",
    params.seen_since ? input("seen_since", "", 10) : "", params.seen_until ? input("seen_until", "", 10) : "",
    el("button", { type: "submit" }, "Filter"), el("a", { href: "#/events", class: "reset" }, "reset"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ""));
    onSubmit(values);
  });
  return form;
}

export async function events(main, _args, params) {
  const filters = Object.fromEntries(FILTERS.filter((k) => params[k]).map((k) => [k, params[k]]));
  const limit = 50;
  const offset = Math.max(0, Number(params.offset) || 0);
  const form = filterForm(params, (values) => { window.location.hash = `#/events${queryString(values)}`; });
  const result = await api("/api/events", { ...filters, limit, offset });
  const page = (o) => `#/events${queryString({ ...filters, offset: o || "" })}`;
  const pager = el("div", { class: "pager" },
    offset > 0 ? el("a", { href: page(Math.max(0, offset - limit)), class: "prev" }, "← newer") : "",
    el("span", { class: "count" }, result.total
      ? `${fmt(offset + 1)}–${fmt(offset + result.events.length)} of ${fmt(result.total)} events` : "no events"),
    offset + limit < result.total ? el("a", { href: page(offset + limit), class: "next" }, "older →") : "",
    el("span", { class: "downloads" }, "download: ",
      el("a", { href: `/api/events${queryString({ ...filters, format: "csv" })}`, download: "events.csv" }, "CSV"), " ",
      el("a", { href: `/api/events${queryString({ ...filters, format: "jsonl" })}`, download: "events.jsonl" }, "JSONL")));
  main.replaceChildren(el("h1", {}, "Events"), form, pager,
    result.events.length ? eventTable(result.events) : message("No events match these filters."));
}

function codesForm(a, b, interval) {
  const form = el("form", { class: "filters" },
    el("label", {}, "a", el("input", { name: "a", value: a || "", placeholder: "TUR", size: 6, required: true })),
    el("label", {}, "b", el("input", { name: "b", value: b || "", placeholder: "QAT", size: 6, required: true })),
    el("label", {}, "interval", el("select", { name: "interval" },
      ["day", "month", "year"].map((i) => el("option", { value: i, selected: i === interval }, i)))),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const v = Object.fromEntries(new FormData(form));
    window.location.hash = `#/dyad/${encodeURIComponent(v.a.trim().toUpperCase())}/${encodeURIComponent(v.b.trim().toUpperCase())}${queryString({ interval: v.interval })}`;
  });
  return form;
}

function periodTable(rows, label) {
  return el("table", { class: "periods" },
    el("thead", {}, el("tr", {}, ["Period", "Events"].map((h) => el("th", {}, h)),
      ["1", "2", "3", "4"].map((q) => el("th", { title: QUADS[q] }, el("span", { class: `swatch q${q}` }), `Q${q}`)),
      ["Goldstein", "PLOVER"].map((h) => el("th", { title: `mean ${h} score` }, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, el("td", {}, r.period), el("td", {}, fmt(r.events)),
      ["1", "2", "3", "4"].map((q) => el("td", {}, fmt(r.by_quad_class[q] || 0))),
      el("td", {}, fmt(r.mean_goldstein, 2)), el("td", {}, fmt(r.mean_plover_score, 2))))),
    el("caption", {}, label));
}

export async function dyad(main, args, params) {
  const [a, b] = args.map((s) => (s || "").toUpperCase());
  const interval = ["day", "month", "year"].includes(params.interval) ? params.interval : "year";
  if (!a || !b) {
    const { dyads } = await api("/api/dyads", { limit: 20 });
    main.replaceChildren(el("h1", {}, "Dyads"), codesForm("", "", interval),
      section("Busiest dyads", dyads.length ? dyadTable(dyads) : message("no dyads yet")));
    return;
  }
  const { dyad: data } = await api("/api/dyads", { a, b, interval });
  const forward = data.directions[`${a}->${b}`];
  const backward = data.directions[`${b}->${a}`];
  const joint = data.directions.joint;
  const listed = await api("/api/events", { dyad: `${a},${b}`, limit: 500 });
  const total = (rows) => rows.reduce((n, r) => n + r.events, 0);
  const [na, nb] = [nameOf(a), nameOf(b)];
  main.replaceChildren(
    el("h1", {}, codeLink(a), " ⇄ ", codeLink(b)), codesForm(a, b, interval),
    el("p", { class: "summary" }, `${fmt(data.events)} events: ${na} → ${nb} ${fmt(total(forward))}; `
      + `${nb} → ${na} ${fmt(total(backward))}; joint ${fmt(total(joint))}`),
    el("p", { class: "muted" }, "Joint events are reciprocal: both listed as source, no target (“the two leaders ",
      "signed”). An event can count in both directions; the total counts it once."),
    section("The relation over time", el("div", { class: "toolbar" }, legend()),
      dyadChart(forward, backward, [`${na} → ${nb}`, `${nb} → ${na}`])),
    el("div", { class: "columns" }, section(`${na} → ${nb}`, periodTable(forward, `${a} → ${b} by ${interval}`)),
      section(`${nb} → ${na}`, periodTable(backward, `${b} → ${a} by ${interval}`))),
    joint.length ? section("Joint", periodTable(joint, `${a} and ${b} together, by ${interval}`)) : "",
    section(`Events (${fmt(listed.total)})`, listed.events.length ? eventTable(listed.events) : message("no events"),
      listed.total > listed.events.length
        ? el("p", {}, el("a", { href: `#/events${queryString({ dyad: `${a},${b}` })}` }, `all ${fmt(listed.total)} →`)) : ""));
}

export async function actor(main, args) {
  const code = (args[0] || "").toUpperCase();
  if (!code) {
    const { actors } = await api("/api/actors", { limit: 200 });
    main.replaceChildren(el("h1", {}, "Actors"), el("ul", { class: "chips" },
      actors.map((a) => el("li", {}, codeLink(a.code), ` ${a.events}`))));
    return;
  }
  const { actor: data } = await api(`/api/actors/${encodeURIComponent(code)}`);
  const recent = await api("/api/events", { actor: code, limit: 25 });
  const members = el("table", { class: "members" },
    el("thead", {}, el("tr", {}, ["Name", "Sector", "Events"].map((h) => el("th", {}, h)))),
    el("tbody", {}, data.members.map((m) => el("tr", {}, el("td", {}, m.name || "–"), el("td", {}, m.sector || "–"),
      el("td", {}, fmt(m.events))))));
  const partners = el("ul", { class: "plain partners" }, data.partners.map((p) => el("li", {},
    el("a", { href: `#/dyad/${code}/${encodeURIComponent(p.code)}`, title: `${code} ⇄ ${p.code}` },
      `${nameOf(code)} ⇄ ${nameOf(p.code)}`), ` ${p.events} events`)));
  main.replaceChildren(
    el("h1", {}, el("span", { title: code }, nameOf(code)), el("span", { class: "muted" }, ` ${code} · ${fmt(data.events)} events`)),
    el("div", { class: "columns" },
      section("Events by type", hBars(Object.entries(data.events_by_type).map(([t, n]) => ({ label: t, value: n, cls: "type" })))),
      section("Partners", data.partners.length ? partners : message("no partners"))),
    section("Named members", members),
    section("Latest events", eventTable(recent.events),
      el("p", {}, el("a", { href: `#/events${queryString({ actor: code })}` }, `all ${fmt(recent.total)} events of ${code} →`))));
}

export async function event(main, args) {
  const { event: e, map_place: mapPlace } = await api(`/api/events/${encodeURIComponent(args[0] || "")}`);
  const facts = [["Type", `${e.type}${e.mode ? ` (${e.mode})` : ""}`], ["CAMEO", `${e.cameo} ${e.cameo_name || ""}`],
    ["Quad class", `${e.quad_class} ${QUADS[e.quad_class] || ""}`], ["Goldstein", fmt(e.goldstein, 1)],
    ["PLOVER score", fmt(e.plover_score, 2)], ["Status", e.status], ["Date", e.date ? `${e.date.value} (${e.date.precision})` : "–"],
    ["Place", e.location ? `${e.location.name}, ${nameOf(e.location.country)}`
      : mapPlace ? `none named; on the map at ${mapPlace.name} (inferred from the actors)` : "–"],
    ["Fatalities", e.fatalities ? fmt(e.fatalities.value) : "–"], ["Confidence", fmt(e.confidence, 2)],
    ["Mentions", `${e.num_mentions} in ${e.num_articles} articles from ${e.num_sources} sources`]];
  const side = (actors) => el("ul", { class: "plain" }, (actors || []).map((a) => el("li", {},
    a.country ? codeLink(a.country) : "", a.sector ? ` (${a.sector})` : "", ` ${a.name || ""} “${a.text}”`)));
  main.replaceChildren(
    el("h1", {}, el("span", { class: `tag q${e.quad_class}` }, e.type), " event"),
    el("div", { class: "columns" },
      section("Facts", el("dl", { class: "facts" }, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]))),
      section("Actors", el("h3", {}, "Source"), side(e.source), el("h3", {}, "Target"), side(e.target))),
    section("Mentions", el("ol", { class: "mentions" }, e.mentions.map((m) => el("li", {},
      el("a", { href: `#/article/${encodeURIComponent(m.article_id)}` }, m.title || m.article_id),
      el("span", { class: "muted" }, ` ${m.source || ""} ${m.published || ""}`),
      el("blockquote", {}, m.evidence))))));
}

export async function article(main, args) {
  const { article: a } = await api(`/api/articles/${encodeURIComponent(args[0] || "")}`);
  const text = highlighted(a.text, a.spans);
  const url = safeUrl(a.url);
  const byEvent = new Map();
  for (const s of a.spans) if (!byEvent.has(s.event_id)) byEvent.set(s.event_id, s);
  const list = el("ol", { class: "span-list" }, [...byEvent.values()].map((s) => {
    const item = el("li", {}, el("a", { href: `#/event/${encodeURIComponent(s.event_id)}` }, s.type),
      ` “${a.text.slice(s.trigger_start ?? s.start, s.trigger_end ?? s.end)}”`);
    linkHover(item, text, s.event_id);
    return item;
  }));
  main.replaceChildren(
    el("h1", {}, a.title || a.id),
    el("p", { class: "muted meta" }, [a.publisher || a.source, a.published, a.id].filter(Boolean).join(" · "), " ",
      url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original") : ""),
    el("div", { class: "columns wide-left" }, section("Text", text),
      section(`Events (${byEvent.size})`, list, el("p", {},
        el("a", { href: `#/events${queryString({})}` }, "all events →")))));
}

const SAMPLE = "ANKARA, March 3 - Turkey and Qatar signed an agreement on Monday to expand defence cooperation, "
  + "the Turkish foreign ministry said.";

export async function code(main) {
  const textarea = el("textarea", { name: "text", rows: 8, placeholder: "Paste a news article…" }, SAMPLE);
  const date = el("input", { name: "date", type: "date", value: new Date().toISOString().slice(0, 10) });
  const out = el("div", { class: "code-result" });
  const button = el("button", { type: "submit" }, "Code this text");
  const form = el("form", { class: "code-box" }, textarea, el("div", { class: "toolbar" },
    el("label", {}, "publication date ", date), button));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    button.disabled = true;
    out.replaceChildren(message("Coding… (the first call loads the model)"));
    try {
      const body = JSON.stringify({ text: textarea.value, date: date.value || null });
      const result = await api("/api/code", {}, { method: "POST", headers: { "content-type": "application/json" }, body });
      const spans = result.events.map((e, i) => ({ ...e.evidence, event_id: String(i), type: e.type }));
      out.replaceChildren(
        el("p", { class: "summary" }, `${result.events.length} event${result.events.length === 1 ? "" : "s"}`),
        result.events.length ? eventTable(result.events, { links: false }) : "",
        section("Evidence", highlighted(result.text, spans)));
    } catch (err) {
      out.replaceChildren(message(err.message, "error"));
    } finally {
      button.disabled = false;
    }
  });
  main.replaceChildren(el("h1", {}, "Code a text"),
    message("Codes the text into events without storing anything."), form, out);
}
