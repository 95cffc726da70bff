// SVG charts drawn by our own code: counts per month (timeline) and the day-by-day border
// status strips for people and cargo (status page). Both scale with their container.

import { LEVELS, UNKNOWN_COLOR, el, levelInfo, svg } from "./common.js";

// "YYYY-MM" of an event: the start of its interval, else its end.
export function monthOf(event) {
  const when = event.when || {};
  const day = when.start || when.end;
  return day ? day.slice(0, 7) : null;
}

function monthRange(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

// Counts of events per month, every month between the first and the last present.
export function countByMonth(events) {
  const counts = new Map();
  for (const e of events) {
    const month = monthOf(e);
    if (month) counts.set(month, (counts.get(month) || 0) + 1);
  }
  if (!counts.size) return [];
  const keys = [...counts.keys()].sort();
  return monthRange(keys[0], keys[keys.length - 1])
    .map((month) => ({ month, count: counts.get(month) || 0 }));
}

// Bar chart of {month, count}; onSelect(month) when a bar is activated.
export function barChart(rows, onSelect) {
  const width = 720;
  const height = 200;
  const pad = { top: 12, right: 8, bottom: 34, left: 32 };
  const max = Math.max(1, ...rows.map((r) => r.count));
  const inner = width - pad.left - pad.right;
  const step = inner / Math.max(rows.length, 1);
  const barWidth = Math.max(2, step * 0.8);
  const y = (v) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
    "aria-label": `Events per month, ${rows.length} months, at most ${max} in a month`,
  });
  for (const tick of [0, Math.ceil(max / 2), max]) {
    chart.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick),
      class: "grid" }));
    chart.append(svg("text", { x: pad.left - 6, y: y(tick) + 4, class: "axis",
      "text-anchor": "end" }, String(tick)));
  }
  const every = Math.ceil(rows.length / 12);
  rows.forEach((row, i) => {
    const x = pad.left + i * step + (step - barWidth) / 2;
    const bar = svg("rect", {
      x, y: y(row.count), width: barWidth, height: Math.max(0, y(0) - y(row.count)),
      class: "bar", "data-month": row.month,
    }, svg("title", {}, `${row.month}: ${row.count} event${row.count === 1 ? "" : "s"}`));
    if (onSelect && row.count) {
      bar.setAttribute("tabindex", "0");
      bar.setAttribute("role", "button");
      bar.setAttribute("aria-label", `${row.month}: ${row.count} events; show this month`);
      bar.addEventListener("click", () => onSelect(row.month));
      bar.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onSelect(row.month); }
      });
    }
    chart.append(bar);
    if (i % every === 0) {
      chart.append(svg("text", { x: x + barWidth / 2, y: height - pad.bottom + 16,
        class: "axis", "text-anchor": "middle" }, row.month));
    }
  });
  return chart;
}

function dayColor(dim) {
  const info = dim ? levelInfo(dim.level) : null;
  return info ? info.color : UNKNOWN_COLOR;
}

// Runs of consecutive days with the same level and state for one flow.
export function runsOf(days, flow) {
  const runs = [];
  for (const day of days) {
    const dim = day[flow] || { level: null, state: "unknown" };
    const last = runs[runs.length - 1];
    if (last && last.level === dim.level && last.state === dim.state) {
      last.to = day.date;
      last.count += 1;
    } else {
      runs.push({ from: day.date, to: day.date, level: dim.level, state: dim.state,
        reason: dim.reason || "", count: 1 });
    }
  }
  return runs;
}

function stripRow(chart, runs, total, rowY, geometry) {
  const { left, inner, rowHeight } = geometry;
  let offset = 0;
  for (const run of runs) {
    const x = left + (offset / total) * inner;
    const w = Math.max(0.5, (run.count / total) * inner);
    const info = levelInfo(run.level);
    const text = `${run.from}${run.to !== run.from ? " – " + run.to : ""}: `
      + `${info ? info.label : "unknown"} (${run.state})`;
    chart.append(svg("rect", {
      x, y: rowY, width: w, height: rowHeight, fill: dayColor(run),
      "fill-opacity": run.state === "stale" ? 0.45 : 1, class: "day-run",
      "data-level": run.level === null ? "none" : run.level,
    }, svg("title", {}, text)));
    offset += run.count;
  }
}

// The status chart: a strip per flow (people, cargo), one column per day.
export function statusChart(days) {
  const width = 720;
  const rowHeight = 34;
  const geometry = { left: 64, inner: width - 64 - 8, rowHeight };
  const height = 2 * rowHeight + 3 * 12 + 24;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, class: "chart status-chart", role: "img",
    "aria-label": `Border status for people and cargo, ${days.length} days from `
      + `${days[0].date} to ${days[days.length - 1].date}`,
  });
  ["people", "cargo"].forEach((flow, i) => {
    const rowY = 12 + i * (rowHeight + 12);
    chart.append(svg("text", { x: 56, y: rowY + rowHeight / 2 + 5, "text-anchor": "end",
      class: "axis" }, flow));
    stripRow(chart, runsOf(days, flow), days.length, rowY, geometry);
  });
  const axisY = 12 + 2 * (rowHeight + 12) + 4;
  const months = days.map((d, i) => [d.date, i]).filter(([d]) => d.endsWith("-01"));
  const every = Math.ceil(months.length / 8) || 1;
  months.forEach(([date, i], k) => {
    const x = geometry.left + (i / days.length) * geometry.inner;
    chart.append(svg("line", { x1: x, x2: x, y1: 8, y2: axisY, class: "grid" }));
    if (k % every === 0) {
      chart.append(svg("text", { x, y: axisY + 12, class: "axis", "text-anchor": "middle" },
        date.slice(0, 7)));
    }
  });
  return chart;
}

export function levelLegend(extra = []) {
  const items = LEVELS.map((l) => ({ color: l.color, label: l.label }))
    .concat([{ color: UNKNOWN_COLOR, label: "unknown / no evidence" }], extra);
  return el("ul", { class: "legend", "aria-label": "Legend" },
    items.map((item) => el("li", {},
      el("span", { class: "swatch", style: `background:${item.color}` }), item.label)));
}
