// The capacity view: consumed read and write units per second, per table and index, charted live
// against provisioned capacity with throttled requests marked; then the planning report of
// GET /ddbmock/capacity (totals, peaks, p99, throttles, size over time, monthly cost on demand and
// provisioned).
//
// The report holds running totals; the rates are their differences between two polls, divided by
// the time between them. Provisioned capacity comes from DescribeTable.

import { h, fill, messages, heading, bytes, units, every } from "./ui.js";
import { capacityChart, sparkline } from "./chart.js";

const POLL_MS = 1000;
const WINDOW_MS = 120_000;
const DESCRIBE_EVERY_MS = 5000;

// Kept across visits to the view, so that coming back shows the minutes already seen.
const history = new Map(); // subject ("table" or "table/index") -> [{ t, read, write, throttled }]
const sizes = new Map(); // table -> [{ t, size }…], the last WINDOW_MS of them
let previous = new Map(); // subject -> { t, read, write, throttled }: the last poll's totals

export async function mount(container, api) {
  const errors = messages("alert");
  const charts = h("div", { class: "charts" });
  const report = h("section", { class: "card", "aria-labelledby": "report-title" });
  const legend = h(
    "p",
    { class: "legend" },
    h("span", { class: "key read" }, "read units/s"),
    h("span", { class: "key write" }, "write units/s"),
    h("span", { class: "key provisioned" }, "provisioned (dashed)"),
    h("span", { class: "key throttle" }, "throttled requests ▼"),
  );
  fill(container, h("div", { class: "view-head" }, heading("Capacity")), errors.element, legend, charts, report);

  const provisioned = new Map(); // subject -> { read, write } | null
  let describedAt = 0;
  const describe = async (tableNames) => {
    for (const name of tableNames) {
      let table;
      try {
        table = await api.describe(name);
      } catch {
        continue; // Deleted since the report: its history stays, without a provisioned line.
      }
      const onDemand = table.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST";
      const of = (p) => (onDemand || !p ? null : { read: p.ReadCapacityUnits, write: p.WriteCapacityUnits });
      provisioned.set(name, of(table.ProvisionedThroughput));
      for (const index of table.GlobalSecondaryIndexes ?? []) provisioned.set(`${name}/${index.IndexName}`, of(index.ProvisionedThroughput));
      // A local index consumes its table's capacity.
      for (const index of table.LocalSecondaryIndexes ?? []) provisioned.set(`${name}/${index.IndexName}`, of(table.ProvisionedThroughput));
    }
  };

  const poll = async () => {
    let answer;
    try {
      answer = await api.capacity();
    } catch (error) {
      errors.show(error);
      return;
    }
    errors.clear();
    const now = Date.now();
    const subjects = new Map();
    for (const [table, line] of Object.entries(answer.Tables ?? {})) {
      subjects.set(table, line.Usage);
      for (const [index, usage] of Object.entries(line.Indexes ?? {})) subjects.set(`${table}/${index}`, usage);
      const series = sizes.get(table) ?? [];
      series.push({ t: now, size: line.TableSizeBytes });
      sizes.set(table, series.filter((s) => now - s.t <= WINDOW_MS));
    }
    const current = new Map();
    for (const [subject, usage] of subjects) {
      const totals = { t: now, read: usage.TotalReadUnits, write: usage.TotalWriteUnits, throttled: usage.ThrottledRequests };
      current.set(subject, totals);
      const before = previous.get(subject) ?? { t: now - POLL_MS, read: 0, write: 0, throttled: 0 };
      const seconds = Math.max(0.001, (now - before.t) / 1000);
      const samples = history.get(subject) ?? [];
      samples.push({
        t: now,
        read: Math.max(0, totals.read - before.read) / seconds,
        write: Math.max(0, totals.write - before.write) / seconds,
        throttled: Math.max(0, totals.throttled - before.throttled),
      });
      history.set(subject, samples.filter((s) => now - s.t <= WINDOW_MS));
    }
    const isNew = [...subjects.keys()].some((s) => !provisioned.has(s));
    if (isNew || now - describedAt > DESCRIBE_EVERY_MS) {
      describedAt = now;
      await describe(Object.keys(answer.Tables ?? {}));
    }
    // A subject seen for the first time has no earlier totals: its first rate counts everything
    // consumed before the console looked, so it starts from the next poll instead.
    for (const subject of subjects.keys()) if (!previous.has(subject)) history.set(subject, []);
    previous = current;
    drawCharts(charts, subjects, provisioned, now);
    drawReport(report, answer);
  };

  return every(POLL_MS, poll);
}

