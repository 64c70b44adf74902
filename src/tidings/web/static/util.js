// Small helpers shared by the views. Everything the API returns is put in the page as text
// nodes or attributes (never parsed as HTML), so article text cannot inject markup.

const SVG_NS = "http://www.w3.org/2000/svg";

export const QUADS = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
};

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export class ApiError extends Error {}

export async function api(path, params = {}, init = undefined) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, init);
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`${response.status} ${response.statusText}`);
  }
  if (!body.ok) throw new ApiError(body.error || `error ${response.status}`);
  return body;
}

export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function fmt(n, digits = 0) {
  if (n === null || n === undefined) return "–";
  return Number(n).toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

// Names of actor codes, from the project's own tables (/api/names): loaded once, before the first
// page renders (app.js), so the helpers below can stay synchronous.
let NAMES = {};
let loading = null;

export function loadNames() {
  loading ??= api("/api/names").then((body) => { NAMES = body.names; }).catch(() => { loading = null; });
  return loading;
}

export function nameOf(code) {
  return (code && NAMES[code]) || code || "";
}

export function actorLabel(actors) {
  if (!actors || !actors.length) return "–";
  return actors
    .map((a) => (a.country ? `${nameOf(a.country)}${a.sector ? ` (${a.sector})` : ""}` : (a.text || "?").slice(0, 30)))
    .join("; ");
}

// Hover text: codes first, then who the text names.
export function actorTitle(actors) {
  return (actors || []).map((a) => [[a.country, a.sector].filter(Boolean).join("-"), a.name || a.text]
    .filter(Boolean).join(" ")).join("; ");
}

// A country or organisation by name, linking to its page, with its code on hover.
export function codeLink(code) {
  return code ? el("a", { href: `#/actor/${encodeURIComponent(code)}`, class: "code", title: code, "data-code": code },
    nameOf(code)) : "–";
}

// Two codes as a dyad, by name.
export function dyadName(a, b, joiner = " – ") {
  return `${nameOf(a)}${joiner}${nameOf(b)}`;
}

export function signed(n) {
  if (!n) return "±0";
  return n > 0 ? `+${fmt(n)}` : `−${fmt(-n)}`;
}

// Only web links become links: a javascript: or data: URL in stored data stays text.
export function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

export function section(title, ...children) {
  return el("section", { class: "card" }, el("h2", {}, title), ...children);
}

export function message(text, kind = "muted") {
  return el("p", { class: kind }, text);
}
