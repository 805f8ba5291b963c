// The live dashboard: runs, a start form, and charts fed by the run's server-sent events.
"use strict";

const state = {
  key: localStorage.getItem("gridactors.apiKey") ?? "",
  readsNeedKey: false,
  selected: null,
  source: null,
  steps: [],       // [{ step, time, regions: { id: snapshot } }]
  regions: [],
  redrawQueued: false,
};

const $ = selector => document.querySelector(selector);

async function api(path, options = {}) {
  const headers = { ...(options.headers ?? {}) };
  const mutating = options.method && options.method !== "GET";
  if (state.key && (mutating || state.readsNeedKey)) { headers["X-Api-Key"] = state.key; }
  let response = await fetch(path, { ...options, headers });
  if (response.status === 401 && !mutating && state.key && !state.readsNeedKey) {
    state.readsNeedKey = true;
    return api(path, options);
  }
  return response;
}

// A problem-details answer as one readable message: the detail, or each located error on its own line.
async function problemText(response) {
  try {
    const problem = await response.json();
    if (Array.isArray(problem.errors) && problem.errors.length > 0) { return problem.errors.map(e => e.text).join("\n"); }
    return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
  } catch { return `HTTP ${response.status}`; }
}

async function loadScenarios() {
  const response = await api("/api/scenarios");
  if (!response.ok) { return; }
  const select = $("#scenario");
  const previous = select.value;
  select.innerHTML = "";
  for (const scenario of await response.json()) {
    const option = new Option(scenario.name, scenario.name);
    option.title = scenario.description ?? "";
    select.add(option);
  }
  const names = [...select.options].map(o => o.value);
  select.value = names.includes(previous) ? previous : names.includes("china-provinces-week") ? "china-provinces-week" : names[0];
}

async function refreshRuns() {
  const response = await api("/api/runs");
  if (!response.ok) { return; }
  const runs = await response.json();
  // A run started elsewhere (curl, another tab) shows its charts without a click: the newest active one.
  if (!state.selected) {
    const active = runs.filter(r => ["starting", "running", "paused"].includes(r.status));
    if (active.length > 0) { selectRun(active[active.length - 1].id, active[active.length - 1]); }
  }
  const body = $("#runs tbody");
  body.innerHTML = "";
  $("#no-runs").hidden = runs.length > 0;
  for (const run of runs.slice().reverse()) {
    const row = body.insertRow();
    row.dataset.run = run.id;
    row.className = run.id === state.selected ? "selected" : "";
    row.insertCell().textContent = run.id;
    row.insertCell().textContent = run.scenario;
    row.insertCell().textContent = run.mode;
    row.insertCell().textContent = run.status + (run.error ? `: ${run.error}` : "");
    const progress = row.insertCell();
    // The selected run counts the steps the panel has drawn, so the table and the panel never disagree.
    const done = run.id === state.selected ? Math.max(run.steps_done, state.steps.length) : run.steps_done;
    progress.innerHTML = `<span class="progress"><i style="width:${(100 * done / Math.max(1, run.total_steps)).toFixed(1)}%"></i></span> ${done}/${run.total_steps}`;
    row.insertCell().textContent = `${run.steps_per_second.toFixed(1)} steps/s`;
    const actions = row.insertCell();
    const active = ["starting", "running", "paused"].includes(run.status);
    if (active) {
      actions.append(control(run.id, run.status === "paused" ? "resume" : "pause"), " ", control(run.id, "cancel"));
    }
    row.addEventListener("click", () => selectRun(run.id, run));
  }
}

function control(id, action) {
  const button = document.createElement("button");
  button.className = "secondary";
  button.textContent = action;
  button.addEventListener("click", async event => {
    event.stopPropagation();
    const response = await api(`/api/runs/${id}/${action}`, { method: "POST" });
    if (!response.ok) { $("#start-error").textContent = await problemText(response); }
    refreshRuns();
  });
  return button;
}

async function startRun(event) {
  event.preventDefault();
  $("#start-error").textContent = "";
  if (!state.key) { $("#start-error").textContent = "Enter the API key first (the server logs it when none is configured)."; return; }
  const pace = Number($("#pace").value);
  const body = { scenario: $("#scenario").value, mode: $("#mode").value, window_steps: Number($("#window-steps").value), pace: pace > 0 ? pace : null };
  const response = await api("/api/runs", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) { $("#start-error").textContent = await problemText(response); return; }
  const run = await response.json();
  await refreshRuns();
  selectRun(run.id, run);
}

