//! DynamoDB's documented limits, as constants: the one place ddbmock writes each of them down.
//!
//! The engine enforces these; tests and applications use them to build values at a limit (an item of
//! exactly [`MAX_ITEM_BYTES`], a key one byte over [`MAX_HASH_KEY_BYTES`]) without copying numbers
//! out of the Developer Guide ("Constraints in Amazon DynamoDB", and the API Reference of each
//! operation). Sizes are in bytes, with DynamoDB's binary units: 1 KB = 1024 bytes, 1 MB = 1024 KB.
//!
//! ```
//! use ddbmock_core::limits;
//!
//! assert_eq!(limits::MAX_ITEM_BYTES, 409_600);
//! assert_eq!(limits::MAX_HASH_KEY_BYTES, 2048);
//! ```

// Items and attributes.

/// The largest item, as DynamoDB counts its size ([`crate::model::item_size`]): 400 KB.
pub const MAX_ITEM_BYTES: usize = 400 * 1024;
/// The largest partition key value (`S` and `B` by their bytes, `N` by its encoded size).
pub const MAX_HASH_KEY_BYTES: usize = 2048;
/// The largest sort key value.
pub const MAX_RANGE_KEY_BYTES: usize = 1024;
/// The smallest key value: key strings and binaries may not be empty.
pub const MIN_KEY_BYTES: usize = 1;
/// The deepest level a value may sit at, the attribute itself being level 1: a value wrapped in 31
/// maps or lists is accepted, in 32 refused (paritysuite, against eu-west-2, 2026-06).
pub const MAX_NESTING_LEVELS: usize = 32;
/// The longest attribute name, in bytes of UTF-8: less than 64 KB, as DynamoDB's message says
/// ("Attribute name is too large, must be less than 65536 bytes").
pub const MAX_ATTRIBUTE_NAME_BYTES: usize = 65_535;
/// The longest name of a key attribute, or of an attribute projected into an index.
pub const MAX_KEY_ATTRIBUTE_NAME_BYTES: usize = 255;
/// The fewest members of a set (`SS`, `NS`, `BS`): sets may not be empty; the most is bounded only
/// by the item's size.
pub const MIN_SET_MEMBERS: usize = 1;

// Numbers.

/// The most significant digits a number may hold.
pub const MAX_NUMBER_DIGITS: u32 = 38;
/// The largest decimal exponent of a number's leading digit: the largest magnitude is
/// 9.9999999999999999999999999999999999999E+125.
pub const MAX_NUMBER_EXPONENT: i32 = 125;
/// The smallest decimal exponent of a number's leading digit: the smallest non-zero magnitude is
/// 1E-130.
pub const MIN_NUMBER_EXPONENT: i32 = -130;

// Expressions.

/// The longest expression (condition, filter, key condition, projection, update), in bytes.
pub const MAX_EXPRESSION_BYTES: usize = 4096;
/// The deepest document path in an expression (`a.b[0].c` is 3 deep).
pub const MAX_PATH_DEPTH: usize = 32;
/// The most values one `IN` comparison lists.
pub const MAX_IN_VALUES: usize = 100;

// Batches and transactions.

/// The most put and delete requests in one `BatchWriteItem`.
pub const MAX_BATCH_WRITE_ITEMS: usize = 25;
/// The most keys in one `BatchGetItem`.
pub const MAX_BATCH_GET_KEYS: usize = 100;
/// The largest `BatchGetItem` response: 16 MB.
pub const MAX_BATCH_GET_RESPONSE_BYTES: usize = 16 * 1024 * 1024;
/// The most actions in one `TransactWriteItems` or `TransactGetItems`.
pub const MAX_TRANSACTION_ACTIONS: usize = 100;
/// The largest aggregate size of a transaction's items: 4 MB.
pub const MAX_TRANSACTION_BYTES: usize = 4 * 1024 * 1024;
/// The longest `ClientRequestToken` of a `TransactWriteItems`, in characters.
pub const MAX_CLIENT_REQUEST_TOKEN_CHARS: usize = 36;

// Reads.

/// The most data one `Query` or `Scan` page reads before it stops with a `LastEvaluatedKey`: 1 MB.
pub const MAX_PAGE_BYTES: usize = 1024 * 1024;
/// The largest `TotalSegments` of a parallel `Scan`.
pub const MAX_SCAN_SEGMENTS: i64 = 1_000_000;
/// The largest (and default) `Limit` of `ListTables`.
pub const MAX_LIST_TABLES_LIMIT: usize = 100;

// Tables and indexes.

/// The most global secondary indexes a table may have (the default quota).
pub const MAX_GLOBAL_INDEXES: usize = 20;
/// The most local secondary indexes a table may have.
pub const MAX_LOCAL_INDEXES: usize = 5;
/// The most non-key attributes projected (`INCLUDE`) into all of a table's indexes together.
pub const MAX_PROJECTED_ATTRIBUTES: usize = 100;
/// The most tags on one resource.
pub const MAX_TAGS: usize = 50;
/// The largest capacity units a table or index may be provisioned with.
pub const MAX_CAPACITY_UNITS: i64 = 1_000_000_000_000;

// Streams.

/// The most records one `GetRecords` returns.
pub const MAX_STREAM_RECORDS: i64 = 1000;
/// The most data one `GetRecords` returns: 1 MB.
pub const MAX_STREAM_RECORDS_BYTES: i64 = 1024 * 1024;
/// The most streams or shards one `ListStreams` or `DescribeStream` returns.
pub const MAX_STREAM_PAGE: usize = 100;

// Requests.

/// The largest request body DynamoDB reads: 16 MB.
pub const MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;
