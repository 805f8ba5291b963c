// Line and stacked-area charts on a canvas, with no library: the page must work without a CDN or a build step.
"use strict";

const Charts = (() => {
  // Any number of series (31 provinces) in colours that stay apart: hues a golden angle apart, in three lightnesses.
  const distinct = index => `hsl(${((index * 137.508) % 360).toFixed(1)}, 70%, ${[42, 28, 58][index % 3]}%)`;
  const carrierColors = { coal: "#495057", gas: "#f08c00", oil: "#862e9c", nuclear: "#ae3ec9", hydro: "#1c7ed6",
    wind: "#12b886", solar: "#fcc419", biomass: "#5c940d", other: "#adb5bd" };

  const colorOf = (name, index) => carrierColors[name] ?? distinct(index);

  function surface(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 520;
    const height = canvas.clientHeight || 220;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    return { ctx, width, height };
  }

  // Round axis limits and a tick step of 1, 2 or 5 times a power of ten.
  function axis(min, max) {
    if (!(max > min)) { max = min + 1; }
    const raw = (max - min) / 4;
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= raw);
    return { min: Math.floor(min / step) * step, max: Math.ceil(max / step) * step, step };
  }

  const format = v => Math.abs(v) >= 10000 ? (v / 1000).toFixed(0) + "k" : Math.abs(v) >= 100 ? v.toFixed(0) : +v.toFixed(2) + "";

  // series: [{ name, values: number[] }]; labels: string per point. Stacked charts fill each series on the ones before it.
  function draw(canvas, labels, series, { stacked = false } = {}) {
    const { ctx, width, height } = surface(canvas);
    const left = 52, right = 10, top = 8, legend = 18 * Math.ceil(series.length / 6), bottom = 22 + legend;
    const plotW = width - left - right, plotH = height - top - bottom;
    const n = labels.length;
    canvas.dataset.points = String(n === 0 ? 0 : n * series.length);
    if (n === 0 || series.length === 0) {
      ctx.fillStyle = "#6b7483";
      ctx.fillText("waiting for data…", left, top + 20);
      return;
    }
    const layers = [];
    let low = Infinity, high = -Infinity;
    const base = new Array(n).fill(0);
    for (const s of series) {
      const bottomLine = stacked ? base.slice() : null;
      const topLine = s.values.map((v, i) => stacked ? (base[i] += v) : v);
      layers.push({ name: s.name, bottomLine, topLine });
      for (const v of topLine) { low = Math.min(low, v); high = Math.max(high, v); }
    }
    if (stacked) { low = Math.min(low, 0); }
    const y = axis(low, high);
    const xOf = i => left + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
    const yOf = v => top + plotH - ((v - y.min) / (y.max - y.min)) * plotH;

    ctx.font = "11px system-ui, sans-serif";
    ctx.strokeStyle = "#e9ecef";
    ctx.fillStyle = "#6b7483";
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (let v = y.min; v <= y.max + y.step / 2; v += y.step) {
      ctx.beginPath(); ctx.moveTo(left, yOf(v)); ctx.lineTo(left + plotW, yOf(v)); ctx.stroke();
      ctx.fillText(format(v), left - 6, yOf(v));
    }
    ctx.textBaseline = "top";
    for (const i of [0, Math.floor((n - 1) / 2), n - 1]) {
      ctx.textAlign = i === 0 ? "left" : i === n - 1 ? "right" : "center";
      ctx.fillText(labels[i], xOf(i), top + plotH + 4);
    }

    layers.forEach((layer, k) => {
      const color = colorOf(layer.name, k);
      ctx.beginPath();
      layer.topLine.forEach((v, i) => i === 0 ? ctx.moveTo(xOf(i), yOf(v)) : ctx.lineTo(xOf(i), yOf(v)));
      if (stacked) {
        for (let i = n - 1; i >= 0; i--) { ctx.lineTo(xOf(i), yOf(layer.bottomLine[i])); }
        ctx.closePath();
        ctx.fillStyle = color + "cc";
        ctx.fill();
      } else {
        ctx.strokeStyle = color;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      }
    });

    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    layers.forEach((layer, k) => {
      const col = k % 6, row = Math.floor(k / 6);
      const x = left + col * (plotW / 6), yy = height - legend + row * 18 + 9;
      ctx.fillStyle = colorOf(layer.name, k);
      ctx.fillRect(x, yy - 5, 10, 10);
      ctx.fillStyle = "#1d2430";
      ctx.fillText(layer.name, x + 14, yy);
    });
  }

  return { draw };
})();