// Each run has its own address, #run=ID, so a run can be linked to and survives a reload.
function selectRun(id, run) {
  if (state.selected === id) { return; }
  state.source?.close();
  Object.assign(state, { selected: id, steps: [], regions: [] });
  history.replaceState(null, "", `#run=${encodeURIComponent(id)}`);
  if (run?.currency) { $("#price-caption").textContent = `Price (${run.currency}/MWh)`; }
  $("#live-panel").hidden = false;
  $("#live-run").textContent = id;
  $("#region").innerHTML = '<option value="">all regions</option>';
  const query = state.readsNeedKey ? `?api_key=${encodeURIComponent(state.key)}` : "";
  const source = new EventSource(`/api/runs/${id}/events${query}`);
  state.source = source;
  source.addEventListener("window", message => receive(JSON.parse(message.data)));
  source.addEventListener("status", message => { $("#live-status").textContent = JSON.parse(message.data).status; });
  source.addEventListener("end", message => {
    const end = JSON.parse(message.data);
    $("#live-status").textContent = end.status + (end.error ? `: ${end.error}` : "");
    source.close();
    refreshRuns();
  });
  document.querySelectorAll("#runs tbody tr").forEach(r => r.classList.toggle("selected", r.dataset.run === id));
}

function receive(batch) {
  for (const step of batch.steps) {
    const regions = {};
    for (const region of step.regions) { regions[region.region] = region; }
    state.steps.push({ step: step.step, time: step.time, regions });
  }
  if (state.regions.length === 0 && batch.steps.length > 0) {
    state.regions = batch.steps[0].regions.map(r => r.region);
    for (const region of state.regions) { $("#region").add(new Option(region, region)); }
  }
  $("#live-time").textContent = `step ${batch.steps_done} of ${batch.total_steps} · ${batch.steps[batch.steps.length - 1].time.slice(0, 16).replace("T", " ")}`;
  if (!state.redrawQueued) {
    state.redrawQueued = true;
    requestAnimationFrame(redraw);
  }
}

function redraw() {
  state.redrawQueued = false;
  const chosen = $("#region").value;
  const regions = chosen ? [chosen] : state.regions;
  const labels = state.steps.map(s => s.time.slice(5, 16).replace("T", " "));
  const perRegion = pick => regions.map(region => ({ name: region, values: state.steps.map(s => pick(s.regions[region])) }));
  const summed = pick => [{ name: chosen || "all regions", values: state.steps.map(s => regions.reduce((sum, r) => sum + pick(s.regions[r]), 0)) }];

  Charts.draw($("#price-chart"), labels, perRegion(r => r.price_per_mwh));
  const carriers = state.steps.length > 0 && regions.length > 0 ? Object.keys(state.steps[0].regions[regions[0]].generation_mw) : [];
  const mix = carriers.map(carrier => ({ name: carrier, values: state.steps.map(s => regions.reduce((sum, r) => sum + s.regions[r].generation_mw[carrier], 0)) }))
    .filter(series => series.values.some(v => v > 0));
  Charts.draw($("#generation-chart"), labels, mix, { stacked: true });
  // What the region consumes (imports at their origins' factors), not what it generates: an exporter of coal power is not its own consumer.
  Charts.draw($("#carbon-chart"), labels, perRegion(r => r.average_factor_g_per_kwh));
  Charts.draw($("#storage-chart"), labels, chosen ? perRegion(r => r.storage_energy_mwh) : summed(r => r.storage_energy_mwh));
  const campuses = regions.filter(region => state.steps.some(s => s.regions[region].datacenter_it_mw > 0));
  // A scenario without campuses has no data-center chart rather than an empty axis.
  $("#datacenter-figure").hidden = campuses.length === 0;
  if (campuses.length > 0) {
    Charts.draw($("#datacenter-chart"), labels, campuses.map(region => ({ name: region, values: state.steps.map(s => s.regions[region].datacenter_it_mw) })));
  }
}

$("#api-key").value = state.key;
$("#api-key").addEventListener("change", event => {
  state.key = event.target.value.trim();
  localStorage.setItem("gridactors.apiKey", state.key);
  loadScenarios();
  refreshRuns();
});
$("#start-form").addEventListener("submit", startRun);
$("#region").addEventListener("change", redraw);
window.addEventListener("resize", redraw);

loadScenarios();
const linked = new URLSearchParams(location.hash.slice(1)).get("run");
if (linked) {
  api(`/api/runs/${encodeURIComponent(linked)}`).then(async response => { if (response.ok) { selectRun(linked, await response.json()); } });
}
refreshRuns();
setInterval(refreshRuns, 1500);

// For tests and the curious: how much the page has received.
window.gridactors = { stepsReceived: () => state.steps.length, selectedRun: () => state.selected };
