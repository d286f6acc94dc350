//! Proptest strategies and the conformance suite that every door of ddbmock runs.
