//! Amazon labels (Merchant Fulfillment v0): labels bought from the order's metadata, as established hubs
//! document it (`ShippingServiceID`, `PackageType`, `PackageLength` / `Width` / `Height`, `PackageWeight`,
//! `LabelFormat`, `DeliveryExperience`, `CarrierPickup`, `Currency`, `DeclaredValue`, `HazmatType`,
//! `ShipFromName` / `Address` / `City` / `Zip` / `Country`), voided with `cancelShipment`.
//!
//! `createShipment` is not idempotent: a lost answer could mean a label was bought. So the engine
//! records its intent on the order *before* buying ([`label_keys::INTENT_AT`]); a buy that finds an
//! intent left by a crash first asks Amazon whether the order got a package since then (buying a label
//! confirms its package at Amazon) and, when it did, records that package instead of buying again.
//! Amazon's answers that say for sure nothing was bought (4xx) clear the intent.
//!
//! Where the label goes: the label file shows the buyer's name and address, which is personal data, so
//! the hub does not copy it into the order's metadata (metadata is neither encrypted nor redacted). The
//! order keeps Amazon's shipment id, tracking number, carrier and service ([`label_keys`]); the file
//! comes with the [`LabelOutcome`] of the purchase and can be fetched again from Amazon at any time with
//! [`Engine::label_document`] (Amazon keeps it), for the integrator to print or store in its own
//! encrypted storage.
//!
//! Buying the label confirms the package at Amazon. The hub records it like any shipment — a
//! `ShipmentConfirmation` outbox entry written in the same transaction as the order — but already
//! `Done`, since sending the confirmation again would be refused (the units are shipped); the entry is
//! the hub's record of the package (retention reads shipments from it, the planner sees it as sent).

use std::fmt;

use amazon_spapi::merchant_fulfillment_v0 as mfn;
use amazon_spapi::orders_2026_01_01::{GetOrder, IncludedData};
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use rust_decimal::Decimal;

use super::import::decision_keys;
use super::mcf::held;
use super::{ConnectionRuntime, Engine, EngineError};
use crate::domain::{
    keys, AmazonOrderId, AmazonOrderStatus, ConnectionId, ConnectionSettings, FulfillmentChannel, HubStatus,
    Order, OrderItemId, OutboxEntry, OutboxId, OutboxPayload, OutboxStatus, Shipment, ShipmentId,
    ShipmentLine,
};

/// The value of the order metadata key `route_to` that makes [`Engine::run_labels`] buy an Amazon label
/// for the order (compared without regard to case; `amazon_labels` is accepted too).
pub const LABELS_ROUTE: &str = "amazon-labels";

/// Order metadata keys of the labels job: inputs beyond the documented ones, and what the job records.
pub mod label_keys {
    /// Input, as documented by established hubs: carrier pickup `0`/`1` (`CarrierWillPickUp` is read
    /// too).
    pub const CARRIER_PICKUP: &str = "CarrierPickup";
    /// Input, as documented: the currency of `DeclaredValue` (default: the order total's, else USD).
    pub const CURRENCY: &str = "Currency";
    /// Input: the ship-from phone (Amazon requires one; default: the connection's phone prefill).
    pub const SHIP_FROM_PHONE: &str = "ShipFromPhone";
    /// Input: the ship-from e-mail (Amazon requires one; default: the connection's e-mail prefill).
    pub const SHIP_FROM_EMAIL: &str = "ShipFromEmail";
    /// Input: `oz` or `g` (default: `oz` when shipping from the US, else `g`).
    pub const WEIGHT_UNIT: &str = "PackageWeightUnit";
    /// Input: `inches` or `centimeters` (default: `inches` when shipping from the US, else
    /// `centimeters`).
    pub const DIMENSION_UNIT: &str = "PackageDimensionUnit";

    /// `buying` (intent recorded), `purchased`, `recovered` (bought before a crash, found at Amazon),
    /// `unknown` (the answer was lost; the next buy checks Amazon first), `failed`, `cancelled`.
    pub const STATUS: &str = "label_status";
    /// When the engine decided to buy (RFC 3339); present while a purchase may be in flight.
    pub const INTENT_AT: &str = "label_intent_at";
    /// Amazon's shipment id of the label (for `getShipment` and `cancelShipment`).
    pub const SHIPMENT_ID: &str = "label_shipment_id";
    /// The label's tracking number.
    pub const TRACKING: &str = "label_tracking";
    /// The label's carrier.
    pub const CARRIER: &str = "label_carrier";
    /// The shipping service name.
    pub const SERVICE: &str = "label_service";
    /// The shipping service id.
    pub const SERVICE_ID: &str = "label_service_id";
    /// What the label cost, for example `5.99 USD`.
    pub const RATE: &str = "label_rate";
    /// The label's format (`PDF`, `PNG`, `ZPL203` ...).
    pub const FORMAT: &str = "label_format";
    /// When the label was bought (RFC 3339).
    pub const BOUGHT_AT: &str = "label_bought_at";
    /// When the label was voided (RFC 3339).
    pub const CANCELLED_AT: &str = "label_cancelled_at";
    /// Why the last purchase failed.
    pub const ERROR: &str = "label_error";
}

/// How far before the recorded intent a package at Amazon still counts as the one a crashed purchase
/// bought (clock differences between the hub and Amazon).
const INTENT_SLACK_MINUTES: i64 = 5;

