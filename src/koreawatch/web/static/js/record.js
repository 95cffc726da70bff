// The event page (/events/{id}) and the incident page (/incidents/{id}): the article text
// with the evidence highlighted, the attribution graph, the time expression and its
// normalization, and each place with its gazetteer entry.

import { eventGraph, incidentGraph } from "./graph.js";
import {
  api, clear, el, eventHref, formatInterval, incidentHref, label, showError, statusHref,
} from "./common.js";

const box = document.getElementById("record");
const { kind, id } = document.body.dataset;

function section(title, ...children) {
  const slug = title.toLowerCase().replace(/[^a-z]+/g, "-");
  return el("section", { class: "panel", "aria-labelledby": `h-${slug}` },
    el("h2", { id: `h-${slug}` }, title), ...children);
}

function dl(pairs) {
  return el("dl", { class: "pairs" }, pairs.filter(([, v]) => v !== null && v !== undefined
    && v !== "").map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

// The text split into plain runs and <mark>s: the evidence, then other mentions.
export function highlighted(text, evidence, mentions = []) {
  const spans = [{ ...evidence, cls: "evidence" }];
  for (const m of mentions) {
    if (m.end <= evidence.start || m.start >= evidence.end) spans.push({ ...m, cls: "mention" });
  }
  spans.sort((a, b) => a.start - b.start);
  const out = el("div", { class: "article-text" });
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > text.length || span.start >= span.end) continue;
    out.append(text.slice(at, span.start));
    const attrs = { class: span.cls };
    if (span.cls === "evidence") {
      attrs.id = "evidence";
      attrs.tabindex = "-1";
    }
    out.append(el("mark", attrs, text.slice(span.start, span.end)));
    at = span.end;
  }
  out.append(text.slice(at));
  return out;
}

function badges(record) {
  return el("p", { class: "event-meta" },
    el("span", { class: `badge type-${record.type}` }, label(record.type)),
    el("span", { class: `badge modality modality-${record.modality}` }, record.modality),
    record.flow ? el("span", { class: "badge" }, `flow: ${record.flow}`) : null,
    el("time", {}, formatInterval(record.when)));
}

function timeSection(when, reason, durationDays) {
  const interval = when ? formatInterval(when) : "undated";
  return section("Time",
    dl([["Expression in the text", when && when.text ? `“${when.text}”` : "(none)"],
      ["Normalized interval", interval],
      ["Start", when && when.start], ["End", when && when.end],
      ["Precision", when && label(when.precision)],
      ["Duration", durationDays ? `${durationDays} days` : null],
      ["Why", (when && when.reason) || reason]]));
}

async function gazetteerEntry(placeId) {
  try {
    return await api("/api/places/" + placeId.split("/").map(encodeURIComponent).join("/"));
  } catch (_) {
    return null;
  }
}

async function placeCard(place) {
  const entry = await gazetteerEntry(place.place_id);
  const province = place.place_id.split("/")[0];
  const coords = place.lat !== null && place.lat !== undefined
    ? `${place.lat.toFixed(3)}, ${place.lon.toFixed(3)}` : null;
  return el("article", { class: "place", "data-place": place.place_id },
    el("h3", {}, place.name),
    dl([["In the text", place.text ? `“${place.text}”` : null], ["Gazetteer id", place.place_id],
      ["Level", label(place.level)], ["Coordinates (lat, lon)", coords],
      ["Parent", entry && entry.parent], ["Country", entry && entry.country],
      ["Other names", entry && entry.aliases && entry.aliases.slice(0, 8).join(", ")],
      ["Korean", entry && entry.korean && entry.korean.join(", ")]]),
    el("p", { class: "links" },
      el("a", { href: "/?place=" + encodeURIComponent(place.place_id) }, "Events here"),
      province.startsWith("KP-")
        ? el("a", { href: statusHref(province) }, "Border status") : null));
}

async function placesSection(where) {
  if (!where || !where.length) return section("Place", el("p", { class: "muted" }, "No place."));
  const cards = await Promise.all(where.map(placeCard));
  return section("Place", el("div", { class: "places-grid" }, cards));
}

function actorsList(actors) {
  if (!actors || !actors.length) return null;
  return dl(actors.map((a) => [label(a.role), a.name]));
}

async function loadArticle(articleId) {
  try {
    return await api("/api/articles/" + encodeURIComponent(articleId));
  } catch (error) {
    return { id: articleId, text: null, error };
  }
}

function articleSection(article, event) {
  const meta = [article.outlet, article.published, article.author && `by ${article.author}`]
    .filter(Boolean).join(" · ");
  const body = article.text
    ? highlighted(article.text, event.evidence, event.mentions || [])
    : el("blockquote", {}, el("mark", { class: "evidence", id: "evidence" },
      event.evidence.text));
  return section("Article",
    el("h3", {}, article.title || article.id),
    meta ? el("p", { class: "muted" }, meta) : null,
    el("p", {}, el("a", { href: "#evidence", class: "jump" }, "Jump to the evidence")),
    body,
    el("p", { class: "muted" }, `Evidence: characters ${event.evidence.start}–`
      + `${event.evidence.end} of the article text. Rule: ${event.reason}`));
}

async function showEvent() {
  const event = await api("/api/events/" + encodeURIComponent(id));
  const article = await loadArticle(event.article_id);
  document.title = `${event.summary} · Korea Watch`;
  const outlet = article.outlet || "the article itself";
  const parts = [
    el("h2", { class: "record-title" }, event.summary),
    badges(event),
    actorsList(event.actors),
    section("Attribution", eventGraph(event.sources || [], article.title || event.article_id,
      outlet), el("p", { class: "muted" }, event.sources && event.sources.length
      ? "Each arrow points to whom the one before relied on."
      : "The article asserts this itself, or only says “reportedly”.")),
    timeSection(event.when, null, event.duration_days),
    await placesSection(event.where),
    articleSection(article, event),
  ];
  clear(box).append(...parts.filter(Boolean));
}

function mentionItem(m) {
  return el("li", {},
    el("a", { href: eventHref(m.event_id) }, `${m.outlet || m.article_id}`),
    ` (${m.published || "undated"}, ${m.modality}): `,
    el("q", {}, m.evidence ? m.evidence.text : ""));
}

function relatedList(title, ids) {
  if (!ids || !ids.length) return null;
  return section(title, el("ul", {}, ids.map((i) => el("li", {},
    el("a", { href: incidentHref(i) }, i)))));
}

async function showIncident() {
  const incident = await api("/api/incidents/" + encodeURIComponent(id));
  document.title = `${incident.summary} · Korea Watch`;
  const parts = [
    el("h2", { class: "record-title" }, incident.summary),
    badges(incident),
    el("p", { class: "lead" }, incident.corroboration || ""),
    section("Attribution", incidentGraph(incident.mentions || [])),
    timeSection(incident.when, null, incident.duration_days),
    await placesSection(incident.where),
    section("Mentions", el("ol", { class: "mentions" }, (incident.mentions || [])
      .map(mentionItem))),
    relatedList("Contradicted by", incident.contradicted_by),
    relatedList("Contradicts", incident.contradicts),
  ];
  clear(box).append(...parts.filter(Boolean));
}

async function init() {
  try {
    await (kind === "incident" ? showIncident() : showEvent());
  } catch (error) {
    clear(box);
    showError(box, error);
  }
  document.body.dataset.ready = "true";
  if (window.location.hash === "#evidence") {
    const mark = document.getElementById("evidence");
    if (mark) mark.scrollIntoView();
  }
}

init();
