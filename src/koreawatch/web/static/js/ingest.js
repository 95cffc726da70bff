// The ingest page: POST /api/articles with a Bearer token (kept in sessionStorage), then poll
// GET /api/jobs/{id} until the job is done or failed, and link to what was extracted.

import { TOKEN_KEY, api, clear, el, eventHref, label, savedToken, showError } from "./common.js";

const form = document.getElementById("ingest-form");
const jobBox = document.getElementById("job");
const POLL_MS = 700;
const MAX_POLLS = 400;

function mode() {
  return form.elements.mode.value;
}

function showMode() {
  const text = mode() === "text";
  document.getElementById("url-field").hidden = text;
  document.getElementById("text-fields").hidden = !text;
}

function payload() {
  if (mode() === "url") return { url: form.elements.url.value.trim() };
  const body = { text: form.elements.text.value };
  for (const key of ["title", "published", "outlet"]) {
    const value = form.elements[key].value.trim();
    if (value) body[key] = value;
  }
  return body;
}

function validate(body) {
  if (!form.elements.token.value.trim()) return "Give your API token.";
  if (body.url !== undefined && !/^https?:\/\/\S+$/.test(body.url)) {
    return "Give an http(s) URL.";
  }
  if (body.text !== undefined && !body.text.trim()) return "Paste the article's text.";
  return null;
}

async function articleLinks(articleId) {
  try {
    const data = await api("/api/events?article=" + encodeURIComponent(articleId)
      + "&limit=100");
    const events = data.items || [];
    if (!events.length) return el("p", { class: "muted" }, "No events were found in it.");
    return el("ul", { class: "job-events" }, events.map((e) => el("li", {},
      el("a", { href: eventHref(e.id) }, e.summary), ` (${label(e.type)})`)));
  } catch (error) {
    return el("p", { class: "error" }, error.message);
  }
}

async function showJob(job) {
  clear(jobBox);
  jobBox.append(el("p", { class: `job-status job-${job.status}`, "data-status": job.status },
    `Job ${job.id}: ${job.status}`));
  if (job.status === "failed") {
    jobBox.append(el("p", { class: "error", role: "alert" }, job.error || "the job failed"));
  }
  if (job.status !== "done" || !job.result) return;
  const items = job.result.items || [];
  for (const item of items) {
    jobBox.append(el("p", {}, `${item.status}: ${item.source}`,
      item.reason ? ` — ${item.reason}` : ""));
    if (item.article_id) {
      jobBox.append(el("p", {}, "Article ",
        el("a", { href: "/?article=" + encodeURIComponent(item.article_id),
          class: "article-link" }, item.article_id),
        " · ", el("a", { href: "/api/articles/" + encodeURIComponent(item.article_id) },
          "JSON")));
      jobBox.append(await articleLinks(item.article_id));
    }
  }
}

async function poll(job) {
  let current = job;
  for (let i = 0; i < MAX_POLLS && !["done", "failed"].includes(current.status); i += 1) {
    await showJob(current);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = await api("/api/jobs/" + encodeURIComponent(current.id));
  }
  await showJob(current);
  return current;
}

async function submit(ev) {
  ev.preventDefault();
  const body = payload();
  clear(jobBox);
  const problem = validate(body);
  if (problem) {
    jobBox.append(el("p", { class: "error", role: "alert" }, problem));
    return;
  }
  const token = form.elements.token.value.trim();
  window.sessionStorage.setItem(TOKEN_KEY, token);
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const job = await api("/api/articles", { method: "POST", body,
      headers: { Authorization: "Bearer " + token } });
    await poll(job);
  } catch (error) {
    showError(jobBox, error);
  } finally {
    button.disabled = false;
  }
}

function init() {
  form.elements.token.value = savedToken();
  for (const radio of form.querySelectorAll("input[name=mode]")) {
    radio.addEventListener("change", showMode);
  }
  showMode();
  form.addEventListener("submit", submit);
  document.body.dataset.ready = "true";
}

init();
