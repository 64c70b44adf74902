// The API docs page: reads /openapi.json and lists every operation with its parameters, request
// body and responses; GET operations can be tried from the page. Local, so it works offline.

import { el } from "./util.js";

function resolve(spec, schema) {
  let s = schema || {};
  for (let i = 0; s.$ref && i < 10; i++) s = s.$ref.replace(/^#\//, "").split("/").reduce((o, k) => o[k], spec);
  return s;
}

function typeOf(spec, schema) {
  const s = resolve(spec, schema);
  if (s.anyOf) return s.anyOf.map((x) => typeOf(spec, x)).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const limits = [];
  if (s.minimum !== undefined) limits.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) limits.push(`≤ ${s.maximum}`);
  if (s.maxLength !== undefined) limits.push(`≤ ${s.maxLength} chars`);
  if (s.pattern) limits.push(`/${s.pattern}/`);
  return [s.format || s.type || "any", ...limits].join(", ");
}

function parameters(spec, params) {
  if (!params.length) return "";
  return el("table", {}, el("thead", {}, el("tr", {}, ["Parameter", "In", "Type", "Default", "Description"].map((h) => el("th", {}, h)))),
    el("tbody", {}, params.map((p) => el("tr", {}, el("td", {}, el("code", {}, p.name), p.required ? " *" : ""),
      el("td", {}, p.in), el("td", {}, typeOf(spec, p.schema)),
      el("td", {}, p.schema && p.schema.default !== undefined ? JSON.stringify(p.schema.default) : ""),
      el("td", {}, p.description || resolve(spec, p.schema).description || "")))));
}

function requestBody(spec, body) {
  if (!body) return "";
  const schema = resolve(spec, body.content?.["application/json"]?.schema);
  const props = Object.entries(schema.properties || {});
  return [el("h3", {}, "JSON body"), el("table", {}, el("tbody", {}, props.map(([name, p]) => el("tr", {},
    el("td", {}, el("code", {}, name), (schema.required || []).includes(name) ? " *" : ""),
    el("td", {}, typeOf(spec, p)), el("td", {}, p.description || "")))))];
}

function tryIt(path, params) {
  const inputs = params.map((p) => el("label", {}, p.name, el("input", { name: p.name, "data-in": p.in, size: 10 })));
  const out = el("pre", { hidden: true });
  const form = el("form", { class: "filters" }, inputs, el("button", { type: "submit" }, "Send"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let url = path;
    const search = new URLSearchParams();
    for (const input of form.querySelectorAll("input")) {
      if (!input.value) continue;
      if (input.dataset.in === "path") url = url.replace(`{${input.name}}`, encodeURIComponent(input.value));
      else search.set(input.name, input.value);
    }
    const query = search.toString();
    const response = await fetch(url + (query ? `?${query}` : ""));
    const text = await response.text();
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* a download: show it raw */ }
    out.hidden = false;
    out.textContent = `${response.status} ${url}${query ? `?${query}` : ""}\n\n${shown.slice(0, 20000)}`;
  });
  return [el("h3", {}, "Try it"), form, out];
}

async function main() {
  const root = document.getElementById("main");
  const spec = await (await fetch("/openapi.json")).json();
  const items = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters || [];
      const responses = Object.entries(op.responses || {}).map(([code, r]) => `${code} ${r.description || ""}`);
      items.push(el("details", { class: "endpoint" },
        el("summary", {}, el("span", { class: `method ${method}` }, method.toUpperCase()), ` ${path} `,
          el("span", { class: "muted" }, op.summary || "")),
        op.description ? el("p", {}, op.description) : "",
        parameters(spec, params), requestBody(spec, op.requestBody),
        el("p", { class: "muted" }, `Responses: ${responses.join("; ")}`),
        method === "get" ? tryIt(path, params) : ""));
    }
  }
  root.replaceChildren(el("h1", {}, `${spec.info.title} API ${spec.info.version}`),
    el("p", {}, spec.info.description || ""),
    el("p", { class: "muted" }, "POST /api/articles needs the header Authorization: Bearer <token>."), ...items);
}

main().catch((err) => {
  document.getElementById("main").replaceChildren(el("p", { class: "error" }, String(err)));
});
