//! Carrier codes: the planner takes the carrier already coerced to Amazon's code and name.
//!
//! Coercing an integrator's carrier text ("fedex ground", "Royal Mail 24") to Amazon's list is the job of the
//! rule engine (`orderhub-rules`); this crate does not depend on it. Instead [`PlannerConfig::carriers`]
//! holds a [`CarrierResolver`]: any `Fn(&str, &MarketplaceId) -> Carrier` closure works, so the engine can
//! pass the rule engine's coercion in. The default, [`AmazonCarrierList`], accepts a name that already is
//! one of Amazon's codes (ignoring case) and sends anything else as `Other` with the name.
//!
//! [`PlannerConfig::carriers`]: crate::PlannerConfig::carriers

use std::collections::HashMap;

use orderhub_core::MarketplaceId;

/// Amazon's carrier code and, for `Other`, the carrier's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Carrier {
    /// A code from Amazon's list, or `Other`.
    pub code: String,
    /// The carrier's name (required with `Other`, optional otherwise).
    pub name: Option<String>,
}

impl Carrier {
    /// A listed carrier code.
    pub fn code(code: impl Into<String>) -> Self {
        Carrier {
            code: code.into(),
            name: None,
        }
    }

    /// `Other` with a free-text name.
    pub fn other(name: impl Into<String>) -> Self {
        Carrier {
            code: OTHER.to_owned(),
            name: Some(name.into()),
        }
    }

    /// Whether the code is `Other`.
    pub fn is_other(&self) -> bool {
        self.code == OTHER
    }
}

/// Amazon's code for an unlisted carrier.
pub const OTHER: &str = "Other";

/// Turns a carrier as the integrator named it into Amazon's code.
pub trait CarrierResolver: Send + Sync {
    /// The carrier to send for `carrier` on an order of `marketplace_id`.
    fn resolve(&self, carrier: &str, marketplace_id: &MarketplaceId) -> Carrier;
}

impl<F> CarrierResolver for F
where
    F: Fn(&str, &MarketplaceId) -> Carrier + Send + Sync,
{
    fn resolve(&self, carrier: &str, marketplace_id: &MarketplaceId) -> Carrier {
        self(carrier, marketplace_id)
    }
}

/// The 51 `CarrierCode` values of Amazon's base schema, as data. Amazon's current list is longer; extend it
/// with [`AmazonCarrierList::with_codes`].
pub const BASE_CARRIER_CODES: &[&str] = &[
    "USPS",
    "UPS",
    "UPSMI",
    "FedEx",
    "DHL",
    "Fastway",
    "GLS",
    "GO!",
    "Hermes Logistik Gruppe",
    "Royal Mail",
    "Parcelforce",
    "City Link",
    "TNT",
    "Target",
    "SagawaExpress",
    "NipponExpress",
    "YamatoTransport",
    "DHL Global Mail",
    "UPS Mail Innovations",
    "FedEx SmartPost",
    "OSM",
    "OnTrac",
    "Streamlite",
    "Newgistics",
    "Canada Post",
    "Blue Package",
    "Chronopost",
    "Deutsche Post",
    "DPD",
    "La Poste",
    "Parcelnet",
    "Poste Italiane",
    "SDA",
    "Smartmail",
    "FEDEX_JP",
    "JP_EXPRESS",
    "NITTSU",
    "SAGAWA",
    "YAMATO",
    "BlueDart",
    "AFL/Fedex",
    "Aramex",
    "India Post",
    "Professional",
    "DTDC",
    "Overnite Express",
    "First Flight",
    "Delhivery",
    "Lasership",
    "Yodel",
    "Other",
];

/// Accepts names that are Amazon carrier codes (ignoring case and surrounding spaces); anything else goes
/// as `Other` with the name as given.
#[derive(Debug, Clone)]
pub struct AmazonCarrierList {
    by_lower: HashMap<String, String>,
}

impl Default for AmazonCarrierList {
    fn default() -> Self {
        AmazonCarrierList::with_codes(BASE_CARRIER_CODES.iter().copied())
    }
}

impl AmazonCarrierList {
    /// A list of accepted codes.
    pub fn with_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> Self {
        let by_lower = codes
            .into_iter()
            .map(|c| (c.trim().to_lowercase(), c.trim().to_owned()))
            .collect();
        AmazonCarrierList { by_lower }
    }
}

impl CarrierResolver for AmazonCarrierList {
    fn resolve(&self, carrier: &str, _marketplace_id: &MarketplaceId) -> Carrier {
        let trimmed = carrier.trim();
        match self.by_lower.get(&trimmed.to_lowercase()) {
            Some(code) if code == OTHER => Carrier::other(trimmed),
            Some(code) => Carrier::code(code.clone()),
            None => Carrier::other(trimmed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_codes_pass_and_others_become_other() {
        let list = AmazonCarrierList::default();
        let us = MarketplaceId::new("ATVPDKIKX0DER");
        assert_eq!(list.resolve(" fedex ", &us), Carrier::code("FedEx"));
        assert_eq!(list.resolve("Royal Mail", &us), Carrier::code("Royal Mail"));
        assert_eq!(
            list.resolve("Speedy Parcels", &us),
            Carrier::other("Speedy Parcels")
        );
        assert!(list.resolve("Speedy Parcels", &us).is_other());
        assert_eq!(BASE_CARRIER_CODES.len(), 51);
    }

    #[test]
    fn closures_resolve() {
        let r = |name: &str, _: &MarketplaceId| {
            if name.contains("fedex") {
                Carrier::code("FedEx")
            } else {
                Carrier::other(name)
            }
        };
        let us = MarketplaceId::new("ATVPDKIKX0DER");
        assert_eq!(
            CarrierResolver::resolve(&r, "fedex ground", &us),
            Carrier::code("FedEx")
        );
    }
}
