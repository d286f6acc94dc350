//! The legacy parameters (`Expected`, `QueryFilter`/`ScanFilter`/`KeyConditions`,
//! `AttributeUpdates`, `AttributesToGet`), translated into the resolved forms the evaluators run.
