// Charts drawn by Chart.js (bundled at build time, served by the API, inlined into reports).
"use strict";

const palette = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2"];

/** pass@1 per checkpoint with its 95% interval as a band; regressions as red triangles; a click opens the run. */
function checkpointChart(canvas, points, byDifficulty) {
  const labels = points.map(p => p.step);
  const datasets = [
    { label: "pass@1 (%)", data: points.map(p => 100 * p.overall.passAt1), borderColor: palette[0], backgroundColor: palette[0],
      pointStyle: points.map(p => p.regression ? "triangle" : "circle"),
      pointRadius: points.map(p => p.regression ? 9 : 4),
      pointBackgroundColor: points.map(p => p.regression ? "#dc2626" : palette[0]) },
    { label: "95% low", data: points.map(p => 100 * p.overall.low), borderColor: "rgba(37,99,235,0.25)", pointRadius: 0, fill: false, borderDash: [4, 4] },
    { label: "95% high", data: points.map(p => 100 * p.overall.high), borderColor: "rgba(37,99,235,0.25)", backgroundColor: "rgba(37,99,235,0.1)", pointRadius: 0, fill: "-1", borderDash: [4, 4] },
  ];
  if (byDifficulty) {
    const groups = [...new Set(points.flatMap(p => Object.keys(p.byDifficulty)))];
    groups.forEach((group, i) => datasets.push({
      label: group, data: points.map(p => p.byDifficulty[group] === undefined ? null : 100 * p.byDifficulty[group]),
      borderColor: palette[(i + 2) % palette.length], pointRadius: 3 }));
  }
  return new Chart(canvas, {
    type: "line",
    data: { labels, datasets },
    options: {
      animation: false,
      scales: { y: { title: { display: true, text: "pass@1 (%)" }, min: 0 }, x: { title: { display: true, text: "step" } } },
      plugins: { tooltip: { callbacks: { afterTitle: items => {
        const p = points[items[0].dataIndex];
        return `${p.model}${p.regression ? " — regression" : ""}\n${p.runId}`;
      } } } },
      onClick: (_, elements) => { if (elements.length) location.hash = `#/run/${points[elements[0].index].runId}`; },
    },
  });
}

/** pass@k per group (difficulty, platform or month) as grouped bars. */
function groupChart(canvas, groups, ks) {
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: groups.map(g => g.group),
      datasets: ks.filter(k => groups.some(g => g.passAtK[k] !== undefined)).map((k, i) => ({
        label: k, data: groups.map(g => g.passAtK[k] === undefined ? null : 100 * g.passAtK[k]), backgroundColor: palette[i % palette.length] })),
    },
    options: { animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: "%" } } } },
  });
}
