// The streams view: the latest records of a table's stream, live. DescribeTable gives the stream's
// ARN, DescribeStream its shards; each shard is read from its trim horizon with GetShardIterator and
// then polled with GetRecords, following NextShardIterator, until it closes. New shards are picked
// up when the stream is described again.

import { h, fill, field, select, messages, guarded, heading, every } from "./ui.js";
import { brief } from "./json.js";

const POLL_MS = 1000;
const DESCRIBE_EVERY_MS = 10_000;
const KEEP = 100;

export async function mount(container, api, tableName) {
  const errors = messages("alert");
  const status = messages("status");
  const names = await guarded(errors, () => api.tableNames());
  const picker = select([["", "Choose a table"], ...(names ?? []).map((n) => [n, n])], { name: "table" });
  picker.value = tableName ?? "";
  picker.addEventListener("change", () => {
    location.hash = `#/streams/${encodeURIComponent(picker.value)}`;
  });
  const live = h("input", { type: "checkbox", id: "stream-live", checked: true });
  const count = h("p", { class: "summary", "aria-live": "polite" });
  const list = h("ol", { class: "records", "aria-label": "Stream records, newest first" });
  fill(
    container,
    h("div", { class: "view-head" }, heading("Streams"), h("div", { class: "actions" }, field("Table", picker), h("span", {}, live, h("label", { for: "stream-live" }, "Live")))),
    errors.element,
    status.element,
  );
  if (!tableName) {
    container.append(h("p", { class: "muted" }, "Choose a table to follow its stream."));
    return;
  }
  const table = await guarded(errors, () => api.describe(tableName));
  if (!table) return;
  if (!table.LatestStreamArn || !table.StreamSpecification?.StreamEnabled) {
    const enable = async () => {
      const answer = await guarded(errors, () =>
        api.dynamodb("UpdateTable", {
          TableName: tableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
        }),
      );
      if (answer) {
        // Showing the view again reads the new stream.
        window.dispatchEvent(new Event("console-reload"));
      }
    };
    container.append(
      h("p", {}, `Table ${tableName} has no stream. `, h("button", { type: "button", onclick: enable }, "Enable a stream (new and old images)")),
    );
    return;
  }
  const arn = table.LatestStreamArn;
  container.append(h("p", { class: "muted" }, `Stream ${arn} (${table.StreamSpecification.StreamViewType})`), count, list);

  const records = [];
  const shards = new Map(); // shard id -> { iterator, closed, last }
  let describedAt = 0;

  const describeStream = async () => {
    let start;
    do {
      const input = { StreamArn: arn };
      if (start) input.ExclusiveStartShardId = start;
      const { StreamDescription: d } = await api.streams("DescribeStream", input);
      for (const shard of d.Shards ?? []) {
        if (shards.has(shard.ShardId)) continue;
        const { ShardIterator } = await api.streams("GetShardIterator", {
          StreamArn: arn,
          ShardId: shard.ShardId,
          ShardIteratorType: "TRIM_HORIZON",
        });
        shards.set(shard.ShardId, { iterator: ShardIterator, last: null });
      }
      start = d.LastEvaluatedShardId;
    } while (start);
  };

  const read = async (id, shard) => {
    let answer;
    try {
      answer = await api.streams("GetRecords", { ShardIterator: shard.iterator, Limit: 1000 });
    } catch (error) {
      if (error.type !== "ExpiredIteratorException" && error.type !== "TrimmedDataAccessException") throw error;
      // Start again just after the last record seen (or at the horizon).
      const again = await api.streams("GetShardIterator", {
        StreamArn: arn,
        ShardId: id,
        ...(shard.last ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER", SequenceNumber: shard.last } : { ShardIteratorType: "TRIM_HORIZON" }),
      });
      shard.iterator = again.ShardIterator;
      return;
    }
    for (const record of answer.Records ?? []) {
      records.push(record);
      shard.last = record.dynamodb.SequenceNumber;
    }
    shard.iterator = answer.NextShardIterator ?? null;
  };

  const poll = async () => {
    if (!live.checked) return;
    try {
      if (Date.now() - describedAt > DESCRIBE_EVERY_MS) {
        describedAt = Date.now();
        await describeStream();
      }
      const before = records.length;
      for (const [id, shard] of shards) if (shard.iterator) await read(id, shard);
      errors.clear();
      if (records.length !== before || !count.textContent) draw();
    } catch (error) {
      errors.show(error);
    }
  };

  const draw = () => {
    records.sort((a, b) => compareSequence(a.dynamodb.SequenceNumber, b.dynamodb.SequenceNumber));
    records.splice(0, Math.max(0, records.length - KEEP));
    count.textContent = `${records.length} records (the latest ${KEEP} are kept)`;
    const keyOrder = table.KeySchema.map((k) => k.AttributeName);
    fill(list, [...records].reverse().map((record) => recordView(record, keyOrder)));
  };

  return every(POLL_MS, poll);
}

/** Sequence numbers are decimal strings of any length: compared as numbers, not as text. */
function compareSequence(a, b) {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** One record: its event, its keys (partition key first), and the whole record on demand. */
function recordView(record, keyOrder) {
  const d = record.dynamodb;
  const keys = keyOrder
    .filter((k) => d.Keys?.[k])
    .map((k) => `${k}=${brief(d.Keys[k], 40)}`)
    .join(", ");
  const when = d.ApproximateCreationDateTime ? new Date(d.ApproximateCreationDateTime * 1000).toLocaleTimeString() : "";
  return h(
    "li",
    { class: `record ${record.eventName.toLowerCase()}`, "data-sequence": d.SequenceNumber },
    h("span", { class: "event" }, record.eventName),
    " ",
    h("span", { class: "keys" }, keys),
    " ",
    h("span", { class: "muted" }, `#${d.SequenceNumber} ${when}`),
    h("details", {}, h("summary", {}, "Record"), h("pre", { class: "code" }, JSON.stringify(d, null, 2))),
  );
}