function drawCharts(charts, subjects, provisioned, now) {
  const existing = new Map([...charts.children].map((card) => [card.dataset.subject, card]));
  for (const subject of [...subjects.keys()].sort()) {
    let card = existing.get(subject);
    if (!card) {
      const [table, index] = subject.split("/");
      card = h(
        "figure",
        { class: "card chart-card", "data-subject": subject },
        h("figcaption", {}, index ? `${table} · index ${index}` : table),
        h("div", { class: "chart-box" }),
        h("p", { class: "chart-now" }),
      );
      charts.append(card);
    }
    existing.delete(subject);
    const samples = history.get(subject) ?? [];
    const limit = provisioned.get(subject) ?? null;
    const chart = capacityChart({ label: subject, samples, provisioned: limit, now, windowMs: WINDOW_MS });
    fill(card.querySelector(".chart-box"), chart);
    const last = samples[samples.length - 1];
    fill(
      card.querySelector(".chart-now"),
      `Now ${units(last?.read ?? 0)} RCU/s, ${units(last?.write ?? 0)} WCU/s`,
      limit ? ` · provisioned ${limit.read} / ${limit.write}` : " · on demand",
      ` · throttled ${chart.dataset.throttles} in the window`,
    );
  }
  for (const card of existing.values()) card.remove();
}

/** The sparkline of `table`'s size since the view first polled it, with its ends in words. */
function sizeOverTime(table) {
  const series = sizes.get(table) ?? [];
  if (series.length === 0) return sparkline([], `No size of ${table} yet`);
  const first = series[0];
  const last = series[series.length - 1];
  const seconds = Math.round((last.t - first.t) / 1000);
  return sparkline(
    series.map((s) => s.size),
    `Size of ${table} over the last ${seconds} seconds: ${bytes(first.size)} then, ${bytes(last.size)} now`,
  );
}

function drawReport(report, answer) {
  const money = (n) => `$${n.toFixed(2)}`;
  const rows = [];
  for (const [table, line] of Object.entries(answer.Tables ?? {})) {
    const usageCells = (u) => [
      units(u.TotalReadUnits),
      units(u.TotalWriteUnits),
      units(u.PeakReadUnitsPerSecond),
      units(u.PeakWriteUnitsPerSecond),
      units(u.P99ReadUnitsPerSecond),
      units(u.P99WriteUnitsPerSecond),
      String(u.ThrottledRequests),
    ];
    rows.push(
      h(
        "tr",
        {},
        h("th", { scope: "row" }, table),
        h("td", {}, "–"),
        usageCells(line.Usage).map((c) => h("td", { class: "num" }, c)),
        h("td", { class: "num" }, String(line.ItemCount)),
        h("td", { class: "num" }, bytes(line.TableSizeBytes)),
        h("td", {}, sizeOverTime(table)),
        h("td", { class: "num" }, money(line.MonthlyCostOnDemand)),
        h("td", { class: "num" }, money(line.MonthlyCostProvisioned)),
      ),
    );
    for (const [index, usage] of Object.entries(line.Indexes ?? {})) {
      rows.push(
        h(
          "tr",
          { class: "index-row" },
          h("th", { scope: "row" }, table),
          h("td", {}, index),
          usageCells(usage).map((c) => h("td", { class: "num" }, c)),
          h("td", { colspan: "5" }),
        ),
      );
    }
  }
  const columns = [
    "Table",
    "Index",
    "Read units",
    "Write units",
    "Peak read/s",
    "Peak write/s",
    "p99 read/s",
    "p99 write/s",
    "Throttled",
    "Items",
    "Size",
    "Size over time",
    "On demand / month",
    "Provisioned / month",
  ];
  const p = answer.Prices ?? {};
  fill(
    report,
    h("h2", { id: "report-title" }, "Planning report"),
    h(
      "p",
      { class: "muted" },
      `What this workload would cost per month if it ran all month at the rate observed, storage included. ` +
        `Prices: $${p.OnDemandWritePerMillion} per million writes, $${p.OnDemandReadPerMillion} per million reads on demand; ` +
        `$${p.ProvisionedWcuHour} per WCU-hour, $${p.ProvisionedRcuHour} per RCU-hour; $${p.StorageGbMonth} per GB-month.`,
    ),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        { class: "report" },
        h("caption", { class: "visually-hidden" }, "Capacity planning report"),
        h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: String(columns.length), class: "muted" }, "Nothing consumed yet."))),
      ),
    ),
  );
}
