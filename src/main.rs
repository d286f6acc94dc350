//! `ddbmock`: DynamoDB for tests, as a server. Speaks DynamoDB's JSON protocol on 127.0.0.1:8000 for
//! any SDK, language or the AWS CLI; in memory or in a SQLite file (`--db`); stops cleanly on Ctrl-C
//! or SIGTERM, letting requests in flight finish and closing the database.

use std::io::{IsTerminal, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use ddbmock::{Consistency, Engine, Staleness};
use ddbmock_server::{Auth, Limits, Options};

#[path = "main/data/mod.rs"]
mod data;
#[path = "main/report.rs"]
mod report;

/// mimalloc rather than the system's allocator: a request allocates and frees many small strings
/// (an item's names and values) next to a few large buffers (its body, its answer), a mix on which
/// glibc's malloc spends a third of the server's time coalescing freed chunks. Measured with
/// `ddbmock load` of 200,000 items into an in-memory server (2 cores, release build): 10 µs of
/// server CPU an item with glibc, 5.4 with mimalloc. Its transparent huge pages stay off
/// (`no_thp`): with them, an idle server holds 14 MiB rather than 8, and one with 100,000 items
/// 49 MiB rather than 41 (glibc: 7.5 and 43).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// DynamoDB for tests: a fast, faithful DynamoDB emulator (API 2012-08-10) on a local port.
///
/// Point any SDK or the AWS CLI at it with an endpoint URL, for example:
///
///   aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000
///
/// Tables live in memory and are gone when the server stops, unless --db names a SQLite file.
/// It is not a production database.
#[derive(Parser, Debug)]
#[command(name = "ddbmock", version, verbatim_doc_comment)]
struct Cli {
    /// TCP port to listen on (DynamoDB Local's 8000 by default; 0 picks a free port, printed at
    /// startup).
    #[arg(long, default_value_t = 8000)]
    port: u16,

    /// Address to listen on. Loopback by default, so only this machine can connect; use 0.0.0.0
    /// (or ::) only when other machines or containers must reach the server: it has no
    /// authorization beyond `--auth`.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,

    /// Keep the tables in this SQLite file (created if missing) instead of in memory, so they
    /// survive restarts. A committed write survives the server being killed, not a power cut. One
    /// server at a time per file. FILE holds the home region's tables (account 000000000000);
    /// every other account and region has a file beside it, created on its first request:
    /// tables.db -> tables.ACCOUNT.REGION.db.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,

    /// Accept only this access key and verify request signatures with its secret (repeatable).
    /// Without it, any well-formed SigV4 signature with any key is accepted, as DynamoDB Local
    /// does. Wrong signatures (over the body received), unknown keys, dates more than 15 minutes
    /// off and credentials scoped to another region or service then get DynamoDB's errors, before
    /// anything else is said about the request. The admin routes (GET /ddbmock/*) then take a
    /// signed request or `Authorization: Bearer TOKEN`, with the token printed at startup.
    ///
    /// With @ACCOUNT (12 digits), the key's requests reach that account's tables, and a table ARN
    /// of another account gets AccessDeniedException; keys without one are in account
    /// 000000000000.
    #[arg(long, value_name = "KEY:SECRET[@ACCOUNT]", value_parser = parse_key)]
    auth: Vec<(String, String, Option<String>)>,

    /// The home region: the health answer's, the one --shared serves, and the one whose tables
    /// --db keeps in FILE itself.
    #[arg(long, default_value = "us-east-1")]
    region: String,

    /// One set of tables for every request, whatever region its credential is scoped to (in ARNs,
    /// the home region). By default each region has its own tables, as in DynamoDB: a client in
    /// eu-west-1 sees only the tables created in eu-west-1, with eu-west-1 ARNs. With --auth, a
    /// credential must then be scoped to the home region.
    #[arg(long)]
    shared: bool,

    /// Worker threads serving requests. By default half the cores (at least one): tests and their
    /// server share a machine, and a worker competing with its own client for a core raises tail
    /// latency (on 2 cores, p99 3.6 ms with 2 workers against 0.5 ms with 1, same throughput).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,

    /// Enforce provisioned throughput as DynamoDB does (with its 300-second burst allowance):
    /// requests beyond a table's or index's capacity get ProvisionedThroughputExceededException.
    /// Off by default. What was consumed is at GET /ddbmock/capacity either way.
    #[arg(long)]
    throttle: bool,

    /// Milliseconds CreateTable, UpdateTable and DeleteTable keep a table CREATING, UPDATING or
    /// DELETING before it is ACTIVE (or gone), so that clients that wait for ACTIVE can be tested
    /// against the transitions. Meanwhile DynamoDB's errors apply: item operations on a creating
    /// table get ResourceNotFoundException, UpdateTable and DeleteTable ResourceInUseException.
    /// 0 (the default) makes every change take effect at once.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    status_delay: u64,

    /// Milliseconds a global secondary index that UpdateTable adds backfills (CREATING, Backfilling
    /// true) after the table's UPDATING transition (--status-delay), before it is ACTIVE; queries
    /// of the index are refused meanwhile. 0 (the default) makes it ACTIVE at once.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    index_delay: u64,

    /// Simulate eventual consistency: eventually consistent GetItem, BatchGetItem, Query and Scan
    /// (no ConsistentRead), and every read of a global secondary index, may miss writes made up to
    /// MS milliseconds ago and see the items as they were, as DynamoDB's replicas can. Each write
    /// stays unseen for a delay of its own up to MS, drawn from --eventual-seed (the same writes in
    /// the same order get the same delays on every run). Strongly consistent reads, transactions,
    /// conditions and writes always see the latest state. Without it (or with 0), every read is
    /// strongly consistent.
    #[arg(long, value_name = "MS")]
    eventual_lag: Option<u64>,

    /// With --eventual-lag, the worst case: every write stays unseen for the whole lag, so
    /// eventually consistent reads always see the items as they were MS milliseconds ago.
    #[arg(long, requires = "eventual_lag")]
    eventual_worst_case: bool,

    /// With --eventual-lag, the seed the delays of writes are drawn from (0 by default).
    #[arg(
        long,
        value_name = "N",
        requires = "eventual_lag",
        conflicts_with = "eventual_worst_case"
    )]
    eventual_seed: Option<u64>,

    /// Seconds a request body may take to arrive whole, from its headers; a slower one is answered
    /// 408 and its connection closed.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    body_timeout: u64,

    /// Minimum average rate, in bytes per second, of a request body still arriving 2 seconds after
    /// its headers (a body is never asked for more than it declared): a trickling client is
    /// answered 408 and closed.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024)]
    body_min_rate: u64,

    /// MiB of request bodies buffered at once, across connections (at least one request's 16): a
    /// body reserves its declared length before it is read. A request that finds no room within
    /// 1 second gets ThrottlingException, which SDKs retry. Memory held by bodies in flight stays
    /// under this.
    #[arg(long, value_name = "MIB", default_value_t = 128, value_parser = clap::value_parser!(u64).range(16..=4095))]
    body_budget: u64,

    /// Seconds a keep-alive connection may wait for its next request, or for the rest of a
    /// request's headers, before it is closed.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    idle_timeout: u64,

    /// Load these files or folders before answering (as `ddbmock load` does, into the home region's
    /// tables): table definitions (CreateTable requests, ddbmock's fixture format) and items
    /// (DynamoDB export data, BatchWriteItem requests). Bad input stops the server from starting,
    /// with nothing loaded.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    seed: Vec<PathBuf>,

    /// A folder standing for S3 in ExportTableToPointInTime and ImportTable: s3://bucket/prefix is
    /// DIR/bucket/prefix, and a bucket is a folder that exists in DIR. Without it, every bucket is
    /// unreachable and exports and imports fail (FAILED, S3NoSuchBucket).
    #[arg(long, value_name = "DIR")]
    s3_dir: Option<PathBuf>,

    /// Log level, to standard error: each request is logged at `debug`.
    #[arg(long, value_enum, default_value_t = LogLevel::Info)]
    log: LogLevel,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Print the capacity planning report of a running ddbmock server as a table: units consumed
    /// per table and index (total, peak and p99 per second), throttled requests, size, and the
    /// monthly cost on demand and provisioned.
    Report {
        /// The server to ask.
        #[arg(long, default_value = "http://127.0.0.1:8000")]
        endpoint: String,

        /// The admin token a server started with `--auth` printed (default: $DDBMOCK_TOKEN).
        #[arg(long)]
        token: Option<String>,
    },
    /// Put items into tables from files: DynamoDB's export data (`{"Item": {...}}` per line, as
    /// ExportTableToPointInTime writes it, gzip or not) or BatchWriteItem requests (as `aws
    /// dynamodb batch-write-item --request-items file://...` takes them), any number of items.
    /// Table definitions (CreateTable requests, ddbmock's fixture format) create their tables
    /// first. Everything is checked before the first write, with PutItem's own checks: bad input
    /// loads nothing and names the file, line and item. A key given twice keeps its last item.
    #[command(verbatim_doc_comment)]
    Load {
        /// Files, or folders of them (read in name order). Export data goes into the table
        /// named by the file up to its first dot (users.json.gz: users), unless --table.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,

        /// The table export data goes into.
        #[arg(long)]
        table: Option<String>,

        /// BatchWriteItem requests in flight at once.
        #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
        workers: u16,

        #[command(flatten)]
        at: At,
    },
    /// Write tables' items to a file or folder: DynamoDB's export data (`{"Item": {...}}` per
    /// line) or a BatchWriteItem request. A table or all of them.
    Dump {
        /// The table (repeatable); all tables by default.
        #[arg(long = "table", value_name = "TABLE")]
        tables: Vec<String>,

        /// A file (gzip if it ends in .gz), a folder (existing, or ending in /) for one file per
        /// table (TABLE.json), or standard output if none.
        #[arg(long, short, value_name = "PATH")]
        out: Option<PathBuf>,

        /// The format written.
        #[arg(long, value_enum, default_value_t = DumpFormat::Export)]
        format: DumpFormat,

        /// Gzip the files written into a folder (TABLE.json.gz).
        #[arg(long)]
        gzip: bool,

        /// Scan segments read at once (a parallel Scan).
        #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=256))]
        segments: u16,

        #[command(flatten)]
        at: At,
    },
}

