//! SP-API regions and environments (production, sandbox, or a custom base URL such as the simulator).

use std::fmt;
use std::str::FromStr;

use url::Url;

/// One of the three SP-API regions; each has its own endpoint and its own marketplaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    /// North America: Canada, United States, Mexico, Brazil.
    NorthAmerica,
    /// Europe, the Middle East, Africa and India.
    Europe,
    /// Far East: Singapore, Australia, Japan.
    FarEast,
}

impl Region {
    /// Every region.
    pub const ALL: [Region; 3] = [Region::NorthAmerica, Region::Europe, Region::FarEast];

    /// Short code as Amazon writes it: `NA`, `EU` or `FE`.
    pub const fn code(self) -> &'static str {
        match self {
            Region::NorthAmerica => "NA",
            Region::Europe => "EU",
            Region::FarEast => "FE",
        }
    }

    /// The production endpoint, for example `https://sellingpartnerapi-na.amazon.com`.
    pub const fn production_endpoint(self) -> &'static str {
        match self {
            Region::NorthAmerica => "https://sellingpartnerapi-na.amazon.com",
            Region::Europe => "https://sellingpartnerapi-eu.amazon.com",
            Region::FarEast => "https://sellingpartnerapi-fe.amazon.com",
        }
    }

    /// The sandbox endpoint, for example `https://sandbox.sellingpartnerapi-na.amazon.com`.
    pub const fn sandbox_endpoint(self) -> &'static str {
        match self {
            Region::NorthAmerica => "https://sandbox.sellingpartnerapi-na.amazon.com",
            Region::Europe => "https://sandbox.sellingpartnerapi-eu.amazon.com",
            Region::FarEast => "https://sandbox.sellingpartnerapi-fe.amazon.com",
        }
    }

    /// The AWS region that hosts the endpoint (`us-east-1`, `eu-west-1`, `us-west-2`).
    pub const fn aws_region(self) -> &'static str {
        match self {
            Region::NorthAmerica => "us-east-1",
            Region::Europe => "eu-west-1",
            Region::FarEast => "us-west-2",
        }
    }

    /// The Seller Central host used for the website authorization (consent) flow when no marketplace is
    /// given: `sellercentral.amazon.com` (NA), `sellercentral-europe.amazon.com` (EU),
    /// `sellercentral.amazon.co.jp` (FE).
    pub const fn seller_central(self) -> &'static str {
        match self {
            Region::NorthAmerica => "https://sellercentral.amazon.com",
            Region::Europe => "https://sellercentral-europe.amazon.com",
            Region::FarEast => "https://sellercentral.amazon.co.jp",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A region code that is not `NA`, `EU` or `FE`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown SP-API region {0:?}: use NA, EU or FE")]
pub struct UnknownRegion(pub String);

impl FromStr for Region {
    type Err = UnknownRegion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "NA" | "NORTH_AMERICA" | "US-EAST-1" => Ok(Region::NorthAmerica),
            "EU" | "EUROPE" | "EU-WEST-1" => Ok(Region::Europe),
            "FE" | "FAR_EAST" | "US-WEST-2" => Ok(Region::FarEast),
            _ => Err(UnknownRegion(s.to_owned())),
        }
    }
}

/// Where requests go: Amazon's production or sandbox endpoints, or a custom base URL (the simulator, a
/// proxy).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Environment {
    /// `https://sellingpartnerapi-{na,eu,fe}.amazon.com`.
    #[default]
    Production,
    /// `https://sandbox.sellingpartnerapi-{na,eu,fe}.amazon.com` (static or dynamic sandbox answers).
    Sandbox,
    /// Any base URL, for example `http://127.0.0.1:8787` for the simulator.
    Custom(Url),
}

impl Environment {
    /// The base URL for `region` (the region is ignored for [`Environment::Custom`]).
    pub fn base_url(&self, region: Region) -> Url {
        match self {
            Environment::Production => parse_static(region.production_endpoint()),
            Environment::Sandbox => parse_static(region.sandbox_endpoint()),
            Environment::Custom(url) => url.clone(),
        }
    }

    /// Whether this is Amazon's sandbox.
    pub fn is_sandbox(&self) -> bool {
        matches!(self, Environment::Sandbox)
    }
}

#[allow(clippy::expect_used)] // constant, valid URLs (tested below); not data from outside
fn parse_static(s: &'static str) -> Url {
    Url::parse(s).expect("constant endpoint URL parses")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_parse_and_regions_round_trip() {
        for r in Region::ALL {
            assert_eq!(
                Environment::Production.base_url(r).as_str(),
                format!("{}/", r.production_endpoint())
            );
            assert_eq!(
                Environment::Sandbox.base_url(r).as_str(),
                format!("{}/", r.sandbox_endpoint())
            );
            assert_eq!(r.code().parse::<Region>().unwrap(), r);
        }
        assert!(Environment::Sandbox.is_sandbox());
        assert!(!Environment::Production.is_sandbox());
        assert!("XX".parse::<Region>().is_err());
    }
}
