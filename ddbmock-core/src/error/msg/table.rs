//! Messages of the table operations and of request-level parameter checks.

use super::constraint::{self, Violation, validation_errors};
use super::{INVALID_PARAMETER_VALUES, validation};
use crate::error::Error;
use crate::operation::KeySchemaElement;

/// `ResourceNotFoundException` of DescribeTable, DeleteTable and UpdateTable on a missing table.
pub fn table_not_found_named(name: &str) -> Error {
    Error::ResourceNotFound(format!(
        "Requested resource not found: Table: {name} not found"
    ))
}

/// CreateTable of a name that exists.
pub fn table_exists(name: &str) -> Error {
    Error::ResourceInUse(format!("Table already exists: {name}"))
}

/// Checks on request members, reported together as DynamoDB does (see [`validation_errors`]).
#[derive(Debug, Default)]
pub struct ConstraintErrors(Vec<Violation>);

impl ConstraintErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `value` (already quoted as DynamoDB shows it, or `null`) at `member` breaks
    /// `constraint`.
    pub fn push(&mut self, value: &str, member: &str, constraint: &str) {
        self.0.push(Violation::new(value, member, constraint));
    }

    /// Records a required member that is absent.
    pub fn null(&mut self, member: &str) {
        self.push("null", member, constraint::NOT_NULL);
    }

    /// Checks a string's length (in the unit the caller counts) against `min..=max`; `value` is
    /// quoted in the message.
    pub fn length(&mut self, member: &str, value: &str, len: usize, min: usize, max: usize) {
        // Every request checks its table name: the message is built only when one fails.
        if len < min {
            self.push(&format!("'{value}'"), member, &constraint::min_length(min));
        }
        if len > max {
            self.push(&format!("'{value}'"), member, &constraint::max_length(max));
        }
    }

    /// Checks a table or index name: the pattern and 3 to 255 characters.
    pub fn name(&mut self, member: &str, name: Option<&str>) {
        let Some(name) = name else {
            self.null(member);
            return;
        };
        if !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
            || name.is_empty()
        {
            self.push(&format!("'{name}'"), member, constraint::NAME_PATTERN);
        }
        self.length(member, name, name.len(), 3, 255);
    }

    /// Checks the table name of an item operation: 1 to 1024 characters and no pattern, since such
    /// an operation takes the table's ARN as well as its name (CreateTable keeps [`Self::name`]).
    pub fn table_name_or_arn(&mut self, member: &str, name: Option<&str>) {
        match name {
            None => self.null(member),
            Some(name) => self.length(member, name, name.chars().count(), 1, 1024),
        }
    }

    /// Records a value-less violation, as DynamoDB's newer validation words some members
    /// (`Value at 'Limit' failed to satisfy constraint: …`).
    pub fn unquoted(&mut self, member: &str, constraint: &str) {
        self.push("", member, constraint);
    }

    /// Checks an enum member holding an unknown value.
    pub fn enum_value(&mut self, member: &str, value: Option<&str>, allowed: &[&str]) {
        if let Some(v) = value
            && !allowed.contains(&v)
        {
            self.push(
                &format!("'{v}'"),
                member,
                &constraint::enum_value_set(&allowed.join(", ")),
            );
        }
    }

    /// Checks an integer member's lower bound.
    pub fn at_least(&mut self, member: &str, value: Option<i64>, min: i64) {
        if let Some(v) = value
            && v < min
        {
            self.push(&format!("'{v}'"), member, &constraint::min_value(min));
        }
    }

    /// Checks an integer member's upper bound.
    pub fn at_most(&mut self, member: &str, value: Option<i64>, max: i64) {
        if let Some(v) = value
            && v > max
        {
            self.push(&format!("'{v}'"), member, &constraint::max_value(max));
        }
    }

    /// The `ValidationException` listing every recorded error, if any.
    pub fn into_result(self) -> Result<(), Error> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(validation_errors(&self.0))
        }
    }
}

/// An invalid-parameter `ValidationException`: `One or more parameter values were invalid: {text}`.
pub fn invalid_parameter(text: impl std::fmt::Display) -> Error {
    validation(format!("{INVALID_PARAMETER_VALUES}: {text}"))
}

/// A key attribute (of the table or an index) missing from `AttributeDefinitions`.
pub fn key_attributes_not_defined(keys: &[&str], defined: &[&str]) -> Error {
    invalid_parameter(format!(
        "Some index key attributes are not defined in AttributeDefinitions. Keys: [{}], AttributeDefinitions: [{}]",
        keys.join(", "),
        defined.join(", ")
    ))
}

