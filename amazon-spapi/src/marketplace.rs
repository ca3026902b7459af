//! The 23 Amazon marketplaces: id, country code, currency, region and Seller Central site.
//!
//! The table mirrors Amazon's published marketplace ids (checked against
//! `shared/reference/marketplaces.tsv` by a test). Look marketplaces up by id
//! ([`Marketplace::by_id`]) or by country code ([`Marketplace::by_country_code`]; `UK` and `GB` both find
//! the United Kingdom).

use std::fmt;

use crate::region::Region;

/// One Amazon marketplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Marketplace {
    /// Amazon's marketplace id, for example `ATVPDKIKX0DER`.
    pub id: &'static str,
    /// Country code as Amazon writes it (`UK` for the United Kingdom; see [`Marketplace::iso_country`]).
    pub code: &'static str,
    /// Country name in English.
    pub country: &'static str,
    /// ISO 4217 code of the marketplace's selling currency.
    pub currency: &'static str,
    /// The SP-API region serving this marketplace.
    pub region: Region,
    /// The Seller Central site sellers of this marketplace use (consent URLs start here).
    pub seller_central: &'static str,
}

impl Marketplace {
    /// Canada (`A2EUQ1WTGCTBG2`).
    pub const CA: Marketplace = Marketplace {
        id: "A2EUQ1WTGCTBG2",
        code: "CA",
        country: "Canada",
        currency: "CAD",
        region: Region::NorthAmerica,
        seller_central: "https://sellercentral.amazon.ca",
    };
    /// United States (`ATVPDKIKX0DER`).
    pub const US: Marketplace = Marketplace {
        id: "ATVPDKIKX0DER",
        code: "US",
        country: "United States",
        currency: "USD",
        region: Region::NorthAmerica,
        seller_central: "https://sellercentral.amazon.com",
    };
    /// Mexico (`A1AM78C64UM0Y8`).
    pub const MX: Marketplace = Marketplace {
        id: "A1AM78C64UM0Y8",
        code: "MX",
        country: "Mexico",
        currency: "MXN",
        region: Region::NorthAmerica,
        seller_central: "https://sellercentral.amazon.com.mx",
    };
    /// Brazil (`A2Q3Y263D00KWC`).
    pub const BR: Marketplace = Marketplace {
        id: "A2Q3Y263D00KWC",
        code: "BR",
        country: "Brazil",
        currency: "BRL",
        region: Region::NorthAmerica,
        seller_central: "https://sellercentral.amazon.com.br",
    };
    /// Ireland (`A28R8C7NBKEWEA`).
    pub const IE: Marketplace = Marketplace {
        id: "A28R8C7NBKEWEA",
        code: "IE",
        country: "Ireland",
        currency: "EUR",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.ie",
    };
    /// Spain (`A1RKKUPIHCS9HS`).
    pub const ES: Marketplace = Marketplace {
        id: "A1RKKUPIHCS9HS",
        code: "ES",
        country: "Spain",
        currency: "EUR",
        region: Region::Europe,
        seller_central: "https://sellercentral-europe.amazon.com",
    };
    /// United Kingdom (`A1F83G8C2ARO7P`).
    pub const UK: Marketplace = Marketplace {
        id: "A1F83G8C2ARO7P",
        code: "UK",
        country: "United Kingdom",
        currency: "GBP",
        region: Region::Europe,
        seller_central: "https://sellercentral-europe.amazon.com",
    };
    /// France (`A13V1IB3VIYZZH`).
    pub const FR: Marketplace = Marketplace {
        id: "A13V1IB3VIYZZH",
        code: "FR",
        country: "France",
        currency: "EUR",
        region: Region::Europe,
        seller_central: "https://sellercentral-europe.amazon.com",
    };
    /// Belgium (`AMEN7PMS3EDWL`).
    pub const BE: Marketplace = Marketplace {
        id: "AMEN7PMS3EDWL",
        code: "BE",
        country: "Belgium",
        currency: "EUR",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.com.be",
    };
    /// Netherlands (`A1805IZSGTT6HS`).
    pub const NL: Marketplace = Marketplace {
        id: "A1805IZSGTT6HS",
        code: "NL",
        country: "Netherlands",
        currency: "EUR",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.nl",
    };
    /// Germany (`A1PA6795UKMFR9`).
    pub const DE: Marketplace = Marketplace {
        id: "A1PA6795UKMFR9",
        code: "DE",
        country: "Germany",
        currency: "EUR",
        region: Region::Europe,
        seller_central: "https://sellercentral-europe.amazon.com",
    };
    /// Italy (`APJ6JRA9NG5V4`).
    pub const IT: Marketplace = Marketplace {
        id: "APJ6JRA9NG5V4",
        code: "IT",
        country: "Italy",
        currency: "EUR",
        region: Region::Europe,
        seller_central: "https://sellercentral-europe.amazon.com",
    };
    /// Sweden (`A2NODRKZP88ZB9`).
    pub const SE: Marketplace = Marketplace {
        id: "A2NODRKZP88ZB9",
        code: "SE",
        country: "Sweden",
        currency: "SEK",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.se",
    };
    /// South Africa (`AE08WJ6YKNBMC`).
    pub const ZA: Marketplace = Marketplace {
        id: "AE08WJ6YKNBMC",
        code: "ZA",
        country: "South Africa",
        currency: "ZAR",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.co.za",
    };
    /// Poland (`A1C3SOZRARQ6R3`).
    pub const PL: Marketplace = Marketplace {
        id: "A1C3SOZRARQ6R3",
        code: "PL",
        country: "Poland",
        currency: "PLN",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.pl",
    };
    /// Egypt (`ARBP9OOSHTCHU`).
    pub const EG: Marketplace = Marketplace {
        id: "ARBP9OOSHTCHU",
        code: "EG",
        country: "Egypt",
        currency: "EGP",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.eg",
    };
    /// Turkey (`A33AVAJ2PDY3EV`).
    pub const TR: Marketplace = Marketplace {
        id: "A33AVAJ2PDY3EV",
        code: "TR",
        country: "Turkey",
        currency: "TRY",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.com.tr",
    };
    /// Saudi Arabia (`A17E79C6D8DWNP`).
    pub const SA: Marketplace = Marketplace {
        id: "A17E79C6D8DWNP",
        code: "SA",
        country: "Saudi Arabia",
        currency: "SAR",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.sa",
    };
    /// United Arab Emirates (`A2VIGQ35RCS4UG`).
    pub const AE: Marketplace = Marketplace {
        id: "A2VIGQ35RCS4UG",
        code: "AE",
        country: "United Arab Emirates",
        currency: "AED",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.ae",
    };
    /// India (`A21TJRUUN4KGV`).
    pub const IN: Marketplace = Marketplace {
        id: "A21TJRUUN4KGV",
        code: "IN",
        country: "India",
        currency: "INR",
        region: Region::Europe,
        seller_central: "https://sellercentral.amazon.in",
    };
    /// Singapore (`A19VAU5U5O7RUS`).
    pub const SG: Marketplace = Marketplace {
        id: "A19VAU5U5O7RUS",
        code: "SG",
        country: "Singapore",
        currency: "SGD",
        region: Region::FarEast,
        seller_central: "https://sellercentral.amazon.sg",
    };
    /// Australia (`A39IBJ37TRP1C6`).
    pub const AU: Marketplace = Marketplace {
        id: "A39IBJ37TRP1C6",
        code: "AU",
        country: "Australia",
        currency: "AUD",
        region: Region::FarEast,
        seller_central: "https://sellercentral.amazon.com.au",
    };
    /// Japan (`A1VC38T7YXB528`).
    pub const JP: Marketplace = Marketplace {
        id: "A1VC38T7YXB528",
        code: "JP",
        country: "Japan",
        currency: "JPY",
        region: Region::FarEast,
        seller_central: "https://sellercentral.amazon.co.jp",
    };

