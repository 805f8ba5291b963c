// report.html: draws a GridActors result folder (window.REPORT_DATA, written by ReportPage) with Apache ECharts.
// Every chart is registered in window.reportCharts by its element id, so browser tests can read what it shows.
(function () {
  "use strict";
  const data = window.REPORT_DATA;
  const main = document.getElementById("report");
  window.reportCharts = {};

  // Carriers in fixed colours (a planner reads coal as grey everywhere); anything else from the region palette.
  const carrierColours = {
    coal: "#4a4a4a", gas: "#f08c2e", oil: "#8c564b", nuclear: "#9467bd", hydro: "#1f77b4", run_of_river: "#74b9e8",
    biomass: "#2ca02c", wind: "#17becf", solar: "#f2c12e", other: "#b0b0b0",
  };

  // Distinguishable colours for up to 31 regions and beyond: hues a golden angle apart, three lightness bands.
  function palette(n) {
    const colours = [];
    for (let i = 0; i < n; i++) {
      const hue = Math.round((i * 137.508) % 360);
      const lightness = [42, 58, 32][i % 3];
      colours.push(`hsl(${hue}, 70%, ${lightness}%)`);
    }
    return colours;
  }

  // ECharts shows a formatter's string as HTML: anything from the result folder (ids, names) goes in as text.
  const asText = (v) => String(v).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  const number = (v, digits = 0) => Number(v).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

  function element(tag, attributes = {}, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function section(parent, title, note) {
    const s = element("section");
    s.appendChild(element("h2", {}, title));
    if (note) s.appendChild(element("p", { class: "note" }, note));
    parent.appendChild(s);
    return s;
  }

  function chart(parent, id, option, tall) {
    const div = element("div", { id, class: tall ? "chart tall" : "chart" });
    parent.appendChild(div);
    const instance = echarts.init(div, null, { renderer: "canvas" });
    instance.setOption(Object.assign({ animation: false, grid: { left: 70, right: 30, top: 40, bottom: 60 } }, option));
    window.reportCharts[id] = instance;
    window.addEventListener("resize", () => instance.resize());
    return instance;
  }

  function table(parent, headers, rows, id) {
    const t = element("table", id ? { id } : {});
    const head = element("tr");
    headers.forEach((h) => head.appendChild(element("th", {}, h)));
    t.appendChild(head);
    rows.forEach((row) => {
      const tr = element("tr");
      row.forEach((cell) => {
        const td = element("td", cell.class ? { class: cell.class } : {}, cell.text ?? cell);
        if (cell.value !== undefined) td.dataset.value = cell.value;
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    parent.appendChild(t);
    return t;
  }

  const timeAxis = (result) => ({ type: "category", data: result.times.map((t) => t.slice(0, 16).replace("T", " ")) });
  const zoom = [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }];

  function sum(arrays) {
    const total = new Array(arrays[0].length).fill(0);
    arrays.forEach((a) => a.forEach((v, i) => (total[i] += v)));
    return total;
  }

  // ---- headline figures -------------------------------------------------------------------------------------
  function headline(parent, result, prefix) {
    const s = result.summary;
    const renewable = Object.values(s.regions).reduce((a, r) => a + r.generation_mwh * r.renewable_share_percent / 100, 0);
    const generation = Object.values(s.regions).reduce((a, r) => a + r.generation_mwh, 0);
    const cards = [
      ["total_cost", "total cost", s.total_cost, `${number(s.total_cost)} ${s.currency}`],
      ["emissions_t", "emissions", s.emissions_t, `${number(s.emissions_t)} t CO2`],
      ["curtailment_percent", "renewable curtailment", s.curtailment_percent, `${number(s.curtailment_percent, 2)} %`],
      ["renewable_share", "renewable share of generation", generation > 0 ? 100 * renewable / generation : 0, `${number(generation > 0 ? 100 * renewable / generation : 0, 1)} %`],
      ["unserved_mwh", "unserved energy", s.unserved_mwh, `${number(s.unserved_mwh, 1)} MWh`],
      ["load_shed_mwh", "load shed", s.load_shed_mwh, `${number(s.load_shed_mwh, 1)} MWh`],
      ["work_moved_mwh", "compute work moved", s.datacenters.work_moved_mwh, `${number(s.datacenters.work_moved_mwh)} MWh`],
    ];
    if (s.windows.length > 0) {
      const rounds = s.windows.reduce((a, w) => a + w.rounds, 0);
      cards.push(["negotiation_rounds", "negotiation rounds (windows converged)", rounds,
        `${rounds} (${s.windows.filter((w) => w.converged).length} of ${s.windows.length})`]);
    }
    const grid = element("div", { class: "cards" });
    cards.forEach(([key, label, value, text]) => {
      const card = element("div", { class: "card", "data-key": (prefix || "") + key, "data-value": value });
      card.appendChild(element("div", { class: "label" }, label));
      card.appendChild(element("div", { class: "value" }, text));
      grid.appendChild(card);
    });
    parent.appendChild(grid);
  }

  // ---- generation stacks ------------------------------------------------------------------------------------
  function stackOption(result, series, load, title) {
    const carriers = result.regions.carriers.filter((c) => series[c + "_mw"].some((v) => v > 0));
    return {
      title: { text: title, textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis" },
      legend: { top: 0, right: 0 },
      xAxis: timeAxis(result),
      yAxis: { type: "value", name: "MW" },
      dataZoom: zoom,
      series: carriers.map((c) => ({
        name: c, type: "line", stack: "generation", areaStyle: {}, symbol: "none", lineStyle: { width: 0 },
        color: carrierColours[c] || "#888", data: series[c + "_mw"],
      })).concat([{ name: "load", type: "line", symbol: "none", color: "#000", lineStyle: { width: 1.5 }, data: load }]),
    };
  }

  function nationalSeries(result) {
    const regions = Object.values(result.regions.series);
    const total = {};
    Object.keys(regions[0]).forEach((k) => (total[k] = sum(regions.map((r) => r[k]))));
    return total;
  }

  function generation(parent, result, prefix) {
    const s = section(parent, "Generation by carrier", `Mean MW per ${result.bucket_hours} h.`);
    const national = nationalSeries(result);
    chart(s, prefix + "generation-national", stackOption(result, national, national.load_mw, "All regions"));
    const select = element("select", { id: prefix + "generation-region-select" });
    Object.keys(result.regions.series).forEach((r) => select.appendChild(element("option", { value: r }, r)));
    s.appendChild(select);
    const first = Object.keys(result.regions.series)[0];
    const regional = chart(s, prefix + "generation-region", stackOption(result, result.regions.series[first], result.regions.series[first].load_mw, first));
    select.addEventListener("change", () => {
      const r = result.regions.series[select.value];
      regional.setOption(stackOption(result, r, r.load_mw, select.value), { replaceMerge: ["series"] });
    });
  }

  // ---- prices: region × time heat map -----------------------------------------------------------------------
  function prices(parent, result, prefix) {
    const s = section(parent, "Prices", `Mean price per region and ${result.bucket_hours} h, ${result.summary.currency}/MWh.`);
    const regions = Object.keys(result.regions.series);
    const cells = [];
    let low = Infinity, high = -Infinity;
    regions.forEach((r, y) => result.regions.series[r].price_per_mwh.forEach((p, x) => {
      cells.push([x, y, p]);
      low = Math.min(low, p);
      high = Math.max(high, p);
    }));
    chart(s, prefix + "price-heatmap", {
      tooltip: { position: "top", formatter: (p) => `${asText(regions[p.value[1]])} ${asText(result.times[p.value[0]].slice(0, 16))}: ${number(p.value[2], 1)}` },
      grid: { left: 70, right: 30, top: 20, bottom: 110 },
      xAxis: Object.assign(timeAxis(result), { splitArea: { show: false } }),
      yAxis: { type: "category", data: regions },
      visualMap: { min: low, max: high === low ? low + 1 : high, calculable: true, orient: "horizontal", left: "center", bottom: 0, inRange: { color: ["#2c7bb6", "#ffffbf", "#d7191c"] } },
      dataZoom: [{ type: "inside", xAxisIndex: 0 }],
      series: [{ type: "heatmap", data: cells, progressive: 0 }],
    }, regions.length > 12);
  }

  // ---- map of regions and link flows ------------------------------------------------------------------------
  function map(parent, result, prefix) {
    const s = section(parent, "Regions and link flows",
      "Regions at their coordinates (a circle when the scenario gives none); line width is the mean power a link carried, the arrow its mean direction.");
    const ids = Object.keys(result.summary.regions);
    const colours = palette(ids.length);
    const placed = ids.map((id, i) => {
      const r = result.summary.regions[id];
      if (r.longitude !== undefined) return [r.longitude, r.latitude];
      const angle = (2 * Math.PI * i) / ids.length;
      return [Math.cos(angle) * 10, Math.sin(angle) * 10];
    });
    const at = Object.fromEntries(ids.map((id, i) => [id, placed[i]]));
    const widest = Math.max(1, ...result.links.map((l) => l.mean_abs_mw));
    const lines = result.links.filter((l) => l.mean_abs_mw > 0).map((l) => ({
      name: l.id,
      coords: l.mean_net_mw >= 0 ? [at[l.from], at[l.to]] : [at[l.to], at[l.from]],
      value: l.mean_abs_mw,
      lineStyle: { width: 1 + 9 * l.mean_abs_mw / widest },
    }));
    chart(s, prefix + "map", {
      tooltip: { formatter: (p) => p.seriesType === "lines" ? `${asText(p.name)}: mean ${number(p.value)} MW` : `${asText(p.name)}: ${number(p.value[2])} GWh load` },
      xAxis: { type: "value", scale: true, name: "longitude" },
      yAxis: { type: "value", scale: true, name: "latitude" },
      series: [
        { type: "lines", coordinateSystem: "cartesian2d", data: lines, symbol: ["none", "arrow"], symbolSize: 8, lineStyle: { color: "#607d8b", opacity: 0.7 } },
        {
          type: "scatter", symbolSize: (v) => 8 + 22 * Math.sqrt(v[2] / Math.max(...ids.map((id) => result.summary.regions[id].load_mwh / 1000))),
          data: ids.map((id, i) => ({ name: id, value: [...placed[i], result.summary.regions[id].load_mwh / 1000], itemStyle: { color: colours[i] } })),
          label: { show: true, formatter: (p) => p.name, position: "right", fontSize: 10 },
        },
      ],
    }, true);
  }

  // ---- storage and curtailment ------------------------------------------------------------------------------
  function regionLines(parent, result, prefix, id, title, note, key, unit) {
    const regions = Object.keys(result.regions.series).filter((r) => result.regions.series[r][key].some((v) => v > 0));
    if (regions.length === 0) return;
    const s = section(parent, title, note);
    const colours = palette(Object.keys(result.regions.series).length);
    const all = Object.keys(result.regions.series);
    chart(s, prefix + id, {
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      xAxis: timeAxis(result),
      yAxis: { type: "value", name: unit },
      dataZoom: zoom,
      series: regions.map((r) => ({ name: r, type: "line", symbol: "none", color: colours[all.indexOf(r)], data: result.regions.series[r][key] })),
    });
  }

  function curtailment(parent, result, prefix) {
    const s = section(parent, "Renewable curtailment by region", "Energy curtailed over the run, and its share of what the region's wind, solar and run-of-river could produce.");
    const ids = Object.keys(result.summary.regions);
    chart(s, prefix + "curtailment", {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", data: ids, axisLabel: { rotate: ids.length > 12 ? 60 : 0 } },
      yAxis: [{ type: "value", name: "GWh" }, { type: "value", name: "%", max: 100 }],
      series: [
        { name: "curtailed GWh", type: "bar", color: "#17becf", data: ids.map((id) => result.summary.regions[id].curtailed_mwh / 1000) },
        { name: "curtailment %", type: "line", yAxisIndex: 1, color: "#c62828", data: ids.map((id) => result.summary.regions[id].curtailment_percent) },
      ],
    });
  }

  // ---- compute work moved -----------------------------------------------------------------------------------
  function compute(parent, result, prefix) {
    if (result.campuses.length === 0) return;
    const s = section(parent, "Compute work moved between campuses", "IT power each campus ran for work that arrived at another campus (East-Data-West-Compute), MW.");
    const colours = palette(result.campuses.length);
    chart(s, prefix + "compute", {
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      xAxis: timeAxis(result),
      yAxis: { type: "value", name: "MW IT" },
      dataZoom: zoom,
      series: result.campuses.map((c, i) => ({ name: `${c.id} (${c.region})`, type: "line", stack: "work", areaStyle: {}, symbol: "none", color: colours[i], data: c.received_it_mw })),
    });
  }

  // ---- enterprises, sectors, rankings -----------------------------------------------------------------------
  function enterprises(parent, result, prefix) {
    const list = Object.entries(result.summary.enterprises);
    const s = section(parent, "Enterprises and their carbon-efficiency grades (碳效码)",
      list.length === 0 ? "No asset names an owner, so there are no enterprises to account." :
        "Scope 1 and Scope 2 (location-based, market-based, marginal) per enterprise. Graded: Scope 1 + location-based Scope 2 less what its own renewables displace. Level: low, medium or high carbon per 10k of value added across all industry; grade 1 is the best carbon efficiency against its sector, 5 the worst (docs/carbon.md).");
    if (list.length === 0) return;
    list.sort((a, b) => b[1].graded_carbon_t - a[1].graded_carbon_t);
    table(s, ["enterprise", "sector", "consumption MWh", "bill", "scope 1 t", "scope 2 location t", "scope 2 market t", "scope 2 marginal t",
      "graded t", "t per 10k value added", "level", "efficiency value", "grade", "neutrality %"],
    list.map(([id, e]) => [
      { text: e.name, class: "text" }, { text: e.sector, class: "text" }, { text: number(e.consumption_mwh), value: e.consumption_mwh },
      { text: number(e.energy_bill), value: e.energy_bill }, { text: number(e.scope1_t), value: e.scope1_t },
      { text: number(e.scope2_location_t), value: e.scope2_location_t }, { text: number(e.scope2_market_t), value: e.scope2_market_t },
      { text: number(e.scope2_marginal_t), value: e.scope2_marginal_t },
      { text: number(e.graded_carbon_t), value: e.graded_carbon_t },
      e.intensity_t_per_10k === null ? "-" : { text: number(e.intensity_t_per_10k, 3), value: e.intensity_t_per_10k },
      e.carbon_level === null ? "-" : { text: e.carbon_level, class: `text level-${e.carbon_level}` },
      e.efficiency_value === null ? "-" : { text: number(e.efficiency_value, 2), value: e.efficiency_value },
      e.grade === null ? { text: "-", class: "grade" } : { text: String(e.grade), class: `grade grade-${e.grade}`, value: e.grade },
      { text: number(100 * e.neutrality_rate, 1), value: e.neutrality_rate },
    ]), prefix + "enterprise-table");
  }

  function sectorsAndRankings(parent, result, prefix) {
    const s = section(parent, "Sectors and regions", "Sectors: every load of the sector and every campus, owned or not. Regions ranked best first.");
    const sectors = Object.entries(result.summary.sectors);
    const side = element("div", { class: "side" });
    s.appendChild(side);
    const left = element("div");
    side.appendChild(left);
    table(left, ["sector", "enterprises", "consumption GWh", "scope 2 location t", "scope 2 marginal t", "g/kWh"],
      sectors.map(([id, v]) => [{ text: id, class: "text" }, String(v.enterprises), { text: number(v.consumption_mwh / 1000, 1), value: v.consumption_mwh },
        { text: number(v.scope2_location_t), value: v.scope2_location_t }, { text: number(v.scope2_marginal_t), value: v.scope2_marginal_t },
        number(v.consumption_mwh > 0 ? 1000 * v.scope2_location_t / v.consumption_mwh : 0)]), prefix + "sector-table");
    const right = element("div");
    side.appendChild(right);
    const rankings = result.summary.region_rankings;
    const names = Object.keys(rankings);
    const count = rankings[names[0]].length;
    const rows = [];
    for (let i = 0; i < count; i++) rows.push([String(i + 1), ...names.map((n) => `${rankings[n][i].region} (${number(rankings[n][i].value, 1)})`)]);
    table(right, ["rank", "g/kWh consumed", "renewable %", "curtailed %", "price"], rows, prefix + "ranking-table");
    const ids = Object.keys(result.summary.regions);
    chart(s, prefix + "region-factors", {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", data: ids, axisLabel: { rotate: ids.length > 12 ? 60 : 0 } },
      yAxis: { type: "value", name: "g/kWh" },
      series: [
        { name: "average (consumed)", type: "bar", color: "#607d8b", data: ids.map((id) => result.summary.regions[id].average_factor_g_per_kwh) },
        { name: "marginal", type: "bar", color: "#c62828", data: ids.map((id) => result.summary.regions[id].marginal_factor_g_per_kwh) },
      ],
    });
  }

  // ---- negotiation ------------------------------------------------------------------------------------------
  function negotiation(parent, result, prefix) {
    const windows = result.summary.windows;
    if (windows.length === 0) return;
    const s = section(parent, "Negotiation", "Rounds per window and the proven bound on each window's distance to its optimum (relative gap).");
    chart(s, prefix + "negotiation", {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", name: "first step", data: windows.map((w) => String(w.first_step)) },
      yAxis: [{ type: "value", name: "rounds" }, { type: "log", name: "relative gap", min: 1e-8 }],
      series: [
        { name: "rounds", type: "bar", color: "#1f77b4", data: windows.map((w) => w.rounds) },
        { name: "relative gap", type: "line", yAxisIndex: 1, color: "#c62828", data: windows.map((w) => Math.max(w.relative_gap, 1e-8)) },
      ],
    });
  }

  function result(parent, r, prefix) {
    const s = section(parent, "Headline");
    headline(s, r, prefix);
    generation(parent, r, prefix);
    prices(parent, r, prefix);
    map(parent, r, prefix);
    regionLines(parent, r, prefix, "storage", "Stored energy by region", `Energy held in each region's stores, mean per ${r.bucket_hours} h.`, "storage_energy_mwh", "MWh");
    curtailment(parent, r, prefix);
    compute(parent, r, prefix);
    enterprises(parent, r, prefix);
    sectorsAndRankings(parent, r, prefix);
    negotiation(parent, r, prefix);
  }

  // ---- a comparison: negotiated against optimal ----------------------------------------------------------------
  function comparison(parent) {
    // The reference is the whole-horizon optimum when it was solved, else the rolling optimum of the same windows.
    const n = data.negotiated.summary, whole = data.optimal && data.optimal.summary, rolling = data.rolling && data.rolling.summary;
    const o = whole || rolling, reference = whole ? "optimal" : "rolling optimum";
    const gaps = [];
    if (data.compare.rolling_cost_gap !== null && data.compare.rolling_cost_gap !== undefined) gaps.push(`Negotiation costs ${number(100 * data.compare.rolling_cost_gap, 4)} % over the rolling optimum of the same windows.`);
    if (data.compare.cost_gap !== null && data.compare.cost_gap !== undefined) gaps.push(`Cost gap to the whole-horizon optimum: ${number(100 * data.compare.cost_gap, 4)} %.`);
    const s = section(parent, `Negotiated against ${reference}`, gaps.join(" "));
    const measures = [
      ["total cost", (x) => x.total_cost], ["emissions t", (x) => x.emissions_t],
      ["curtailment %", (x) => x.curtailment_percent], ["unserved MWh", (x) => x.unserved_mwh],
      ["compute work moved MWh", (x) => x.datacenters.work_moved_mwh],
    ];
    const optima = [rolling && ["rolling optimum", rolling], whole && ["optimal", whole]].filter(Boolean);
    table(s, ["measure", "negotiated", ...optima.map(([name]) => name), `difference to ${reference}`], measures.map(([m, f]) => [
      { text: m, class: "text" }, { text: number(f(n), 2), value: f(n) },
      ...optima.map(([, x]) => ({ text: number(f(x), 2), value: f(x) })), number(f(n) - f(o), 2)]), "compare-table");
    const ids = Object.keys(n.regions);
    chart(s, "compare-prices", {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", data: ids, axisLabel: { rotate: ids.length > 12 ? 60 : 0 } },
      yAxis: { type: "value", name: `${n.currency}/MWh` },
      series: [
        { name: "negotiated mean price", type: "bar", color: "#1f77b4", data: ids.map((id) => n.regions[id].mean_price_per_mwh) },
        { name: `${reference} mean price`, type: "bar", color: "#f08c2e", data: ids.map((id) => o.regions[id].mean_price_per_mwh) },
      ],
    });
    const side = element("div", { class: "side" });
    parent.appendChild(side);
    const left = element("div"), right = element("div");
    side.append(left, right);
    left.appendChild(element("h2", {}, "Negotiated"));
    right.appendChild(element("h2", {}, whole ? "Optimal" : "Rolling optimum"));
    result(left, data.negotiated, "negotiated-");
    result(right, data.optimal || data.rolling, "optimal-");
  }

  const first = data.result || data.negotiated;
  document.getElementById("subtitle").textContent =
    `${first.summary.steps} steps of ${first.summary.step_minutes} min from ${first.summary.start}; ${Object.keys(first.summary.regions).length} regions.`;
  if (data.compare) comparison(main); else result(main, data.result, "");
})();
