//! Value types shared by the MWS answers: money, personal data, response metadata, and the lenient enums.

use std::fmt;

use rust_decimal::Decimal;

use super::xml::Element;

/// Declares a string enum whose unknown values are kept in an `Unknown(String)` variant.
macro_rules! mws_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this client does not know yet, kept as Amazon sent it.
            Unknown(String),
        }

        impl $name {
            /// The value as Amazon spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )+
                    $name::Unknown(s) => s.as_str(),
                }
            }

            /// Reads Amazon's spelling; anything else becomes `Unknown`.
            pub fn parse(text: &str) -> Self {
                match text {
                    $( $text => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self::parse(text)
            }
        }
    };
}
pub(crate) use mws_enum;

/// An amount of money (`CurrencyCode` + `Amount`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    /// ISO 4217 currency code; empty when Amazon left it out.
    pub currency_code: String,
    /// The amount.
    pub amount: Decimal,
}

impl Money {
    /// Reads a money element; `None` when it is missing or its amount is not a number.
    pub(crate) fn from_element(parent: &Element, name: &str) -> Option<Self> {
        let e = parent.child(name)?;
        Some(Money {
            currency_code: e.text_of("CurrencyCode").unwrap_or_default(),
            amount: e.decimal_of("Amount")?,
        })
    }
}

/// Buyers' personal data (names, e-mail addresses, phone numbers, gift messages).
///
/// `Debug` and `Display` print `<pii>`: the value is only reachable through [`Pii::expose`], so that
/// printing an order never leaks who bought it.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Pii(String);

impl Pii {
    /// Wraps a personal value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Pii {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<pii>")
    }
}

impl fmt::Display for Pii {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<pii>")
    }
}

/// Reads the trimmed text of child `name` as personal data.
pub(crate) fn pii_of(parent: &Element, name: &str) -> Option<Pii> {
    parent.text_of(name).map(Pii)
}

/// A postal address (`ShippingAddress`, `DefaultShipFromLocationAddress`). Every line except the country
/// code is personal data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    /// Recipient name.
    pub name: Option<Pii>,
    /// First street line.
    pub address_line1: Option<Pii>,
    /// Second street line.
    pub address_line2: Option<Pii>,
    /// Third street line.
    pub address_line3: Option<Pii>,
    /// City.
    pub city: Option<Pii>,
    /// County.
    pub county: Option<Pii>,
    /// District.
    pub district: Option<Pii>,
    /// State or region.
    pub state_or_region: Option<Pii>,
    /// Postal code.
    pub postal_code: Option<Pii>,
    /// ISO 3166 country code.
    pub country_code: Option<String>,
    /// Phone number.
    pub phone: Option<Pii>,
    /// `Residential` or `Commercial`.
    pub address_type: Option<String>,
}

impl Address {
    pub(crate) fn from_element(e: &Element) -> Self {
        Address {
            name: pii_of(e, "Name"),
            address_line1: pii_of(e, "AddressLine1"),
            address_line2: pii_of(e, "AddressLine2"),
            address_line3: pii_of(e, "AddressLine3"),
            city: pii_of(e, "City"),
            county: pii_of(e, "County"),
            district: pii_of(e, "District"),
            state_or_region: pii_of(e, "StateOrRegion"),
            postal_code: pii_of(e, "PostalCode"),
            country_code: e.text_of("CountryCode"),
            phone: pii_of(e, "Phone"),
            address_type: e.text_of("AddressType"),
        }
    }
}

/// `ResponseMetadata` of every MWS answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResponseMetadata {
    /// The request id to quote to Amazon support.
    pub request_id: Option<String>,
}

impl ResponseMetadata {
    pub(crate) fn from_root(root: &Element) -> Self {
        ResponseMetadata {
            request_id: root
                .child("ResponseMetadata")
                .and_then(|m| m.text_of("RequestId")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mws_enum! {
        /// Test enum.
        pub enum Colour {
            /// Red.
            Red = "Red",
        }
    }

    #[test]
    fn enums_keep_unknown_values() {
        assert_eq!(Colour::parse("Red"), Colour::Red);
        assert_eq!(Colour::parse("Mauve"), Colour::Unknown("Mauve".into()));
        assert_eq!(Colour::parse("Mauve").as_str(), "Mauve");
        assert_eq!(Colour::Red.to_string(), "Red");
    }

    #[test]
    fn pii_is_hidden() {
        let a = Address {
            name: Some(Pii::new("Jane Buyer")),
            ..Address::default()
        };
        assert!(!format!("{a:?}").contains("Jane"));
        assert_eq!(a.name.as_ref().map(Pii::expose), Some("Jane Buyer"));
    }
}
