// A run: pass@k tables and charts, the contest-date window, generation statistics, and the problems table paged on the server.
"use strict";

async function runPage(main, runId, params) {
  const start = params.get("start") || "", end = params.get("end") || "";
  const bundled = report && report.runs.find(r => r.summary.runId === runId);
  const windowQuery = new URLSearchParams({ start, end }).toString();
  const summary = bundled ? bundled.summary : await api(`/api/runs/${runId}/summary?${windowQuery}`);
  const ks = Object.keys(summary.overall.passAtK);
  const form = el("form", { class: "controls", "data-testid": "window", onsubmit: e => {
      e.preventDefault();
      location.hash = `#/run/${runId}?start=${form.start.value}&end=${form.end.value}`;
    } },
    el("label", {}, "contest dates from ", el("input", { type: "date", name: "start", value: start })),
    el("label", {}, " to ", el("input", { type: "date", name: "end", value: end })), el("button", {}, "recompute"));
  const groupRows = groups => groups.map(g => el("tr", { "data-group": g.group }, el("td", {}, g.group), el("td", { class: "num" }, g.problems),
    el("td", { class: "num" }, g.samples), ks.map(k => el("td", { class: "num", "data-k": k }, pct(g.passAtK[k])))));
  main.replaceChildren(
    el("h1", {}, summary.model),
    el("p", { class: "note" }, `${summary.runId} · ${summary.samplesPerProblem} samples per problem${summary.provisional ? " · provisional: problems with every sample graded only" : ""}`),
    report ? "" : form,
    el("p", { "data-testid": "headline" }, `pass@1 ${pct(summary.overall.passAtK["pass@1"])}% `, el("span", { class: "note" }, `95% interval ${interval(summary.interval.low, summary.interval.high)} (bootstrap over problems)`)),
    summary.published ? publishedLine(summary.published) : "",
    table(["", "problems", "samples", ...ks], groupRows([summary.overall, ...summary.byDifficulty]), { "data-testid": "scores" }),
    el("div", { class: "columns" }, ["difficulty", "platform", "month"].map(by => el("div", { class: "chart small" }, el("h2", {}, `by ${by}`), el("canvas", { "data-by": by })))),
    el("details", {}, el("summary", {}, "by platform and month"),
      table(["platform", "problems", "samples", ...ks], groupRows(summary.byPlatform)),
      table(["month", "problems", "samples", ...ks], groupRows(summary.byMonth))),
    el("h2", {}, "Generation"), el("div", { "data-testid": "generation" }, "Loading…"),
    el("h2", {}, "Problems"), el("div", { id: "problems" }));
  const breakdowns = { difficulty: summary.byDifficulty, platform: summary.byPlatform, month: summary.byMonth };
  main.querySelectorAll("canvas[data-by]").forEach(c => groupChart(c, breakdowns[c.dataset.by], ks));
  const generation = bundled ? bundled.generation : await api(`/api/runs/${runId}/generation`).catch(e => e);
  main.querySelector("[data-testid=generation]").replaceChildren(generation instanceof Error ? errorBox(generation) : generationTable(generation));
  problemsTable(document.getElementById("problems"), runId, bundled);
}

/** Measured vs published vs reference pass@1 (all percent already), and whether the measurement agrees. */
function publishedLine(p) {
  const points = `${p.difference >= 0 ? "+" : ""}${p.difference.toFixed(1)}`;
  return el("p", { "data-testid": "published", class: p.withinTolerance ? "agrees" : "disagrees" },
    `measured ${p.measured.toFixed(1)}% · published ${p.published.toFixed(1)}%`,
    p.reference === null || p.reference === undefined ? "" : ` · reference ${p.reference.toFixed(1)}%`,
    ` · ${points} points, ${p.withinTolerance ? "within" : "outside"} ±${p.tolerance.toFixed(1)}`);
}

