//! `ddbmock dump`: writes tables' items to a file or a folder, in DynamoDB's export data format
//! (`{"Item": {...}}` per line) or as a BatchWriteItem request (`{"Table": [{"PutRequest": ...}]}`),
//! gzip when the file's name ends in `.gz` (or with `--gzip`, in a folder). Each table is read by
//! a parallel Scan whose segments run at once; pages go to the file as they come, so the order of
//! items is the scan's, not the key's.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use ddbmock::model::export_line;
use ddbmock::operation::ScanInput;
use indicatif::ProgressBar;

use super::input::Format;
use super::progress;
use super::target::Target;

/// What to dump and where.
pub(crate) struct Options {
    /// The tables; none means every table.
    pub(crate) tables: Vec<String>,
    pub(crate) format: Format,
    /// A file, a folder (an existing one, or a path ending in `/`), or none for standard output.
    pub(crate) out: Option<PathBuf>,
    /// Gzip each file written into a folder.
    pub(crate) gzip: bool,
    /// Scan segments read at once.
    pub(crate) segments: usize,
}

/// What a dump wrote.
pub(crate) struct Dumped {
    pub(crate) items: u64,
    pub(crate) tables: usize,
    pub(crate) started: Instant,
}

impl Dumped {
    /// The one-line summary.
    pub(crate) fn summary(&self) -> String {
        progress::summary("dumped", self.items, "from", self.tables, self.started)
    }
}

/// Dumps `options.tables` (or all) of `target`.
pub(crate) async fn dump(target: &Target, options: &Options) -> Result<Dumped, String> {
    let started = Instant::now();
    let mut session = target.session().await?;
    let tables = if options.tables.is_empty() {
        session.list_tables().await?
    } else {
        options.tables.clone()
    };
    let mut total = 0u64;
    for table in &tables {
        let described = session.describe(table).await?;
        total += described.item_count.unwrap_or(0).max(0) as u64;
    }
    let bar = progress::bar(total, "dumping");
    let folder = options.out.as_deref().filter(|p| is_folder(p));
    let mut items = 0;
    match folder {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            for table in &tables {
                let name = format!("{table}.json{}", if options.gzip { ".gz" } else { "" });
                let path = dir.join(name);
                let mut out = Output::create(Some(&path), options.gzip, options.format)?;
                items += dump_table(target, table, options, &mut out, &bar).await?;
                out.finish()?;
            }
        }
        None => {
            if options.format == Format::Export && tables.len() != 1 {
                return Err(format!(
                    "export data names no table, so one file holds one table's, and {} tables were asked for: dump them to a folder (--out DIR/), or as a BatchWriteItem request (--format batch)",
                    tables.len()
                ));
            }
            let path = options.out.as_deref();
            let gzip =
                options.gzip || path.is_some_and(|p| p.extension().is_some_and(|e| e == "gz"));
            let mut out = Output::create(path, gzip, options.format)?;
            for table in &tables {
                items += dump_table(target, table, options, &mut out, &bar).await?;
            }
            out.finish()?;
        }
    }
    bar.finish_and_clear();
    Ok(Dumped {
        items,
        tables: tables.len(),
        started,
    })
}

fn is_folder(path: &Path) -> bool {
    path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/')
}

/// Where a dump goes, and how many tables it holds so far (a BatchWriteItem document's members
/// are separated).
struct Output {
    path: Option<PathBuf>,
    sink: Sink,
    batch: bool,
    tables: usize,
}

enum Sink {
    Stdout(BufWriter<std::io::Stdout>),
    File(BufWriter<File>),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
}

