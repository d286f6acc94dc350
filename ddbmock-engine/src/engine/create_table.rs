//! CreateTable: validate the schema, indexes and billing, then publish the table.

use std::sync::Arc;

use super::keys::{KeyAttr, KeySchema};
use super::table::{Index, Projected, Stats, Table};
use super::validate;
use super::{Engine, storage_error};
use crate::storage::Write;
use ddbmock_core::error::msg::constraint;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::AttributeType;
use ddbmock_core::operation::*;

/// Largest capacity units DynamoDB accepts on a table or index.
use ddbmock_core::limits::MAX_CAPACITY_UNITS;

impl Engine {
    pub(crate) fn create_table_now(&self, input: CreateTableInput) -> Result<CreateTableOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::table_name(&mut errors, &input.table_name).to_owned();
        validate::required(
            &mut errors,
            "attributeDefinitions",
            &input.attribute_definitions,
        );
        validate::required(&mut errors, "keySchema", &input.key_schema);
        validate::definition_names(&mut errors, input.attribute_definitions.as_deref());
        validate::key_schema_names(&mut errors, "keySchema", input.key_schema.as_deref());
        check_enums(&mut errors, &input);
        check_index_shapes(&mut errors, &input);
        if let Some(ks) = &input.key_schema {
            if ks.is_empty() {
                errors.push("[]", "keySchema", &constraint::min_length(1));
            }
            if ks.len() > 2 {
                errors.push(
                    &m::quoted_key_schema(ks),
                    "keySchema",
                    &constraint::max_length(2),
                );
            }
        }
        errors.into_result()?;
        validate::distinct_definitions(input.attribute_definitions.as_deref())?;
        if let Some(tags) = &input.tags {
            super::tags::check_tags(tags)?;
        }

        let defs: Vec<(&str, AttributeType)> = input
            .attribute_definitions
            .iter()
            .flatten()
            .map(|d| {
                (
                    d.attribute_name.as_deref().unwrap_or_default(),
                    scalar(d.attribute_type.as_ref()),
                )
            })
            .collect();
        let def_names: Vec<&str> = defs.iter().map(|d| d.0).collect();

        let billing = input
            .billing_mode
            .clone()
            .unwrap_or(BillingMode::Provisioned);
        let on_demand = billing == BillingMode::PayPerRequest;
        check_throughput(on_demand, input.provisioned_throughput.as_ref())?;
        super::sse::check_on_demand(input.on_demand_throughput.as_ref(), on_demand, false)?;

        let key_schema = input.key_schema.as_deref().unwrap_or_default();
        let key = key_schema_of(key_schema, &defs, &def_names)?;

        let lsis = input.local_secondary_indexes.as_deref();
        let gsis = input.global_secondary_indexes.as_deref();
        if lsis.is_none() && gsis.is_none() && key_schema.len() != defs.len() {
            return Err(m::unused_attribute_definitions());
        }

        let mut indexes = Vec::new();
        let mut projected_count = 0;
        if let Some(lsis) = lsis {
            if lsis.is_empty() {
                return Err(m::empty_index_list("LocalSecondaryIndexes"));
            }
            if key.range.is_none() {
                return Err(m::lsi_needs_range_key());
            }
            for lsi in lsis {
                let index_name = lsi.index_name.as_deref().unwrap_or_default();
                let ks = lsi.key_schema.as_deref().unwrap_or_default();
                let ikey = key_schema_of(ks, &defs, &def_names)?;
                if ikey.range.is_none() {
                    return Err(m::index_needs_range_key(index_name));
                }
                if ikey.hash.name != key.hash.name {
                    return Err(m::lsi_hash_key_differs(
                        index_name,
                        &ikey.hash.name,
                        &key.hash.name,
                    ));
                }
                let projected = projection_of(lsi.projection.as_ref(), &mut projected_count)?;
                push_index(&mut indexes, self, index_name, true, ikey, projected)?;
            }
            if lsis.len() > 5 {
                return Err(m::too_many_lsis());
            }
        }
        if let Some(gsis) = gsis {
            if gsis.is_empty() {
                return Err(m::empty_index_list("GlobalSecondaryIndexes"));
            }
            for gsi in gsis {
                let index_name = gsi.index_name.as_deref().unwrap_or_default();
                let ks = gsi.key_schema.as_deref().unwrap_or_default();
                let ikey = gsi_key_schema_of(ks, &defs, &def_names)?;
                let projected = projection_of(gsi.projection.as_ref(), &mut projected_count)?;
                check_index_throughput(on_demand, index_name, gsi.provisioned_throughput.as_ref())?;
                push_index(&mut indexes, self, index_name, false, ikey, projected)?;
            }
            if gsis.len() > 20 {
                return Err(m::too_many_gsis());
            }
        }
        if projected_count > 100 {
            return Err(m::too_many_projected_attributes());
        }
        if lsis.is_some() || gsis.is_some() {
            let used: Vec<&str> = key
                .attrs()
                .chain(indexes.iter().flat_map(|i: &Index| i.key.attrs()))
                .map(|a| a.name.as_str())
                .collect();
            if def_names.iter().any(|d| !used.contains(d)) {
                let mut used_sorted: Vec<&str> = used.clone();
                used_sorted.sort_unstable();
                used_sorted.dedup();
                return Err(m::attribute_definitions_not_used(&def_names, &used_sorted));
            }
        }
        super::streams::check_create(input.stream_specification.as_ref())?;

