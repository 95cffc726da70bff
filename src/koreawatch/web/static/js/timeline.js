// The timeline page: filters bound to the URL query string, a bar chart of events per month
// and the list of matching events (GET /api/events).

import { barChart, countByMonth } from "./charts.js";
import {
  EVENT_TYPES, MODALITIES, api, clear, el, eventHref, fetchAll, formatInterval, label,
  loadProvinces, showError,
} from "./common.js";

const FILTERS = ["type", "place", "from", "to", "modality", "source", "article"];

const form = document.getElementById("filters");
const summary = document.getElementById("summary");
const chartBox = document.getElementById("chart");
const list = document.getElementById("events");

function fillSelect(select, values, text = label) {
  for (const value of values) select.append(el("option", { value }, text(value)));
}

async function fillPlaces(select) {
  try {
    const map = await loadProvinces();
    const features = [...map.features]
      .sort((a, b) => a.properties.name.localeCompare(b.properties.name));
    for (const f of features) {
      select.append(el("option", { value: f.properties.id },
        `${f.properties.name} (${f.properties.id})`));
    }
  } catch (error) {
    showError(summary, error);
  }
}

// Make sure a place from the URL (a county, a crossing) is selectable.
async function ensurePlaceOption(select, value) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  let name = value;
  try {
    const place = await api("/api/places/" + value.split("/").map(encodeURIComponent).join("/"));
    name = (place && (place.name || (place.properties && place.properties.name))) || value;
  } catch (_) {
    // unknown to the API: keep the id as its label
  }
  select.append(el("option", { value }, name === value ? value : `${name} (${value})`));
}

function readQuery() {
  const params = new URLSearchParams(window.location.search);
  const out = {};
  for (const key of FILTERS) if (params.get(key)) out[key] = params.get(key);
  return out;
}

function writeForm(values) {
  for (const key of FILTERS) form.elements[key].value = values[key] || "";
}

function formValues() {
  const out = {};
  for (const key of FILTERS) {
    const value = form.elements[key].value.trim();
    if (value) out[key] = value;
  }
  return out;
}

function sourcesText(event) {
  return (event.sources || []).map((chain) => chain.join(" ← ")).join("; ");
}

function eventItem(event) {
  const places = (event.where || []).map((p) => p.name).join(", ");
  const sources = sourcesText(event);
  return el("li", { class: "event", "data-type": event.type, "data-id": event.id },
    el("div", { class: "event-meta" },
      el("time", {}, formatInterval(event.when)),
      el("span", { class: `badge type-${event.type}` }, label(event.type)),
      el("span", { class: `badge modality modality-${event.modality}` }, event.modality)),
    el("h3", {}, el("a", { href: eventHref(event.id) }, event.summary || label(event.type))),
    el("p", { class: "event-details" },
      places ? el("span", { class: "places" }, "Place: ", places) : null,
      sources ? el("span", { class: "sources" }, "Source: ", sources) : null,
      el("span", { class: "article" }, "Article: ", event.article_id)));
}

function byDate(a, b) {
  const da = (a.when && (a.when.start || a.when.end)) || "9999";
  const db = (b.when && (b.when.start || b.when.end)) || "9999";
  return da.localeCompare(db) || a.id.localeCompare(b.id);
}

function describe(values, count) {
  const parts = [];
  if (values.type) parts.push(`type ${label(values.type)}`);
  if (values.place) {
    const option = [...form.elements.place.options].find((o) => o.value === values.place);
    parts.push(`in ${option ? option.textContent : values.place}`);
  }
  if (values.from) parts.push(`from ${values.from}`);
  if (values.to) parts.push(`to ${values.to}`);
  if (values.modality) parts.push(`modality ${values.modality}`);
  if (values.source) parts.push(`source “${values.source}”`);
  if (values.article) parts.push(`article ${values.article}`);
  const noun = count === 1 ? "event" : "events";
  return `${count} ${noun}${parts.length ? " — " + parts.join(", ") : ""}`;
}

function selectMonth(month) {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const values = { ...formValues(), from: `${month}-01`, to: `${month}-${last}` };
  writeForm(values);
  apply(values, true);
}

async function load(values) {
  document.body.dataset.loading = "true";
  clear(list);
  clear(chartBox);
  summary.textContent = "Loading events…";
  const params = new URLSearchParams(values);
  let events;
  try {
    events = await fetchAll("/api/events", params);
  } catch (error) {
    summary.textContent = "";
    showError(summary, error);
    document.body.dataset.loading = "false";
    return;
  }
  events.sort(byDate);
  summary.textContent = describe(values, events.length);
  const rows = countByMonth(events);
  chartBox.append(rows.length ? barChart(rows, selectMonth)
    : el("p", { class: "muted" }, "No dated events to chart."));
  if (!events.length) list.append(el("li", { class: "muted" }, "No events match these filters."));
  for (const event of events) list.append(eventItem(event));
  document.body.dataset.loading = "false";
}

function apply(values, push) {
  const query = new URLSearchParams(values).toString();
  const url = window.location.pathname + (query ? "?" + query : "");
  if (push) window.history.pushState(values, "", url);
  return load(values);
}

async function init() {
  fillSelect(form.elements.type, EVENT_TYPES);
  fillSelect(form.elements.modality, MODALITIES, (v) => v);
  await fillPlaces(form.elements.place);
  const values = readQuery();
  await ensurePlaceOption(form.elements.place, values.place);
  writeForm(values);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    apply(formValues(), true);
  });
  form.addEventListener("reset", () => {
    form.elements.article.value = "";
    setTimeout(() => apply({}, true), 0);
  });
  for (const key of ["type", "place", "modality"]) {
    form.elements[key].addEventListener("change", () => apply(formValues(), true));
  }
  window.addEventListener("popstate", () => {
    const current = readQuery();
    writeForm(current);
    load(current);
  });
  await load(values);
  document.body.dataset.ready = "true";
}

init();
