//! Sellers v1: every definition of Amazon's model (`models/sellers-api-model/sellers.json`) as lenient
//! serde types.
//!
//! Drafted from the model by a script and then edited by hand. Every field is optional, booleans also
//! decode from strings, enums keep unknown values. The primary contact's personal data and the business's
//! registration and tax numbers print `<redacted>` in `Debug`.

use serde::{Deserialize, Serialize};

use crate::de;
use crate::error::AmazonError;

pub use crate::orders_v0::MarketplaceId;

/// `MarketplaceParticipation` from Amazon's model.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct MarketplaceParticipation {
    /// Information about an Amazon marketplace where a seller can list items and customers can view and
    /// purchase items.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "marketplace", default, skip_serializing_if = "Option::is_none")]
    pub marketplace: Option<Marketplace>,
    /// Information that is specific to a seller in a marketplace.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "participation", default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<Participation>,
    /// The name of the seller's store as displayed in the marketplace.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "storeName", default, skip_serializing_if = "Option::is_none")]
    pub store_name: Option<String>,
}

/// The response schema for the `getMarketplaceParticipations` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetMarketplaceParticipationsResponse {
    /// The payload for the `getMarketplaceParticipations` operation.
    #[serde(
        rename = "payload",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub payload: Vec<MarketplaceParticipation>,
    /// The errors encountered by the `getMarketplaceParticipations` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// Information about an Amazon marketplace where a seller can list items and customers can view and
/// purchase items.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Marketplace {
    /// The encrypted marketplace value.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<MarketplaceId>,
    /// The marketplace name.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The ISO 3166-1 alpha-2 format country code of the marketplace.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "countryCode", default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The ISO 4217 format currency code of the marketplace.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "defaultCurrencyCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_currency_code: Option<String>,
    /// The ISO 639-1 format language code of the marketplace.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "defaultLanguageCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_language_code: Option<String>,
    /// The domain name of the marketplace.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "domainName", default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
}

/// Information that is specific to a seller in a marketplace.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Participation {
    /// If `true`, the seller participates in the marketplace. Otherwise `false`.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "isParticipating",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_participating: Option<bool>,
    /// Specifies if the seller has suspended listings. `true` if the seller Listing Status is set to
    /// Inactive, otherwise `false`.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "hasSuspendedListings",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub has_suspended_listings: Option<bool>,
}

/// The response schema for the `getAccount` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetAccountResponse {
    /// The response schema for the `getAccount` operation.
    #[serde(rename = "payload", default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Account>,
    /// The errors encountered by the `getAccount` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The response schema for the `getAccount` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Account {
    /// List of marketplace participations.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "marketplaceParticipationList",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub marketplace_participation_list: Vec<MarketplaceParticipation>,
    /// The type of business registered for the seller account.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "businessType", default, skip_serializing_if = "Option::is_none")]
    pub business_type: Option<BusinessType>,
    /// The selling plan details.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "sellingPlan", default, skip_serializing_if = "Option::is_none")]
    pub selling_plan: Option<SellingPlan>,
    /// Information about the seller's business. Certain fields may be omitted depending on the seller's
    /// `businessType`.
    #[serde(rename = "business", default, skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
    /// Information about the seller's primary contact.
    #[serde(rename = "primaryContact", default, skip_serializing_if = "Option::is_none")]
    pub primary_contact: Option<PrimaryContact>,
}

/// Information about the seller's business. Certain fields may be omitted depending on the seller's
/// `businessType`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Business {
    /// The registered business name.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The registered business address.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "registeredBusinessAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registered_business_address: Option<Address>,
    /// The seller's company registration number, if applicable. This field will be absent for individual
    /// sellers and sole proprietorships.
    #[serde(
        rename = "companyRegistrationNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub company_registration_number: Option<String>,
    /// The seller's company tax identification number, if applicable. This field will be present for
    /// certain business types only, such as sole proprietorships.
    #[serde(
        rename = "companyTaxIdentificationNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub company_tax_identification_number: Option<String>,
    /// The non-Latin script version of the registered business name, if applicable.
    #[serde(rename = "nonLatinName", default, skip_serializing_if = "Option::is_none")]
    pub non_latin_name: Option<String>,
}

crate::redacted_debug!(Business { name, registered_business_address, non_latin_name } hide { company_registration_number, company_tax_identification_number });

/// Represents an address
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Address {
    /// Street address information.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "addressLine1", default, skip_serializing_if = "Option::is_none")]
    pub address_line1: Option<String>,
    /// Additional street address information.
    #[serde(rename = "addressLine2", default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// The country code in two-character ISO 3166-1 alpha-2 format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "countryCode", default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The state or province code.
    #[serde(
        rename = "stateOrProvinceCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub state_or_province_code: Option<String>,
    /// The city.
    #[serde(rename = "city", default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The postal code.
    #[serde(rename = "postalCode", default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

/// Information about the seller's primary contact.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrimaryContact {
    /// The full name of the seller's primary contact.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The primary contact's residential address.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "address", default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The non-Latin script version of the primary contact's name, if applicable.
    #[serde(rename = "nonLatinName", default, skip_serializing_if = "Option::is_none")]
    pub non_latin_name: Option<String>,
}

crate::redacted_debug!(PrimaryContact {  } hide { name, address, non_latin_name });

crate::lenient_enum! {
    /// The type of business registered for the seller account.
    pub enum BusinessType {
        /// `CHARITY`.
        Charity = "CHARITY",
        /// `CRAFTSMAN`.
        Craftsman = "CRAFTSMAN",
        /// `NATURAL_PERSON_COMPANY`.
        NaturalPersonCompany = "NATURAL_PERSON_COMPANY",
        /// `PUBLIC_LISTED`.
        PublicListed = "PUBLIC_LISTED",
        /// `PRIVATE_LIMITED`.
        PrivateLimited = "PRIVATE_LIMITED",
        /// `SOLE_PROPRIETORSHIP`.
        SoleProprietorship = "SOLE_PROPRIETORSHIP",
        /// `STATE_OWNED`.
        StateOwned = "STATE_OWNED",
        /// `INDIVIDUAL`.
        Individual = "INDIVIDUAL",
    }
}

crate::lenient_enum! {
    /// The selling plan details.
    pub enum SellingPlan {
        /// `PROFESSIONAL`.
        Professional = "PROFESSIONAL",
        /// `INDIVIDUAL`.
        Individual = "INDIVIDUAL",
    }
}
