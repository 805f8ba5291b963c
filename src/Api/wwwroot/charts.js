// The dashboard's charts, drawn with Apache ECharts: the same library as report.html, served by the API from the build
// (/vendor/echarts.min.js), so the page needs no CDN.
"use strict";

const Charts = (() => {
  // Any number of series (31 provinces) in colours that stay apart: hues a golden angle apart, in three lightnesses.
  const distinct = index => `hsl(${((index * 137.508) % 360).toFixed(1)}, 70%, ${[42, 28, 58][index % 3]}%)`;
  const carrierColors = { coal: "#495057", gas: "#f08c00", oil: "#862e9c", nuclear: "#ae3ec9", hydro: "#1c7ed6", run_of_river: "#74c0fc",
    wind: "#12b886", solar: "#fcc419", biomass: "#5c940d", other: "#adb5bd" };

  const colorOf = (name, index) => carrierColors[name] ?? distinct(index);
  const instances = new Map();

  function chartOf(element) {
    let chart = instances.get(element);
    if (!chart) {
      chart = echarts.init(element, null, { renderer: "canvas" });
      instances.set(element, chart);
      window.addEventListener("resize", () => chart.resize());
    }
    return chart;
  }

  // series: [{ name, values: number[] }]; labels: string per point. Stacked charts fill each series on the ones before it.
  function draw(element, labels, series, { stacked = false } = {}) {
    const n = labels.length;
    element.dataset.points = String(n === 0 ? 0 : n * series.length);
    const empty = n === 0 || series.length === 0;
    chartOf(element).setOption({
      animation: false,
      title: empty ? { text: "waiting for data…", left: "center", top: "middle", textStyle: { color: "#6b7483", fontSize: 12 } } : { show: false },
      grid: { left: 56, right: 12, top: 10, bottom: 24 + 18 * Math.ceil(series.length / 6) },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0, type: "plain", itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
      xAxis: { type: "category", data: labels, boundaryGap: false },
      yAxis: { type: "value", scale: !stacked },
      series: series.map((s, k) => ({
        name: s.name, type: "line", data: s.values, symbol: "none", color: colorOf(s.name, k),
        stack: stacked ? "all" : undefined, areaStyle: stacked ? { opacity: 0.8 } : undefined, lineStyle: { width: stacked ? 0 : 1.5 },
      })),
    }, { replaceMerge: ["series"] });
  }

  return { draw };
})();
