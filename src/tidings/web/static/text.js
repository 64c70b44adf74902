// Article text with evidence highlighted from the spans' character offsets, and the event table.

import { el, actorLabel, actorTitle, fmt, nameOf } from "./util.js";

// spans: [{start, end, trigger_start, trigger_end, type, event_id, quad_class?}] (offsets into text)
export function highlighted(text, spans) {
  const n = text.length;
  const clamp = (v) => Math.min(Math.max(Number(v) || 0, 0), n);
  const usable = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start);
  const cuts = new Set([0, n]);
  for (const s of usable) {
    cuts.add(clamp(s.start));
    cuts.add(clamp(s.end));
    if (Number.isInteger(s.trigger_start) && Number.isInteger(s.trigger_end)) {
      cuts.add(clamp(s.trigger_start));
      cuts.add(clamp(s.trigger_end));
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = usable.filter((s) => s.start <= a && b <= s.end);
    if (!covering.length) {
      body.append(piece);
      continue;
    }
    const isTrigger = covering.some((s) => s.trigger_start <= a && b <= s.trigger_end);
    const ids = [...new Set(covering.map((s) => s.event_id))];
    const types = [...new Set(covering.map((s) => s.type))];
    const mark = el("mark", {
      class: `evidence${covering.length > 1 ? " overlap" : ""}`,
      "data-events": ids.join(" "),
      title: types.join(", "),
    }, isTrigger ? el("strong", { class: "trigger" }, piece) : piece);
    body.append(mark);
  }
  return body;
}

// Hovering an event in a list lights up its marks in the text.
export function linkHover(item, textNode, eventId) {
  const marks = () => [...textNode.querySelectorAll("mark")].filter((m) => m.dataset.events.split(" ").includes(eventId));
  item.addEventListener("mouseenter", () => marks().forEach((m) => m.classList.add("active")));
  item.addEventListener("mouseleave", () => marks().forEach((m) => m.classList.remove("active")));
}

function evidenceCell(event) {
  const ev = event.evidence || {};
  const text = ev.text || "";
  const t0 = Number.isInteger(ev.trigger_start) ? ev.trigger_start - ev.start : -1;
  const t1 = Number.isInteger(ev.trigger_end) ? ev.trigger_end - ev.start : -1;
  const short = (s) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);
  if (t0 < 0 || t1 <= t0 || t1 > text.length) return el("td", { class: "evidence" }, short(text));
  const before = text.slice(0, t0);
  return el("td", { class: "evidence" }, before.length > 80 ? `…${before.slice(-80)}` : before,
    el("strong", {}, text.slice(t0, t1)), short(text.slice(t1)));
}

export function eventTable(events, { links = true } = {}) {
  const head = ["Date", "Type", "CAMEO", "Source", "Target", "Place", "Evidence", ""];
  const table = el("table", { class: "events" },
    el("thead", {}, el("tr", {}, head.map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const e of events) {
    const place = e.location ? [e.location.name, nameOf(e.location.country)].filter(Boolean)
      .filter((part, i, parts) => parts.indexOf(part) === i).join(", ") : "";
    const row = el("tr", { class: "event-row", "data-id": e.id || "" },
      el("td", { class: "date" }, e.date ? e.date.value : ""),
      el("td", {}, el("span", { class: `tag q${e.quad_class}`, title: `quad class ${e.quad_class}` }, e.type),
        e.mode ? el("span", { class: "mode" }, ` ${e.mode}`) : ""),
      el("td", { title: e.cameo_name || "" }, e.cameo),
      el("td", { title: actorTitle(e.source) }, actorLabel(e.source)),
      el("td", { title: actorTitle(e.target) }, actorLabel(e.target)),
      el("td", {}, place),
      evidenceCell(e),
      el("td", { class: "links" }, links && e.id ? el("a", { href: `#/event/${encodeURIComponent(e.id)}` }, "event") : "",
        links && e.article_id ? [" ", el("a", { href: `#/article/${encodeURIComponent(e.article_id)}` }, "article")] : "",
        !links ? `${fmt(e.confidence, 2)}` : ""));
    body.append(row);
  }
  table.append(body);
  return table;
}