        let mut description = self.describe_new(&name, &input, on_demand, &indexes);
        let mut extras = super::extras::Extras::default();
        if let Some(asked) = &input.warm_throughput {
            let (units, described) = super::sse::warm(None, asked);
            extras.warm = Some(units);
            description.warm_throughput = Some(described);
        }
        let mut table = Table {
            name: name.clone(),
            arn: self.arn(&name),
            description,
            key,
            space: self.new_space(),
            indexes,
            stats: Arc::new(Stats::default()),
            tags: input.tags.clone().unwrap_or_default(),
            ttl: None,
            extras,
            transition: self.transition(TableStatus::Creating),
            live: Default::default(),
            deleting: Vec::new(),
        };

        self.purge_deleted();
        let mut tables = self.inner.tables.write();
        if tables.contains_key(&name) {
            return Err(m::table_exists(&name));
        }
        let stream = self.plan_new_table_stream(&mut table);
        let blob = super::catalog::encode(&table).map_err(|e| msg::validation(e.to_string()))?;
        let mut batch = vec![Write::CreateSpace(table.space)];
        batch.extend(table.indexes.iter().map(|i| Write::CreateSpace(i.space)));
        batch.push(Write::Meta {
            name: Table::meta_name(&name),
            value: Some(blob),
        });
        self.inner.storage.write(batch).map_err(storage_error)?;
        let out = self.describe(&table);
        tables.insert(name, Arc::new(table));
        if let Some(stream) = stream {
            self.open_stream(stream);
        }
        Ok(CreateTableOutput {
            table_description: Some(out),
        })
    }

    fn describe_new(
        &self,
        name: &str,
        input: &CreateTableInput,
        on_demand: bool,
        indexes: &[Index],
    ) -> TableDescription {
        let now = self.inner.clock.epoch_seconds();
        let arn = self.arn(name);
        let throughput = |pt: Option<&ProvisionedThroughput>| ProvisionedThroughputDescription {
            number_of_decreases_today: Some(0),
            read_capacity_units: Some(pt.and_then(|p| p.read_capacity_units).unwrap_or(0)),
            write_capacity_units: Some(pt.and_then(|p| p.write_capacity_units).unwrap_or(0)),
            ..Default::default()
        };
        let lsis: Vec<_> = input
            .local_secondary_indexes
            .iter()
            .flatten()
            .map(|l| LocalSecondaryIndexDescription {
                index_name: l.index_name.clone(),
                key_schema: l.key_schema.clone(),
                projection: l.projection.clone(),
                index_size_bytes: Some(0),
                item_count: Some(0),
                index_arn: Some(format!(
                    "{arn}/index/{}",
                    l.index_name.as_deref().unwrap_or_default()
                )),
            })
            .collect();
        let gsis: Vec<_> = input
            .global_secondary_indexes
            .iter()
            .flatten()
            .map(|g| GlobalSecondaryIndexDescription {
                index_name: g.index_name.clone(),
                key_schema: g.key_schema.clone(),
                projection: g.projection.clone(),
                index_status: Some(IndexStatus::Active),
                provisioned_throughput: Some(throughput(g.provisioned_throughput.as_ref())),
                index_size_bytes: Some(0),
                item_count: Some(0),
                index_arn: Some(format!(
                    "{arn}/index/{}",
                    g.index_name.as_deref().unwrap_or_default()
                )),
                on_demand_throughput: g.on_demand_throughput.clone(),
                ..Default::default()
            })
            .collect();
        debug_assert_eq!(lsis.len() + gsis.len(), indexes.len());
        let stream_enabled = input
            .stream_specification
            .as_ref()
            .and_then(|s| s.stream_enabled)
            == Some(true);
        TableDescription {
            attribute_definitions: input.attribute_definitions.clone(),
            table_name: Some(name.to_owned()),
            key_schema: input.key_schema.clone(),
            table_status: Some(TableStatus::Active),
            creation_date_time: Some(now),
            provisioned_throughput: Some(throughput(input.provisioned_throughput.as_ref())),
            table_size_bytes: Some(0),
            item_count: Some(0),
            table_arn: Some(arn.clone()),
            table_id: Some(random_uuid()),
            billing_mode_summary: on_demand.then_some(BillingModeSummary {
                billing_mode: Some(BillingMode::PayPerRequest),
                last_update_to_pay_per_request_date_time: Some(now),
            }),
            local_secondary_indexes: (!lsis.is_empty()).then_some(lsis),
            global_secondary_indexes: (!gsis.is_empty()).then_some(gsis),
            stream_specification: stream_enabled
                .then(|| input.stream_specification.clone())
                .flatten(),
            deletion_protection_enabled: Some(input.deletion_protection_enabled.unwrap_or(false)),
            table_class_summary: input.table_class.clone().map(|c| TableClassSummary {
                table_class: Some(c),
                last_update_date_time: None,
            }),
            on_demand_throughput: input.on_demand_throughput.clone(),
            sse_description: input
                .sse_specification
                .as_ref()
                .and_then(|spec| self.sse_description(spec)),
            ..Default::default()
        }
    }
}

