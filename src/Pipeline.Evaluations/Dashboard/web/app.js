// The router: the part of the address after # names the page, so every view has a link that can be shared.
"use strict";

async function route() {
  closeStreams();
  const main = document.getElementById("main");
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "run" && parts[2] === "problem") await problemPage(main, parts[1], parts[3]);
    else if (parts[0] === "run") await runPage(main, parts[1], params);
    else if (parts[0] === "compare") await comparePage(main, params);
    else if (parts[0] === "pair") await pairPage(main, parts[1], parts[2], parts[3]);
    else await homePage(main, params);
  } catch (error) {
    main.replaceChildren(errorBox(error), el("p", {}, el("a", { href: "#/" }, "back to the runs")));
  }
}

if (report) {
  document.getElementById("mode").textContent = `report written ${when(report.createdAt)} · offline`;
  // A single-run report opens on its run.
  if (!location.hash && report.runs.length === 1) location.hash = `#/run/${report.runs[0].summary.runId}`;
}
window.addEventListener("hashchange", route);
route();
