//! ImportTable, DescribeImport and ListImports.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Import;
use super::decompress;
use super::read::{self, Record};
use crate::engine::exports::ops::{check_arn, check_bucket, check_token};
use crate::engine::exports::s3::{Bucket, Failure};
use crate::engine::exports::{TOKEN_WINDOW_SECONDS, Transfer, list_page, lookup, meta_write};
use crate::engine::table::Table;
use crate::engine::write::{index_entry, recount};
use crate::engine::{Engine, change, item_collections, keys, storage_error};
use crate::storage::{Write, WriteBatch};
use ddbmock_core::error::msg::export as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Error, Result, msg};
use ddbmock_core::model::{Item, validate_item_values};
use ddbmock_core::operation::*;

/// Writes per storage batch while an import fills its table.
const CHUNK: usize = 10_000;

/// The delimiters DynamoDB's model allows a CSV import (`[,;:|\t ]`).
const DELIMITERS: [char; 6] = [',', ';', ':', '|', '\t', ' '];

/// What an import read and wrote.
#[derive(Default)]
struct Counts {
    processed: i64,
    imported: i64,
    errors: i64,
    bytes: i64,
}

impl Engine {
    pub(crate) fn import_table_now(&self, input: ImportTableInput) -> Result<ImportTableOutput> {
        let mut errors = ConstraintErrors::new();
        check_token(&mut errors, input.client_token.as_deref());
        match &input.s3_bucket_source {
            None => errors.null("s3BucketSource"),
            Some(s) => {
                check_bucket(
                    &mut errors,
                    "s3BucketSource.s3Bucket",
                    s.s3_bucket.as_deref(),
                );
                if let Some(p) = &s.s3_key_prefix {
                    errors.length("s3BucketSource.s3KeyPrefix", p, p.chars().count(), 0, 1024);
                }
            }
        }
        match &input.input_format {
            None => errors.null("inputFormat"),
            Some(InputFormat::Unknown(v)) => {
                errors.enum_value("inputFormat", Some(v), InputFormat::VALUES);
            }
            Some(_) => {}
        }
        if let Some(InputCompressionType::Unknown(v)) = &input.input_compression_type {
            errors.enum_value(
                "inputCompressionType",
                Some(v),
                InputCompressionType::VALUES,
            );
        }
        let csv = input
            .input_format_options
            .as_ref()
            .and_then(|o| o.csv.as_ref());
        if let Some(d) = csv.and_then(|c| c.delimiter.as_ref()) {
            let member = "inputFormatOptions.csv.delimiter";
            errors.length(member, d, d.chars().count(), 1, 1);
            if !d.chars().all(|c| DELIMITERS.contains(&c)) {
                errors.push(
                    &format!("'{d}'"),
                    member,
                    "Member must satisfy regular expression pattern: [,;:|\\t ]",
                );
            }
        }
        if let Some(h) = csv.and_then(|c| c.header_list.as_ref()) {
            let member = "inputFormatOptions.csv.headerList";
            errors.at_least(member, Some(h.len() as i64), 1);
            errors.at_most(member, Some(h.len() as i64), 255);
        }
        if input.table_creation_parameters.is_none() {
            errors.null("tableCreationParameters");
        }
        errors.into_result()?;
        let now = self.inner.clock.epoch_seconds();
        if let Some(done) = self.import_retry(&input, now)? {
            return Ok(ImportTableOutput {
                import_table_description: Some(done.description(now)),
            });
        }
        let params = input.table_creation_parameters.clone().unwrap_or_default();
        let name = params.table_name.clone().unwrap_or_default();
        // A table of that name: CreateTable's error, before any object is read.
        if !name.is_empty() && self.table_any(&name).is_some() {
            return Err(msg::table::table_exists(&name));
        }
        let request = CreateTableInput {
            table_name: params.table_name.clone(),
            attribute_definitions: params.attribute_definitions.clone(),
            key_schema: params.key_schema.clone(),
            billing_mode: params.billing_mode.clone(),
            provisioned_throughput: params.provisioned_throughput.clone(),
            on_demand_throughput: params.on_demand_throughput.clone(),
            sse_specification: params.sse_specification.clone(),
            global_secondary_indexes: params.global_secondary_indexes.clone(),
            ..Default::default()
        };
        let mut counts = Counts::default();
        let mut failure: Option<Failure> = None;
        let created = self.create_table_with(request, |table| {
            let records = match self.read_source(&input, &params, &mut counts) {
                Ok(records) => records,
                Err(f) => {
                    failure = Some(f);
                    // Only aborts the creation: the import is described FAILED below.
                    return Err(msg::validation("import failed"));
                }
            };
            self.fill_import(table, records, &mut counts)
        });
        let arn = self.transfer_arn(&self.arn(&name), "import", now);
        let ends_at = now + self.inner.config.table_status_delay.as_secs_f64();
        let mut done = ImportTableDescription {
            import_arn: Some(arn.clone()),
            import_status: Some(ImportStatus::Completed),
            table_arn: Some(self.arn(&name)),
            client_token: input.client_token.clone(),
            s3_bucket_source: input.s3_bucket_source.clone(),
            error_count: Some(counts.errors),
            input_format: input.input_format.clone(),
            input_format_options: input.input_format_options.clone(),
            input_compression_type: Some(
                input
                    .input_compression_type
                    .clone()
                    .unwrap_or(InputCompressionType::None),
            ),
            table_creation_parameters: Some(params),
            start_time: Some(now),
            end_time: Some(ends_at),
            processed_size_bytes: Some(counts.bytes),
            processed_item_count: Some(counts.processed),
            imported_item_count: Some(counts.imported),
            ..Default::default()
        };
        match (created, failure) {
            (Ok(out), _) => {
                done.table_id = out.table_description.and_then(|d| d.table_id);
            }
            (Err(_), Some((code, message))) => {
                done.import_status = Some(ImportStatus::Failed);
                done.failure_code = Some(code.to_owned());
                done.failure_message = Some(message.to_owned());
                done.imported_item_count = Some(0);
            }
            (Err(e), None) => return Err(e),
        }
        let import = Import {
            done,
            ends_at,
            request: input,
        };
        self.inner
            .storage
            .write(vec![
                meta_write("import", &arn, &import).map_err(storage_error)?,
            ])
            .map_err(storage_error)?;
        let description = import.description(now);
        self.inner
            .transfers
            .imports
            .write()
            .insert(arn, Arc::new(import));
        Ok(ImportTableOutput {
            import_table_description: Some(description),
        })
    }