/// Why a label cannot be bought, voided or read. Messages name the order and the metadata key, never
/// addresses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LabelError {
    /// A metadata key the label needs is not set on the order.
    #[error("order {order_id}: metadata `{key}` is missing: {hint}")]
    MissingMetadata {
        /// The order.
        order_id: AmazonOrderId,
        /// The key to set.
        key: &'static str,
        /// What it holds.
        hint: &'static str,
    },
    /// A metadata value cannot be used.
    #[error("order {order_id}: metadata `{key}` is not valid: expected {expected}")]
    InvalidMetadata {
        /// The order.
        order_id: AmazonOrderId,
        /// The key to fix.
        key: &'static str,
        /// What is accepted.
        expected: String,
    },
    /// The order cannot get a label (Amazon-fulfilled, shipped, canceled, nothing left to ship).
    #[error("order {order_id} cannot get an Amazon label: {reason}")]
    NotShippable {
        /// The order.
        order_id: AmazonOrderId,
        /// Why.
        reason: String,
    },
    /// Amazon does not offer the service named in `ShippingServiceID` for this package.
    #[error("order {order_id}: Amazon does not offer shipping service `{service}` for this package; offered: {}; set `ShippingServiceID` to one of them", offered.join(", "))]
    ServiceNotOffered {
        /// The order.
        order_id: AmazonOrderId,
        /// The service asked for.
        service: String,
        /// The services Amazon offered.
        offered: Vec<String>,
    },
    /// The order has no label to void or read.
    #[error("order {order_id} has no Amazon label{detail}")]
    NoLabel {
        /// The order.
        order_id: AmazonOrderId,
        /// More detail, when there is some.
        detail: String,
    },
    /// The order is not in the store.
    #[error("order {order_id} is not in the store: import it first")]
    UnknownOrder {
        /// The order.
        order_id: AmazonOrderId,
    },
}

impl LabelError {
    /// Whether trying again unchanged may help (never: each error needs a fix first).
    pub fn is_retryable(&self) -> bool {
        false
    }
}

/// Where the package ships from (the seller's address).
#[derive(Clone, PartialEq, Eq)]
pub struct ShipFrom {
    /// Name.
    pub name: String,
    /// Street.
    pub address: String,
    /// City.
    pub city: String,
    /// State or province code, when set.
    pub state: Option<String>,
    /// Postal code.
    pub zip: String,
    /// Two-letter country code.
    pub country: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
}

impl fmt::Debug for ShipFrom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A sole trader's address is personal data too.
        f.debug_struct("ShipFrom")
            .field("city", &self.city)
            .field("zip", &self.zip)
            .field("country", &self.country)
            .finish_non_exhaustive()
    }
}

/// The package: a predefined carrier package, or measured dimensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageSpec {
    /// A carrier's predefined package (`PackageType`, for example `USPS_SmallFlatRateBox`).
    Predefined(String),
    /// Length, width and height in `unit` (`inches` or `centimeters`).
    Dimensions {
        /// Length.
        length: Decimal,
        /// Width.
        width: Decimal,
        /// Height.
        height: Decimal,
        /// Unit.
        unit: String,
    },
}

/// Everything a label purchase needs, read from the order's metadata by [`label_request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRequest {
    /// The order.
    pub order_id: AmazonOrderId,
    /// `ShippingServiceID`.
    pub shipping_service_id: String,
    /// The package.
    pub package: PackageSpec,
    /// `PackageWeight`.
    pub weight: Decimal,
    /// `oz` or `g`.
    pub weight_unit: String,
    /// `LabelFormat`, when set.
    pub label_format: Option<String>,
    /// `DeliveryExperience` (default `DeliveryConfirmationWithoutSignature`).
    pub delivery_experience: String,
    /// `CarrierPickup`.
    pub carrier_pickup: bool,
    /// `DeclaredValue` and its currency.
    pub declared_value: Option<(Decimal, String)>,
    /// `HazmatType` (`None` or `LQHazmat`), when set.
    pub hazmat: Option<String>,
    /// Ship-from address.
    pub ship_from: ShipFrom,
    /// Order items and units in the package: every unshipped unit of the order's physical lines.
    pub items: Vec<(OrderItemId, u32)>,
}

fn text<'a>(order: &'a Order, key: &str) -> Option<&'a str> {
    order.metadata.get(key).map(str::trim).filter(|s| !s.is_empty())
}

fn one_of(
    order: &Order,
    key: &'static str,
    known: &[&str],
    default: Option<&str>,
) -> Result<Option<String>, LabelError> {
    match text(order, key) {
        None => Ok(default.map(str::to_owned)),
        Some(v) => known
            .iter()
            .find(|k| k.eq_ignore_ascii_case(v))
            .map(|k| Some((*k).to_owned()))
            .ok_or_else(|| LabelError::InvalidMetadata {
                order_id: order.id.clone(),
                key,
                expected: format!("one of {}", known.join(", ")),
            }),
    }
}

fn positive(order: &Order, key: &'static str) -> Result<Option<Decimal>, LabelError> {
    match text(order, key) {
        None => Ok(None),
        Some(v) => v
            .parse::<Decimal>()
            .ok()
            .filter(|d| *d > Decimal::ZERO)
            .map(Some)
            .ok_or_else(|| LabelError::InvalidMetadata {
                order_id: order.id.clone(),
                key,
                expected: "a positive number, for example 12.5".to_owned(),
            }),
    }
}

fn required<T>(order: &Order, key: &'static str, hint: &'static str, v: Option<T>) -> Result<T, LabelError> {
    v.ok_or_else(|| LabelError::MissingMetadata {
        order_id: order.id.clone(),
        key,
        hint,
    })
}

