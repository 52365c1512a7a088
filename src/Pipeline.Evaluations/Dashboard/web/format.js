// Shared helpers: where data comes from (the API, or the data written into a report) and how numbers read.
"use strict";

const report = window.PIPELINE_REPORT || null;

/** GET a JSON endpoint; a 4xx/5xx becomes an Error carrying the API's one-line reason. */
async function api(path) {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error || body.title || `${response.status} ${response.statusText}`);
  }
  return body;
}

function pct(value) {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : (100 * value).toFixed(1);
}

function interval(low, high) {
  return Number.isNaN(low) || low === null ? "–" : `[${pct(low)}, ${pct(high)}]`;
}

function when(text) {
  return text ? new Date(text).toISOString().replace("T", " ").slice(0, 19) : "–";
}

function duration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "–";
  const m = Math.floor(seconds / 60), s = Math.round(seconds % 60);
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** Builds an element: el("td", { class: "num" }, "12.5"). Children are text or elements; text is never parsed as HTML. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function table(headers, rows, attributes) {
  return el("table", attributes, el("thead", {}, el("tr", {}, headers.map(h => el("th", {}, h)))), el("tbody", {}, rows));
}

function errorBox(error) {
  return el("p", { class: "error", "data-testid": "error" }, String(error.message || error));
}