/// Where `load` and `dump` find the tables.
#[derive(clap::Args, Debug)]
struct At {
    /// A running ddbmock server; the default. Requests are signed with the key in
    /// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) when they are set, as
    /// the AWS CLI signs, so a server started with --auth takes them with one of its keys.
    #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8000")]
    endpoint: String,

    /// A SQLite database file of ddbmock's (as `ddbmock --db FILE` keeps), opened directly instead
    /// of a server. Not while a server has it open.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,

    /// The region whose tables are meant.
    #[arg(long, default_value = "us-east-1")]
    region: String,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum DumpFormat {
    /// DynamoDB's export data: `{"Item": {...}}` per line.
    Export,
    /// One BatchWriteItem request: `{"TABLE": [{"PutRequest": {"Item": {...}}}, ...]}`.
    Batch,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LogLevel {
    Off,
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

fn parse_key(text: &str) -> Result<(String, String, Option<String>), String> {
    const EXPECTED: &str =
        "expected ACCESS_KEY_ID:SECRET_ACCESS_KEY[@ACCOUNT_ID], ACCOUNT_ID 12 digits";
    let Some((key, rest)) = text.split_once(':') else {
        return Err(EXPECTED.to_owned());
    };
    let (secret, account) = match rest.rsplit_once('@') {
        Some((secret, account)) if ddbmock::engine::is_account(account) => {
            (secret, Some(account.to_owned()))
        }
        Some(_) => return Err(EXPECTED.to_owned()),
        None => (rest, None),
    };
    if key.is_empty() || secret.is_empty() {
        return Err(EXPECTED.to_owned());
    }
    Ok((key.to_owned(), secret.to_owned(), account))
}

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    if let Some(Command::Report { endpoint, token }) = &cli.command {
        let token = token
            .clone()
            .or_else(|| std::env::var("DDBMOCK_TOKEN").ok());
        return match report::print(endpoint, token.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("ddbmock report: {error}");
                ExitCode::FAILURE
            }
        };
    }
    match cli.command.take() {
        Some(Command::Load {
            paths,
            table,
            workers,
            at,
        }) => {
            return run_tool(
                "load",
                |target| async move {
                    let options = data::load::Options {
                        table,
                        workers: usize::from(workers),
                    };
                    data::load::load(&target, &paths, &options)
                        .await
                        .map(|loaded| loaded.summary())
                },
                &at,
                true,
            );
        }
        Some(Command::Dump {
            tables,
            out,
            format,
            gzip,
            segments,
            at,
        }) => {
            return run_tool(
                "dump",
                |target| async move {
                    let options = data::dump::Options {
                        tables,
                        format: match format {
                            DumpFormat::Export => data::input::Format::Export,
                            DumpFormat::Batch => data::input::Format::Batch,
                        },
                        out,
                        gzip,
                        segments: usize::from(segments),
                    };
                    data::dump::dump(&target, &options)
                        .await
                        .map(|dumped| dumped.summary())
                },
                &at,
                false,
            );
        }
        _ => {}
    }
    init_logs(cli.log);
    // Requests run on the engine directly, in parallel across the workers; see `--threads`.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cli.threads.map_or((cores / 2).max(1), usize::from);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("ddbmock: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ddbmock: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a data tool on its own runtime against the target `at` names; prints its summary, or its
/// error, to standard error.
fn run_tool<F, Fut>(name: &str, tool: F, at: &At, create: bool) -> ExitCode
where
    F: FnOnce(data::target::Target) -> Fut,
    Fut: std::future::Future<Output = Result<String, String>>,
{
    let ran = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))
        .and_then(|runtime| {
            let target = data::target(Some(&at.endpoint), at.db.as_deref(), &at.region, create)?;
            runtime.block_on(tool(target))
        });
    match ran {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("ddbmock {name}: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(cli: Cli) -> Result<(), String> {
    let address = SocketAddr::new(cli.host, cli.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen on {address}: {e}"))?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    let builder = Engine::builder()
        .region(cli.region.clone())
        .table_status_delay(Duration::from_millis(cli.status_delay))
        .index_creation_delay(Duration::from_millis(cli.index_delay))
        .consistency(consistency(&cli))
        .throttle(ddbmock::engine::meter::ThrottleConfig {
            enabled: cli.throttle,
            ..Default::default()
        });
    let builder = match &cli.s3_dir {
        Some(dir) => builder.s3_dir(dir),
        None => builder,
    };
    let (builder, store) = match &cli.db {
        Some(path) => (builder.sqlite(path), format!("in {}", path.display())),
        None => (builder, "in memory".to_owned()),
    };
    let open_error = |e: &dyn std::fmt::Display| match &cli.db {
        Some(path) => format!("cannot open {}: {e}", path.display()),
        None => e.to_string(),
    };
    let scopes = if cli.shared {
        ddbmock::Scopes::shared(builder.build().map_err(|e| open_error(&e))?)
    } else {
        builder.scopes().map_err(|e| open_error(&e))?
    };
    if !cli.seed.is_empty() {
        let target = data::target::Target::Engine(scopes.home().clone());
        let options = data::load::Options {
            table: None,
            workers: 2,
        };
        let loaded = data::load::load(&target, &cli.seed, &options)
            .await
            .map_err(|e| format!("--seed: {e}"))?;
        tracing::info!("seeded: {}", loaded.summary());
    }
    let accounts = cli.auth.iter().any(|(_, _, account)| account.is_some());
    let mode = match (cli.shared, accounts) {
        (true, _) => format!(
            "one set of tables for every region and key (--shared), {}",
            cli.region
        ),
        (false, false) => "tables per region, every key in account 000000000000".to_owned(),
        (false, true) => "tables per account and region, accounts by key".to_owned(),
    };
    let mode = match cli.eventual_lag.filter(|ms| *ms > 0) {
        Some(ms) if cli.eventual_worst_case => {
            format!("{mode}; eventually consistent reads {ms} ms behind")
        }
        Some(ms) => format!("{mode}; eventually consistent reads up to {ms} ms behind"),
        None => mode,
    };
    let token = (!cli.auth.is_empty()).then(admin_token);
    let mut limits = Limits::default();
    limits.body_timeout = Duration::from_secs(cli.body_timeout);
    limits.body_min_rate = cli.body_min_rate;
    limits.body_budget = (cli.body_budget as usize) << 20;
    limits.idle_timeout = Duration::from_secs(cli.idle_timeout);
    let options = Options::default().with_limits(limits);
    let options = match &token {
        None => options,
        Some(token) => {
            let keys = cli.auth.iter().map(|(k, s, _)| (k.clone(), s.clone()));
            let auth = cli.auth.iter().fold(
                Auth::verify(keys).with_token(token),
                |auth, (key, _, account)| match account {
                    Some(account) => auth.with_account(key, account),
                    None => auth,
                },
            );
            options.with_auth(auth)
        }
    };
    let endpoint = format!("http://{bound}");
    let mut banner = format!(
        "ddbmock listening on {endpoint} ({store}{}; {mode})\n  try: aws dynamodb list-tables --endpoint-url {endpoint}\n",
        if options.auth.is_verifying() {
            ", verifying signatures"
        } else {
            ", any access key"
        }
    );
    banner.push_str(&format!(
        "  console: {endpoint}{}\n",
        ddbmock_server::CONSOLE_PATH
    ));
    if let Some(token) = &token {
        banner.push_str(&format!(
            "  admin token (GET /ddbmock/*, `Authorization: Bearer <token>`, or DDBMOCK_TOKEN for `ddbmock report`): {token}\n"
        ));
    }
    // One write, and a closed stdout is no reason to stop serving: a parent that read the address
    // and then closed its end of the pipe would otherwise kill the server with a panic.
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(banner.as_bytes())
        .and_then(|()| stdout.flush());
    drop(stdout);
    if !cli.host.is_loopback() {
        tracing::warn!(
            "listening beyond loopback on {bound}: whoever reaches this port can read and write its tables"
        );
    }
    ddbmock_server::run_with(listener, scopes, options, shutdown_signal())
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!("stopped");
    Ok(())
}

/// The consistency the `--eventual-*` flags ask for.
fn consistency(cli: &Cli) -> Consistency {
    let lag = Duration::from_millis(cli.eventual_lag.unwrap_or(0));
    if lag.is_zero() {
        Consistency::Strong
    } else if cli.eventual_worst_case {
        Consistency::oldest(lag)
    } else {
        Consistency::Eventual {
            lag,
            staleness: Staleness::Seeded(cli.eventual_seed.unwrap_or(0)),
        }
    }
}

/// A fresh admin token: 128 bits from the OS's random source.
///
/// `RandomState` is the standard library's door to it (its SipHash keys are drawn from the OS once
/// per thread); hashing two constants under those keys yields 128 unpredictable bits without a
/// random-number crate.
fn admin_token() -> String {
    use std::hash::BuildHasher;
    let keys = std::collections::hash_map::RandomState::new();
    format!("{:016x}{:016x}", keys.hash_one(1u8), keys.hash_one(2u8))
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn init_logs(level: LogLevel) {
    let level = match level {
        LogLevel::Off => return,
        LogLevel::Error => tracing::Level::ERROR,
        LogLevel::Warn => tracing::Level::WARN,
        LogLevel::Info => tracing::Level::INFO,
        LogLevel::Debug => tracing::Level::DEBUG,
        LogLevel::Trace => tracing::Level::TRACE,
    };
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}