fn check_enums(errors: &mut ConstraintErrors, input: &CreateTableInput) {
    super::sse::check(errors, input.sse_specification.as_ref());
    errors.enum_value(
        "billingMode",
        input.billing_mode.as_ref().map(|v| v.as_str()),
        BillingMode::VALUES,
    );
    for (i, d) in input.attribute_definitions.iter().flatten().enumerate() {
        let member = format!("attributeDefinitions.{}.member.attributeType", i + 1);
        errors.enum_value(
            &member,
            d.attribute_type.as_ref().map(|v| v.as_str()),
            ScalarAttributeType::VALUES,
        );
    }
    for (i, k) in input.key_schema.iter().flatten().enumerate() {
        let member = format!("keySchema.{}.member.keyType", i + 1);
        errors.enum_value(
            &member,
            k.key_type.as_ref().map(|v| v.as_str()),
            KeyType::VALUES,
        );
    }
    if let Some(s) = &input.stream_specification {
        errors.enum_value(
            "streamSpecification.streamViewType",
            s.stream_view_type.as_ref().map(|v| v.as_str()),
            StreamViewType::VALUES,
        );
    }
    if let Some(pt) = &input.provisioned_throughput {
        errors.at_least(
            "provisionedThroughput.readCapacityUnits",
            pt.read_capacity_units,
            1,
        );
        errors.at_least(
            "provisionedThroughput.writeCapacityUnits",
            pt.write_capacity_units,
            1,
        );
    }
}

/// The shape checks of each index definition (its name's length and characters, and the members it
/// must have), which DynamoDB makes with the request's other constraints, before looking at what
/// the indexes say.
fn check_index_shapes(errors: &mut ConstraintErrors, input: &CreateTableInput) {
    for (i, l) in input.local_secondary_indexes.iter().flatten().enumerate() {
        let at = format!("localSecondaryIndexes.{}.member", i + 1);
        let name = l.index_name.as_deref();
        validate::index_definition(errors, &at, name, &l.key_schema, &l.projection);
        // A local index keeps the table's one-or-two-element key schema (the API model's bound);
        // only global indexes take multi-attribute keys.
        if let Some(ks) = l.key_schema.as_deref().filter(|ks| ks.len() > 2) {
            errors.push(
                &m::quoted_key_schema(ks),
                &format!("{at}.keySchema"),
                &constraint::max_length(2),
            );
        }
        validate::key_types(errors, &format!("{at}.keySchema"), l.key_schema.as_deref());
        validate::projection_type(errors, &format!("{at}.projection"), l.projection.as_ref());
    }
    for (i, g) in input.global_secondary_indexes.iter().flatten().enumerate() {
        let at = format!("globalSecondaryIndexes.{}.member", i + 1);
        let name = g.index_name.as_deref();
        validate::index_definition(errors, &at, name, &g.key_schema, &g.projection);
        validate::key_types(errors, &format!("{at}.keySchema"), g.key_schema.as_deref());
        validate::projection_type(errors, &format!("{at}.projection"), g.projection.as_ref());
    }
}

