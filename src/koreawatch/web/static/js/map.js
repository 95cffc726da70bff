// The map page: the 13 province-level units drawn as SVG paths from the bundled GeoJSON
// (equirectangular projection scaled by cos(latitude)), shaded by current border status
// (GET /api/status), with event markers grouped per place (GET /api/events). Choosing a
// province opens the timeline filtered to it.

import { levelLegend } from "./charts.js";
import {
  UNKNOWN_COLOR, api, clear, el, fetchAll, levelInfo,
  loadProvinces, showError, statusHref, svg, worstLevel,
} from "./common.js";

// Province-level units on a land border (China, Russia, South Korea).
export const BORDER_UNITS = ["KP-03", "KP-04", "KP-10", "KP-09", "KP-13", "KP-05", "KP-06",
  "KP-07", "KP-15"];
const PROVINCE_IDS = Object.fromEntries(BORDER_UNITS.map((id) => [id, true]));
const NO_BORDER_COLOR = "#eef0f3";
const WIDTH = 600;

const mapBox = document.getElementById("map");
const legendBox = document.getElementById("legend");
const statusLine = document.getElementById("map-status");
const tableBody = document.querySelector("#provinces tbody");

function bounds(features) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    for (const poly of f.geometry.coordinates) {
      for (const [x, y] of poly[0]) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
  }
  return { minX, minY, maxX, maxY };
}

// lon/lat -> SVG x/y: x scaled by cos(mid latitude) so shapes keep their proportions.
export function makeProjection(box, width) {
  const k = Math.cos(((box.minY + box.maxY) / 2) * Math.PI / 180);
  const scale = width / ((box.maxX - box.minX) * k);
  const height = (box.maxY - box.minY) * scale;
  const project = ([lon, lat]) => [(lon - box.minX) * k * scale, (box.maxY - lat) * scale];
  return { project, height };
}

function pathData(geometry, project) {
  const parts = [];
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      const pts = ring.map((p) => project(p).map((v) => v.toFixed(1)).join(","));
      parts.push("M" + pts.join("L") + "Z");
    }
  }
  return parts.join("");
}

function goToTimeline(id) {
  window.location.href = "/?place=" + encodeURIComponent(id);
}

function statusText(id, statuses) {
  if (!BORDER_UNITS.includes(id)) return "no land border";
  const day = statuses.get(id);
  const info = levelInfo(worstLevel(day));
  if (!info) return "unknown";
  const flows = ["people", "cargo"].map((flow) => {
    const dim = day[flow];
    const i = dim ? levelInfo(dim.level) : null;
    return `${flow} ${i ? i.label : "unknown"}`;
  });
  return `${info.label} (${flows.join(", ")}; as of ${day.date})`;
}

function fillFor(id, statuses) {
  if (!BORDER_UNITS.includes(id)) return NO_BORDER_COLOR;
  const info = levelInfo(worstLevel(statuses.get(id)));
  return info ? info.color : UNKNOWN_COLOR;
}

function provincePath(feature, project, statuses, counts) {
  const { id, name } = feature.properties;
  const n = counts.get(id) || 0;
  const status = statusText(id, statuses);
  const path = svg("path", {
    d: pathData(feature.geometry, project), class: "province", fill: fillFor(id, statuses),
    tabindex: "0", role: "link", "data-id": id,
    "aria-label": `${name}: ${n} event${n === 1 ? "" : "s"}; border status ${status}. `
      + "Open its timeline.",
  }, svg("title", {}, `${name} — ${n} events — ${status}`));
  path.addEventListener("click", () => goToTimeline(id));
  path.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); goToTimeline(id); }
  });
  return path;
}