impl Output {
    fn create(path: Option<&Path>, gzip: bool, format: Format) -> Result<Output, String> {
        let sink = match path {
            None => Sink::Stdout(BufWriter::new(std::io::stdout())),
            Some(path) => {
                let file = File::create(path)
                    .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
                let file = BufWriter::with_capacity(1 << 20, file);
                if gzip {
                    Sink::Gzip(flate2::write::GzEncoder::new(
                        file,
                        flate2::Compression::fast(),
                    ))
                } else {
                    Sink::File(file)
                }
            }
        };
        Ok(Output {
            path: path.map(Path::to_owned),
            sink,
            batch: format == Format::Batch,
            tables: 0,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), String> {
        let written = match &mut self.sink {
            Sink::Stdout(w) => w.write_all(bytes),
            Sink::File(w) => w.write_all(bytes),
            Sink::Gzip(w) => w.write_all(bytes),
        };
        written.map_err(|e| self.failed(e))
    }

    fn failed(&self, e: std::io::Error) -> String {
        match &self.path {
            Some(path) => format!("cannot write {}: {e}", path.display()),
            None => format!("cannot write to standard output: {e}"),
        }
    }

    /// Closes the BatchWriteItem document and the gzip stream, and flushes.
    fn finish(mut self) -> Result<(), String> {
        if self.batch {
            let end: &[u8] = if self.tables == 0 { b"{}\n" } else { b"\n]}\n" };
            self.write(end)?;
        }
        let flushed = match self.sink {
            Sink::Stdout(mut w) => w.flush(),
            Sink::File(mut w) => w.flush(),
            Sink::Gzip(w) => w.finish().and_then(|mut w| w.flush()),
        };
        match (flushed, &self.path) {
            (Ok(()), _) => Ok(()),
            (Err(e), Some(path)) => Err(format!("cannot write {}: {e}", path.display())),
            (Err(e), None) => Err(format!("cannot write to standard output: {e}")),
        }
    }
}

/// Scans `table` in `options.segments` segments at once and writes its items to `out`; gives
/// their number.
async fn dump_table(
    target: &Target,
    table: &str,
    options: &Options,
    out: &mut Output,
    bar: &ProgressBar,
) -> Result<u64, String> {
    let batch = options.format == Format::Batch;
    if batch {
        let open = format!(
            "{}{}:[",
            if out.tables == 0 { "{" } else { "\n],\n" },
            serde_json::to_string(table).map_err(|e| e.to_string())?
        );
        out.write(open.as_bytes())?;
    }
    out.tables += 1;
    let segments = options.segments.max(1);
    let (send, mut receive) = tokio::sync::mpsc::channel::<Result<(u64, Vec<u8>), String>>(64);
    for segment in 0..segments {
        let (target, send, table) = (target.clone(), send.clone(), table.to_owned());
        tokio::spawn(async move {
            if let Err(e) = scan_segment(&target, &table, segment, segments, batch, &send).await {
                let _ = send.send(Err(e)).await;
            }
        });
    }
    drop(send);
    let mut items = 0;
    while let Some(chunk) = receive.recv().await {
        let (count, bytes) = chunk?;
        if count == 0 {
            continue;
        }
        if batch {
            out.write(if items > 0 { b",\n" } else { b"\n" })?;
        }
        out.write(&bytes)?;
        items += count;
        bar.inc(count);
    }
    Ok(items)
}

async fn scan_segment(
    target: &Target,
    table: &str,
    segment: usize,
    segments: usize,
    batch: bool,
    send: &tokio::sync::mpsc::Sender<Result<(u64, Vec<u8>), String>>,
) -> Result<(), String> {
    let mut session = target.session().await?;
    let mut start = None;
    loop {
        let page = session
            .scan_text(ScanInput {
                table_name: Some(table.to_owned()),
                exclusive_start_key: start.take(),
                segment: (segments > 1).then_some(segment as i32),
                total_segments: (segments > 1).then_some(segments as i32),
                ..Default::default()
            })
            .await
            .map_err(|e| format!("cannot scan {table}: {e}"))?;
        let items = &page.items;
        let mut bytes = Vec::with_capacity(page.text.len() + items.len() * 24);
        for (n, span) in items.iter().enumerate() {
            if !batch {
                export_line::write_json(&mut bytes, page.item(span));
                continue;
            }
            if n > 0 {
                bytes.extend_from_slice(b",\n");
            }
            bytes.extend_from_slice(b"{\"PutRequest\":{\"Item\":");
            bytes.extend_from_slice(page.item(span));
            bytes.extend_from_slice(b"}}");
        }
        if send.send(Ok((items.len() as u64, bytes))).await.is_err() {
            return Ok(());
        }
        match page.last_evaluated_key {
            Some(key) => start = Some(key),
            None => return Ok(()),
        }
    }
}
