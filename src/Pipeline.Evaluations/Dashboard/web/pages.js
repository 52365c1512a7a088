// The home page (checkpoints chart, runs with live progress), a problem's samples, and two runs compared.
"use strict";

window.dashboardCharts = {};
const liveStreams = [];

function closeStreams() {
  while (liveStreams.length) liveStreams.pop().close();
}

async function homePage(main, params) {
  const pattern = params.get("pattern") || "ckpt-(\\d+)";
  const byDifficulty = params.get("difficulty") === "1";
  const form = el("form", { class: "controls", onsubmit: e => {
      e.preventDefault();
      location.hash = `#/?pattern=${encodeURIComponent(form.pattern.value)}&difficulty=${form.difficulty.checked ? 1 : 0}`;
    } },
    el("label", {}, "model pattern ", el("input", { name: "pattern", value: pattern, size: 24 })),
    el("label", {}, el("input", { type: "checkbox", name: "difficulty", checked: byDifficulty || null }), " by difficulty"),
    el("button", {}, "show"));
  const chartBox = el("div", { class: "chart" });
  main.replaceChildren(el("h1", {}, "Checkpoints"), report ? "" : form, chartBox, el("h1", {}, "Runs"), el("div", { id: "runs" }, "Loading…"));
  const points = report ? report.checkpoints : await api(`/api/checkpoints?pattern=${encodeURIComponent(pattern)}`).catch(e => e);
  if (points instanceof Error) chartBox.append(errorBox(points));
  else if (points.length === 0) chartBox.append(el("p", {}, `No completed run has a model matching ${pattern}.`));
  else {
    const canvas = el("canvas", { "data-testid": "checkpoints-chart", "data-points": points.length });
    chartBox.append(canvas);
    window.dashboardCharts.checkpoints = checkpointChart(canvas, points, byDifficulty);
    const regressions = points.filter(p => p.regression);
    chartBox.append(el("p", { class: "note" }, regressions.length
      ? `Regression (significantly below the best earlier checkpoint): ${regressions.map(p => p.model).join(", ")}`
      : "No checkpoint is significantly below the best one before it."));
  }
  const runs = report ? report.runs.map(r => r.status) : await api("/evaluations").catch(e => e);
  document.getElementById("runs").replaceChildren(runs instanceof Error ? errorBox(runs) : runsTable(runs));
}

function runsTable(runs) {
  const rows = runs.map(run => {
    const progress = el("td", { class: "num", "data-testid": "progress" });
    const speed = el("td", { class: "num", "data-testid": "speed" });
    const state = el("td", { "data-testid": "state" }, run.state);
    const show = status => {
      state.textContent = status.state;
      // The list leaves counts to the live stream; a completed run has every sample graded.
      const graded = status.state === "completed" && !status.samplesGraded ? status.totalSamples : status.samplesGraded;
      progress.textContent = status.totalSamples ? `${graded} / ${status.totalSamples}` : "–";
    };
    show(run);
    speed.textContent = "–";
    if (run.state === "running" && !report) follow(run, show, speed);
    const scenario = run.scenario || (run.request && run.request.scenario) || "";
    return el("tr", { "data-run": run.runId },
      el("td", {}, run.state === "queued" ? run.model : el("a", { href: `#/run/${run.runId}` }, run.model)),
      el("td", {}, scenario), state, progress, speed,
      el("td", { class: "num" }, pct(run.report ? run.report.overall.passAtK["pass@1"] : run.provisionalPassAt1)),
      el("td", {}, when(run.startedAt || run.requestedAt)),
      el("td", {}, el("a", { href: `#/compare?a=${run.runId}` }, "compare")));
  });
  return table(["model", "scenario", "state", "samples graded", "samples/s · ETA", "pass@1 (%)", "started", ""], rows, { "data-testid": "runs" });
}

/** Follows a running run's server-sent events: progress, samples per second since the page opened, and the time left at that rate. */
function follow(run, show, speed) {
  const source = new EventSource(`/evaluations/${run.runId}/events`);
  liveStreams.push(source);
  let first = null;
  source.addEventListener("status", event => {
    const status = JSON.parse(event.data);
    show(status);
    const now = performance.now() / 1000;
    if (first === null) first = { at: now, graded: status.samplesGraded };
    const rate = (status.samplesGraded - first.graded) / Math.max(now - first.at, 1e-9);
    if (rate > 0) speed.textContent = `${rate.toFixed(1)} · ${duration((status.totalSamples - status.samplesGraded) / rate)}`;
    if (status.state === "completed") source.close();
  });
}

