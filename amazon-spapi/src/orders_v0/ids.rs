//! Identifier newtypes shared by the Orders APIs (v0 and 2026-01-01), and the timestamp parameter type.
//!
//! An order id, an order item id and a marketplace id are all strings; mixing them up compiles with plain
//! `String`s and fails at Amazon. These newtypes make the mix-up a type error. They decode leniently (a
//! number where a string was expected keeps its text) and serialize as plain strings.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::marketplace::Marketplace;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps an identifier.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The identifier as an owned `String`.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl From<&String> for $name {
            fn from(s: &String) -> Self {
                Self(s.clone())
            }
        }

        impl From<&$name> for $name {
            fn from(s: &$name) -> Self {
                s.clone()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(crate::de::LenientStrVisitor::<Self>::new())
            }
        }
    };
}

id_type! {
    /// An Amazon order id in 3-7-7 format, for example `902-3159896-1390916`.
    AmazonOrderId
}

id_type! {
    /// The id of one item (line) of an Amazon order, for example `05015851154158`.
    OrderItemId
}

id_type! {
    /// A marketplace id, for example `ATVPDKIKX0DER`. Build one from a [`Marketplace`]
    /// (`MarketplaceId::from(Marketplace::US)`) or from text.
    MarketplaceId
}

impl From<Marketplace> for MarketplaceId {
    fn from(m: Marketplace) -> Self {
        Self(m.id.to_owned())
    }
}

impl From<&Marketplace> for MarketplaceId {
    fn from(m: &Marketplace) -> Self {
        Self(m.id.to_owned())
    }
}

impl MarketplaceId {
    /// The known marketplace with this id, if any.
    pub fn marketplace(&self) -> Option<&'static Marketplace> {
        Marketplace::by_id(&self.0)
    }
}

/// A timestamp query parameter: a point in time (sent as ISO 8601 in UTC), or a literal value sent as it
/// is.
///
/// Literal values exist for Amazon's static sandbox, which selects its canned answers by values such as
/// `CreatedAfter=TEST_CASE_200` that are not timestamps. Production code passes `DateTime<Utc>`s, which
/// convert with `.into()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryTime {
    /// A point in time.
    At(DateTime<Utc>),
    /// A value sent verbatim (sandbox test cases).
    Literal(String),
}

impl QueryTime {
    /// A value sent verbatim, for Amazon's sandbox test cases (`TEST_CASE_200`).
    pub fn literal(value: impl Into<String>) -> Self {
        QueryTime::Literal(value.into())
    }

    /// The point in time, unless this is a literal.
    pub fn at(&self) -> Option<DateTime<Utc>> {
        match self {
            QueryTime::At(t) => Some(*t),
            QueryTime::Literal(_) => None,
        }
    }

    /// The query value: ISO 8601 in UTC with a `Z` (fractional seconds only when present).
    pub fn to_query(&self) -> String {
        match self {
            QueryTime::At(t) => t.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            QueryTime::Literal(s) => s.clone(),
        }
    }
}

impl From<DateTime<Utc>> for QueryTime {
    fn from(t: DateTime<Utc>) -> Self {
        QueryTime::At(t)
    }
}

impl From<&DateTime<Utc>> for QueryTime {
    fn from(t: &DateTime<Utc>) -> Self {
        QueryTime::At(*t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lenient_and_distinct() {
        let id: OrderItemId = serde_json::from_str("12345").unwrap();
        assert_eq!(id.as_str(), "12345");
        let o: AmazonOrderId = serde_json::from_str("\"902-1\"").unwrap();
        assert_eq!(serde_json::to_string(&o).unwrap(), "\"902-1\"");
        assert_eq!(MarketplaceId::from(Marketplace::US), "ATVPDKIKX0DER");
        assert_eq!(
            MarketplaceId::from("A1PA6795UKMFR9")
                .marketplace()
                .map(|m| m.code),
            Some("DE")
        );
    }

    #[test]
    fn query_time_format() {
        let t = DateTime::parse_from_rfc3339("2024-12-25T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(QueryTime::from(t).to_query(), "2024-12-25T00:00:00Z");
        let t = DateTime::parse_from_rfc3339("2024-12-25T01:00:00.250+01:00")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(QueryTime::from(t).to_query(), "2024-12-25T00:00:00.250Z");
        assert_eq!(QueryTime::literal("TEST_CASE_200").to_query(), "TEST_CASE_200");
    }
}
