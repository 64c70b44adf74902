// SVG charts drawn by hand: stacked bars over time, a two-way dyad chart, horizontal bars and the
// world map. Colours come from the stylesheet (classes q1..q4), not from inline styles.

import { QUADS, el, svg, fmt } from "./util.js";

const ORDER = ["1", "2", "3", "4"];

function niceMax(n) {
  if (n <= 5) return Math.max(n, 1);
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

// Fill the periods between the first and the last so gaps show as gaps (when there are not too many).
export function fillPeriods(periods, interval, empty) {
  if (periods.length < 2) return periods;
  const next = {
    year: (p) => String(Number(p) + 1),
    month: (p) => {
      const [y, m] = p.split("-").map(Number);
      return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    },
    day: (p) => {
      const d = new Date(`${p}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      return d.toISOString().slice(0, 10);
    },
  }[interval];
  const byPeriod = new Map(periods.map((p) => [p.period, p]));
  const out = [];
  let p = periods[0].period;
  const last = periods[periods.length - 1].period;
  while (p <= last && out.length <= 400) {
    out.push(byPeriod.get(p) || empty(p));
    p = next(p);
  }
  return out.length > 400 ? periods : out;
}

export function legend() {
  return el("ul", { class: "legend" },
    ORDER.map((q) => el("li", {}, el("span", { class: `swatch q${q}` }), QUADS[q])));
}

// periods: [{period, by_quad_class: {"1": n, ...}}]; drawn upwards (sign 1) or downwards (-1)
function stack(group, periods, { x, band, y0, scale, sign, label }) {
  periods.forEach((p, i) => {
    let base = 0;
    for (const q of ORDER) {
      const n = (p.by_quad_class || {})[q] || 0;
      if (!n) continue;
      const h = n * scale;
      const top = sign > 0 ? y0 - (base + n) * scale : y0 + base * scale;
      group.append(svg("rect", {
        class: `bar q${q}`, x: x(i) + band * 0.1, y: top, width: Math.max(band * 0.8, 0.5), height: h,
        "data-period": p.period, "data-quad": q,
      }, svg("title", {}, `${label ? label + " " : ""}${p.period}: ${n} ${QUADS[q].toLowerCase()}`)));
      base += n;
    }
  });
}

function xLabels(group, periods, { x, band, y }) {
  const every = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((p, i) => {
    if (i % every) return;
    group.append(svg("text", { class: "tick", x: x(i) + band / 2, y, "text-anchor": "middle" }, p.period));
  });
}

export function stackedBars(periods, { width = 900, height = 240 } = {}) {
  const pad = { left: 40, right: 10, top: 10, bottom: 24 };
  const chart = svg("svg", { class: "chart timeline", viewBox: `0 0 ${width} ${height}`, role: "img",
                             "aria-label": "events over time by quad class" });
  if (!periods.length) {
    chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "tick" }, "no events"));
    return chart;
  }
  const max = niceMax(Math.max(...periods.map((p) => p.events || 0)));
  const innerH = height - pad.top - pad.bottom;
  const band = (width - pad.left - pad.right) / periods.length;
  const x = (i) => pad.left + i * band;
  const scale = innerH / max;
  const y0 = pad.top + innerH;
  for (const t of [0, max / 2, max]) {
    const y = y0 - t * scale;
    chart.append(svg("line", { class: "grid", x1: pad.left, x2: width - pad.right, y1: y, y2: y }));
    chart.append(svg("text", { class: "tick", x: pad.left - 6, y: y + 4, "text-anchor": "end" }, fmt(t)));
  }
  const bars = svg("g", { class: "bars" });
  stack(bars, periods, { x, band, y0, scale, sign: 1 });
  chart.append(bars);
  xLabels(chart, periods, { x, band, y: height - 6 });
  return chart;
}

// A above the axis, B below: the two directions of a dyad on one time axis.
export function dyadChart(forward, backward, labels, { width = 900, height = 280 } = {}) {
  const pad = { left: 40, right: 10, top: 18, bottom: 24 };
  const chart = svg("svg", { class: "chart dyad", viewBox: `0 0 ${width} ${height}`, role: "img",
                             "aria-label": `${labels[0]} and ${labels[1]} over time` });
  const byPeriod = new Map();
  for (const [key, rows] of [["f", forward], ["b", backward]]) {
    for (const r of rows) {
      const entry = byPeriod.get(r.period) || { period: r.period };
      entry[key] = r;
      byPeriod.set(r.period, entry);
    }
  }
  const periods = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  if (!periods.length) {
    chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "tick" },
      "no events between these two"));
    return chart;
  }
  const max = niceMax(Math.max(...periods.map((p) => Math.max(p.f?.events || 0, p.b?.events || 0))));
  const half = (height - pad.top - pad.bottom) / 2;
  const y0 = pad.top + half;
  const band = (width - pad.left - pad.right) / periods.length;
  const x = (i) => pad.left + i * band;
  const scale = half / max;
  const empty = (p) => ({ period: p.period, events: 0, by_quad_class: {} });
  const bars = svg("g", { class: "bars" });
  stack(bars, periods.map((p) => p.f || empty(p)), { x, band, y0, scale, sign: 1, label: labels[0] });
  stack(bars, periods.map((p) => p.b || empty(p)), { x, band, y0, scale, sign: -1, label: labels[1] });
  chart.append(bars);
  chart.append(svg("line", { class: "axis", x1: pad.left, x2: width - pad.right, y1: y0, y2: y0 }));
  chart.append(svg("text", { class: "tick", x: pad.left - 6, y: pad.top + 4, "text-anchor": "end" }, fmt(max)));
  chart.append(svg("text", { class: "tick", x: pad.left - 6, y: y0 + half + 4, "text-anchor": "end" }, fmt(max)));
  chart.append(svg("text", { class: "direction", x: pad.left + 4, y: pad.top - 5 }, labels[0]));
  chart.append(svg("text", { class: "direction", x: pad.left + 4, y: height - 6 - 12 }, labels[1]));
  xLabels(chart, periods, { x, band, y: height - 4 });
  return chart;
}

// [{label, value, cls}] as horizontal bars
export function hBars(rows, { width = 420, row = 20 } = {}) {
  const height = Math.max(rows.length * row, row);
  const chart = svg("svg", { class: "chart hbars", viewBox: `0 0 ${width} ${height}`, role: "img" });
  const max = Math.max(1, ...rows.map((r) => r.value));
  const left = 110;
  rows.forEach((r, i) => {
    const w = ((width - left - 40) * r.value) / max;
    chart.append(svg("text", { class: "tick", x: left - 6, y: i * row + row * 0.7, "text-anchor": "end" }, r.label));
    chart.append(svg("rect", { class: `bar ${r.cls || ""}`, x: left, y: i * row + 3, width: Math.max(w, 1),
                               height: row - 6 }, svg("title", {}, `${r.label}: ${r.value}`)));
    chart.append(svg("text", { class: "tick", x: left + w + 4, y: i * row + row * 0.7 }, fmt(r.value)));
  });
  return chart;
}

let world = null;

async function worldOutline() {
  if (!world) {
    world = fetch("/static/world-110m.json").then((r) => {
      if (!r.ok) throw new Error(`world map: ${r.status}`);
      return r.json();
    });
  }
  return world;
}

function dominant(byQuad) {
  let best = "1";
  for (const q of ORDER) if ((byQuad[q] || 0) > (byQuad[best] || 0)) best = q;
  return best;
}

// places: [{lat, lon, name, country, inferred, events, by_quad_class}]; onPick(place) when a point is clicked
export async function worldMap(places, { onPick } = {}) {
  const map = svg("svg", { class: "map", viewBox: "-180 -84 360 142", role: "img",
                           "aria-label": "map of event locations" });
  const land = svg("g", { class: "land" });
  map.append(land);
  try {
    const outline = await worldOutline();
    for (const c of outline.countries) land.append(svg("path", { d: c.d }, svg("title", {}, c.name)));
  } catch (err) {
    map.append(svg("text", { x: 0, y: 0, "text-anchor": "middle", class: "tick" }, String(err.message)));
  }
  const points = svg("g", { class: "points" });
  const sorted = [...places].sort((a, b) => b.events - a.events); // small ones on top
  for (const p of sorted) {
    const q = dominant(p.by_quad_class || {});
    const events = `${p.events} event${p.events === 1 ? "" : "s"}`;
    // inferred points (no place named: the country of an actor) are hollow rings
    const label = p.inferred ? `${p.name || p.country} (${p.country}): ${events} without a named place, `
      + "placed at the country of their target or source (inferred)"
      : `${p.name || "?"}${p.country ? ` (${p.country})` : ""}: ${events}`;
    const dot = svg("circle", {
      class: `point q${q}${p.inferred ? " inferred" : ""}`, cx: p.lon, cy: -p.lat, r: 1.4 + Math.sqrt(p.events) * 0.9,
      "data-events": p.events, "data-inferred": p.inferred ? "true" : "false", tabindex: 0,
    }, svg("title", {}, label));
    if (onPick) dot.addEventListener("click", () => onPick(p));
    points.append(dot);
  }
  map.append(points);
  return map;
}