    /// The import a request with the same client token made within the token's window: `None` when
    /// there is none, `ImportConflictException` when it was made by another request.
    fn import_retry(&self, input: &ImportTableInput, now: f64) -> Result<Option<Arc<Import>>> {
        let Some(token) = &input.client_token else {
            return Ok(None);
        };
        let imports = self.inner.transfers.imports.read();
        let earlier = imports.values().find(|i| {
            i.request.client_token.as_ref() == Some(token)
                && now - i.started_at() < TOKEN_WINDOW_SECONDS
        });
        match earlier {
            None => Ok(None),
            Some(i) if i.request == *input => Ok(Some(i.clone())),
            Some(_) => Err(m::import_conflict()),
        }
    }

    /// The records of every object under the import's prefix, in key order.
    fn read_source(
        &self,
        input: &ImportTableInput,
        params: &TableCreationParameters,
        counts: &mut Counts,
    ) -> std::result::Result<Vec<Record>, Failure> {
        let source = input.s3_bucket_source.clone().unwrap_or_default();
        let bucket = Bucket::open(
            self.inner.config.s3_dir.as_deref(),
            source.s3_bucket.as_deref().unwrap_or_default(),
        )?;
        let keys = bucket.list(source.s3_key_prefix.as_deref().unwrap_or_default())?;
        if keys.is_empty() {
            return Err(m::NO_SUCH_KEY);
        }
        let csv = input
            .input_format_options
            .as_ref()
            .and_then(|o| o.csv.clone())
            .unwrap_or_default();
        let delimiter = csv
            .delimiter
            .as_deref()
            .and_then(|d| d.chars().next())
            .unwrap_or(',');
        let definitions = params.attribute_definitions.clone().unwrap_or_default();
        let mut records = Vec::new();
        for key in keys {
            let bytes = bucket.get(&key)?;
            counts.bytes += bytes.len() as i64;
            let Some(text) = decompress::text(&bytes, input.input_compression_type.as_ref()) else {
                records.push(Err(format!("{key} cannot be read")));
                continue;
            };
            records.extend(match input.input_format {
                Some(InputFormat::Csv) => {
                    read::csv(&text, delimiter, csv.header_list.as_deref(), &definitions)
                }
                Some(InputFormat::Ion) => super::super::ion::read::records(&text),
                _ => read::dynamodb_json(&text),
            });
        }
        Ok(records)
    }

