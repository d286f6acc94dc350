//! Messages of PartiQL (ExecuteStatement): syntax errors, unsupported constructs, parameters, keys
//! and `DuplicateItemException`.
//!
//! Sources: the Developer Guide names `DuplicateItemException` and `ConditionalCheckFailedException`
//! but quotes no text. The texts here are DynamoDB's as captured from its responses by users and
//! emulators tested against it, and as DynamoDB Local's PartiQL message table has them; the few
//! that no source confirms are marked *unconfirmed*.

use super::validation;
use crate::error::Error;

/// The prefix of every PartiQL syntax error.
fn malformed(detail: &str) -> Error {
    validation(format!(
        "Statement wasn't well formed, can't be processed: {detail}"
    ))
}

/// A statement that is not SELECT, INSERT, UPDATE or DELETE.
pub fn expected_data_manipulation() -> Error {
    malformed("Expected data manipulation")
}

/// A keyword where the grammar takes something else.
pub fn unexpected_keyword() -> Error {
    malformed("Unexpected keyword")
}

/// Any other token where the grammar takes something else. *Unconfirmed*: DynamoDB's wording for
/// this case is not quoted by any source found.
pub fn unexpected_token() -> Error {
    malformed("Unexpected token")
}

/// The statement ends where the grammar takes more. *Unconfirmed*, as [`unexpected_token`].
pub fn unexpected_end() -> Error {
    malformed("Unexpected end of statement")
}

/// Nesting beyond the parser's bound. *Unconfirmed*: DynamoDB's own bound and text are not
/// documented; this is ddbmock's, in DynamoDB's form.
pub fn nested_too_deep() -> Error {
    malformed("Expression nesting is too deep")
}

/// A string literal without its closing quote. *Unconfirmed*, as [`unexpected_token`].
pub fn unterminated_string() -> Error {
    malformed("Unterminated string literal")
}

/// Fewer `Parameters` than the statement has `?`.
pub fn parameter_count() -> Error {
    validation("Number of parameters in request and statement don't match.")
}

/// An UPDATE or DELETE whose WHERE clause does not fix every key attribute with `=`.
pub fn incomplete_key() -> Error {
    validation("Where clause does not contain a mandatory equality on all key attributes")
}

/// An INSERT of a key that exists.
pub fn duplicate_item() -> Error {
    Error::DuplicateItem("Duplicate primary key exists in table".to_owned())
}

/// An INSERT whose VALUE is not a tuple `{…}`.
pub fn insert_not_a_tuple() -> Error {
    validation(
        "Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.",
    )
}

/// A RETURNING clause on an INSERT.
pub fn returning_on_insert() -> Error {
    validation("RETURNING is not supported in INSERT")
}

/// A DELETE returning anything but `ALL OLD *`; `clause` is what it asked for (`ALL NEW`).
pub fn returning_on_delete(clause: &str) -> Error {
    validation(format!(
        "Invalid returning clause: RETURNING {clause}. Only RETURNING ALL OLD * is allowed in DELETE statements."
    ))
}

/// A write or a key condition naming the same key attribute twice.
pub fn multiple_conditions_on_key(key: &str) -> Error {
    validation(format!(
        "Multiple conditions on same key {key}. Only single item Update/Insert/Delete are supported"
    ))
}

/// The same attribute twice in one tuple; `under` names the tuple (`item` at the top).
pub fn duplicate_tuple_key(key: &str, under: &str) -> Error {
    validation(format!("Duplicate keys in tuple. Key: {key} under {under}"))
}

/// `*` next to other attributes in a projection.
pub fn star_and_other_attributes() -> Error {
    validation("Other attributes should not be present in the projection when '*' is used.")
}

/// A function PartiQL for DynamoDB does not have.
pub fn unrecognized_function(name: &str) -> Error {
    validation(format!("Unrecognized function: {name}"))
}

/// `SET_ADD`/`SET_DELETE` whose first argument is not the attribute being assigned.
pub fn set_function_first_arg(op: &str) -> Error {
    validation(format!(
        "The first argument to SET_{op} must equal the assignment value"
    ))
}

/// `SET_ADD`/`SET_DELETE` with other than two arguments.
pub fn set_function_arity(op: &str) -> Error {
    validation(format!("SET_{op} must have exactly two arguments"))
}