    /// Every marketplace, in Amazon's order (by region).
    pub const ALL: [Marketplace; 23] = [
        Marketplace::CA,
        Marketplace::US,
        Marketplace::MX,
        Marketplace::BR,
        Marketplace::IE,
        Marketplace::ES,
        Marketplace::UK,
        Marketplace::FR,
        Marketplace::BE,
        Marketplace::NL,
        Marketplace::DE,
        Marketplace::IT,
        Marketplace::SE,
        Marketplace::ZA,
        Marketplace::PL,
        Marketplace::EG,
        Marketplace::TR,
        Marketplace::SA,
        Marketplace::AE,
        Marketplace::IN,
        Marketplace::SG,
        Marketplace::AU,
        Marketplace::JP,
    ];

    /// The marketplace with Amazon id `id`.
    pub fn by_id(id: &str) -> Option<&'static Marketplace> {
        let id = id.trim();
        Self::ALL.iter().find(|m| m.id == id)
    }

    /// The marketplace of the country with code `code` (case-insensitive; `GB` and `UK` are the same).
    pub fn by_country_code(code: &str) -> Option<&'static Marketplace> {
        let code = code.trim().to_ascii_uppercase();
        let code = if code == "GB" { "UK" } else { code.as_str() };
        Self::ALL.iter().find(|m| m.code == code)
    }

    /// Every marketplace served by `region`.
    pub fn in_region(region: Region) -> impl Iterator<Item = &'static Marketplace> {
        Self::ALL.iter().filter(move |m| m.region == region)
    }

    /// The ISO 3166-1 alpha-2 country code (`GB` where Amazon writes `UK`).
    pub fn iso_country(&self) -> &'static str {
        if self.code == "UK" {
            "GB"
        } else {
            self.code
        }
    }
}

impl fmt::Display for Marketplace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.country, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(Marketplace::by_country_code("gb").unwrap().id, "A1F83G8C2ARO7P");
        assert_eq!(Marketplace::by_country_code("UK").unwrap().id, "A1F83G8C2ARO7P");
        assert_eq!(Marketplace::by_id("ATVPDKIKX0DER").unwrap().currency, "USD");
        assert!(Marketplace::by_id("NOPE").is_none());
        assert_eq!(Marketplace::in_region(Region::FarEast).count(), 3);
        assert_eq!(Marketplace::UK.iso_country(), "GB");
    }
}