    /// Writes the records that are items of `table` into its keyspaces (a later item with the key
    /// of an earlier one replacing it), counting them and the others, and sets its counters.
    fn fill_import(&self, table: &Table, records: Vec<Record>, counts: &mut Counts) -> Result<()> {
        let mut items: BTreeMap<Vec<u8>, Item> = BTreeMap::new();
        for record in records {
            counts.processed += 1;
            match record
                .map_err(|_| ())
                .and_then(|item| admit(table, item).map_err(|_| ()))
            {
                Ok((key, item)) => {
                    items.insert(key, item);
                }
                Err(()) => counts.errors += 1,
            }
        }
        counts.imported = items.len() as i64;
        let storage = &self.inner.storage;
        let mut batch: WriteBatch = vec![Write::CreateSpace(table.space)];
        batch.extend(table.indexes.iter().map(|i| Write::CreateSpace(i.space)));
        for (key, item) in items {
            for index in &table.indexes {
                if let Some((k, entry)) = index_entry(index, &table.key, &key, Some(&item))? {
                    batch.push(Write::Put {
                        space: index.space,
                        key: k,
                        item: Arc::new(entry),
                    });
                }
            }
            batch.push(Write::Put {
                space: table.space,
                key,
                item: Arc::new(item),
            });
            if batch.len() >= CHUNK {
                storage
                    .write(std::mem::take(&mut batch))
                    .map_err(storage_error)?;
            }
        }
        storage.write(batch).map_err(storage_error)?;
        recount(&**storage, table).map_err(storage_error)?;
        item_collections::recount(&**storage, table).map_err(storage_error)
    }

    pub(crate) fn describe_import_now(
        &self,
        input: DescribeImportInput,
    ) -> Result<DescribeImportOutput> {
        let mut errors = ConstraintErrors::new();
        let arn = check_arn(&mut errors, "importArn", &input.import_arn);
        errors.into_result()?;
        let import = lookup(&self.inner.transfers.imports, arn, m::import_not_found)?;
        Ok(DescribeImportOutput {
            import_table_description: Some(import.description(self.inner.clock.epoch_seconds())),
        })
    }

    pub(crate) fn list_imports_now(&self, input: ListImportsInput) -> Result<ListImportsOutput> {
        let (listed, next_token) = list_page(
            &self.inner.transfers.imports,
            input.table_arn.as_ref(),
            ("pageSize", input.page_size),
            input.next_token.as_deref(),
        )?;
        let now = self.inner.clock.epoch_seconds();
        Ok(ListImportsOutput {
            import_summary_list: Some(listed.iter().map(|i| i.summary(now)).collect()),
            next_token,
        })
    }
}

/// The item `item` is in `table`, with its storage key, or the error PutItem would give it.
fn admit(table: &Table, mut item: Item) -> std::result::Result<(Vec<u8>, Item), Error> {
    validate_item_values(&mut item)?;
    keys::validate_item_key(&table.key, &item)?;
    change::check_item(table, &item)?;
    Ok((keys::item_storage_key(&table.key, &item)?, item))
}