fn scalar(t: Option<&ScalarAttributeType>) -> AttributeType {
    match t {
        Some(ScalarAttributeType::N) => AttributeType::N,
        Some(ScalarAttributeType::B) => AttributeType::B,
        _ => AttributeType::S,
    }
}

fn check_throughput(on_demand: bool, pt: Option<&ProvisionedThroughput>) -> Result<()> {
    match (on_demand, pt) {
        (true, Some(_)) => Err(m::throughput_with_on_demand()),
        (false, None) => Err(m::throughput_required()),
        (false, Some(pt)) => {
            for (v, member) in [
                (pt.read_capacity_units, "ReadCapacityUnits"),
                (pt.write_capacity_units, "WriteCapacityUnits"),
            ] {
                match v {
                    None => return Err(m::throughput_required()),
                    Some(v) if v > MAX_CAPACITY_UNITS => {
                        return Err(m::capacity_out_of_bounds(v, member));
                    }
                    _ => {}
                }
            }
            Ok(())
        }
        (true, None) => Ok(()),
    }
}

fn check_index_throughput(
    on_demand: bool,
    index: &str,
    pt: Option<&ProvisionedThroughput>,
) -> Result<()> {
    match (on_demand, pt) {
        (true, Some(_)) => Err(m::index_throughput_with_on_demand(index)),
        (false, None) => Err(m::index_throughput_required(index)),
        _ => check_throughput(on_demand, pt),
    }
}

/// Reads a global secondary index's key schema: one or two elements as [`key_schema_of`] reads
/// them, or a multi-attribute key of up to four HASH elements followed by up to four RANGE ones.
pub(crate) fn gsi_key_schema_of(
    ks: &[KeySchemaElement],
    defs: &[(&str, AttributeType)],
    def_names: &[&str],
) -> Result<KeySchema> {
    let two_element = ks.len() <= 2
        && ks
            .get(1)
            .is_none_or(|k| k.key_type.as_ref() == Some(&KeyType::Range));
    if two_element {
        return key_schema_of(ks, defs, def_names);
    }
    let names: Vec<&str> = ks
        .iter()
        .map(|k| k.attribute_name.as_deref().unwrap_or_default())
        .collect();
    let find = |n: &str| defs.iter().find(|d| d.0 == n).map(|d| d.1);
    if names.iter().any(|n| find(n).is_none()) {
        return Err(m::key_attributes_not_defined(&names, def_names));
    }
    if let Some((_, n)) = names
        .iter()
        .enumerate()
        .find(|(i, n)| names[..*i].contains(n))
    {
        return Err(m::duplicate_key_attribute(n));
    }
    if ks.first().and_then(|k| k.key_type.as_ref()) != Some(&KeyType::Hash) {
        return Err(m::first_key_not_hash());
    }
    let hashes = ks
        .iter()
        .take_while(|k| k.key_type.as_ref() == Some(&KeyType::Hash))
        .count();
    if ks[hashes..]
        .iter()
        .any(|k| k.key_type.as_ref() == Some(&KeyType::Hash))
    {
        return Err(m::hash_after_range());
    }
    if hashes > MAX_KEY_ATTRIBUTES {
        return Err(m::too_many_index_key_attributes("HASH"));
    }
    if ks.len() - hashes > MAX_KEY_ATTRIBUTES {
        return Err(m::too_many_index_key_attributes("RANGE"));
    }
    let attr = |n: &&str| KeyAttr {
        name: (*n).to_owned(),
        ty: find(n).unwrap_or(AttributeType::S),
    };
    let (hash, range) = names.split_at(hashes);
    Ok(KeySchema {
        hash: attr(&hash[0]),
        range: range.first().map(attr),
        more_hash: hash[1..].iter().map(attr).collect(),
        more_range: range.iter().skip(1).map(attr).collect(),
    })
}

/// The most partition (or sort) attributes a global secondary index's key may have.
const MAX_KEY_ATTRIBUTES: usize = 4;