/// Reads the label inputs from the order's metadata (and the connection's phone and e-mail prefill for
/// the ship-from contact), checking each value: a typed error names the order and the key to fix.
///
/// # Errors
/// [`LabelError::MissingMetadata`], [`LabelError::InvalidMetadata`], and [`LabelError::NotShippable`] when
/// the order has no unshipped physical unit.
pub fn label_request(order: &Order, settings: &ConnectionSettings) -> Result<LabelRequest, LabelError> {
    let shipping_service_id = required(
        order,
        keys::SHIPPING_SERVICE_ID,
        "the Amazon shipping service id to buy, for example UPS_PTP_GND",
        text(order, keys::SHIPPING_SERVICE_ID).map(str::to_owned),
    )?;
    let name = required(
        order,
        keys::SHIP_FROM_NAME,
        "the name the package ships from",
        text(order, keys::SHIP_FROM_NAME),
    )?;
    let address = required(
        order,
        keys::SHIP_FROM_ADDRESS,
        "the street the package ships from",
        text(order, keys::SHIP_FROM_ADDRESS),
    )?;
    let country = required(
        order,
        keys::SHIP_FROM_COUNTRY,
        "the two-letter country code the package ships from, for example US",
        text(order, keys::SHIP_FROM_COUNTRY),
    )?;
    if country.len() != 2 || !country.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(LabelError::InvalidMetadata {
            order_id: order.id.clone(),
            key: keys::SHIP_FROM_COUNTRY,
            expected: "a two-letter country code, for example US".to_owned(),
        });
    }
    let country = country.to_ascii_uppercase();
    let city = required(
        order,
        keys::SHIP_FROM_CITY,
        "the city the package ships from (Amazon requires it)",
        text(order, keys::SHIP_FROM_CITY),
    )?;
    let zip = required(
        order,
        keys::SHIP_FROM_ZIP,
        "the postal code the package ships from (Amazon requires it)",
        text(order, keys::SHIP_FROM_ZIP),
    )?;
    let phone = required(
        order,
        label_keys::SHIP_FROM_PHONE,
        "the ship-from phone (Amazon requires it); or set the connection's phone prefill",
        text(order, label_keys::SHIP_FROM_PHONE).or(settings.phone_prefill.as_deref()),
    )?;
    let email = required(
        order,
        label_keys::SHIP_FROM_EMAIL,
        "the ship-from e-mail (Amazon requires it); or set the connection's e-mail prefill",
        text(order, label_keys::SHIP_FROM_EMAIL).or(settings.email_prefill.as_deref()),
    )?;
    let us = country == "US";
    let weight = required(
        order,
        keys::PACKAGE_WEIGHT,
        "the package weight (the hub does not know item weights), in PackageWeightUnit",
        positive(order, keys::PACKAGE_WEIGHT)?,
    )?;
    let weight_unit = one_of(
        order,
        label_keys::WEIGHT_UNIT,
        &["oz", "g"],
        Some(if us { "oz" } else { "g" }),
    )?
    .unwrap_or_default();
    let package = match text(order, keys::PACKAGE_TYPE) {
        Some(t) => PackageSpec::Predefined(
            one_of(
                order,
                keys::PACKAGE_TYPE,
                mfn::models::PredefinedPackageDimensions::KNOWN,
                None,
            )?
            .unwrap_or_else(|| t.to_owned()),
        ),
        None => {
            let hint = "the package length (or set PackageType to a predefined package)";
            let length = required(
                order,
                keys::PACKAGE_LENGTH,
                hint,
                positive(order, keys::PACKAGE_LENGTH)?,
            )?;
            let width = required(
                order,
                keys::PACKAGE_WIDTH,
                "the package width (or set PackageType to a predefined package)",
                positive(order, keys::PACKAGE_WIDTH)?,
            )?;
            let height = required(
                order,
                keys::PACKAGE_HEIGHT,
                "the package height (or set PackageType to a predefined package)",
                positive(order, keys::PACKAGE_HEIGHT)?,
            )?;
            let unit = one_of(
                order,
                label_keys::DIMENSION_UNIT,
                &["inches", "centimeters"],
                Some(if us { "inches" } else { "centimeters" }),
            )?
            .unwrap_or_default();
            PackageSpec::Dimensions {
                length,
                width,
                height,
                unit,
            }
        }
    };
    let label_format = one_of(order, keys::LABEL_FORMAT, mfn::models::LabelFormat::KNOWN, None)?;
    let delivery_experience = one_of(
        order,
        keys::DELIVERY_EXPERIENCE,
        mfn::models::DeliveryExperienceType::KNOWN,
        Some("DeliveryConfirmationWithoutSignature"),
    )?
    .unwrap_or_default();
    let pickup_key = if text(order, label_keys::CARRIER_PICKUP).is_some() {
        label_keys::CARRIER_PICKUP
    } else {
        keys::CARRIER_PICKUP
    };
    let carrier_pickup = match text(order, pickup_key).map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "no") => false,
        Some("1" | "true" | "yes") => true,
        Some(_) => {
            return Err(LabelError::InvalidMetadata {
                order_id: order.id.clone(),
                key: pickup_key,
                expected: "0 or 1".to_owned(),
            })
        }
    };
    let declared_value = match positive(order, keys::DECLARED_VALUE)? {
        None => None,
        Some(v) => {
            let currency = match text(order, label_keys::CURRENCY) {
                Some(c) if c.len() == 3 && c.chars().all(|x| x.is_ascii_alphabetic()) => {
                    c.to_ascii_uppercase()
                }
                Some(_) => {
                    return Err(LabelError::InvalidMetadata {
                        order_id: order.id.clone(),
                        key: label_keys::CURRENCY,
                        expected: "a three-letter currency code, for example USD".to_owned(),
                    })
                }
                None => order
                    .order_total
                    .map_or_else(|| "USD".to_owned(), |m| m.currency.as_str().to_owned()),
            };
            Some((v, currency))
        }
    };
    let hazmat = one_of(order, keys::HAZMAT_TYPE, mfn::models::HazmatType::KNOWN, None)?;
    let items: Vec<(OrderItemId, u32)> = order
        .lines
        .iter()
        .filter(|l| l.physical && l.quantity_unshipped() > 0)
        .map(|l| (l.order_item_id.clone(), l.quantity_unshipped()))
        .collect();
    if items.is_empty() {
        return Err(LabelError::NotShippable {
            order_id: order.id.clone(),
            reason: "it has no unshipped physical unit".to_owned(),
        });
    }
    Ok(LabelRequest {
        order_id: order.id.clone(),
        shipping_service_id,
        package,
        weight,
        weight_unit,
        label_format,
        delivery_experience,
        carrier_pickup,
        declared_value,
        hazmat,
        ship_from: ShipFrom {
            name: name.to_owned(),
            address: address.to_owned(),
            city: city.to_owned(),
            state: text(order, keys::SHIP_FROM_STATE).map(str::to_owned),
            zip: zip.to_owned(),
            country,
            phone: phone.to_owned(),
            email: email.to_owned(),
        },
        items,
    })
}

