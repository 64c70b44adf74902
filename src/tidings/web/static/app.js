// The router: '#/view/arg/arg?key=value' -> views[view](main, args, params).

import { el, loadNames } from "./util.js";
import * as views from "./views.js";

const ROUTES = {
  "": views.overview,
  latest: views.latest,
  events: views.events,
  event: views.event,
  article: views.article,
  actor: views.actor,
  dyad: views.dyad,
  code: views.code,
};
const NAV = { "": "overview", event: "events", article: "events" };

let current = 0;

async function route() {
  const main = document.getElementById("main");
  const [path, search] = window.location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...args] = path.split("/").map(decodeURIComponent);
  const params = Object.fromEntries(new URLSearchParams(search || ""));
  const view = ROUTES[name];
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    link.classList.toggle("current", link.dataset.view === (NAV[name] ?? name));
  }
  const ticket = ++current;
  main.setAttribute("aria-busy", "true");
  const target = el("div");
  try {
    if (!view) throw new Error(`no page '${name}'`);
    await loadNames();
    await view(target, args.filter(Boolean), params);
    if (ticket === current) main.replaceChildren(...target.childNodes);
  } catch (err) {
    if (ticket === current) main.replaceChildren(el("h1", {}, "Sorry"), el("p", { class: "error" }, err.message));
  } finally {
    if (ticket === current) {
      main.removeAttribute("aria-busy");
      main.dataset.view = name || "overview";
    }
  }
}

window.addEventListener("hashchange", route);
route();