/// `AttributeDefinitions` naming attributes that no key schema uses.
pub fn unused_attribute_definitions() -> Error {
    invalid_parameter(
        "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions",
    )
}

/// Attribute definitions that no key schema (of the table or an index) uses, when the table has
/// indexes; both lists as DynamoDB gives them, the keys sorted.
pub fn attribute_definitions_not_used(defined: &[&str], used: &[&str]) -> Error {
    invalid_parameter(format!(
        "Some AttributeDefinitions are not used. AttributeDefinitions: [{}], keys used: [{}]",
        defined.join(", "),
        used.join(", ")
    ))
}

/// A two-element key schema naming an attribute without a definition.
pub fn key_attribute_no_definition() -> Error {
    validation("Invalid KeySchema: Some index key attribute have no definition")
}

/// A key schema as DynamoDB quotes it in a constraint message: Java's `toString` of the list,
/// `'[KeySchemaElement(attributeName=pk, keyType=HASH), …]'`, absent members as `null`.
pub fn quoted_key_schema(ks: &[KeySchemaElement]) -> String {
    let elements: Vec<String> = ks
        .iter()
        .map(|e| {
            format!(
                "KeySchemaElement(attributeName={}, keyType={})",
                e.attribute_name.as_deref().unwrap_or("null"),
                e.key_type.as_ref().map_or("null", |t| t.as_str())
            )
        })
        .collect();
    format!("'[{}]'", elements.join(", "))
}

/// An index with `ProvisionedThroughput` on a `PAY_PER_REQUEST` table.
pub fn index_throughput_with_on_demand(index: &str) -> Error {
    invalid_parameter(format!(
        "ProvisionedThroughput should not be specified for index: {index} when BillingMode is PAY_PER_REQUEST"
    ))
}

/// An index without `ProvisionedThroughput` on a `PROVISIONED` table.
pub fn index_throughput_required(index: &str) -> Error {
    invalid_parameter(format!(
        "ProvisionedThroughput must be specified for index: {index}"
    ))
}

/// `AttributeDefinitions` defining one attribute twice, with the same type or another.
pub fn duplicate_attribute_definition() -> Error {
    validation("Cannot have two attributes with the same name")
}

/// A key schema naming one attribute twice.
pub fn hash_and_range_same_name() -> Error {
    validation("Both the Hash Key and the Range Key element in the KeySchema have the same name")
}

/// A key schema whose first element is not HASH.
pub fn first_key_not_hash() -> Error {
    validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
}

/// A key schema whose second element is not RANGE.
pub fn second_key_not_range() -> Error {
    validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type")
}

/// `PROVISIONED` billing without `ProvisionedThroughput`.
pub fn throughput_required() -> Error {
    invalid_parameter(
        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
    )
}

/// `PAY_PER_REQUEST` billing with `ProvisionedThroughput`.
pub fn throughput_with_on_demand() -> Error {
    invalid_parameter(
        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
    )
}

/// Capacity units beyond DynamoDB's bound.
pub fn capacity_out_of_bounds(value: i64, member: &str) -> Error {
    validation(format!("Given value {value} for {member} is out of bounds"))
}

/// An empty `LocalSecondaryIndexes` or `GlobalSecondaryIndexes` list.
pub fn empty_index_list(member: &str) -> Error {
    invalid_parameter(format!("List of {member} is empty"))
}

/// An LSI on a table without a sort key.
pub fn lsi_needs_range_key() -> Error {
    invalid_parameter(
        "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex",
    )
}

/// An LSI whose key schema has no sort key.
pub fn index_needs_range_key(index: &str) -> Error {
    invalid_parameter(format!(
        "Index KeySchema does not have a range key for index: {index}"
    ))
}

/// An LSI whose partition key differs from the table's.
pub fn lsi_hash_key_differs(index: &str, index_hash: &str, table_hash: &str) -> Error {
    invalid_parameter(format!(
        "Index KeySchema does not have the same leading hash key as table KeySchema for index: {index}. index hash key: {index_hash}, table hash key: {table_hash}"
    ))
}

/// A projection without a type.
pub fn unknown_projection_type() -> Error {
    unknown_projection_type_named("null")
}

/// A projection type DynamoDB does not know.
pub fn unknown_projection_type_named(ty: &str) -> Error {
    invalid_parameter(format!("Unknown ProjectionType: {ty}"))
}

/// `NonKeyAttributes` with a projection other than INCLUDE.
pub fn non_key_attributes_not_include(projection_type: &str) -> Error {
    invalid_parameter(format!(
        "ProjectionType is {projection_type}, but NonKeyAttributes is specified"
    ))
}

/// Two indexes with one name.
pub fn duplicate_index_name(index: &str) -> Error {
    invalid_parameter(format!("Duplicate index name: {index}"))
}