impl LabelRequest {
    /// Amazon's `ShipmentRequestDetails` for the request.
    pub fn details(&self) -> mfn::ShipmentRequestDetails {
        let f = &self.ship_from;
        let package_dimensions = match &self.package {
            PackageSpec::Predefined(p) => mfn::PackageDimensions {
                predefined_package_dimensions: Some(p.as_str().into()),
                ..Default::default()
            },
            PackageSpec::Dimensions {
                length,
                width,
                height,
                unit,
            } => mfn::PackageDimensions {
                length: Some(*length),
                width: Some(*width),
                height: Some(*height),
                unit: Some(unit.as_str().into()),
                ..Default::default()
            },
        };
        mfn::ShipmentRequestDetails {
            amazon_order_id: Some(self.order_id.as_str().to_owned()),
            item_list: Some(
                self.items
                    .iter()
                    .map(|(id, q)| mfn::Item {
                        order_item_id: Some(id.as_str().to_owned()),
                        quantity: Some(i64::from(*q)),
                        ..Default::default()
                    })
                    .collect(),
            ),
            ship_from_address: Some(mfn::Address {
                name: Some(f.name.clone()),
                address_line1: Some(f.address.clone()),
                city: Some(f.city.clone()),
                state_or_province_code: f.state.clone(),
                postal_code: Some(f.zip.clone()),
                country_code: Some(f.country.clone()),
                phone: Some(f.phone.clone()),
                email: Some(f.email.clone()),
                ..Default::default()
            }),
            package_dimensions: Some(package_dimensions),
            weight: Some(mfn::Weight {
                value: Some(self.weight),
                unit: Some(self.weight_unit.as_str().into()),
            }),
            shipping_service_options: Some(mfn::ShippingServiceOptions {
                delivery_experience: Some(self.delivery_experience.as_str().into()),
                declared_value: self.declared_value.as_ref().map(|(v, c)| mfn::CurrencyAmount {
                    currency_code: Some(c.clone()),
                    amount: Some(*v),
                }),
                carrier_will_pick_up: Some(self.carrier_pickup),
                label_format: self.label_format.as_deref().map(Into::into),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// A label file as Amazon sends it.
#[derive(Clone, PartialEq, Eq)]
pub struct LabelDocument {
    /// Amazon's shipment id.
    pub shipment_id: String,
    /// `PDF`, `PNG`, `ZPL203` ...
    pub format: Option<String>,
    /// `application/pdf`, `image/png`, `application/zpl`.
    pub file_type: Option<String>,
    /// The file, gzip-compressed as Amazon sends it (Base64 decoded). Shows the buyer's address.
    pub gzipped: Vec<u8>,
    /// Amazon's Base64 MD5 checksum of `gzipped`, when sent.
    pub checksum: Option<String>,
}

impl fmt::Debug for LabelDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LabelDocument")
            .field("shipment_id", &self.shipment_id)
            .field("format", &self.format)
            .field("file_type", &self.file_type)
            .field("bytes", &self.gzipped.len())
            .finish_non_exhaustive()
    }
}

/// How a label request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LabelOutcomeKind {
    /// A label was bought now.
    Bought,
    /// The order already had a label; nothing was bought.
    AlreadyBought,
    /// A purchase interrupted by a crash had bought a label; it was found at Amazon and recorded
    /// (without Amazon's shipment id, which the Orders API does not give: void it in Seller Central).
    Recovered,
    /// The label was voided.
    Voided,
}

/// The result of [`Engine::buy_label`] or [`Engine::void_label`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelOutcome {
    /// The order.
    pub order_id: AmazonOrderId,
    /// What happened.
    pub kind: LabelOutcomeKind,
    /// Amazon's shipment id, when known.
    pub shipment_id: Option<String>,
    /// Tracking number.
    pub tracking_number: Option<String>,
    /// Carrier.
    pub carrier: Option<String>,
    /// Shipping service name.
    pub service: Option<String>,
    /// The label file, when it was bought now.
    pub label: Option<LabelDocument>,
}

/// What [`Engine::run_labels`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelsReport {
    /// Orders examined (routed to [`LABELS_ROUTE`] or with an interrupted purchase).
    pub examined: usize,
    /// Labels bought, recovered or found already bought.
    pub outcomes: Vec<LabelOutcome>,
    /// Orders that could not get a label, with the reason (fix the metadata and run again).
    pub failed: Vec<(AmazonOrderId, String)>,
}

fn routed_to_labels(order: &Order) -> bool {
    order
        .metadata
        .get(decision_keys::ROUTE_TO)
        .map(|r| {
            let r = r.trim();
            r.eq_ignore_ascii_case(LABELS_ROUTE) || r.eq_ignore_ascii_case("amazon_labels")
        })
        .unwrap_or(false)
}

fn document(shipment_id: &str, label: Option<&mfn::Label>) -> Option<LabelDocument> {
    let label = label?;
    let contents = label.file_contents.as_ref()?;
    let gzipped = base64::engine::general_purpose::STANDARD
        .decode(contents.contents.as_deref()?.trim())
        .ok()?;
    Some(LabelDocument {
        shipment_id: shipment_id.to_owned(),
        format: label.label_format.as_ref().map(|f| f.as_str().to_owned()),
        file_type: contents.file_type.as_ref().map(|f| f.as_str().to_owned()),
        gzipped,
        checksum: contents.checksum.clone(),
    })
}

/// Whether an Amazon error says for sure the request did nothing (a 4xx answer other than throttling).
fn surely_refused(e: &amazon_spapi::error::Error) -> bool {
    matches!(e, amazon_spapi::error::Error::Api(api) if api.status.is_client_error() && api.status.as_u16() != 429)
}

fn parse_time(order: &Order, key: &str) -> Option<DateTime<Utc>> {
    order
        .metadata
        .get(key)
        .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
        .map(|t| t.with_timezone(&Utc))
}

