// A live line chart in SVG: read and write units per second over the last minutes, the provisioned
// capacity as dashed lines, and a marker where requests were throttled. SVG rather than canvas so
// that the chart scales with the window, takes its colours from the stylesheet, and carries a text
// summary (aria-label) and titles that assistive technology reads.

const NS = "http://www.w3.org/2000/svg";
const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 44, right: 12, top: 14, bottom: 22 };

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

function round(n) {
  return Math.round(n * 100) / 100;
}

/** A tidy axis maximum at or above `n`: 1, 2 or 5 times a power of ten. */
export function niceMax(n) {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/**
 * The chart of `samples` (`{ t: ms, read, write, throttled }`, units per second and throttled
 * requests in that interval) over the `windowMs` up to `now`; `provisioned` is `{ read, write }` or
 * null (on demand).
 */
export function capacityChart({ label, samples, provisioned, now, windowMs }) {
  const peakRead = Math.max(0, ...samples.map((s) => s.read));
  const peakWrite = Math.max(0, ...samples.map((s) => s.write));
  const throttles = samples.reduce((n, s) => n + s.throttled, 0);
  const top = niceMax(Math.max(peakRead, peakWrite, provisioned?.read ?? 0, provisioned?.write ?? 0) * 1.1);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t) => PAD.left + plotW * (1 - Math.min(1, Math.max(0, (now - t) / windowMs)));
  const y = (v) => PAD.top + plotH * (1 - v / top);
  const last = samples[samples.length - 1];
  const summary =
    `${label}: now ${round(last?.read ?? 0)} read and ${round(last?.write ?? 0)} write units per second; ` +
    `peaks ${round(peakRead)} and ${round(peakWrite)}` +
    (provisioned ? `; provisioned ${provisioned.read} read, ${provisioned.write} write` : "; on demand") +
    `; ${throttles} throttled requests in the last ${Math.round(windowMs / 1000)} seconds.`;
  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "chart",
    role: "img",
    "aria-label": summary,
    "data-peak-read": round(peakRead),
    "data-peak-write": round(peakWrite),
    "data-throttles": throttles,
  });
  for (let i = 0; i <= 4; i++) {
    const value = (top * i) / 4;
    chart.append(
      svg("line", { class: "grid", x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value) }),
      svg("text", { class: "axis", x: PAD.left - 6, y: y(value) + 4, "text-anchor": "end" }, document.createTextNode(String(round(value)))),
    );
  }
  chart.append(
    svg("text", { class: "axis", x: PAD.left, y: HEIGHT - 6 }, document.createTextNode(`−${Math.round(windowMs / 1000)} s`)),
    svg("text", { class: "axis", x: WIDTH - PAD.right, y: HEIGHT - 6, "text-anchor": "end" }, document.createTextNode("now")),
  );
  if (provisioned) {
    for (const [kind, value] of [
      ["read", provisioned.read],
      ["write", provisioned.write],
    ]) {
      chart.append(
        svg("line", { class: `provisioned ${kind}`, x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value) }, svg("title", {}, document.createTextNode(`Provisioned ${kind}: ${value} units/s`))),
      );
    }
  }
  for (const kind of ["read", "write"]) {
    const points = samples.map((s) => `${round(x(s.t))},${round(y(s[kind]))}`).join(" ");
    chart.append(svg("polyline", { class: `series ${kind}`, points }));
  }
  for (const s of samples.filter((s) => s.throttled > 0)) {
    const cx = round(x(s.t));
    chart.append(
      svg(
        "path",
        { class: "throttle", d: `M${cx - 5},${PAD.top - 10} L${cx + 5},${PAD.top - 10} L${cx},${PAD.top - 2} Z` },
        svg("title", {}, document.createTextNode(`${s.throttled} throttled requests at ${new Date(s.t).toLocaleTimeString()}`)),
      ),
    );
  }
  return chart;
}

/** A small line of `values` (no axes), for sizes over time. */
export function sparkline(values, label) {
  const w = 120;
  const hgt = 24;
  const top = Math.max(1, ...values);
  const points = values.map((v, i) => `${round((i / Math.max(1, values.length - 1)) * w)},${round(hgt - 2 - (v / top) * (hgt - 4))}`).join(" ");
  // The first and last values as attributes too, for whatever reads the page rather than sees it.
  const ends = values.length ? { "data-first": values[0], "data-last": values[values.length - 1] } : {};
  return svg("svg", { viewBox: `0 0 ${w} ${hgt}`, class: "sparkline", role: "img", "aria-label": label, ...ends }, svg("polyline", { points }));
}
