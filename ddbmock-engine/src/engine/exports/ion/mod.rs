//! Amazon Ion, the other format of exports and imports: DynamoDB writes and reads Ion's text
//! format, one item a line, `$ion_1_0 {Item:{...}}`, with the Developer Guide's mapping:
//!
//! | DynamoDB | Ion |
//! | --- | --- |
//! | String (S) | string |
//! | Boolean (BOOL) | bool |
//! | Number (N) | decimal (`103.`, `6d2`) |
//! | Binary (B) | blob (`{{base64}}`) |
//! | Set (SS, NS, BS) | list annotated `$dynamodb_SS`, `$dynamodb_NS` or `$dynamodb_BS` |
//! | List | list |
//! | Map | struct |
//!
//! ddbmock writes and reads that subset itself (the `ion-rs` crate would cost the build far more
//! than these two small files). Unconfirmed: NULL, which the table leaves out, is Ion's `null`;
//! and an incremental export's Ion lines, which the guide does not show, mirror its JSON lines.
//!
//! - `write`: items and changes as Ion lines;
//! - `read`: Ion text as import records, with a nesting bound.

pub(crate) mod read;
pub(crate) mod write;
