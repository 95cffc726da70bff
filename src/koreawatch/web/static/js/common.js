// Shared helpers for the Korea Watch pages: DOM building from nodes only, API calls,
// labels and formats. Every string from the API goes into the page as a text node.

export const SVG_NS = "http://www.w3.org/2000/svg";

export const EVENT_TYPES = [
  "border_closure", "border_reopening", "trade_suspension", "trade_resumption",
  "security_reinforcement", "crackdown", "arrest", "punishment", "illegal_crossing",
  "smuggling", "health_measure", "aid_delivery", "official_statement",
];
export const MODALITIES = ["asserted", "reported", "expected", "denied", "negated"];

export const LEVELS = [
  { level: 0, label: "open", color: "#3a9b5c" },
  { level: 1, label: "restricted", color: "#e3c04d" },
  { level: 2, label: "partly closed", color: "#e08a3c" },
  { level: 3, label: "closed", color: "#c0392b" },
];
export const UNKNOWN_COLOR = "#c9ced6";

// el("a", {href: "/x", class: "y"}, "text", child) -> element; attributes via setAttribute,
// strings become text nodes, null/false children are skipped.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export const TOKEN_KEY = "koreawatch-token";

// The API token kept for this tab (sessionStorage), or "".
export function savedToken() {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) || "";
  } catch (_) {
    return "";
  }
}

export class ApiError extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {};
    super(err.message || `request failed (${status})`);
    this.status = status;
    this.code = err.code || "http_" + status;
    this.details = err.details || [];
  }
}

// GET/POST JSON from the API; throws ApiError with the API's error message.
export async function api(path, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  const token = savedToken();
  if (token && !headers.Authorization) headers.Authorization = "Bearer " + token;
  const init = { method: options.method || "GET", headers };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

// The records of a list response: a page ({items}), {events}/{features} or a bare list.
export function itemsOf(data) {
  if (Array.isArray(data)) return data;
  if (!data) return [];
  return data.items || data.events || data.features || data.results || [];
}

// Read every page of a paged endpoint (up to `max` records).
export async function fetchAll(path, params = new URLSearchParams(), max = 2000) {
  const out = [];
  let offset = 0;
  const limit = 200;
  while (out.length < max) {
    const query = new URLSearchParams(params);
    query.set("limit", String(limit));
    query.set("offset", String(offset));
    const data = await api(`${path}?${query}`);
    const items = itemsOf(data);
    out.push(...items);
    const next = data && !Array.isArray(data) ? data.next_offset : null;
    if (next === null || next === undefined || items.length === 0) break;
    offset = next;
  }
  return out;
}

export function label(value) {
  return value ? String(value).replace(/_/g, " ") : "";
}

export function showError(container, error) {
  container.append(el("p", { class: "error", role: "alert" },
    error && error.message ? error.message : String(error)));
}

// "2021-02-01 – 2021-02-10", one date when both ends are the same, open ends as "…".
export function formatInterval(when) {
  if (!when) return "undated";
  const { start, end } = when;
  if (!start && !end) return "undated";
  if (start === end) return start;
  return `${start || "…"} – ${end || "…"}`;
}

export function eventHref(id) {
  return "/events/" + encodeURIComponent(id);
}

export function incidentHref(id) {
  return "/incidents/" + encodeURIComponent(id);
}

export function statusHref(placeId) {
  return "/status/" + placeId.split("/").map(encodeURIComponent).join("/");
}

export function levelInfo(level) {
  return LEVELS.find((l) => l.level === level) || null;
}

// The days of a status response: [{region, series}] (GET /api/status?place=), or
// {days}/{series}, or a bare list of days.
export function daysOf(data) {
  if (Array.isArray(data)) {
    if (data.length && data[0].region) return data[0].series || [];
    return data;
  }
  if (!data) return [];
  return data.days || data.series || data.items || [];
}

// The last day with a level for people or cargo, or null.
export function latestKnown(days) {
  for (let i = days.length - 1; i >= 0; i -= 1) {
    const d = days[i];
    if ((d.people && d.people.level !== null) || (d.cargo && d.cargo.level !== null)) return d;
  }
  return null;
}

export function worstLevel(day) {
  if (!day) return null;
  const levels = [day.people, day.cargo].map((d) => (d ? d.level : null))
    .filter((l) => l !== null && l !== undefined);
  return levels.length ? Math.max(...levels) : null;
}

// Gazetteer places from /api/places (GeoJSON features or plain records), by id.
export async function loadPlaces() {
  const data = await api("/api/places");
  const places = new Map();
  for (const item of itemsOf(data)) {
    const record = item.properties ? { ...item.properties } : { ...item };
    if (item.geometry && item.geometry.coordinates && record.lat === undefined) {
      [record.lon, record.lat] = item.geometry.coordinates;
    }
    if (!record.id && item.id) record.id = item.id;
    if (record.id) places.set(record.id, record);
  }
  return places;
}

export async function loadProvinces() {
  const response = await fetch("/static/map/provinces.geojson");
  if (!response.ok) throw new Error("the province map could not be loaded");
  return response.json();
}
