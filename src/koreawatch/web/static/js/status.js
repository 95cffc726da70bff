// The status page (/status/{place}): the day-by-day border status of one region for people
// and cargo (GET /api/status?place=&from=&to=), as an SVG chart and a table of periods.

import { levelLegend, runsOf, statusChart } from "./charts.js";
import {
  api, clear, daysOf, el, eventHref, incidentHref, levelInfo, showError, statusHref,
} from "./common.js";

const form = document.getElementById("region-form");
const summary = document.getElementById("status-summary");
const chartBox = document.getElementById("status-chart");
const periodsBox = document.getElementById("periods");
const place = document.body.dataset.place;

async function fillRegions(select) {
  let regions = [];
  try {
    regions = (await api("/api/status")).map((item) => item.region).filter(Boolean);
  } catch (_) {
    regions = [];
  }
  if (!regions.some((r) => r.id === place)) regions.unshift({ id: place, name: place });
  for (const r of regions) {
    select.append(el("option", { value: r.id }, r.name === r.id ? r.id : `${r.name} (${r.id})`));
  }
  select.value = place;
}

function evidenceLink(idValue) {
  // Incident ids and event ids (ARTICLE#eN) both may appear as evidence.
  const href = idValue.includes("#e") ? eventHref(idValue) : incidentHref(idValue);
  return el("a", { href }, idValue);
}

function periodsTable(days) {
  const rows = [];
  for (const flow of ["people", "cargo"]) {
    for (const run of runsOf(days, flow)) rows.push({ flow, ...run });
  }
  rows.sort((a, b) => a.from.localeCompare(b.from) || a.flow.localeCompare(b.flow));
  const evidenceFor = (run) => {
    const ids = new Set();
    for (const d of days) {
      if (d.date >= run.from && d.date <= run.to) (d.evidence || []).forEach((i) => ids.add(i));
    }
    return [...ids];
  };
  return el("table", { class: "periods" },
    el("thead", {}, el("tr", {}, ["Flow", "From", "To", "Days", "Status", "Why", "Evidence"]
      .map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((run) => {
      const info = levelInfo(run.level);
      const ids = evidenceFor(run);
      return el("tr", { "data-flow": run.flow },
        el("td", {}, run.flow), el("td", {}, run.from), el("td", {}, run.to),
        el("td", {}, String(run.count)),
        el("td", {}, el("span", { class: "swatch", style: `background:${info ? info.color
          : "#c9ced6"}` }), `${info ? info.label : "unknown"} (${run.state})`),
        el("td", { class: "reason" }, run.reason),
        el("td", {}, ids.slice(0, 4).map((i, k) => [k ? ", " : "", evidenceLink(i)])));
    })));
}

async function load(from, to) {
  clear(chartBox);
  clear(periodsBox);
  const params = new URLSearchParams({ place });
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  let data;
  try {
    data = await api("/api/status?" + params);
  } catch (error) {
    summary.textContent = "";
    showError(summary, error);
    return;
  }
  const region = Array.isArray(data) && data[0] ? data[0].region : null;
  const days = daysOf(data);
  const name = region ? region.name : place;
  const option = [...form.elements.place.options].find((o) => o.value === place);
  if (region && option && option.textContent === place) {
    option.textContent = `${region.name} (${place})`;
  }
  document.querySelector("main h1").textContent = `Border status: ${name}`;
  if (!days.length) {
    summary.textContent = `${name}: no evidence about this border yet.`;
    return;
  }
  const last = days[days.length - 1];
  const text = (dim) => {
    const info = levelInfo(dim.level);
    return `${info ? info.label : "unknown"} (${dim.state})`;
  };
  summary.textContent = `${name}, ${days[0].date} to ${last.date}: on ${last.date} people `
    + `${text(last.people)}, cargo ${text(last.cargo)}.`;
  chartBox.append(statusChart(days));
  periodsBox.append(el("div", { class: "table-scroll", tabindex: "0", role: "region",
    "aria-label": "Periods" }, periodsTable(days)));
}

async function init() {
  document.getElementById("status-legend").append(levelLegend([{ color: "#c0392b80",
    label: "paler: stale (no fresh evidence)" }]));
  await fillRegions(form.elements.place);
  const params = new URLSearchParams(window.location.search);
  form.elements.from.value = params.get("from") || "";
  form.elements.to.value = params.get("to") || "";
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const query = new URLSearchParams();
    if (form.elements.from.value) query.set("from", form.elements.from.value);
    if (form.elements.to.value) query.set("to", form.elements.to.value);
    const target = statusHref(form.elements.place.value) + (query.size ? "?" + query : "");
    window.location.href = target;
  });
  await load(params.get("from"), params.get("to"));
  document.body.dataset.ready = "true";
}

init();