/// A set literal `<<…>>` holding something other than numbers or strings.
pub fn unsupported_set_element() -> Error {
    validation(
        "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags",
    )
}

/// An empty set literal `<<>>`.
pub fn empty_set() -> Error {
    validation("Empty bags are not supported")
}

/// `MISSING` compared otherwise than with `IS`.
pub fn missing_literal() -> Error {
    validation("MISSING must be compared using IS operator")
}

/// A `NextToken` ddbmock did not issue.
pub fn invalid_next_token() -> Error {
    validation("Invalid NextToken")
}

/// A write addressed to an index (`"t"."i"`).
pub fn write_on_index() -> Error {
    validation("This operation is not supported on an index")
}

/// A construct of PartiQL that DynamoDB does not run here; `what` names it. ddbmock's own text in
/// the form of DynamoDB's `Unsupported operation: …`.
pub fn unsupported(what: &str) -> Error {
    validation(format!("Unsupported operation: {what}"))
}

/// A RETURNING clause without its `*`.
pub fn returning_without_star() -> Error {
    validation("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause")
}

/// `IN` with an empty list.
pub fn invalid_in() -> Error {
    validation(
        "IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member",
    )
}

/// A WHERE clause that is a value or a path rather than a condition.
pub fn where_not_boolean() -> Error {
    validation("WHERE clause must contain an expression that resolves to a boolean")
}

/// An `ORDER BY` on a statement without a WHERE clause. DynamoDB Local's message table.
pub fn order_by_without_where() -> Error {
    validation("Must have WHERE clause in the statement when using ORDER BY clause.")
}

/// An `ORDER BY` on a statement whose WHERE clause fixes no partition key, so it is no Query.
/// DynamoDB Local's message table.
pub fn order_by_without_hash_condition() -> Error {
    validation(
        "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.",
    )
}

/// An `ORDER BY` on an attribute outside the key of the table or index read. DynamoDB's wording
/// as users captured it (DynamoDB Local words it `Variable reference … `).
pub fn order_by_not_a_key(name: &str) -> Error {
    validation(format!(
        "Attribute {name} in ORDER BY clause must be part of the primary key"
    ))
}

/// An `ORDER BY` without the partition key over several partitions (`IN`, `OR`). DynamoDB Local's
/// message table.
pub fn order_by_needs_hash_key() -> Error {
    validation(
        "Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.",
    )
}

/// An `ORDER BY` on a document path rather than an attribute name. DynamoDB Local's text; the
/// type it names for a path (`Path`) is *unconfirmed*.
pub fn order_by_not_a_name() -> Error {
    validation("Argument to ORDER BY must be of type VariableReference. Type: Path")
}

/// A SELECT naming more partition key values (`IN`, `OR`) than DynamoDB reads for one statement
/// (50, per the Developer Guide's operator table). DynamoDB Local's message table.
pub fn too_many_reads() -> Error {
    validation("Too many decomposed read operations for a given query.")
}

/// `EXISTS(…)` in ExecuteStatement or BatchExecuteStatement. DynamoDB Local's message table.
pub fn exists_outside_transaction() -> Error {
    validation("EXISTS can only be used in ExecuteTransaction write requests.")
}

/// `EXISTS(SELECT …)` without the full primary key by equality and one more condition. DynamoDB
/// Local's message table.
pub fn exists_not_single_item() -> Error {
    validation("EXISTS() must contain a single item read with additional condition")
}

/// `EXISTS(SELECT … FROM "t"."i")` in a transaction. DynamoDB Local's message table.
pub fn exists_on_index() -> Error {
    validation("Operations on indices are not supported in transactions")
}

/// A key value in a WHERE clause of another type than the key's. DynamoDB Local's message table.
pub fn key_type_mismatch(key: &str) -> Error {
    validation(format!(
        "Key attribute's data type should match its data type in table's schema: Key {key}"
    ))
}

/// A write's key value that is no string, number or binary; `ty` is its type (`BOOL`). DynamoDB
/// Local's message table; how DynamoDB spells the type is *unconfirmed*.
pub fn key_not_scalar(key: &str, ty: &str) -> Error {
    validation(format!(
        "Key value must be of type S, N, or B. Key name: {key}, Key type: {ty}"
    ))
}