impl Engine {
    fn amazon_error<'a>(
        rt: &'a ConnectionRuntime,
        during: &'static str,
    ) -> impl Fn(amazon_spapi::error::Error) -> EngineError + 'a {
        move |source| EngineError::Amazon {
            connection_id: rt.connection.id.clone(),
            during,
            source: Box::new(source),
        }
    }

    /// Buys an Amazon label for an order from its metadata ([`label_request`]), unless it has one:
    /// records the intent, asks `getEligibleShipmentServices` for the offer of `ShippingServiceID`, buys it
    /// with `createShipment`, and records the label on the order together with its shipment (see the
    /// module documentation). Never buys a second label: an order with a label returns
    /// [`LabelOutcomeKind::AlreadyBought`], and an intent left by a crash is checked against Amazon first
    /// ([`LabelOutcomeKind::Recovered`]).
    ///
    /// # Errors
    /// [`EngineError::Label`] for bad or missing metadata and orders that cannot ship;
    /// [`EngineError::Busy`] when another worker is buying this order's label; [`EngineError::Amazon`]
    /// (when the answer to `createShipment` was lost, the order keeps the intent and the next call checks
    /// Amazon before buying); [`EngineError::Store`].
    pub async fn buy_label(
        &self,
        connection_id: &ConnectionId,
        order_id: &AmazonOrderId,
    ) -> Result<LabelOutcome, EngineError> {
        let rt = self.runtime(connection_id)?;
        let lease = format!("label:{order_id}");
        self.take_lease(&lease).await?;
        let result = self.buy_label_locked(rt, order_id).await;
        self.give_lease(&lease).await;
        let health = self.health_after(connection_id, &result, |r| {
            r.kind != LabelOutcomeKind::AlreadyBought
        });
        self.observe_health(connection_id, health).await;
        result
    }

    async fn buy_label_locked(
        &self,
        rt: &ConnectionRuntime,
        order_id: &AmazonOrderId,
    ) -> Result<LabelOutcome, EngineError> {
        let order = self
            .store
            .get_order(order_id)
            .await?
            .ok_or_else(|| LabelError::UnknownOrder {
                order_id: order_id.clone(),
            })?;
        let status = order.metadata.get(label_keys::STATUS).unwrap_or("");
        if matches!(status, "purchased" | "recovered") {
            return Ok(LabelOutcome {
                order_id: order.id.clone(),
                kind: LabelOutcomeKind::AlreadyBought,
                shipment_id: order.metadata.get(label_keys::SHIPMENT_ID).map(str::to_owned),
                tracking_number: order.metadata.get(label_keys::TRACKING).map(str::to_owned),
                carrier: order.metadata.get(label_keys::CARRIER).map(str::to_owned),
                service: order.metadata.get(label_keys::SERVICE).map(str::to_owned),
                label: None,
            });
        }
        let not_shippable = |reason: &str| LabelError::NotShippable {
            order_id: order.id.clone(),
            reason: reason.to_owned(),
        };
        if order.fulfillment_channel != FulfillmentChannel::Merchant {
            return Err(not_shippable("Amazon fulfills it").into());
        }
        if matches!(order.hub_status, HubStatus::Canceled)
            || !matches!(
                order.amazon_status,
                AmazonOrderStatus::Unshipped | AmazonOrderStatus::PartiallyShipped
            )
        {
            return Err(not_shippable(&format!("Amazon shows it as {}", order.amazon_status)).into());
        }
        let request = label_request(&order, &rt.connection.settings)?;
        // A purchase a crash interrupted: did it buy a label?
        if let Some(intent) = parse_time(&order, label_keys::INTENT_AT) {
            if let Some(outcome) = self.recover_label(rt, &order, &request, intent).await? {
                return Ok(outcome);
            }
            tracing::info!(order = %order.id, "an interrupted label purchase bought nothing at Amazon; buying now");
        }
        let now = self.now();
        self.update_order(&order.id, &[], &mut |o: &mut Order| {
            o.metadata.set(label_keys::INTENT_AT, now.to_rfc3339());
            o.metadata.set(label_keys::STATUS, "buying");
            o.metadata.remove(label_keys::ERROR);
        })
        .await?;
        let details = request.details();
        let offers = mfn::GetEligibleShipmentServices::new(&rt.client)
            .shipment_request_details(details.clone())
            .send()
            .await;
        let offers = match offers {
            Ok(o) => o,
            Err(e) => {
                self.clear_intent(&order.id, &e.to_string()).await?;
                return Err(Self::amazon_error(rt, "getEligibleShipmentServices")(e));
            }
        };
        let list = offers
            .payload
            .payload
            .and_then(|p| p.shipping_service_list)
            .unwrap_or_default();
        let Some(offer) = list
            .iter()
            .find(|s| s.shipping_service_id.as_deref() == Some(request.shipping_service_id.as_str()))
        else {
            let offered: Vec<String> = list
                .iter()
                .filter_map(|s| s.shipping_service_id.clone())
                .collect();
            let err = LabelError::ServiceNotOffered {
                order_id: order.id.clone(),
                service: request.shipping_service_id.clone(),
                offered,
            };
            self.clear_intent(&order.id, &err.to_string()).await?;
            return Err(err.into());
        };
        let mut buy = mfn::CreateShipment::new(&rt.client)
            .shipment_request_details(details)
            .shipping_service_id(request.shipping_service_id.clone());
        if let Some(offer_id) = &offer.shipping_service_offer_id {
            buy = buy.shipping_service_offer_id(offer_id.clone());
        }
        if let Some(h) = &request.hazmat {
            buy = buy.hazmat_type(h.as_str().into());
        }
        let bought = match buy.send().await {
            Ok(b) => b,
            Err(e) if surely_refused(&e) => {
                self.clear_intent(&order.id, &e.to_string()).await?;
                return Err(Self::amazon_error(rt, "createShipment")(e));
            }
            Err(e) => {
                // The label may or may not exist: keep the intent, the next attempt asks Amazon first.
                let message = e.to_string();
                self.update_order(&order.id, &[], &mut |o: &mut Order| {
                    o.metadata.set(label_keys::STATUS, "unknown");
                    o.metadata.set(label_keys::ERROR, message.clone());
                })
                .await?;
                return Err(Self::amazon_error(rt, "createShipment")(e));
            }
        };
        let shipment = bought.payload.payload.unwrap_or_default();
        let shipment_id = shipment
            .shipment_id
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default();
        let service = shipment.shipping_service.clone().unwrap_or_else(|| offer.clone());
        let carrier = service.carrier_name.clone();
        let service_name = service.shipping_service_name.clone();
        let rate = service
            .rate
            .as_ref()
            .and_then(|r| Some(format!("{} {}", r.amount?, r.currency_code.clone()?)));
        let tracking = shipment.tracking_id.clone();
        let label = document(&shipment_id, shipment.label.as_ref());
        let bought_at = shipment.created_date.unwrap_or(now);
        let lines: Vec<ShipmentLine> = request
            .items
            .iter()
            .map(|(id, q)| ShipmentLine {
                order_item_id: id.clone(),
                quantity: *q,
            })
            .collect();
        let entry = self.label_entry(
            rt,
            &order,
            &format!(
                "label-confirm-{}",
                if shipment_id.is_empty() {
                    order.id.as_str()
                } else {
                    &shipment_id
                }
            ),
            Shipment {
                id: ShipmentId::new(format!("label-{shipment_id}")),
                order_id: order.id.clone(),
                carrier: carrier.clone().unwrap_or_else(|| "Other".to_owned()),
                service: service_name.clone(),
                tracking_number: tracking.clone(),
                ship_date: bought_at,
                lines,
                tracked: request.delivery_experience != "NoTracking",
                label_created_at: Some(bought_at),
                delivered_at: None,
            },
            now,
        );
        let format = label
            .as_ref()
            .and_then(|l| l.format.clone())
            .or_else(|| request.label_format.clone());
        let service_id = request.shipping_service_id.clone();
        let (sid, trk, car, svc) = (
            shipment_id.clone(),
            tracking.clone(),
            carrier.clone(),
            service_name.clone(),
        );
        self.update_order(&order.id, &[entry], &mut |o: &mut Order| {
            let m = &mut o.metadata;
            m.set(label_keys::STATUS, "purchased");
            m.set(label_keys::SHIPMENT_ID, sid.clone());
            m.set(label_keys::SERVICE_ID, service_id.clone());
            m.set(label_keys::BOUGHT_AT, bought_at.to_rfc3339());
            m.remove(label_keys::INTENT_AT);
            m.remove(label_keys::ERROR);
            for (k, v) in [
                (label_keys::TRACKING, &trk),
                (label_keys::CARRIER, &car),
                (label_keys::SERVICE, &svc),
                (label_keys::RATE, &rate),
                (label_keys::FORMAT, &format),
            ] {
                if let Some(v) = v {
                    m.set(k, v.clone());
                }
            }
            if !matches!(o.hub_status, HubStatus::Canceled) {
                o.hub_status = HubStatus::Shipped;
            }
        })
        .await?;
        tracing::info!(order = %order.id, shipment = %shipment_id, "Amazon label bought");
        Ok(LabelOutcome {
            order_id: order.id.clone(),
            kind: LabelOutcomeKind::Bought,
            shipment_id: Some(shipment_id),
            tracking_number: tracking,
            carrier,
            service: service_name,
            label,
        })
    }

    /// The outbox record of a package Amazon confirmed itself when it sold the label.
    fn label_entry(
        &self,
        rt: &ConnectionRuntime,
        order: &Order,
        id: &str,
        shipment: Shipment,
        now: DateTime<Utc>,
    ) -> OutboxEntry {
        OutboxEntry {
            id: OutboxId::new(id),
            connection_id: rt.connection.id.clone(),
            seller_id: rt.connection.seller_id.clone(),
            payload: OutboxPayload::ShipmentConfirmation {
                marketplace_id: order.marketplace_id.clone(),
                shipment,
            },
            created_at: now,
            not_before: now,
            attempts: 0,
            status: OutboxStatus::Done,
        }
    }

    async fn clear_intent(&self, order_id: &AmazonOrderId, why: &str) -> Result<(), EngineError> {
        let why = why.to_owned();
        self.update_order(order_id, &[], &mut |o: &mut Order| {
            o.metadata.remove(label_keys::INTENT_AT);
            o.metadata.set(label_keys::STATUS, "failed");
            o.metadata.set(label_keys::ERROR, why.clone());
        })
        .await?;
        Ok(())
    }

    /// After a crash between buying and recording: the package Amazon shows for the order since the
    /// intent, recorded as the label's shipment; `None` when Amazon shows none (nothing was bought).
    async fn recover_label(
        &self,
        rt: &ConnectionRuntime,
        order: &Order,
        request: &LabelRequest,
        intent: DateTime<Utc>,
    ) -> Result<Option<LabelOutcome>, EngineError> {
        let amazon = GetOrder::new(&rt.client, order.id.as_str())
            .included_data([IncludedData::Packages])
            .send()
            .await
            .map_err(Self::amazon_error(rt, "getOrder"))?;
        let since = intent - Duration::minutes(INTENT_SLACK_MINUTES);
        let ours: Vec<&str> = request.items.iter().map(|(id, _)| id.as_str()).collect();
        let Some(pkg) = amazon.packages.iter().find(|p| {
            p.created_time.or(p.ship_time).is_some_and(|t| t >= since)
                && p.package_items.iter().any(|i| {
                    i.order_item_id
                        .as_ref()
                        .is_some_and(|id| ours.contains(&id.as_str()))
                })
        }) else {
            return Ok(None);
        };
        let now = self.now();
        let reference = pkg.package_reference_id.clone().unwrap_or_else(|| "1".to_owned());
        let lines: Vec<ShipmentLine> = pkg
            .package_items
            .iter()
            .filter_map(|i| {
                Some(ShipmentLine {
                    order_item_id: OrderItemId::new(i.order_item_id.as_ref()?.as_str()),
                    quantity: i.quantity?,
                })
            })
            .collect();
        let ship_date = pkg.ship_time.or(pkg.created_time).unwrap_or(now);
        let entry = self.label_entry(
            rt,
            order,
            &format!("label-confirm-{}-pkg-{reference}", order.id),
            Shipment {
                id: ShipmentId::new(format!("label-{}-pkg-{reference}", order.id)),
                order_id: order.id.clone(),
                carrier: pkg.carrier.clone().unwrap_or_else(|| "Other".to_owned()),
                service: pkg.shipping_service.clone(),
                tracking_number: pkg.tracking_number.clone(),
                ship_date,
                lines,
                tracked: true,
                label_created_at: Some(ship_date),
                delivered_at: None,
            },
            now,
        );
        let (trk, car, svc) = (
            pkg.tracking_number.clone(),
            pkg.carrier.clone(),
            pkg.shipping_service.clone(),
        );
        self.update_order(&order.id, &[entry], &mut |o: &mut Order| {
            let m = &mut o.metadata;
            m.set(label_keys::STATUS, "recovered");
            m.set(label_keys::BOUGHT_AT, ship_date.to_rfc3339());
            m.remove(label_keys::INTENT_AT);
            m.set(
                label_keys::ERROR,
                "the label was bought before a crash; Amazon's shipment id is unknown, so void it in Seller \
                 Central if needed",
            );
            for (k, v) in [
                (label_keys::TRACKING, &trk),
                (label_keys::CARRIER, &car),
                (label_keys::SERVICE, &svc),
            ] {
                if let Some(v) = v {
                    m.set(k, v.clone());
                }
            }
            if !matches!(o.hub_status, HubStatus::Canceled) {
                o.hub_status = HubStatus::Shipped;
            }
        })
        .await?;
        tracing::warn!(order = %order.id, "an interrupted label purchase had bought a label; recorded it without buying again");
        Ok(Some(LabelOutcome {
            order_id: order.id.clone(),
            kind: LabelOutcomeKind::Recovered,
            shipment_id: None,
            tracking_number: pkg.tracking_number.clone(),
            carrier: pkg.carrier.clone(),
            service: pkg.shipping_service.clone(),
            label: None,
        }))
    }

    /// Voids an order's label with `cancelShipment` (Amazon refunds labels voided within 24 hours) and
    /// records it on the order ([`label_keys::CANCELLED_AT`]; the status goes back to `New` unless Amazon
    /// already shows the order shipped through another package).
    ///
    /// # Errors
    /// [`EngineError::Label`] ([`LabelError::NoLabel`]) when the order has no label with a known shipment
    /// id; [`EngineError::Amazon`] when Amazon refuses (for example after 24 hours); [`EngineError::Store`].
    pub async fn void_label(
        &self,
        connection_id: &ConnectionId,
        order_id: &AmazonOrderId,
    ) -> Result<LabelOutcome, EngineError> {
        let rt = self.runtime(connection_id)?;
        let lease = format!("label:{order_id}");
        self.take_lease(&lease).await?;
        let result = self.void_label_locked(rt, order_id).await;
        self.give_lease(&lease).await;
        let health = self.health_after(connection_id, &result, |_| true);
        self.observe_health(connection_id, health).await;
        result
    }

    async fn void_label_locked(
        &self,
        rt: &ConnectionRuntime,
        order_id: &AmazonOrderId,
    ) -> Result<LabelOutcome, EngineError> {
        let order = self
            .store
            .get_order(order_id)
            .await?
            .ok_or_else(|| LabelError::UnknownOrder {
                order_id: order_id.clone(),
            })?;
        let shipment_id = match (
            order.metadata.get(label_keys::STATUS),
            order.metadata.get(label_keys::SHIPMENT_ID),
        ) {
            (Some("purchased"), Some(id)) if !id.is_empty() => id.to_owned(),
            (Some("cancelled"), _) => {
                return Err(LabelError::NoLabel {
                    order_id: order.id.clone(),
                    detail: ": its label was voided already".to_owned(),
                }
                .into())
            }
            (Some("recovered"), _) => return Err(LabelError::NoLabel {
                order_id: order.id.clone(),
                detail:
                    " with a known shipment id (it was recovered after a crash): void it in Seller Central"
                        .to_owned(),
            }
            .into()),
            _ => {
                return Err(LabelError::NoLabel {
                    order_id: order.id.clone(),
                    detail: String::new(),
                }
                .into())
            }
        };
        mfn::CancelShipment::new(&rt.client)
            .shipment_id(shipment_id.as_str())
            .send()
            .await
            .map_err(Self::amazon_error(rt, "cancelShipment"))?;
        let now = self.now();
        self.update_order(&order.id, &[], &mut |o: &mut Order| {
            o.metadata.set(label_keys::STATUS, "cancelled");
            o.metadata.set(label_keys::CANCELLED_AT, now.to_rfc3339());
            if o.hub_status == HubStatus::Shipped && o.amazon_status != AmazonOrderStatus::Shipped {
                o.hub_status = HubStatus::New;
            }
        })
        .await?;
        tracing::info!(order = %order.id, shipment = %shipment_id, "Amazon label voided");
        Ok(LabelOutcome {
            order_id: order.id.clone(),
            kind: LabelOutcomeKind::Voided,
            shipment_id: Some(shipment_id),
            tracking_number: order.metadata.get(label_keys::TRACKING).map(str::to_owned),
            carrier: order.metadata.get(label_keys::CARRIER).map(str::to_owned),
            service: order.metadata.get(label_keys::SERVICE).map(str::to_owned),
            label: None,
        })
    }

    /// The label file of an order's label, fetched from Amazon with `getShipment`.
    ///
    /// # Errors
    /// [`EngineError::Label`] ([`LabelError::NoLabel`]) when the order has no label with a known shipment
    /// id or Amazon sent no file; [`EngineError::Amazon`]; [`EngineError::Store`].
    pub async fn label_document(
        &self,
        connection_id: &ConnectionId,
        order_id: &AmazonOrderId,
    ) -> Result<LabelDocument, EngineError> {
        let rt = self.runtime(connection_id)?;
        let order = self
            .store
            .get_order(order_id)
            .await?
            .ok_or_else(|| LabelError::UnknownOrder {
                order_id: order_id.clone(),
            })?;
        let Some(shipment_id) = order
            .metadata
            .get(label_keys::SHIPMENT_ID)
            .filter(|s| !s.is_empty())
        else {
            return Err(LabelError::NoLabel {
                order_id: order.id.clone(),
                detail: String::new(),
            }
            .into());
        };
        let answer = mfn::GetShipment::new(&rt.client)
            .shipment_id(shipment_id)
            .send()
            .await
            .map_err(Self::amazon_error(rt, "getShipment"))?;
        let shipment = answer.payload.payload.unwrap_or_default();
        document(shipment_id, shipment.label.as_ref()).ok_or_else(|| {
            LabelError::NoLabel {
                order_id: order.id.clone(),
                detail: ": Amazon sent no label file".to_owned(),
            }
            .into()
        })
    }

    /// Buys labels for the connection's open orders routed to [`LABELS_ROUTE`] that have none (held
    /// orders wait), and settles purchases a crash interrupted (orders with a recorded intent). Orders
    /// that cannot get a label are listed in [`LabelsReport::failed`] with the reason; the others go on.
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`]; [`EngineError::Store`]; [`EngineError::Amazon`] when Amazon
    /// cannot be reached or refuses the seller's authorization (the rest waits for the next run).
    pub async fn run_labels(&self, connection_id: &ConnectionId) -> Result<LabelsReport, EngineError> {
        let rt = self.runtime(connection_id)?;
        let now = self.now();
        let mut report = LabelsReport::default();
        for order in self.open_orders(rt).await? {
            let pending = order.metadata.get(label_keys::INTENT_AT).is_some();
            let wanted = routed_to_labels(&order)
                && !held(&order, now)
                && !matches!(
                    order.metadata.get(label_keys::STATUS),
                    Some("purchased" | "recovered" | "cancelled" | "failed")
                )
                && !matches!(
                    order.hub_status,
                    HubStatus::Shipped | HubStatus::Canceled | HubStatus::Closed | HubStatus::OnHold
                );
            if !pending && !wanted {
                continue;
            }
            report.examined += 1;
            match self.buy_label(connection_id, &order.id).await {
                Ok(outcome) => report.outcomes.push(outcome),
                Err(EngineError::Busy { .. }) => {}
                Err(e @ EngineError::Label(_)) => report.failed.push((order.id.clone(), e.to_string())),
                Err(EngineError::Amazon { source, .. }) if surely_refused(&source) => {
                    report.failed.push((order.id.clone(), source.to_string()));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> Order {
        let t = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 1, 1, 0, 0, 0).unwrap();
        let mut o = crate::store::conformance::sample_order(1, 1, t, t);
        o.id = AmazonOrderId::new("111-0000000-0000001");
        o.order_total = None;
        o
    }

    fn full() -> Order {
        let mut o = order();
        for (k, v) in [
            (keys::SHIPPING_SERVICE_ID, "UPS_PTP_GND"),
            (keys::PACKAGE_LENGTH, "10"),
            (keys::PACKAGE_WIDTH, "8"),
            (keys::PACKAGE_HEIGHT, "4"),
            (keys::PACKAGE_WEIGHT, "12.5"),
            (keys::SHIP_FROM_NAME, "Warehouse"),
            (keys::SHIP_FROM_ADDRESS, "1 Main St"),
            (keys::SHIP_FROM_CITY, "Seattle"),
            (keys::SHIP_FROM_ZIP, "98101"),
            (keys::SHIP_FROM_COUNTRY, "us"),
            (label_keys::SHIP_FROM_PHONE, "2065550100"),
            (label_keys::SHIP_FROM_EMAIL, "ship@example.com"),
        ] {
            o.metadata.set(k, v);
        }
        o
    }

    #[test]
    fn reads_the_documented_keys() {
        let mut o = full();
        o.metadata.set(label_keys::CARRIER_PICKUP, "1");
        o.metadata.set(keys::LABEL_FORMAT, "zpl203");
        o.metadata.set(keys::DECLARED_VALUE, "20");
        o.metadata.set(keys::HAZMAT_TYPE, "LQHazmat");
        let r = label_request(&o, &ConnectionSettings::default()).unwrap();
        assert_eq!(r.shipping_service_id, "UPS_PTP_GND");
        assert_eq!(r.weight_unit, "oz");
        assert!(r.carrier_pickup);
        assert_eq!(r.label_format.as_deref(), Some("ZPL203"));
        assert_eq!(r.declared_value, Some((Decimal::new(20, 0), "USD".to_owned())));
        assert_eq!(r.ship_from.country, "US");
        assert_eq!(r.items.len(), 1);
        assert!(matches!(r.package, PackageSpec::Dimensions { .. }));
        let debug = format!("{r:?}");
        assert!(
            !debug.contains("Main St") && !debug.contains("2065550100"),
            "{debug}"
        );
        let mut missing = r.details();
        missing.weight = None;
        let mut out = Vec::new();
        missing.collect_missing("", &mut out);
        assert_eq!(out, vec!["Weight".to_owned()]);
        let mut out = Vec::new();
        r.details().collect_missing("", &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn bad_or_missing_metadata_names_order_and_key() {
        let mut o = full();
        o.metadata.remove(keys::SHIPPING_SERVICE_ID);
        let e = label_request(&o, &ConnectionSettings::default()).unwrap_err();
        assert!(matches!(
            e,
            LabelError::MissingMetadata {
                key: keys::SHIPPING_SERVICE_ID,
                ..
            }
        ));
        assert!(e.to_string().contains("111-0000000-0000001"));

        let mut o = full();
        o.metadata.set(keys::PACKAGE_WEIGHT, "heavy");
        let e = label_request(&o, &ConnectionSettings::default()).unwrap_err();
        assert!(
            matches!(
                e,
                LabelError::InvalidMetadata {
                    key: keys::PACKAGE_WEIGHT,
                    ..
                }
            ),
            "{e}"
        );

        let mut o = full();
        o.metadata.remove(keys::PACKAGE_HEIGHT);
        let e = label_request(&o, &ConnectionSettings::default()).unwrap_err();
        assert!(
            matches!(
                e,
                LabelError::MissingMetadata {
                    key: keys::PACKAGE_HEIGHT,
                    ..
                }
            ),
            "{e}"
        );
        o.metadata.set(keys::PACKAGE_TYPE, "USPS_SmallFlatRateBox");
        let r = label_request(&o, &ConnectionSettings::default()).unwrap();
        assert_eq!(r.package, PackageSpec::Predefined("USPS_SmallFlatRateBox".into()));

        let mut o = full();
        o.metadata.set(keys::CARRIER_PICKUP, "maybe");
        let e = label_request(&o, &ConnectionSettings::default()).unwrap_err();
        assert!(
            matches!(
                e,
                LabelError::InvalidMetadata {
                    key: keys::CARRIER_PICKUP,
                    ..
                }
            ),
            "{e}"
        );

        let mut o = full();
        o.metadata.remove(label_keys::SHIP_FROM_PHONE);
        let e = label_request(&o, &ConnectionSettings::default()).unwrap_err();
        assert!(matches!(
            e,
            LabelError::MissingMetadata {
                key: label_keys::SHIP_FROM_PHONE,
                ..
            }
        ));
        let settings = ConnectionSettings {
            phone_prefill: Some("2065550199".into()),
            ..ConnectionSettings::default()
        };
        assert_eq!(
            label_request(&o, &settings).unwrap().ship_from.phone,
            "2065550199"
        );

        let mut o = full();
        o.metadata.set(keys::DELIVERY_EXPERIENCE, "Teleport");
        assert!(label_request(&o, &ConnectionSettings::default()).is_err());
    }
}