/// More than 5 LSIs.
pub fn too_many_lsis() -> Error {
    invalid_parameter("Number of LocalSecondaryIndexes exceeds per-table limit of 5")
}

/// More than 20 GSIs.
pub fn too_many_gsis() -> Error {
    invalid_parameter("GlobalSecondaryIndex count exceeds the per-table limit of 20")
}

/// More than 100 projected non-key attributes over all indexes of a table.
pub fn too_many_projected_attributes() -> Error {
    invalid_parameter("The number of projected attributes in all indexes exceeds the limit of 100")
}

/// DeleteTable of a table with deletion protection.
pub fn deletion_protected(arn: &str) -> Error {
    validation(format!(
        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first. Resource: {arn}"
    ))
}

/// An UpdateTable that asks for no change at all. The list of members was reconstructed from two
/// truncated quotes of DynamoDB's 2026 text (its head, and its "… or TableClass is required" tail).
pub fn nothing_to_update() -> Error {
    validation(
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required",
    )
}

/// An UpdateTable asking for the throughput the table already has.
pub fn throughput_unchanged(read: i64, write: i64) -> Error {
    validation(format!(
        "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: {read}. Requested ReadCapacityUnits: {read}. Current WriteCapacityUnits provisioned for the table: {write}. Requested WriteCapacityUnits: {write}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits."
    ))
}

/// An `ExclusiveStartTableName` or `Limit` check of ListTables failing is reported through
/// [`ConstraintErrors`]; this is the table-count limit of CreateTable.
pub fn table_limit(limit: usize) -> Error {
    Error::LimitExceeded(format!(
        "Subscriber limit exceeded: Only {limit} tables can be created in this account"
    ))
}

/// A table change while the table is being created.
pub fn table_being_created(name: &str) -> Error {
    still_in_use(&format!("Table is being created: {name}"))
}

/// A table change while the table is being deleted.
pub fn table_being_deleted(name: &str) -> Error {
    still_in_use(&format!("Table is being deleted: {name}"))
}

/// A table change while another change of the table is in progress.
pub fn table_being_updated(name: &str) -> Error {
    still_in_use(&format!("Table is being updated: {name}"))
}

/// `ResourceInUseException` for a change to a table that is still changing.
pub fn still_in_use(what: &str) -> Error {
    Error::ResourceInUse(format!(
        "Attempt to change a resource which is still in use: {what}"
    ))
}

/// A global secondary index key schema with more than four partition (or sort) attributes: a
/// multi-attribute key has at most four of each. The text is ddbmock's; DynamoDB's API Reference
/// gives the limit but not its message.
pub fn too_many_index_key_attributes(key_type: &str) -> Error {
    validation(format!(
        "Invalid KeySchema: A global secondary index supports up to 4 {key_type} KeySchemaElements"
    ))
}

/// A global secondary index key schema with a HASH element after a RANGE one: the partition
/// attributes come first. The text is ddbmock's, in the words of DynamoDB's other key schema
/// messages.
pub fn hash_after_range() -> Error {
    validation("Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement")
}

/// A multi-attribute key schema naming one attribute twice. The text is ddbmock's.
pub fn duplicate_key_attribute(name: &str) -> Error {
    validation(format!(
        "Invalid KeySchema: The attribute {name} appears more than once in the KeySchema"
    ))
}

/// An `OnDemandThroughput` member (`MaxReadRequestUnits` or `MaxWriteRequestUnits`) on a
/// `PROVISIONED` table. The API Reference gives no text; this one was observed on the service
/// (ack-api-quirks DDB-TABLE-442, 2026-10).
pub fn on_demand_throughput_on_provisioned(member: &str) -> Error {
    invalid_parameter(format!(
        "{member} for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED"
    ))
}

/// An `OnDemandThroughput` member below 1 (other than -1, which removes the maximum, on
/// UpdateTable): the API Reference's range; the text was observed on the service (ack-api-quirks
/// DDB-TABLE-442, 2026-10).
pub fn on_demand_throughput_out_of_range(member: &str) -> Error {
    invalid_parameter(format!(
        "Requested {member} for OnDemandThroughput for table is outside of valid range"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::KeyType;

    #[test]
    fn key_schema_is_quoted_as_java_prints_it() {
        let ks = [
            KeySchemaElement {
                attribute_name: Some("pk".into()),
                key_type: Some(KeyType::Hash),
            },
            KeySchemaElement {
                attribute_name: None,
                key_type: Some(KeyType::Range),
            },
        ];
        assert_eq!(
            quoted_key_schema(&ks),
            "'[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=null, keyType=RANGE)]'"
        );
    }
}
