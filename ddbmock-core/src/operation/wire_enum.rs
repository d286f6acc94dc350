//! `wire_enum!`: the one generator of the API's enumerations.
//!
//! DynamoDB answers a value outside an enumeration with a `ValidationException` that lists the valid
//! values ("Member must satisfy enum value set: [...]"), not with a `SerializationException`. So, as in
//! `aws-sdk-dynamodb`, every enumeration keeps the values it does not know in `Unknown(String)`; parsing
//! never fails on a string, and the engine rejects `Unknown` with DynamoDB's message, built from `VALUES`.

/// Defines a wire enumeration: its known variants, `Unknown(String)`, `as_str`, `VALUES` (in the order
/// DynamoDB lists them in its `ValidationException`), `From<&str>`, `From<String>`, `FromStr`, `Display`,
/// and serde as the plain string.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value DynamoDB does not define, kept as sent; the engine rejects it with a
            /// `ValidationException` listing [`Self::VALUES`].
            Unknown(String),
        }

        impl $name {
            /// Every value DynamoDB accepts, in the order its `ValidationException` lists them.
            pub const VALUES: &'static [&'static str] = &[$($value),+];

            /// The value as DynamoDB spells it on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Unknown(value) => value,
                }
            }

            /// Whether the value is one DynamoDB defines (not [`Self::Unknown`]).
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $value => Self::$variant, )+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $( $value => Self::$variant, )+
                    _ => Self::Unknown(value),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self::from)
            }
        }
    };
}

pub(crate) use wire_enum;

#[cfg(test)]
mod tests {
    use super::super::{KeyType, ReturnValue};

    #[test]
    fn known_values_parse_and_print_as_themselves() {
        for value in ReturnValue::VALUES {
            let parsed = ReturnValue::from(*value);
            assert!(parsed.is_known(), "{value}");
            assert_eq!(parsed.as_str(), *value);
            assert_eq!(parsed.to_string(), *value);
        }
        assert_eq!(KeyType::from("HASH"), KeyType::Hash);
    }

    #[test]
    fn unknown_values_are_kept_as_sent() {
        let parsed: ReturnValue = "all_old".parse().expect("parsing a string never fails");
        assert_eq!(parsed, ReturnValue::Unknown("all_old".to_owned()));
        assert!(!parsed.is_known());
        assert_eq!(parsed.as_str(), "all_old");
    }

    #[test]
    fn serde_is_the_plain_string() {
        let json = serde_json::to_string(&KeyType::Range).expect("serializes");
        assert_eq!(json, "\"RANGE\"");
        let back: Result<KeyType, _> = serde_json::from_str("\"SORT\"");
        assert_eq!(back.ok(), Some(KeyType::Unknown("SORT".to_owned())));
        let not_a_string: Result<KeyType, _> = serde_json::from_str("1");
        assert!(not_a_string.is_err());
    }

    #[test]
    fn values_follow_dynamodbs_message_order() {
        assert_eq!(
            ReturnValue::VALUES.join(", "),
            "ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW"
        );
    }
}