// Events grouped per place with coordinates: {id, name, lat, lon, count}.
export function groupByPlace(events) {
  const groups = new Map();
  for (const event of events) {
    for (const place of event.where || []) {
      if (place.lat === null || place.lat === undefined) continue;
      const group = groups.get(place.place_id)
        || { id: place.place_id, name: place.name, lat: place.lat, lon: place.lon, count: 0 };
      group.count += 1;
      groups.set(place.place_id, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

// Events per province-level unit (a county counts for its province: "KP-09/hoeryong").
function countByProvince(events) {
  const counts = new Map();
  for (const event of events) {
    const ids = new Set((event.where || []).map((p) => p.place_id.split("/")[0]));
    for (const id of ids) counts.set(id, (counts.get(id) || 0) + 1);
  }
  return counts;
}

function markers(groups, project, box) {
  const layer = svg("g", { class: "markers" });
  for (const g of groups) {
    if (g.lon < box.minX || g.lon > box.maxX || g.lat < box.minY || g.lat > box.maxY) continue;
    const [x, y] = project([g.lon, g.lat]);
    const r = 4 + 3 * Math.sqrt(g.count);
    const link = svg("a", { href: "/?place=" + encodeURIComponent(g.id), class: "marker",
      "aria-label": `${g.name}: ${g.count} event${g.count === 1 ? "" : "s"}` },
    svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }),
    svg("title", {}, `${g.name}: ${g.count} event${g.count === 1 ? "" : "s"}`));
    if (g.count > 1) {
      link.append(svg("text", { x: x.toFixed(1), y: (y + 4).toFixed(1),
        "text-anchor": "middle" }, String(g.count)));
    }
    layer.append(link);
  }
  return layer;
}

function drawMap(map, statuses, events) {
  const box = bounds(map.features);
  const { project, height } = makeProjection(box, WIDTH);
  const counts = countByProvince(events);
  const root = svg("svg", { viewBox: `-4 -4 ${WIDTH + 8} ${(height + 8).toFixed(0)}`,
    class: "map-svg", role: "group", "aria-label": "Map of North Korea's provinces" });
  const layer = svg("g", { class: "provinces" });
  const ordered = [...map.features].sort((a, b) => a.properties.name
    .localeCompare(b.properties.name));
  for (const f of ordered) layer.append(provincePath(f, project, statuses, counts));
  root.append(layer, markers(groupByPlace(events), project, box));
  clear(mapBox).append(root);
  mapBox.setAttribute("aria-busy", "false");
  fillTable(ordered, statuses, counts);
}

function fillTable(features, statuses, counts) {
  clear(tableBody);
  for (const f of features) {
    const { id, name } = f.properties;
    const border = BORDER_UNITS.includes(id);
    tableBody.append(el("tr", { "data-id": id },
      el("th", { scope: "row" }, el("span", { class: "swatch",
        style: `background:${fillFor(id, statuses)}` }),
      el("a", { href: "/?place=" + encodeURIComponent(id) }, name)),
      el("td", {}, String(counts.get(id) || 0)),
      el("td", {}, border ? el("a", { href: statusHref(id) }, statusText(id, statuses))
        : statusText(id, statuses))));
  }
}

// Latest known day per province-level unit from GET /api/status (every region's latest day;
// a unit on two borders, Rason, shows the more closed of them; crossings are left out).
async function loadStatuses() {
  const statuses = new Map();
  let failed = 0;
  try {
    const regions = await api("/api/status");
    for (const item of regions) {
      const region = item.region || {};
      const id = region.province || region.id;
      if (!PROVINCE_IDS[id] || region.kind === "crossing" || !item.latest) continue;
      const before = statuses.get(id);
      if (!before || (worstLevel(item.latest) ?? -1) > (worstLevel(before) ?? -1)) {
        statuses.set(id, item.latest);
      }
    }
  } catch (_) {
    failed = BORDER_UNITS.length;
  }
  return { statuses, failed };
}

async function init() {
  legendBox.append(levelLegend([{ color: NO_BORDER_COLOR, label: "no land border" }]));
  let map;
  try {
    map = await loadProvinces();
  } catch (error) {
    showError(mapBox, error);
    return;
  }
  const [{ statuses, failed }, events] = await Promise.all([
    loadStatuses(),
    fetchAll("/api/events").catch((error) => { showError(statusLine, error); return []; }),
  ]);
  drawMap(map, statuses, events);
  statusLine.textContent = `${events.length} events; border status of ${statuses.size} of `
    + `${BORDER_UNITS.length} border units known${failed ? ` (${failed} unavailable)` : ""}.`;
  document.body.dataset.ready = "true";
}

init();
