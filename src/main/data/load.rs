//! `ddbmock load` and `ddbmock --seed`: puts the items of data files into tables, all or nothing.
//!
//! Everything is read and checked before the first write. Table definitions (a `CreateTable`
//! request, ddbmock's fixture format) are loaded into a scratch in-memory engine, which is also
//! given the definitions of the target's tables the data goes into; every item is then parsed and
//! checked there with [`Engine::check_put`], PutItem's own checks. Only when all pass are the tables
//! created on the target and the items sent, in BatchWriteItem requests of 25 over several
//! workers. A key given twice keeps its last item, as puts in file order would.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use ddbmock::model::{AttributeValue, Item};
use ddbmock::operation::ScanInput;
use ddbmock::testing::Fixture;
use ddbmock::{DynamoDb, Engine};
use indicatif::ProgressBar;

use super::input::{self, DataFile, Input};
use super::progress;
use super::schema::create_input;
use super::target::{Session, Target, refused};

/// DynamoDB's limit on the requests of one BatchWriteItem.
const BATCH: usize = 25;

/// How to load.
pub(crate) struct Options {
    /// The table of export data files (by default named by the file).
    pub(crate) table: Option<String>,
    /// Requests in flight at once.
    pub(crate) workers: usize,
}

/// What a load wrote.
pub(crate) struct Loaded {
    pub(crate) items: u64,
    pub(crate) tables: usize,
    pub(crate) started: Instant,
}

impl Loaded {
    /// The one-line summary.
    pub(crate) fn summary(&self) -> String {
        progress::summary("loaded", self.items, "into", self.tables, self.started)
    }
}

/// One request to send: where it is in the data files.
#[derive(Clone, Copy)]
struct Put {
    file: u32,
    table: u32,
    entry: u32,
}

/// A target table's requests, in the order they are to be sent.
struct TablePuts {
    name: String,
    puts: Vec<Put>,
}

/// Everything checked and ready to send.
struct Plan {
    files: Vec<DataFile>,
    tables: Vec<TablePuts>,
    /// Each batch: a table and its puts' range.
    batches: Vec<(usize, std::ops::Range<usize>)>,
}

/// What is read, checked and ready to write: the plan, the tables to create, and the sessions.
struct Prepared {
    plan: Plan,
    new_tables: Vec<String>,
    scratch: Session,
    session: Session,
}

/// Loads the files and folders `paths` into `target`; nothing at all when any input is bad. The
/// error says what was loaded: nothing, when the input is bad; else how much.
pub(crate) async fn load(
    target: &Target,
    paths: &[PathBuf],
    options: &Options,
) -> Result<Loaded, String> {
    let started = Instant::now();
    let Prepared {
        plan,
        new_tables,
        mut scratch,
        mut session,
    } = prepare(target, paths, options)
        .await
        .map_err(|e| format!("{e}\nnothing was loaded"))?;
    for table in &new_tables {
        let created = match scratch.describe(table).await {
            Ok(described) => session.create_table(create_input(&described)).await,
            Err(e) => Err(e),
        };
        created.map_err(|e| format!("cannot create table {table}: {e}\nno item was loaded"))?;
    }
    let tables: HashSet<&String> = plan
        .tables
        .iter()
        .filter(|t| !t.puts.is_empty())
        .map(|t| &t.name)
        .chain(&new_tables)
        .collect();
    let tables = tables.len();
    let items = plan.tables.iter().map(|t| t.puts.len() as u64).sum();
    send(target, items, Arc::new(plan), options.workers).await?;
    Ok(Loaded {
        items,
        tables,
        started,
    })
}

/// Reads and checks everything, writing nothing.
async fn prepare(
    target: &Target,
    paths: &[PathBuf],
    options: &Options,
) -> Result<Prepared, String> {
    let mut fixtures = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        for file in input::expand(path)? {
            match input::read(&file, options.table.as_deref())? {
                Input::Fixture(path) => fixtures.push(path),
                Input::Data(data) => files.push(data),
            }
        }
    }
    let scratch = Engine::memory();
    for path in &fixtures {
        let fixture = Fixture::read(path).map_err(|e| e.to_string())?;
        fixture.load(&scratch).await.map_err(|e| e.to_string())?;
    }
    let mut scratch_session = Session::Engine(scratch.clone());
    let defined = scratch_session.list_tables().await?;
    let mut session = target.session().await?;
    let existing: HashSet<String> = session.list_tables().await?.into_iter().collect();
    // A table defined as it already is stays as it is, so that the same files load again (a
    // server restarted on its --db with the same --seed).
    let mut new_tables = Vec::new();
    for table in &defined {
        if !existing.contains(table) {
            new_tables.push(table.clone());
            continue;
        }
        let wanted = create_input(&scratch_session.describe(table).await?);
        if wanted != create_input(&session.describe(table).await?) {
            return Err(format!(
                "table {table} already exists{}, and its definition given is another",
                place(target)
            ));
        }
    }
    // A fixture's items go first, as a BatchWriteItem file of their own, so that data files'
    // items for the same keys replace them.
    let mut all_files = Vec::new();
    for table in &defined {
        all_files.push(scratch_items(&mut scratch_session, table).await?);
    }
    all_files.extend(files);
    let plan = check(&scratch, &mut session, &existing, all_files, target).await?;
    Ok(Prepared {
        plan,
        new_tables,
        scratch: scratch_session,
        session,
    })
}

