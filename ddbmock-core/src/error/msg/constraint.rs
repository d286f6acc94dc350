//! DynamoDB's shape-validation message: the members of a request that break a constraint of the
//! request's shape (a length, a bound, a pattern, an enum, a required member), reported together as
//! `2 validation errors detected: Value … at 'tableName' failed to satisfy constraint: …; …`.
//!
//! [`validation_errors`] is the one place that builds that wrapper; the constraint texts are here too.

use std::fmt;

use super::validation;
use crate::error::Error;

/// One member that breaks one constraint of its shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The value as DynamoDB quotes it: `'abc'`, `'[]'`, `null` for an absent member, or empty
    /// where DynamoDB's newer validation quotes no value (`Value at 'Limit' failed to …`).
    pub value: String,
    /// The member's path in the request, as DynamoDB names it: `requestItems`,
    /// `transactItems.1.member.put.tableName`.
    pub member: String,
    /// What the member must satisfy: `Member must not be null`.
    pub constraint: String,
}

impl Violation {
    /// `value` (quoted as DynamoDB shows it, or `null`) at `member` breaks `constraint`.
    pub fn new(
        value: impl Into<String>,
        member: impl Into<String>,
        constraint: impl Into<String>,
    ) -> Self {
        Self {
            value: value.into(),
            member: member.into(),
            constraint: constraint.into(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_empty() {
            return write!(
                f,
                "Value at '{}' failed to satisfy constraint: {}",
                self.member, self.constraint
            );
        }
        write!(
            f,
            "Value {} at '{}' failed to satisfy constraint: {}",
            self.value, self.member, self.constraint
        )
    }
}

/// The `ValidationException` listing `violations` in order: `1 validation error detected: …` for
/// one, `N validation errors detected: a; b` for several. Callers pass at least one.
pub fn validation_errors(violations: &[Violation]) -> Error {
    let listed: Vec<String> = violations.iter().map(Violation::to_string).collect();
    let head = match violations.len() {
        1 => "1 validation error detected".to_owned(),
        n => format!("{n} validation errors detected"),
    };
    validation(format!("{head}: {}", listed.join("; ")))
}

/// The `ValidationException` of a single violation.
pub fn validation_error(value: &str, member: &str, constraint: &str) -> Error {
    validation_errors(&[Violation::new(value, member, constraint)])
}

/// A required member that is absent.
pub const NOT_NULL: &str = "Member must not be null";

/// The pattern of table and index names.
pub const NAME_PATTERN: &str = "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";

/// A string or list shorter than `min`.
pub fn min_length(min: usize) -> String {
    format!("Member must have length greater than or equal to {min}")
}

/// A string or list longer than `max`.
pub fn max_length(max: usize) -> String {
    format!("Member must have length less than or equal to {max}")
}

/// A number below `min`.
pub fn min_value(min: i64) -> String {
    format!("Member must have value greater than or equal to {min}")
}

/// A number above `max`.
pub fn max_value(max: i64) -> String {
    format!("Member must have value less than or equal to {max}")
}

/// A map whose values break length bounds, as DynamoDB words a map-value constraint: `Map value
/// must satisfy constraint: [Member must have length less than or equal to 25, Member must have
/// length greater than or equal to 1]`.
pub fn map_value_length(min: usize, max: usize) -> String {
    format!(
        "Map value must satisfy constraint: [{}, {}]",
        max_length(max),
        min_length(min)
    )
}

/// A list some of whose members break `constraints`: `Member must satisfy constraint: [a, b]`.
pub fn member_constraints(constraints: &[String]) -> String {
    format!(
        "Member must satisfy constraint: [{}]",
        constraints.join(", ")
    )
}

/// A value outside an enumeration; `allowed` as DynamoDB lists it.
pub fn enum_value_set(allowed: &str) -> String {
    format!("Member must satisfy enum value set: [{allowed}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_violation_is_singular() {
        assert_eq!(
            validation_error("'[]'", "requestItems", &min_length(1)).message(),
            "1 validation error detected: Value '[]' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"
        );
    }

    #[test]
    fn an_empty_value_is_not_quoted() {
        assert_eq!(
            validation_error("", "Limit", &min_value(1)).message(),
            "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
        );
    }

    #[test]
    fn several_violations_are_counted_and_joined() {
        let e = validation_errors(&[
            Violation::new("null", "tableName", NOT_NULL),
            Violation::new("'a'", "indexName", min_length(3)),
        ]);
        assert_eq!(
            e.message(),
            "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; Value 'a' at 'indexName' failed to satisfy constraint: Member must have length greater than or equal to 3"
        );
    }
}
