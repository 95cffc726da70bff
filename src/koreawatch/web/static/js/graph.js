// The attribution chain as a small SVG graph: article → outlet → first source → … → origin.
// Layered left to right; one row per chain, shared nodes drawn once.

import { el, svg } from "./common.js";

const BOX_W = 150;
const BOX_H = 40;
const GAP_X = 46;
const GAP_Y = 18;

function wrap(text, max = 19) {
  const words = String(text).split(/\s+/);
  const lines = [""];
  for (const word of words) {
    const line = lines[lines.length - 1];
    if (line && (line + " " + word).length > max) lines.push(word);
    else lines[lines.length - 1] = line ? line + " " + word : word;
  }
  if (lines.length > 2) lines.splice(2, lines.length - 2, lines[1] + "…");
  return lines.map((l) => (l.length > max + 2 ? l.slice(0, max) + "…" : l));
}

// paths: [[outlet, first source, ..., origin], ...] -> {nodes, edges}, laid out in columns.
export function layout(paths, rootLabel, rootKind) {
  const nodes = new Map();
  const edges = [];
  const add = (id, label, kind, column) => {
    if (!nodes.has(id)) nodes.set(id, { id, label, kind, column, row: 0 });
    return id;
  };
  const root = add("root", rootLabel, rootKind, 0);
  for (const path of paths) {
    let prev = root;
    path.forEach((name, i) => {
      const id = add(`${i}:${name}`, name, i === 0 ? "outlet" : "source", i + 1);
      if (!edges.some((e) => e.from === prev && e.to === id)) edges.push({ from: prev, to: id });
      prev = id;
    });
  }
  const perColumn = new Map();
  for (const node of nodes.values()) {
    node.row = perColumn.get(node.column) || 0;
    perColumn.set(node.column, node.row + 1);
  }
  return { nodes: [...nodes.values()], edges };
}

// The graph of an event: article → outlet → each attribution chain.
export function eventGraph(chains, article, outlet) {
  const paths = chains.length ? chains.map((c) => [outlet, ...c]) : [[outlet]];
  const names = chains.length ? chains.map((c) => [outlet, ...c].join(" ← ")).join("; ")
    : `${outlet} (no source named)`;
  return drawGraph(layout(paths, article, "article"),
    `Attribution: article “${article}”, reported by ${names}`);
}

// The graph of an incident: incident → each mention's outlet → its chains.
export function incidentGraph(mentions) {
  const paths = [];
  for (const m of mentions) {
    const outlet = m.outlet || m.article_id;
    const chains = m.sources && m.sources.length ? m.sources : [[]];
    for (const chain of chains) paths.push([outlet, ...chain]);
  }
  const text = paths.map((p) => p.join(" ← ")).join("; ");
  return drawGraph(layout(paths, "this incident", "article"), `Attribution: ${text}`);
}

function drawGraph({ nodes, edges }, description) {
  const columns = Math.max(...nodes.map((n) => n.column)) + 1;
  const rows = Math.max(...nodes.map((n) => n.row)) + 1;
  const width = columns * BOX_W + (columns - 1) * GAP_X + 8;
  const height = rows * BOX_H + (rows - 1) * GAP_Y + 8;
  const pos = (n) => ({ x: 4 + n.column * (BOX_W + GAP_X), y: 4 + n.row * (BOX_H + GAP_Y) });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, class: "graph", role: "img",
    width, height,
    "aria-label": description,
  });
  root.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10",
    refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" },
  svg("path", { d: "M0,0L10,5L0,10z", class: "arrowhead" }))));
  for (const edge of edges) {
    const a = pos(byId.get(edge.from));
    const b = pos(byId.get(edge.to));
    root.append(svg("line", { x1: a.x + BOX_W, y1: a.y + BOX_H / 2, x2: b.x - 2,
      y2: b.y + BOX_H / 2, class: "edge", "marker-end": "url(#arrow)" }));
  }
  for (const node of nodes) {
    const { x, y } = pos(node);
    const lines = wrap(node.label);
    const group = svg("g", { class: `node node-${node.kind}` },
      svg("title", {}, `${node.kind}: ${node.label}`),
      svg("rect", { x, y, width: BOX_W, height: BOX_H, rx: 6 }));
    lines.forEach((line, i) => {
      group.append(svg("text", { x: x + BOX_W / 2, "text-anchor": "middle",
        y: y + BOX_H / 2 + 4 + (i - (lines.length - 1) / 2) * 14 }, line));
    });
    root.append(group);
  }
  // Wide graphs scroll sideways on a phone instead of shrinking to unreadable text.
  return el("div", { class: "graph-scroll", tabindex: "0", role: "region",
    "aria-label": "Attribution graph" }, root);
}
