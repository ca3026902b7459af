//! Buyers' personal data: held in its own types, possibly absent with a reason, never printed by `Debug`.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The text that replaces redacted personal data, as established hubs write it.
pub const REDACTED: &str = "REDACTED (Amazon)";

/// Why personal data is not on an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AbsentReason {
    /// Amazon did not supply it (Amazon-fulfilled orders, pending orders, or a region without PII access).
    NotSupplied,
    /// The app lacks the restricted role (or the RDT lacked the data element) needed to read it.
    RoleMissing {
        /// The role that would grant access, for example `Direct-to-Consumer Shipping`.
        role: String,
    },
    /// It was redacted under the retention policy.
    Redacted {
        /// When it was redacted.
        at: DateTime<Utc>,
    },
    /// It is stored encrypted and this store was opened without the key that can read it.
    KeyUnavailable {
        /// The id of the key it was encrypted with.
        key_id: String,
    },
}

/// Personal data that may be absent, with the reason.
///
/// `Debug` never shows the value: `Pii(<redacted>)` or the absence reason.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", content = "value", rename_all = "snake_case")]
pub enum Pii<T> {
    /// The data is here.
    Present(T),
    /// The data is not here, and why.
    Absent(AbsentReason),
}

impl<T> Pii<T> {
    /// The value, when present.
    pub fn as_present(&self) -> Option<&T> {
        match self {
            Pii::Present(v) => Some(v),
            Pii::Absent(_) => None,
        }
    }

    /// Mutable access to the value, when present.
    pub fn as_present_mut(&mut self) -> Option<&mut T> {
        match self {
            Pii::Present(v) => Some(v),
            Pii::Absent(_) => None,
        }
    }

    /// Whether the value is present.
    pub fn is_present(&self) -> bool {
        matches!(self, Pii::Present(_))
    }

    /// The absence reason, when absent.
    pub fn absent_reason(&self) -> Option<&AbsentReason> {
        match self {
            Pii::Present(_) => None,
            Pii::Absent(r) => Some(r),
        }
    }

    /// Maps the present value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Pii<U> {
        match self {
            Pii::Present(v) => Pii::Present(f(v)),
            Pii::Absent(r) => Pii::Absent(r),
        }
    }
}

impl<T> Default for Pii<T> {
    fn default() -> Self {
        Pii::Absent(AbsentReason::NotSupplied)
    }
}

impl<T> fmt::Debug for Pii<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pii::Present(_) => f.write_str("Pii(<redacted>)"),
            Pii::Absent(r) => f.debug_tuple("Absent").field(r).finish(),
        }
    }
}

/// A postal address. Street lines, name, company and phone are personal; `Debug` shows only the country.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// Recipient name.
    pub name: Option<String>,
    /// Company name.
    pub company: Option<String>,
    /// First street line.
    pub line1: Option<String>,
    /// Second street line.
    pub line2: Option<String>,
    /// Third street line.
    pub line3: Option<String>,
    /// City.
    pub city: Option<String>,
    /// County.
    pub county: Option<String>,
    /// District (for example a Japanese ward or a Chinese district).
    pub district: Option<String>,
    /// State, prefecture or region.
    pub state_or_region: Option<String>,
    /// Municipality.
    pub municipality: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code as Amazon sends it (`GB`, not `UK`).
    pub country_code: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// `Residential` or `Commercial`, when Amazon says.
    pub address_type: Option<String>,
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Address")
            .field("country_code", &self.country_code)
            .finish_non_exhaustive()
    }
}

/// The buyer. Every field is personal; `Debug` shows nothing but which fields are set.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Buyer {
    /// Buyer name.
    pub name: Option<String>,
    /// Buyer e-mail: an Amazon relay address, never for marketing.
    pub email: Option<String>,
    /// Buyer phone.
    pub phone: Option<String>,
    /// Company (business orders).
    pub company: Option<String>,
    /// Purchase order number (business orders).
    pub purchase_order_number: Option<String>,
    /// Buyer's tax registration (VAT id, for example), when Amazon supplies it.
    pub tax_registration_id: Option<String>,
    /// Buyer's county (tax).
    pub county: Option<String>,
}

impl fmt::Debug for Buyer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Buyer")
            .field("has_name", &self.name.is_some())
            .field("has_email", &self.email.is_some())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_personal_data() {
        let addr = Address {
            name: Some("Hanako Yamada".into()),
            line1: Some("1-2-3 Shibuya".into()),
            city: Some("渋谷区".into()),
            phone: Some("+81 3 1234 5678".into()),
            country_code: Some("JP".into()),
            ..Address::default()
        };
        let buyer = Buyer {
            name: Some("Hanako Yamada".into()),
            email: Some("x@marketplace.amazon.co.jp".into()),
            ..Buyer::default()
        };
        let s = format!(
            "{addr:?} {:?} {buyer:?} {:?}",
            Pii::Present(addr.clone()),
            Pii::Present(buyer.clone())
        );
        for secret in ["Hanako", "Shibuya", "渋谷", "1234", "marketplace.amazon"] {
            assert!(!s.contains(secret), "{secret} leaked in {s}");
        }
        assert!(s.contains("JP"));
    }

    #[test]
    fn absent_carries_reason() {
        let p: Pii<Address> = Pii::Absent(AbsentReason::RoleMissing {
            role: "Direct-to-Consumer Shipping".into(),
        });
        assert!(!p.is_present());
        assert!(format!("{p:?}").contains("Direct-to-Consumer"));
        let json = serde_json::to_string(&p).unwrap();
        let back: Pii<Address> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }
}
