//! Where `load` writes and `dump` reads: an engine opened on a `--db` file (or the server's own,
//! for `--seed`), or a running server. A [`Session`] is one worker's handle: the engine itself, or
//! one connection.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Duration;

use ddbmock::model::Item;
use ddbmock::operation::{
    BatchWriteItemInput, BatchWriteItemOutput, CreateTableInput, CreateTableOutput,
    DescribeTableInput, ListTablesInput, ListTablesOutput, ScanInput, ScanOutput, TableDescription,
    TableStatus, WriteRequest,
};
use ddbmock::{DynamoDb, Engine};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::http::{CallError, Connection, Server};
use super::spans;

/// The engine or server the data tools talk to.
#[derive(Clone)]
pub(crate) enum Target {
    Engine(Engine),
    Server(Server),
}

/// One worker's way to the target.
pub(crate) enum Session {
    Engine(Engine),
    Server(Connection),
}

/// Rounds of resending what a batch left unprocessed (or a throttled batch) before giving up.
const MAX_ROUNDS: u32 = 30;

impl Target {
    /// Opens a session: for a server, a connection.
    pub(crate) async fn session(&self) -> Result<Session, String> {
        match self {
            Target::Engine(engine) => Ok(Session::Engine(engine.clone())),
            Target::Server(server) => server.connect().await.map(Session::Server),
        }
    }

    /// Where the data goes or comes from, for messages.
    pub(crate) fn is_server(&self) -> bool {
        matches!(self, Target::Server(_))
    }
}

impl Session {
    async fn call<I: Serialize, O: DeserializeOwned>(
        &mut self,
        operation: &str,
        input: &I,
    ) -> Result<O, CallError> {
        let Session::Server(connection) = self else {
            return Err(CallError::Transport("not a server".to_owned()));
        };
        let body = serde_json::to_vec(input).map_err(|e| CallError::Transport(e.to_string()))?;
        let answer = connection.call(operation, body).await?;
        serde_json::from_slice(&answer)
            .map_err(|e| CallError::Transport(format!("a malformed {operation} answer: {e}")))
    }

    /// Every table's name.
    pub(crate) async fn list_tables(&mut self) -> Result<Vec<String>, String> {
        let mut names = Vec::new();
        let mut start = None;
        loop {
            let input = ListTablesInput {
                exclusive_start_table_name: start.take(),
                ..Default::default()
            };
            let page: ListTablesOutput = match self {
                Session::Engine(engine) => engine.list_tables(input).await.map_err(refused)?,
                Session::Server(_) => self
                    .call("ListTables", &input)
                    .await
                    .map_err(|e| e.to_string())?,
            };
            names.extend(page.table_names.unwrap_or_default());
            match page.last_evaluated_table_name {
                Some(last) => start = Some(last),
                None => return Ok(names),
            }
        }
    }

    /// The table's description.
    pub(crate) async fn describe(&mut self, table: &str) -> Result<TableDescription, String> {
        let input = DescribeTableInput {
            table_name: Some(table.to_owned()),
        };
        let output = match self {
            Session::Engine(engine) => engine.describe_table(input).await.map_err(refused)?,
            Session::Server(_) => self
                .call::<_, ddbmock::operation::DescribeTableOutput>("DescribeTable", &input)
                .await
                .map_err(|e| e.to_string())?,
        };
        output
            .table
            .ok_or_else(|| format!("DescribeTable of {table} described nothing"))
    }