async function problemPage(main, runId, problemId) {
  main.replaceChildren(el("p", {}, "Loading…"));
  const detail = await api(`/api/runs/${runId}/problems/${encodeURIComponent(problemId)}`);
  main.replaceChildren(
    el("p", {}, el("a", { href: `#/run/${runId}` }, "← run")),
    el("h1", {}, `${problemId}${detail.title ? " — " + detail.title : ""}`),
    el("p", {}, `${detail.problem.difficulty} · ${detail.problem.platform} · ${detail.problem.correct} of ${detail.problem.samples} samples passed`),
    el("details", {}, el("summary", {}, "prompt"), el("pre", { "data-testid": "prompt" }, promptText(detail.prompt))),
    el("div", { class: "samples" }, detail.samples.map(sampleView)));
}

function promptText(prompt) {
  if (!prompt) return "The problem is no longer in the problem store; its samples are below.";
  return prompt.messages && prompt.messages.length ? prompt.messages.map(m => `[${m.role}]\n${m.content}`).join("\n\n") : prompt.text;
}

const verdictNames = { "1": "pass", "0": "fail", "-1": "timeout (whole sample)", "-2": "wrong answer", "-3": "time limit", "-4": "runtime/compile error" };

function sampleView(sample) {
  const metadata = JSON.parse(sample.metadataJson || "{}");
  const failure = ["error", "error_code", "error_message", "inputs", "expected", "output"].filter(k => metadata[k] !== undefined)
    .map(k => el("tr", {}, el("th", {}, k), el("td", {}, el("pre", {}, typeof metadata[k] === "string" ? metadata[k] : JSON.stringify(metadata[k])))));
  return el("section", { class: `sample ${sample.passed ? "passed" : "failed"}`, "data-testid": "sample" },
    el("h2", {}, `sample ${sample.sampleIndex}: ${sample.passed ? "passed" : "failed"}`),
    el("p", { class: "verdicts", "data-testid": "verdicts" }, sample.results.map((r, i) =>
      el("span", { class: r === 1 ? "ok" : "bad", title: `test ${i}: ${verdictNames[r] || r}` }, r === 1 ? "✓" : "✗"))),
    el("p", { class: "note" }, `${sample.completionTokens} completion tokens · ${Math.round(sample.latencyMs)} ms model · ${Math.round(sample.gradingMs)} ms grading${sample.reused ? " (verdict reused)" : ""}${sample.generationIssue ? " · issue: " + sample.generationIssue : ""}`),
    failure.length ? el("table", { class: "failure", "data-testid": "failure" }, failure) : "",
    el("details", {}, el("summary", {}, "extracted code"), el("pre", {}, sample.code || "(none extracted)")),
    el("details", {}, el("summary", {}, "raw answer"), el("pre", {}, sample.rawOutput || "(empty)")));
}

async function comparePage(main, params) {
  const a = params.get("a") || "", b = params.get("b") || "";
  const form = el("form", { class: "controls", onsubmit: e => {
      e.preventDefault();
      location.hash = `#/compare?a=${form.a.value.trim()}&b=${form.b.value.trim()}`;
    } },
    el("label", {}, "run A ", el("input", { name: "a", value: a, size: 38 })),
    el("label", {}, "run B ", el("input", { name: "b", value: b, size: 38 })), el("button", {}, "compare"));
  main.replaceChildren(el("h1", {}, "Compare two runs"), form);
  if (!a || !b) return;
  const view = await api(`/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  const rows = view.rows.map(r => el("tr", {}, el("td", {}, r.group), el("td", { class: "num" }, r.problems), el("td", { class: "num" }, pct(r.passAt1A)),
    el("td", { class: "num" }, pct(r.passAt1B)), el("td", { class: "num" }, pct(r.difference)), el("td", {}, interval(r.low, r.high))));
  const list = (title, ids, testId) => el("div", {}, el("h2", {}, `${title} (${ids.length})`),
    el("ul", { "data-testid": testId }, ids.map(id => el("li", {}, el("a", { href: `#/pair/${view.runA}/${view.runB}/${encodeURIComponent(id)}` }, id)))));
  main.append(
    table(["", "problems", `A ${view.modelA}`, `B ${view.modelB}`, "B − A", "95% interval (paired bootstrap)"], rows, { "data-testid": "comparison" }),
    el("p", { class: "note" }, "pass@1 (%) on problems both runs completed. A problem is solved when any of its samples passed."),
    el("div", { class: "columns" }, list("Solved by B only", view.flipped.gained, "gained"), list("Solved by A only", view.flipped.lost, "lost")));
}

async function pairPage(main, runA, runB, problemId) {
  const [a, b] = await Promise.all([api(`/api/runs/${runA}/problems/${encodeURIComponent(problemId)}`), api(`/api/runs/${runB}/problems/${encodeURIComponent(problemId)}`)]);
  main.replaceChildren(el("p", {}, el("a", { href: `#/compare?a=${runA}&b=${runB}` }, "← comparison")), el("h1", {}, problemId),
    el("div", { class: "columns" },
      el("div", {}, el("h2", {}, "A"), a.samples.slice(0, 1).map(sampleView)),
      el("div", {}, el("h2", {}, "B"), b.samples.slice(0, 1).map(sampleView))));
}