fn place(target: &Target) -> &'static str {
    if target.is_server() {
        " on the server"
    } else {
        " in the database"
    }
}

/// The items a fixture put into the scratch engine's `table`, as a BatchWriteItem file.
async fn scratch_items(session: &mut Session, table: &str) -> Result<DataFile, String> {
    let mut text = format!("{{{}:[", json(table));
    let mut start = None;
    let mut first = true;
    loop {
        let page = session
            .scan(ScanInput {
                table_name: Some(table.to_owned()),
                exclusive_start_key: start.take(),
                ..Default::default()
            })
            .await?;
        for item in page.items.unwrap_or_default() {
            if !first {
                text.push(',');
            }
            first = false;
            text.push_str("{\"PutRequest\":{\"Item\":");
            text.push_str(&json(&item));
            text.push_str("}}");
        }
        match page.last_evaluated_key {
            Some(key) => start = Some(key),
            None => break,
        }
    }
    text.push_str("]}");
    input::batch_file(
        PathBuf::from(format!("the items defined for {table}")),
        text,
    )
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Parses and checks every request of `files`, giving the scratch engine the definitions of the
/// target's tables they write to; the first bad one is the error, naming its file, line and item.
async fn check(
    scratch: &Engine,
    session: &mut Session,
    existing: &HashSet<String>,
    files: Vec<DataFile>,
    target: &Target,
) -> Result<Plan, String> {
    let mut tables: Vec<TablePuts> = Vec::new();
    let mut index: HashMap<String, (usize, Vec<String>)> = HashMap::new();
    let mut seen: Vec<HashMap<Vec<u8>, usize>> = Vec::new();
    let mut alive: Vec<Vec<bool>> = Vec::new();
    let total = files
        .iter()
        .flat_map(|f| &f.tables)
        .map(|(_, entries)| entries.len() as u64)
        .sum();
    let bar = progress::bar(total, "checking");
    for (f, file) in files.iter().enumerate() {
        for (t, (table, entries)) in file.tables.iter().enumerate() {
            if !index.contains_key(table) {
                let described = match scratch
                    .describe_table(ddbmock::operation::DescribeTableInput {
                        table_name: Some(table.clone()),
                    })
                    .await
                {
                    Ok(out) => out.table,
                    Err(_) if existing.contains(table) => {
                        let described = session.describe(table).await?;
                        scratch
                            .create_table(create_input(&described))
                            .await
                            .map_err(|e| {
                                format!("cannot copy the definition of {table}: {}", refused(e))
                            })?;
                        Some(described)
                    }
                    Err(_) => {
                        return Err(format!(
                            "{}: table {table} does not exist{}: create it first, or give its CreateTable request before its data",
                            file.path.display(),
                            place(target)
                        ));
                    }
                };
                let keys = described
                    .and_then(|d| d.key_schema)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|k| k.attribute_name)
                    .collect();
                index.insert(table.clone(), (tables.len(), keys));
                tables.push(TablePuts {
                    name: table.clone(),
                    puts: Vec::new(),
                });
                seen.push(HashMap::new());
                alive.push(Vec::new());
            }
            let (ti, keys) = &index[table];
            let ti = *ti;
            for (e, key) in check_entries(scratch, file, table, entries, keys, &bar)?
                .into_iter()
                .enumerate()
            {
                let at = tables[ti].puts.len();
                if let Some(old) = seen[ti].insert(key, at) {
                    alive[ti][old] = false;
                }
                alive[ti].push(true);
                tables[ti].puts.push(Put {
                    file: f as u32,
                    table: t as u32,
                    entry: e as u32,
                });
            }
        }
    }
    bar.finish_and_clear();
    let mut batches = Vec::new();
    for (ti, table) in tables.iter_mut().enumerate() {
        let live = &alive[ti];
        let mut n = 0;
        table.puts.retain(|_| {
            n += 1;
            live[n - 1]
        });
        let len = table.puts.len();
        batches.extend(
            (0..len)
                .step_by(BATCH)
                .map(|s| (ti, s..(s + BATCH).min(len))),
        );
    }
    Ok(Plan {
        files,
        tables,
        batches,
    })
}