/// Reads a key schema, checking it against the attribute definitions in DynamoDB's order.
pub(crate) fn key_schema_of(
    ks: &[KeySchemaElement],
    defs: &[(&str, AttributeType)],
    def_names: &[&str],
) -> Result<KeySchema> {
    let names: Vec<&str> = ks
        .iter()
        .map(|k| k.attribute_name.as_deref().unwrap_or_default())
        .collect();
    let find = |n: &str| defs.iter().find(|d| d.0 == n).map(|d| d.1);
    if names.iter().any(|n| find(n).is_none()) {
        if names.len() == 2 {
            return Err(m::key_attribute_no_definition());
        }
        return Err(m::key_attributes_not_defined(&names, def_names));
    }
    if names.len() == 2 && names[0] == names[1] {
        return Err(m::hash_and_range_same_name());
    }
    if ks.first().and_then(|k| k.key_type.as_ref()) != Some(&KeyType::Hash) {
        return Err(m::first_key_not_hash());
    }
    if let Some(second) = ks.get(1)
        && second.key_type.as_ref() != Some(&KeyType::Range)
    {
        return Err(m::second_key_not_range());
    }
    let attr = |n: &str| KeyAttr {
        name: n.to_owned(),
        ty: find(n).unwrap_or(AttributeType::S),
    };
    Ok(KeySchema::simple(
        attr(names[0]),
        names.get(1).map(|n| attr(n)),
    ))
}

/// Reads a projection, counting its non-key attributes toward the table's limit of 100.
pub(crate) fn projection_of(p: Option<&Projection>, count: &mut usize) -> Result<Projected> {
    let p = p.ok_or_else(m::unknown_projection_type)?;
    let ty = p
        .projection_type
        .as_ref()
        .ok_or_else(m::unknown_projection_type)?;
    if p.non_key_attributes.is_some() && *ty != ProjectionType::Include {
        return Err(m::non_key_attributes_not_include(ty.as_str()));
    }
    Ok(match ty {
        ProjectionType::All => Projected::All,
        ProjectionType::KeysOnly => Projected::KeysOnly,
        ProjectionType::Include => {
            let attrs = p.non_key_attributes.clone().unwrap_or_default();
            *count += attrs.len();
            Projected::Include(attrs)
        }
        other => {
            return Err(m::unknown_projection_type_named(other.as_str()));
        }
    })
}

fn push_index(
    indexes: &mut Vec<Index>,
    engine: &Engine,
    name: &str,
    local: bool,
    key: KeySchema,
    projected: Projected,
) -> Result<()> {
    if indexes.iter().any(|i| i.name == name) {
        return Err(m::duplicate_index_name(name));
    }
    indexes.push(Index {
        name: name.to_owned(),
        local,
        key,
        projected,
        space: engine.new_space(),
        active_at: None,
        stats: Arc::new(Stats::default()),
        filling: Default::default(),
    });
    Ok(())
}

/// A random version-4 UUID, as DynamoDB's `TableId`.
fn random_uuid() -> String {
    use std::hash::{BuildHasher, RandomState};
    // RandomState is seeded from the OS once per process and perturbed per instance, which is all
    // the randomness an identifier that only has to be unique needs.
    let a = RandomState::new().hash_one(0u8);
    let b = RandomState::new().hash_one(1u8);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        (b >> 48) & 0x3fff | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, key_type: Option<KeyType>) -> KeySchemaElement {
        KeySchemaElement {
            attribute_name: Some(name.to_owned()),
            key_type,
        }
    }

    /// A key schema of three elements is quoted as DynamoDB's Java service prints the list, not as
    /// Rust's `Debug` (which gave `Value [KeySchemaElement { attribute_name: Some("pk"), … }]`).
    #[test]
    fn too_long_key_schema_is_quoted_as_dynamodb_does() {
        let err = Engine::memory()
            .create_table_now(CreateTableInput {
                table_name: Some("tbl".to_owned()),
                key_schema: Some(vec![
                    key("pk", Some(KeyType::Hash)),
                    key("sk", Some(KeyType::Range)),
                    key("extra", None),
                ]),
                billing_mode: Some(BillingMode::PayPerRequest),
                ..Default::default()
            })
            .unwrap_err();
        assert_eq!(
            err.message(),
            "2 validation errors detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; Value '[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=extra, keyType=null)]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"
        );
    }
}