    /// Creates a table and waits until it is ACTIVE (a server may keep it CREATING for its
    /// `--status-delay`).
    pub(crate) async fn create_table(&mut self, input: CreateTableInput) -> Result<(), String> {
        let name = input.table_name.clone().unwrap_or_default();
        match self {
            Session::Engine(engine) => {
                engine.create_table(input).await.map_err(refused)?;
            }
            Session::Server(_) => {
                self.call::<_, CreateTableOutput>("CreateTable", &input)
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        loop {
            let table = self.describe(&name).await?;
            if table.table_status == Some(TableStatus::Active) {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                return Err(format!(
                    "table {name} was not ACTIVE two minutes after CreateTable"
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// One page of a scan.
    pub(crate) async fn scan(&mut self, input: ScanInput) -> Result<ScanOutput, String> {
        let mut round = 0;
        loop {
            let answer = match self {
                Session::Engine(engine) => engine.scan(input.clone()).await.map_err(|e| {
                    let throttled = e.is_throttling();
                    (throttled, refused(e))
                }),
                Session::Server(_) => self.call("Scan", &input).await.map_err(|e| {
                    let throttled = matches!(&e, CallError::Refused(r) if r.is_throttling());
                    (throttled, e.to_string())
                }),
            };
            match answer {
                Err((true, e)) if round >= MAX_ROUNDS => return Err(e),
                Err((true, _)) => back_off(&mut round).await,
                other => return other.map_err(|(_, e)| e),
            }
        }
    }

    /// One page of a scan, its items as DynamoDB JSON text: a server's answer is cut into its
    /// items without decoding them (a dump writes them as they came), an engine's items are
    /// encoded.
    pub(crate) async fn scan_text(&mut self, input: ScanInput) -> Result<TextPage, String> {
        if let Session::Engine(_) = self {
            let page = self.scan(input).await?;
            let mut text = Vec::new();
            let mut items = Vec::new();
            for item in page.items.unwrap_or_default() {
                let start = text.len();
                serde_json::to_writer(&mut text, &item).map_err(|e| e.to_string())?;
                items.push(start..text.len());
            }
            return Ok(TextPage {
                text: text.into(),
                items,
                last_evaluated_key: page.last_evaluated_key,
            });
        }
        let body = serde_json::to_vec(&input).map_err(|e| e.to_string())?;
        let mut round = 0;
        loop {
            let Session::Server(connection) = self else {
                return Err("not a server".to_owned());
            };
            match connection.call("Scan", body.clone()).await {
                Ok(answer) => return TextPage::of(answer),
                Err(CallError::Refused(r)) if r.is_throttling() && round < MAX_ROUNDS => {
                    back_off(&mut round).await;
                }
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    /// Puts one batch: `requests` is the JSON text of `table`'s requests, as a BatchWriteItem
    /// request's array holds them (without the brackets). What comes back unprocessed, or a
    /// throttled batch, is sent again with growing pauses.
    pub(crate) async fn write(&mut self, table: &str, requests: &str) -> Result<(), String> {
        let mut body = format!(
            "{{\"RequestItems\":{{{}:[{requests}]}}}}",
            serde_json::to_string(table).map_err(|e| e.to_string())?
        );
        let mut round = 0;
        loop {
            let answer = match self {
                Session::Engine(engine) => {
                    let input: BatchWriteItemInput =
                        serde_json::from_str(&body).map_err(|e| e.to_string())?;
                    engine
                        .batch_write_item(input)
                        .await
                        .map_err(|e| (e.is_throttling(), refused(e)))
                }
                Session::Server(connection) => {
                    // A copy: a throttled batch is sent again as it was.
                    match connection
                        .call("BatchWriteItem", body.clone().into_bytes())
                        .await
                    {
                        Ok(answer) => serde_json::from_slice::<BatchWriteItemOutput>(&answer)
                            .map_err(|e| {
                                (false, format!("a malformed BatchWriteItem answer: {e}"))
                            }),
                        Err(e) => Err((
                            matches!(&e, CallError::Refused(r) if r.is_throttling()),
                            e.to_string(),
                        )),
                    }
                }
            };
            let output = match answer {
                Ok(output) => output,
                Err((true, e)) if round >= MAX_ROUNDS => return Err(e),
                Err((true, _)) => {
                    back_off(&mut round).await;
                    continue;
                }
                Err((false, e)) => return Err(format!("BatchWriteItem failed with {e}")),
            };
            let left: HashMap<String, Vec<WriteRequest>> =
                output.unprocessed_items.unwrap_or_default();
            if left.values().all(Vec::is_empty) {
                return Ok(());
            }
            if round >= MAX_ROUNDS {
                return Err(format!(
                    "BatchWriteItem left items unprocessed {MAX_ROUNDS} times in a row"
                ));
            }
            back_off(&mut round).await;
            body = serde_json::to_string(&BatchWriteItemInput {
                request_items: Some(left),
                ..Default::default()
            })
            .map_err(|e| e.to_string())?;
        }
    }
}

/// A page of a scan as text: where each item is in it, and where the next page starts.
pub(crate) struct TextPage {
    pub(crate) text: hyper::body::Bytes,
    pub(crate) items: Vec<Range<usize>>,
    pub(crate) last_evaluated_key: Option<Item>,
}

impl TextPage {
    /// Cuts a Scan answer into its items' spans; only `LastEvaluatedKey` is decoded.
    fn of(text: hyper::body::Bytes) -> Result<TextPage, String> {
        let malformed = |e: &dyn std::fmt::Display| format!("a malformed Scan answer: {e}");
        // The span finder trusts its text to be JSON.
        serde_json::from_slice::<serde::de::IgnoredAny>(&text).map_err(|e| malformed(&e))?;
        let json = std::str::from_utf8(&text).map_err(|e| malformed(&e))?;
        let mut items = Vec::new();
        let mut last_evaluated_key = None;
        for (name, value) in spans::object_members(json, spans::ws(json.as_bytes(), 0))? {
            match name.as_str() {
                "Items" => {
                    items = spans::array_elements(json.as_bytes(), value.start)
                        .ok_or_else(|| malformed(&"Items is no array"))?;
                }
                "LastEvaluatedKey" => {
                    last_evaluated_key =
                        Some(serde_json::from_str(&json[value]).map_err(|e| malformed(&e))?);
                }
                _ => {}
            }
        }
        Ok(TextPage {
            text,
            items,
            last_evaluated_key,
        })
    }

    /// An item's text.
    pub(crate) fn item(&self, span: &Range<usize>) -> &[u8] {
        &self.text[span.clone()]
    }
}

/// DynamoDB's error as the data tools print it: its exception and message.
pub(crate) fn refused(e: ddbmock::Error) -> String {
    format!("{}: {e}", e.type_name())
}

/// Sleeps 10 ms, doubling each round up to a second: SDKs' backoff for throttled writes.
async fn back_off(round: &mut u32) {
    let pause = Duration::from_millis(10 << (*round).min(7)).min(Duration::from_secs(1));
    *round += 1;
    tokio::time::sleep(pause).await;
}