/// Parses and checks `table`'s `entries` of `file`, on every core (each thread a run of them);
/// gives each one's key text, or the first bad one's error.
fn check_entries(
    scratch: &Engine,
    file: &DataFile,
    table: &str,
    entries: &[input::Entry],
    keys: &[String],
    bar: &ProgressBar,
) -> Result<Vec<Vec<u8>>, String> {
    let check = |entry: &input::Entry| -> Result<Vec<u8>, String> {
        let bad = |problem: String| {
            format!(
                "{} line {}, table {table}: {problem}\n  item: {}",
                file.path.display(),
                entry.line,
                shorten(file.text_of(entry))
            )
        };
        let mut item = file.item(entry).map_err(bad)?;
        scratch
            .check_put(table, &mut item)
            .map_err(|e| bad(refused(e)))?;
        Ok(key_text(keys, &item))
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let run = entries.len().div_ceil(threads).max(1024);
    std::thread::scope(|scope| {
        let runs: Vec<_> = entries
            .chunks(run)
            .map(|chunk| {
                scope.spawn(move || {
                    // The bar is told per thousand: its lock is shared by every thread.
                    let mut keys = Vec::with_capacity(chunk.len());
                    for part in chunk.chunks(1000) {
                        for entry in part {
                            keys.push(check(entry)?);
                        }
                        bar.inc(part.len() as u64);
                    }
                    Ok::<_, String>(keys)
                })
            })
            .collect();
        // Joined in order, so the error reported is the first bad entry's.
        let mut keys = Vec::with_capacity(entries.len());
        for run in runs {
            keys.extend(
                run.join()
                    .map_err(|_| "a checking thread panicked".to_owned())??,
            );
        }
        Ok(keys)
    })
}

/// The key attributes' values of a checked (normalized) item, as bytes that are equal exactly
/// when the keys are: each value's type, its length and its bytes.
fn key_text(keys: &[String], item: &Item) -> Vec<u8> {
    let mut out = Vec::with_capacity(48);
    for key in keys {
        let (tag, bytes): (u8, &[u8]) = match item.get(key) {
            Some(AttributeValue::S(s)) => (b'S', s.as_bytes()),
            Some(AttributeValue::N(n)) => (b'N', n.as_bytes()),
            Some(AttributeValue::B(b)) => (b'B', b),
            // check_put admits no other key type; any other value still keys apart by its JSON.
            Some(other) => {
                out.push(b'J');
                let text = json(other);
                out.extend_from_slice(&(text.len() as u64).to_le_bytes());
                out.extend_from_slice(text.as_bytes());
                continue;
            }
            None => (b'-', &[]),
        };
        out.push(tag);
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(bytes);
    }
    out
}

/// A request's text, cut short for a message.
fn shorten(text: &str) -> String {
    const MAX: usize = 300;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Sends the plan's `items` in its batches over `workers` sessions.
async fn send(target: &Target, items: u64, plan: Arc<Plan>, workers: usize) -> Result<(), String> {
    let bar = progress::bar(items, "loading");
    let next = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..workers.max(1) {
        let (plan, target, next, failed, written, bar) = (
            plan.clone(),
            target.clone(),
            next.clone(),
            failed.clone(),
            written.clone(),
            bar.clone(),
        );
        tasks.spawn(async move {
            let result = worker(&plan, &target, &next, &written, &bar, &failed).await;
            if result.is_err() {
                failed.store(true, Ordering::Relaxed);
            }
            result
        });
    }
    let mut error = None;
    while let Some(done) = tasks.join_next().await {
        let result = done.map_err(|e| e.to_string()).and_then(|r| r);
        if let (Err(e), None) = (result, &error) {
            error = Some(e);
        }
    }
    bar.finish_and_clear();
    match error {
        None => Ok(()),
        Some(e) => Err(format!(
            "{e}\n{} of {items} items were loaded before the failure",
            written.load(Ordering::Relaxed),
        )),
    }
}

async fn worker(
    plan: &Plan,
    target: &Target,
    next: &AtomicUsize,
    written: &AtomicU64,
    bar: &ProgressBar,
    failed: &AtomicBool,
) -> Result<(), String> {
    let mut session = target.session().await?;
    let mut requests = String::new();
    while !failed.load(Ordering::Relaxed) {
        let Some((table, range)) = plan.batches.get(next.fetch_add(1, Ordering::Relaxed)) else {
            return Ok(());
        };
        let table = &plan.tables[*table];
        requests.clear();
        for (n, put) in table.puts[range.clone()].iter().enumerate() {
            if n > 0 {
                requests.push(',');
            }
            let file = &plan.files[put.file as usize];
            let entry = &file.tables[put.table as usize].1[put.entry as usize];
            file.request_of(entry, &mut requests);
        }
        session.write(&table.name, &requests).await?;
        written.fetch_add(range.len() as u64, Ordering::Relaxed);
        bar.inc(range.len() as u64);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_told_apart_by_value_and_type() {
        let keys = ["k".to_owned()];
        let item = |v| Item::from([("k".to_owned(), v)]);
        assert_eq!(
            key_text(&keys, &item(AttributeValue::S("1".into()))),
            key_text(&keys, &item(AttributeValue::S("1".into())))
        );
        assert_ne!(
            key_text(&keys, &item(AttributeValue::S("1".into()))),
            key_text(&keys, &item(AttributeValue::N("1".into())))
        );
    }

    #[test]
    fn long_items_are_cut_short() {
        let text = "é".repeat(400);
        assert_eq!(shorten(&text).chars().count(), 301);
        assert_eq!(shorten("ab"), "ab");
    }
}