function generationTable(g) {
  const issues = Object.entries(g.issues).map(([k, v]) => `${k}: ${v}`).join(", ") || "none";
  return table(["samples", "prompt tokens (mean)", "completion tokens (mean / max)", "model latency (mean / p95)", "no code extracted", "issues", "grading (mean)", "verdicts reused"],
    [el("tr", {}, el("td", { class: "num" }, g.samples), el("td", { class: "num" }, g.meanPromptTokens.toFixed(0)),
      el("td", { class: "num" }, `${g.meanCompletionTokens.toFixed(0)} / ${g.maxCompletionTokens}`),
      el("td", { class: "num" }, `${g.meanLatencyMs.toFixed(0)} / ${g.p95LatencyMs.toFixed(0)} ms`),
      el("td", { class: "num" }, g.noCodeExtracted), el("td", {}, issues), el("td", { class: "num" }, `${g.meanGradingMs.toFixed(0)} ms`), el("td", { class: "num" }, g.reusedVerdicts))]);
}

/** Sort by clicking a header, filter by id, difficulty, platform and outcome; each page is one request (a report pages its own rows). */
function problemsTable(box, runId, bundled) {
  const state = { offset: 0, limit: 50, sort: "problemId", desc: false, q: "", difficulty: "", platform: "", outcome: "" };
  const columns = [["problemId", "problem"], ["difficulty", "difficulty"], ["platform", "platform"], ["contestDate", "contest date"], ["passAt1", "pass@1 (%)"]];
  const filters = el("form", { class: "controls", oninput: () => { readFilters(); state.offset = 0; load(); }, onsubmit: e => e.preventDefault() },
    el("input", { name: "q", placeholder: "problem id", "data-testid": "problem-search" }),
    el("select", { name: "difficulty" }, ["", "easy", "medium", "hard"].map(d => el("option", { value: d }, d || "any difficulty"))),
    el("input", { name: "platform", placeholder: "platform" }),
    el("select", { name: "outcome" }, [["", "any outcome"], ["passed", "some sample passed"], ["failed", "no sample passed"]].map(([v, t]) => el("option", { value: v }, t))));
  const readFilters = () => { for (const name of ["q", "difficulty", "platform", "outcome"]) state[name] = filters[name].value.trim(); };
  const body = el("div");
  box.replaceChildren(filters, body);

  async function load() {
    const page = bundled ? localPage(bundled.problems, state) : await api(`/api/runs/${runId}/problems?${new URLSearchParams(
      Object.fromEntries(Object.entries(state).filter(([, v]) => v !== "")))}`).catch(e => e);
    if (page instanceof Error) { body.replaceChildren(errorBox(page)); return; }
    const headers = columns.map(([key, title]) => el("th", { class: "sortable", onclick: () => {
      state.desc = state.sort === key ? !state.desc : false; state.sort = key; load(); } }, title + (state.sort === key ? (state.desc ? " ▼" : " ▲") : "")));
    const rows = page.rows.map(r => el("tr", { "data-problem": r.problemId },
      el("td", {}, bundled ? r.problemId : el("a", { href: `#/run/${runId}/problem/${encodeURIComponent(r.problemId)}` }, r.problemId)),
      el("td", {}, r.difficulty), el("td", {}, r.platform), el("td", {}, r.contestDate.slice(0, 10)),
      el("td", { class: "num" }, `${pct(r.passAt1)} (${r.correct}/${r.samples})`)));
    const pager = el("p", { class: "pager" },
      el("button", { disabled: state.offset === 0 || null, onclick: () => { state.offset = Math.max(0, state.offset - state.limit); load(); } }, "previous"),
      ` ${page.total === 0 ? 0 : page.offset + 1}–${page.offset + page.rows.length} of ${page.total} `,
      el("button", { disabled: page.offset + page.rows.length >= page.total || null, onclick: () => { state.offset += state.limit; load(); } }, "next"));
    body.replaceChildren(el("table", { "data-testid": "problems" }, el("thead", {}, el("tr", {}, headers)), el("tbody", {}, rows)), pager);
  }
  load();
}

/** The same sort and filter as the API's, over a report's rows. */
function localPage(all, s) {
  const rows = all.filter(r => (!s.q || r.problemId.toLowerCase().includes(s.q.toLowerCase())) && (!s.difficulty || r.difficulty === s.difficulty)
    && (!s.platform || r.platform === s.platform) && (!s.outcome || (s.outcome === "passed") === (r.correct > 0)));
  const key = r => s.sort === "passAt1" ? r.passAt1 : r[s.sort];
  rows.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0) * (s.desc ? -1 : 1) || (x.problemId < y.problemId ? -1 : 1));
  return { total: rows.length, offset: s.offset, rows: rows.slice(s.offset, s.offset + s.limit) };
}
