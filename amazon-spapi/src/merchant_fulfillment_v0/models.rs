//! Merchant Fulfillment v0: every definition of Amazon's model, as lenient serde types.
//!
//! Generated from Amazon's `models/merchant-fulfillment-api-model/merchantFulfillmentV0.json` by `gen_models.py` (see the
//! issue note); the output is committed and meant to be read. Every field is an `Option` because
//! Amazon leaves out fields its own model calls required; booleans, integers, decimals and strings
//! also decode from the other JSON spelling; enums keep unknown values. Fields holding personal
//! data (and presigned URLs) are redacted from `Debug`.

use super::ids::ShipmentId;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

crate::lenient_enum! {
    /// Carrier will pick up option.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum CarrierWillPickUpOption {
        /// `CarrierWillPickUp`
        CarrierWillPickUp = "CarrierWillPickUp",
        /// `ShipperWillDropOff`
        ShipperWillDropOff = "ShipperWillDropOff",
        /// `NoPreference`
        NoPreference = "NoPreference",
    }
}

crate::lenient_enum! {
    /// The specific packaging group of the item being shipped.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum DangerousGoodsDetailsPackingGroup {
        /// `I`
        I = "I",
        /// `II`
        Ii = "II",
        /// `III`
        Iii = "III",
    }
}

crate::lenient_enum! {
    /// The specific packing instruction of the item being shipped.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum DangerousGoodsDetailsPackingInstruction {
        /// `PI965_SECTION_IA`
        Pi965SectionIa = "PI965_SECTION_IA",
        /// `PI965_SECTION_IB`
        Pi965SectionIb = "PI965_SECTION_IB",
        /// `PI965_SECTION_II`
        Pi965SectionIi = "PI965_SECTION_II",
        /// `PI966_SECTION_I`
        Pi966SectionI = "PI966_SECTION_I",
        /// `PI966_SECTION_II`
        Pi966SectionIi = "PI966_SECTION_II",
        /// `PI967_SECTION_I`
        Pi967SectionI = "PI967_SECTION_I",
        /// `PI967_SECTION_II`
        Pi967SectionIi = "PI967_SECTION_II",
        /// `PI968_SECTION_IA`
        Pi968SectionIa = "PI968_SECTION_IA",
        /// `PI968_SECTION_IB`
        Pi968SectionIb = "PI968_SECTION_IB",
        /// `PI969_SECTION_I`
        Pi969SectionI = "PI969_SECTION_I",
        /// `PI969_SECTION_II`
        Pi969SectionIi = "PI969_SECTION_II",
        /// `PI970_SECTION_I`
        Pi970SectionI = "PI970_SECTION_I",
        /// `PI970_SECTION_II`
        Pi970SectionIi = "PI970_SECTION_II",
    }
}

crate::lenient_enum! {
    /// The delivery confirmation level.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum DeliveryExperienceOption {
        /// `DeliveryConfirmationWithAdultSignature`
        DeliveryConfirmationWithAdultSignature = "DeliveryConfirmationWithAdultSignature",
        /// `DeliveryConfirmationWithSignature`
        DeliveryConfirmationWithSignature = "DeliveryConfirmationWithSignature",
        /// `DeliveryConfirmationWithoutSignature`
        DeliveryConfirmationWithoutSignature = "DeliveryConfirmationWithoutSignature",
        /// `NoTracking`
        NoTracking = "NoTracking",
        /// `NoPreference`
        NoPreference = "NoPreference",
    }
}

crate::lenient_enum! {
    /// The delivery confirmation level.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum DeliveryExperienceType {
        /// `DeliveryConfirmationWithAdultSignature`
        DeliveryConfirmationWithAdultSignature = "DeliveryConfirmationWithAdultSignature",
        /// `DeliveryConfirmationWithSignature`
        DeliveryConfirmationWithSignature = "DeliveryConfirmationWithSignature",
        /// `DeliveryConfirmationWithoutSignature`
        DeliveryConfirmationWithoutSignature = "DeliveryConfirmationWithoutSignature",
        /// `NoTracking`
        NoTracking = "NoTracking",
    }
}

crate::lenient_enum! {
    /// The file type for a label.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FileType {
        /// `application/pdf`
        ApplicationPdf = "application/pdf",
        /// `application/zpl`
        ApplicationZpl = "application/zpl",
        /// `image/png`
        ImagePng = "image/png",
    }
}

crate::lenient_enum! {
    /// Hazardous materials options for a package. Consult the terms and conditions for each carrier for
    /// more information on hazardous materials.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum HazmatType {
        /// `None`
        None = "None",
        /// `LQHazmat`
        LqHazmat = "LQHazmat",
    }
}

crate::lenient_enum! {
    /// Indicates whether the additional seller input is at the item or shipment level.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum InputTargetType {
        /// `SHIPMENT_LEVEL`
        ShipmentLevel = "SHIPMENT_LEVEL",
        /// `ITEM_LEVEL`
        ItemLevel = "ITEM_LEVEL",
    }
}

crate::lenient_enum! {
    /// The label format.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum LabelFormat {
        /// `PDF`
        Pdf = "PDF",
        /// `PNG`
        Png = "PNG",
        /// `ZPL203`
        Zpl203 = "ZPL203",
        /// `ZPL300`
        Zpl300 = "ZPL300",
        /// `ShippingServiceDefault`
        ShippingServiceDefault = "ShippingServiceDefault",
    }
}

crate::lenient_enum! {
    /// The unit of measurement.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum LiquidVolumeUnit {
        /// `ML`
        Ml = "ML",
        /// `L`
        L = "L",
        /// `FL_OZ`
        FlOz = "FL_OZ",
        /// `GAL`
        Gal = "GAL",
        /// `PT`
        Pt = "PT",
        /// `QT`
        Qt = "QT",
        /// `C`
        C = "C",
    }
}

crate::lenient_enum! {
    /// An enumeration of predefined parcel tokens. If you specify a `PredefinedPackageDimensions`
    /// token, you are not obligated to use a branded package from a carrier. For example, if you
    /// specify the `FedEx_Box_10kg` token, you do not have to use that particular package from FedEx.
    /// You are only obligated to use a box that matches the dimensions specified by the token. Note:
    /// Carriers can have restrictions on the type of package allowed for certain ship methods. Check
    /// the carrier website for details.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum PredefinedPackageDimensions {
        /// `FedEx_Box_10kg`
        FedExBox10Kg = "FedEx_Box_10kg",
        /// `FedEx_Box_25kg`
        FedExBox25Kg = "FedEx_Box_25kg",
        /// `FedEx_Box_Extra_Large_1`
        FedExBoxExtraLarge1 = "FedEx_Box_Extra_Large_1",
        /// `FedEx_Box_Extra_Large_2`
        FedExBoxExtraLarge2 = "FedEx_Box_Extra_Large_2",
        /// `FedEx_Box_Large_1`
        FedExBoxLarge1 = "FedEx_Box_Large_1",
        /// `FedEx_Box_Large_2`
        FedExBoxLarge2 = "FedEx_Box_Large_2",
        /// `FedEx_Box_Medium_1`
        FedExBoxMedium1 = "FedEx_Box_Medium_1",
        /// `FedEx_Box_Medium_2`
        FedExBoxMedium2 = "FedEx_Box_Medium_2",
        /// `FedEx_Box_Small_1`
        FedExBoxSmall1 = "FedEx_Box_Small_1",
        /// `FedEx_Box_Small_2`
        FedExBoxSmall2 = "FedEx_Box_Small_2",
        /// `FedEx_Envelope`
        FedExEnvelope = "FedEx_Envelope",
        /// `FedEx_Padded_Pak`
        FedExPaddedPak = "FedEx_Padded_Pak",
        /// `FedEx_Pak_1`
        FedExPak1 = "FedEx_Pak_1",
        /// `FedEx_Pak_2`
        FedExPak2 = "FedEx_Pak_2",
        /// `FedEx_Tube`
        FedExTube = "FedEx_Tube",
        /// `FedEx_XL_Pak`
        FedExXlPak = "FedEx_XL_Pak",
        /// `UPS_Box_10kg`
        UpsBox10Kg = "UPS_Box_10kg",
        /// `UPS_Box_25kg`
        UpsBox25Kg = "UPS_Box_25kg",
        /// `UPS_Express_Box`
        UpsExpressBox = "UPS_Express_Box",
        /// `UPS_Express_Box_Large`
        UpsExpressBoxLarge = "UPS_Express_Box_Large",
        /// `UPS_Express_Box_Medium`
        UpsExpressBoxMedium = "UPS_Express_Box_Medium",
        /// `UPS_Express_Box_Small`
        UpsExpressBoxSmall = "UPS_Express_Box_Small",
        /// `UPS_Express_Envelope`
        UpsExpressEnvelope = "UPS_Express_Envelope",
        /// `UPS_Express_Hard_Pak`
        UpsExpressHardPak = "UPS_Express_Hard_Pak",
        /// `UPS_Express_Legal_Envelope`
        UpsExpressLegalEnvelope = "UPS_Express_Legal_Envelope",
        /// `UPS_Express_Pak`
        UpsExpressPak = "UPS_Express_Pak",
        /// `UPS_Express_Tube`
        UpsExpressTube = "UPS_Express_Tube",
        /// `UPS_Laboratory_Pak`
        UpsLaboratoryPak = "UPS_Laboratory_Pak",
        /// `UPS_Pad_Pak`
        UpsPadPak = "UPS_Pad_Pak",
        /// `UPS_Pallet`
        UpsPallet = "UPS_Pallet",
        /// `USPS_Card`
        UspsCard = "USPS_Card",
        /// `USPS_Flat`
        UspsFlat = "USPS_Flat",
        /// `USPS_FlatRateCardboardEnvelope`
        UspsFlatRateCardboardEnvelope = "USPS_FlatRateCardboardEnvelope",
        /// `USPS_FlatRateEnvelope`
        UspsFlatRateEnvelope = "USPS_FlatRateEnvelope",
        /// `USPS_FlatRateGiftCardEnvelope`
        UspsFlatRateGiftCardEnvelope = "USPS_FlatRateGiftCardEnvelope",
        /// `USPS_FlatRateLegalEnvelope`
        UspsFlatRateLegalEnvelope = "USPS_FlatRateLegalEnvelope",
        /// `USPS_FlatRatePaddedEnvelope`
        UspsFlatRatePaddedEnvelope = "USPS_FlatRatePaddedEnvelope",
        /// `USPS_FlatRateWindowEnvelope`
        UspsFlatRateWindowEnvelope = "USPS_FlatRateWindowEnvelope",
        /// `USPS_LargeFlatRateBoardGameBox`
        UspsLargeFlatRateBoardGameBox = "USPS_LargeFlatRateBoardGameBox",
        /// `USPS_LargeFlatRateBox`
        UspsLargeFlatRateBox = "USPS_LargeFlatRateBox",
        /// `USPS_Letter`
        UspsLetter = "USPS_Letter",
        /// `USPS_MediumFlatRateBox1`
        UspsMediumFlatRateBox1 = "USPS_MediumFlatRateBox1",
        /// `USPS_MediumFlatRateBox2`
        UspsMediumFlatRateBox2 = "USPS_MediumFlatRateBox2",
        /// `USPS_RegionalRateBoxA1`
        UspsRegionalRateBoxA1 = "USPS_RegionalRateBoxA1",
        /// `USPS_RegionalRateBoxA2`
        UspsRegionalRateBoxA2 = "USPS_RegionalRateBoxA2",
        /// `USPS_RegionalRateBoxB1`
        UspsRegionalRateBoxB1 = "USPS_RegionalRateBoxB1",
        /// `USPS_RegionalRateBoxB2`
        UspsRegionalRateBoxB2 = "USPS_RegionalRateBoxB2",
        /// `USPS_RegionalRateBoxC`
        UspsRegionalRateBoxC = "USPS_RegionalRateBoxC",
        /// `USPS_SmallFlatRateBox`
        UspsSmallFlatRateBox = "USPS_SmallFlatRateBox",
        /// `USPS_SmallFlatRateEnvelope`
        UspsSmallFlatRateEnvelope = "USPS_SmallFlatRateEnvelope",
    }
}

crate::lenient_enum! {
    /// Unique identifier for the RateItem.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum RateItemId {
        /// `FBM_SHIP_PLUS_CREDIT`
        FbmShipPlusCredit = "FBM_SHIP_PLUS_CREDIT",
    }
}

crate::lenient_enum! {
    /// Type for the RateItem.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum RateItemType {
        /// `INCLUDED`
        Included = "INCLUDED",
    }
}

crate::lenient_enum! {
    /// The shipment status.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ShipmentStatus {
        /// `Purchased`
        Purchased = "Purchased",
        /// `RefundPending`
        RefundPending = "RefundPending",
        /// `RefundRejected`
        RefundRejected = "RefundRejected",
        /// `RefundApplied`
        RefundApplied = "RefundApplied",
    }
}

crate::lenient_enum! {
    /// The type of standard identifier to print on the label.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum StandardIdForLabel {
        /// `AmazonOrderId`
        AmazonOrderId = "AmazonOrderId",
    }
}

crate::lenient_enum! {
    /// The unit of length.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum UnitOfLength {
        /// `inches`
        Inches = "inches",
        /// `centimeters`
        Centimeters = "centimeters",
    }
}

crate::lenient_enum! {
    /// The unit of weight.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum UnitOfWeight {
        /// `oz`
        Oz = "oz",
        /// `g`
        G = "g",
    }
}

/// Error response returned when the request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Error {
    /// An error code that identifies the type of error that occurred.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub code: Option<String>,
    /// A message that describes the error condition in a human-readable form.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub message: Option<String>,
    /// Additional details that can help the caller understand or fix the issue.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub details: Option<String>,
}

/// Whether to include a packing slip.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct LabelFormatOptionRequest {
    /// When true, include a packing slip with the label.
    #[serde(
        rename = "IncludePackingSlipWithLabel",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub include_packing_slip_with_label: Option<bool>,
}

impl LabelFormatOptionRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

/// The label format details and whether to include a packing slip.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct LabelFormatOption {
    /// When true, include a packing slip with the label.
    #[serde(
        rename = "IncludePackingSlipWithLabel",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub include_packing_slip_with_label: Option<bool>,
    /// The label format.
    #[serde(rename = "LabelFormat", default, skip_serializing_if = "Option::is_none")]
    pub label_format: Option<LabelFormat>,
}

/// Indicates whether the carrier will pick up the package, and what fee is charged, if any.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AvailableCarrierWillPickUpOption {
    /// Carrier will pick up option.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CarrierWillPickUpOption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub carrier_will_pick_up_option: Option<CarrierWillPickUpOption>,
    /// The fee charged.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Charge", default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<CurrencyAmount>,
}

/// The available delivery confirmation options, and the fee charged, if any.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AvailableDeliveryExperienceOption {
    /// The delivery confirmation level.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "DeliveryExperienceOption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_experience_option: Option<DeliveryExperienceOption>,
    /// Currency type and amount.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Charge", default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<CurrencyAmount>,
}

/// The available shipping service options.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AvailableShippingServiceOptions {
    /// List of available carrier pickup options.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "AvailableCarrierWillPickUpOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub available_carrier_will_pick_up_options: Option<Vec<AvailableCarrierWillPickUpOption>>,
    /// List of available delivery experience options.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "AvailableDeliveryExperienceOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub available_delivery_experience_options: Option<Vec<AvailableDeliveryExperienceOption>>,
}

/// A validation constraint.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Constraint {
    /// A regular expression.
    #[serde(
        rename = "ValidationRegEx",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub validation_reg_ex: Option<String>,
    /// A validation string.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ValidationString",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub validation_string: Option<String>,
}

/// Maps the additional seller input to the definition. The key to the map is the field name.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AdditionalInputs {
    /// The field name.
    #[serde(
        rename = "AdditionalInputFieldName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub additional_input_field_name: Option<String>,
    /// Specifies characteristics that apply to a seller input.
    #[serde(
        rename = "SellerInputDefinition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub seller_input_definition: Option<SellerInputDefinition>,
}

/// Specifies characteristics that apply to a seller input.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct SellerInputDefinition {
    /// When true, the additional input field is required.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "IsRequired",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub is_required: Option<bool>,
    /// The data type of the additional input field.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "DataType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub data_type: Option<String>,
    /// List of constraints.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Constraints", default, skip_serializing_if = "Option::is_none")]
    pub constraints: Option<Vec<Constraint>>,
    /// The display text for the additional input field.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "InputDisplayText",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub input_display_text: Option<String>,
    /// Whether the seller input applies to the item or the shipment.
    #[serde(rename = "InputTarget", default, skip_serializing_if = "Option::is_none")]
    pub input_target: Option<InputTargetType>,
    /// Additional information required to purchase shipping.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "StoredValue", default, skip_serializing_if = "Option::is_none")]
    pub stored_value: Option<AdditionalSellerInput>,
    /// The set of fixed values in an additional seller input.
    #[serde(
        rename = "RestrictedSetValues",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub restricted_set_values: Option<Vec<String>>,
}

/// Additional information required to purchase shipping.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AdditionalSellerInput {
    /// The data type of the additional information.
    #[serde(
        rename = "DataType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub data_type: Option<String>,
    /// The value when the data type is string.
    #[serde(
        rename = "ValueAsString",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub value_as_string: Option<String>,
    /// The value when the data type is boolean.
    #[serde(
        rename = "ValueAsBoolean",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub value_as_boolean: Option<bool>,
    /// The value when the data type is integer.
    #[serde(
        rename = "ValueAsInteger",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub value_as_integer: Option<i64>,
    /// The value when the data type is a date-time formatted string.
    #[serde(
        rename = "ValueAsTimestamp",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub value_as_timestamp: Option<DateTime<Utc>>,
    /// The postal address information.
    #[serde(rename = "ValueAsAddress", default, skip_serializing_if = "Option::is_none")]
    pub value_as_address: Option<Address>,
    /// The weight.
    #[serde(rename = "ValueAsWeight", default, skip_serializing_if = "Option::is_none")]
    pub value_as_weight: Option<Weight>,
    /// The length.
    #[serde(rename = "ValueAsDimension", default, skip_serializing_if = "Option::is_none")]
    pub value_as_dimension: Option<Length>,
    /// Currency type and amount.
    #[serde(rename = "ValueAsCurrency", default, skip_serializing_if = "Option::is_none")]
    pub value_as_currency: Option<CurrencyAmount>,
}

impl AdditionalSellerInput {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if let Some(v) = &self.value_as_address {
            v.collect_missing(&format!("{prefix}ValueAsAddress."), out);
        }
        if let Some(v) = &self.value_as_weight {
            v.collect_missing(&format!("{prefix}ValueAsWeight."), out);
        }
        if let Some(v) = &self.value_as_dimension {
            v.collect_missing(&format!("{prefix}ValueAsDimension."), out);
        }
        if let Some(v) = &self.value_as_currency {
            v.collect_missing(&format!("{prefix}ValueAsCurrency."), out);
        }
    }
}

/// An additional set of seller inputs required to purchase shipping.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AdditionalSellerInputs {
    /// The name of the additional input field.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "AdditionalInputFieldName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub additional_input_field_name: Option<String>,
    /// Additional information required to purchase shipping.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "AdditionalSellerInput",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_seller_input: Option<AdditionalSellerInput>,
}

impl AdditionalSellerInputs {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.additional_input_field_name.is_none() {
            out.push(format!("{prefix}AdditionalInputFieldName"));
        }
        if self.additional_seller_input.is_none() {
            out.push(format!("{prefix}AdditionalSellerInput"));
        }
        if let Some(v) = &self.additional_seller_input {
            v.collect_missing(&format!("{prefix}AdditionalSellerInput."), out);
        }
    }
}

/// The postal address information.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// The name of the addressee, or business name.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Name",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub name: Option<String>,
    /// The street address information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "AddressLine1",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line1: Option<String>,
    /// Additional street address information.
    #[serde(
        rename = "AddressLine2",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line2: Option<String>,
    /// Additional street address information.
    #[serde(
        rename = "AddressLine3",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line3: Option<String>,
    /// The district or county.
    #[serde(
        rename = "DistrictOrCounty",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub district_or_county: Option<String>,
    /// The email address.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Email",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub email: Option<String>,
    /// The city.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "City",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub city: Option<String>,
    /// The state or province code. This is a required field in Canada, US, and UK marketplaces, and for
    /// shipments that originate in China.
    #[serde(
        rename = "StateOrProvinceCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub state_or_province_code: Option<String>,
    /// The zip code or postal code.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "PostalCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub postal_code: Option<String>,
    /// The two-letter country code in ISO 3166-1 alpha-2 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CountryCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub country_code: Option<String>,
    /// The phone number.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Phone",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub phone: Option<String>,
}

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("Address")
            .field("name", &self.name.as_ref().map(|_| "<redacted>"))
            .field(
                "address_line1",
                &self.address_line1.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "address_line2",
                &self.address_line2.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "address_line3",
                &self.address_line3.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "district_or_county",
                &self.district_or_county.as_ref().map(|_| "<redacted>"),
            )
            .field("email", &self.email.as_ref().map(|_| "<redacted>"))
            .field("city", &self.city)
            .field("state_or_province_code", &self.state_or_province_code)
            .field("postal_code", &self.postal_code)
            .field("country_code", &self.country_code)
            .field("phone", &self.phone.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl Address {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.name.is_none() {
            out.push(format!("{prefix}Name"));
        }
        if self.address_line1.is_none() {
            out.push(format!("{prefix}AddressLine1"));
        }
        if self.email.is_none() {
            out.push(format!("{prefix}Email"));
        }
        if self.city.is_none() {
            out.push(format!("{prefix}City"));
        }
        if self.postal_code.is_none() {
            out.push(format!("{prefix}PostalCode"));
        }
        if self.country_code.is_none() {
            out.push(format!("{prefix}CountryCode"));
        }
        if self.phone.is_none() {
            out.push(format!("{prefix}Phone"));
        }
    }
}

/// Benefits that are included and excluded for each shipping offer. Benefits represents services
/// provided by Amazon (for example, `CLAIMS_PROTECTED`) when sellers purchase shipping through Amazon.
/// Benefit details are made available for any shipment placed on or after January 1st 2024 00:00 UTC.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Benefits {
    /// A list of included benefits.
    #[serde(rename = "IncludedBenefits", default, skip_serializing_if = "Option::is_none")]
    pub included_benefits: Option<Vec<String>>,
    /// A list of excluded benefits. Refer to the `ExcludeBenefit` object for further documentation.
    #[serde(rename = "ExcludedBenefits", default, skip_serializing_if = "Option::is_none")]
    pub excluded_benefits: Option<Vec<ExcludedBenefit>>,
}

/// An object representing an excluded benefit that is excluded for a shipping offer or rate.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ExcludedBenefit {
    /// A benefit that is being excluded from a shipment.
    #[serde(
        rename = "Benefit",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub benefit: Option<String>,
    /// List of reasons why a benefit is excluded for a shipping offer (for example,
    /// `LATE_DELIVERY_RISK`).
    #[serde(rename = "ReasonCodes", default, skip_serializing_if = "Option::is_none")]
    pub reason_codes: Option<Vec<String>>,
}

/// Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CancelShipmentResponse {
    /// The payload for the `cancelShipment` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Shipment>,
    /// One or more unexpected errors occurred during the `cancelShipment` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// Request schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateShipmentRequest {
    /// Shipment information required to create a shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShipmentRequestDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipment_request_details: Option<ShipmentRequestDetails>,
    /// An Amazon-defined shipping service identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub shipping_service_id: Option<String>,
    /// Identifies a shipping service order made by a carrier.
    #[serde(
        rename = "ShippingServiceOfferId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub shipping_service_offer_id: Option<String>,
    /// Hazardous materials options for a package. Consult the terms and conditions for each carrier for
    /// more information about hazardous materials.
    #[serde(rename = "HazmatType", default, skip_serializing_if = "Option::is_none")]
    pub hazmat_type: Option<HazmatType>,
    /// Whether to include a packing slip.
    #[serde(
        rename = "LabelFormatOption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub label_format_option: Option<LabelFormatOptionRequest>,
    /// A list of additional seller inputs required to ship this shipment.
    #[serde(
        rename = "ShipmentLevelSellerInputsList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipment_level_seller_inputs_list: Option<Vec<AdditionalSellerInputs>>,
}

impl CreateShipmentRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.shipment_request_details.is_none() {
            out.push(format!("{prefix}ShipmentRequestDetails"));
        }
        if let Some(v) = &self.shipment_request_details {
            v.collect_missing(&format!("{prefix}ShipmentRequestDetails."), out);
        }
        if self.shipping_service_id.is_none() {
            out.push(format!("{prefix}ShippingServiceId"));
        }
        if let Some(v) = &self.label_format_option {
            v.collect_missing(&format!("{prefix}LabelFormatOption."), out);
        }
        for (i, v) in self
            .shipment_level_seller_inputs_list
            .iter()
            .flatten()
            .enumerate()
        {
            v.collect_missing(&format!("{prefix}ShipmentLevelSellerInputsList[{i}]."), out);
        }
    }
}

/// Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateShipmentResponse {
    /// Shipment information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Shipment>,
    /// One or more unexpected errors occurred during the `createShipment` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// A list of item level fields.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemLevelFields {
    /// The Amazon Standard Identification Number (ASIN) of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Asin",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub asin: Option<String>,
    /// A list of additional inputs.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "AdditionalInputs", default, skip_serializing_if = "Option::is_none")]
    pub additional_inputs: Option<Vec<AdditionalInputs>>,
}

/// Request schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetAdditionalSellerInputsRequest {
    /// An Amazon-defined shipping service identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub shipping_service_id: Option<String>,
    /// The address from which to ship.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "ShipFromAddress", default, skip_serializing_if = "Option::is_none")]
    pub ship_from_address: Option<Address>,
    /// An Amazon defined order identifier
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "OrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub order_id: Option<String>,
}

impl GetAdditionalSellerInputsRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.shipping_service_id.is_none() {
            out.push(format!("{prefix}ShippingServiceId"));
        }
        if self.ship_from_address.is_none() {
            out.push(format!("{prefix}ShipFromAddress"));
        }
        if let Some(v) = &self.ship_from_address {
            v.collect_missing(&format!("{prefix}ShipFromAddress."), out);
        }
        if self.order_id.is_none() {
            out.push(format!("{prefix}OrderId"));
        }
    }
}

/// The payload for the `getAdditionalSellerInputs` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetAdditionalSellerInputsResult {
    /// A list of additional inputs.
    #[serde(
        rename = "ShipmentLevelFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipment_level_fields: Option<Vec<AdditionalInputs>>,
    /// A list of item level fields.
    #[serde(
        rename = "ItemLevelFieldsList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_level_fields_list: Option<Vec<ItemLevelFields>>,
}

/// Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetAdditionalSellerInputsResponse {
    /// The payload for the `getAdditionalSellerInputs` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetAdditionalSellerInputsResult>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// Currency type and amount.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CurrencyAmount {
    /// Three-digit currency code in ISO 4217 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CurrencyCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub currency_code: Option<String>,
    /// The currency amount.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Amount",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub amount: Option<Decimal>,
}

impl CurrencyAmount {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.currency_code.is_none() {
            out.push(format!("{prefix}CurrencyCode"));
        }
        if self.amount.is_none() {
            out.push(format!("{prefix}Amount"));
        }
    }
}

/// The document data and checksum.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileContents {
    /// Data for printing labels encoded into a Base64, GZip-compressed string.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Contents",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub contents: Option<String>,
    /// The file type for a label.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "FileType", default, skip_serializing_if = "Option::is_none")]
    pub file_type: Option<FileType>,
    /// An MD5 hash to validate the PDF document data, in the form of a Base64 string.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Checksum",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub checksum: Option<String>,
}

impl std::fmt::Debug for FileContents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("FileContents")
            .field("contents", &self.contents.as_ref().map(|_| "<redacted>"))
            .field("file_type", &self.file_type)
            .field("checksum", &self.checksum)
            .finish()
    }
}

/// Request schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetEligibleShipmentServicesRequest {
    /// Shipment information required for requesting shipping service offers.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShipmentRequestDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipment_request_details: Option<ShipmentRequestDetails>,
    /// Filter for use when requesting eligible shipping services.
    #[serde(
        rename = "ShippingOfferingFilter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_offering_filter: Option<ShippingOfferingFilter>,
}

impl GetEligibleShipmentServicesRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.shipment_request_details.is_none() {
            out.push(format!("{prefix}ShipmentRequestDetails"));
        }
        if let Some(v) = &self.shipment_request_details {
            v.collect_missing(&format!("{prefix}ShipmentRequestDetails."), out);
        }
        if let Some(v) = &self.shipping_offering_filter {
            v.collect_missing(&format!("{prefix}ShippingOfferingFilter."), out);
        }
    }
}

/// Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetEligibleShipmentServicesResponse {
    /// The payload for the `getEligibleShipmentServices` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetEligibleShipmentServicesResult>,
    /// One or more unexpected errors occurred during this operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The payload for the `getEligibleShipmentServices` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetEligibleShipmentServicesResult {
    /// A list of shipping services offers.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_service_list: Option<Vec<ShippingService>>,
    /// List of services that are for some reason unavailable for this request
    #[serde(
        rename = "RejectedShippingServiceList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejected_shipping_service_list: Option<Vec<RejectedShippingService>>,
    /// A list of temporarily unavailable carriers.
    #[serde(
        rename = "TemporarilyUnavailableCarrierList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub temporarily_unavailable_carrier_list: Option<Vec<TemporarilyUnavailableCarrier>>,
    /// List of carriers whose terms and conditions were not accepted by the seller.
    #[serde(
        rename = "TermsAndConditionsNotAcceptedCarrierList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub terms_and_conditions_not_accepted_carrier_list: Option<Vec<TermsAndConditionsNotAcceptedCarrier>>,
}

/// Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetShipmentResponse {
    /// The payload for the `getShipment` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Shipment>,
    /// One or more unexpected errors occurred during this operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// An Amazon order item identifier and a quantity.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Item {
    /// An Amazon-defined identifier for an individual item in an order.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "OrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub order_item_id: Option<String>,
    /// The number of items.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Quantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
    /// The weight.
    #[serde(rename = "ItemWeight", default, skip_serializing_if = "Option::is_none")]
    pub item_weight: Option<Weight>,
    /// The description of the item.
    #[serde(
        rename = "ItemDescription",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub item_description: Option<String>,
    /// A list of transparency codes.
    #[serde(
        rename = "TransparencyCodeList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transparency_code_list: Option<Vec<String>>,
    /// A list of additional seller inputs required to ship this item using the chosen shipping service.
    #[serde(
        rename = "ItemLevelSellerInputsList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_level_seller_inputs_list: Option<Vec<AdditionalSellerInputs>>,
    /// Liquid volume.
    #[serde(rename = "LiquidVolume", default, skip_serializing_if = "Option::is_none")]
    pub liquid_volume: Option<LiquidVolume>,
    /// When true, the item qualifies as hazardous materials (hazmat). Defaults to false.
    #[serde(
        rename = "IsHazmat",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub is_hazmat: Option<bool>,
    /// Details related to any dangerous goods or items that are shipped.
    #[serde(
        rename = "DangerousGoodsDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dangerous_goods_details: Option<DangerousGoodsDetails>,
}

impl Item {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.order_item_id.is_none() {
            out.push(format!("{prefix}OrderItemId"));
        }
        if self.quantity.is_none() {
            out.push(format!("{prefix}Quantity"));
        }
        if let Some(v) = &self.item_weight {
            v.collect_missing(&format!("{prefix}ItemWeight."), out);
        }
        for (i, v) in self.item_level_seller_inputs_list.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}ItemLevelSellerInputsList[{i}]."), out);
        }
        if let Some(v) = &self.liquid_volume {
            v.collect_missing(&format!("{prefix}LiquidVolume."), out);
        }
        if let Some(v) = &self.dangerous_goods_details {
            v.collect_missing(&format!("{prefix}DangerousGoodsDetails."), out);
        }
    }
}

/// Data for creating a shipping label and dimensions for printing the label.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Label {
    /// Custom text to print on the label. Note: Custom text is only included on labels that are in ZPL
    /// format (ZPL203). FedEx does not support `CustomTextForLabel`.
    #[serde(
        rename = "CustomTextForLabel",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub custom_text_for_label: Option<String>,
    /// Dimensions for printing a shipping label.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Dimensions", default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<LabelDimensions>,
    /// The document data and checksum.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "FileContents", default, skip_serializing_if = "Option::is_none")]
    pub file_contents: Option<FileContents>,
    /// The label format.
    #[serde(rename = "LabelFormat", default, skip_serializing_if = "Option::is_none")]
    pub label_format: Option<LabelFormat>,
    /// The type of standard identifier to print on the label.
    #[serde(
        rename = "StandardIdForLabel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub standard_id_for_label: Option<StandardIdForLabel>,
}

/// Custom text for shipping labels.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct LabelCustomization {
    /// Custom text to print on the label. Note: Custom text is only included on labels that are in ZPL
    /// format (ZPL203). FedEx does not support `CustomTextForLabel`.
    #[serde(
        rename = "CustomTextForLabel",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub custom_text_for_label: Option<String>,
    /// The type of standard identifier to print on the label.
    #[serde(
        rename = "StandardIdForLabel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub standard_id_for_label: Option<StandardIdForLabel>,
}

impl LabelCustomization {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

/// Dimensions for printing a shipping label.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct LabelDimensions {
    /// The length dimension.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Length",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub length: Option<Decimal>,
    /// The width dimension.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Width",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub width: Option<Decimal>,
    /// The unit of measurement.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitOfLength>,
}

/// The length.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Length {
    /// The value in units.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub value: Option<Decimal>,
    /// The unit of length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitOfLength>,
}

impl Length {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

/// The dimensions of a package contained in a shipment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PackageDimensions {
    /// The length dimension. If you don't specify `PredefinedPackageDimensions`, you must specify the
    /// length.
    #[serde(
        rename = "Length",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub length: Option<Decimal>,
    /// The width dimension. If you don't specify `PredefinedPackageDimensions`, you must specify the
    /// width.
    #[serde(
        rename = "Width",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub width: Option<Decimal>,
    /// The height dimension. If you don't specify `PredefinedPackageDimensions`, you must specify the
    /// height.
    #[serde(
        rename = "Height",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub height: Option<Decimal>,
    /// The unit of measurement. If you don't specify `PredefinedPackageDimensions`, you must specify
    /// the unit.
    #[serde(rename = "Unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitOfLength>,
    /// An enumeration of predefined parcel tokens. If you specify a `PredefinedPackageDimensions`
    /// token, you are not obligated to use a branded package from a carrier. For example, if you
    /// specify the `FedEx_Box_10kg` token, you do not have to use that particular package from FedEx.
    /// You are only obligated to use a box that matches the dimensions specified by the token. Note:
    /// Carriers can have restrictions on the type of package allowed for certain ship methods. Check
    /// the carrier website for details.
    #[serde(
        rename = "PredefinedPackageDimensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub predefined_package_dimensions: Option<PredefinedPackageDimensions>,
}

impl PackageDimensions {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

/// The details of a shipment. Includes the shipment status.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Shipment {
    /// An Amazon-defined shipment identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "ShipmentId", default, skip_serializing_if = "Option::is_none")]
    pub shipment_id: Option<ShipmentId>,
    /// An Amazon-defined order identifier, in 3-7-7 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "AmazonOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub amazon_order_id: Option<String>,
    /// A seller-defined order identifier.
    #[serde(
        rename = "SellerOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_order_id: Option<String>,
    /// The list of items you want to include in a shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "ItemList", default, skip_serializing_if = "Option::is_none")]
    pub item_list: Option<Vec<Item>>,
    /// The address of the sender.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "ShipFromAddress", default, skip_serializing_if = "Option::is_none")]
    pub ship_from_address: Option<Address>,
    /// The destination address for the shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "ShipToAddress", default, skip_serializing_if = "Option::is_none")]
    pub ship_to_address: Option<Address>,
    /// The dimensions of a package contained in a shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "PackageDimensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub package_dimensions: Option<PackageDimensions>,
    /// The package weight.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Weight", default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
    /// If you specify `DeclaredValue` in a previous call to the `createShipment` operation, then
    /// `Insurance` indicates the shipment insurance amount that the carrier uses. If `DeclaredValue`
    /// isn't with a previous call to the `createShipment` operation, then the shipment is insured for
    /// the carrier's minimum insurance amount, or the combined sale prices that the items are listed
    /// for in the shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Insurance", default, skip_serializing_if = "Option::is_none")]
    pub insurance: Option<CurrencyAmount>,
    /// A shipping service offer made by a carrier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "ShippingService", default, skip_serializing_if = "Option::is_none")]
    pub shipping_service: Option<ShippingService>,
    /// Data for creating a shipping label and dimensions for printing the label. If the shipment is
    /// canceled, an empty label is returned.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Label", default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Label>,
    /// The shipment status.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ShipmentStatus>,
    /// The shipment tracking identifier provided by the carrier.
    #[serde(
        rename = "TrackingId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub tracking_id: Option<String>,
    /// The date and time the shipment is created.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CreatedDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub created_date: Option<DateTime<Utc>>,
    /// The date and time of the last update.
    #[serde(
        rename = "LastUpdatedDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub last_updated_date: Option<DateTime<Utc>>,
}

/// Shipment information required for requesting shipping service offers or for creating a shipment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ShipmentRequestDetails {
    /// An Amazon-defined order identifier in 3-7-7 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "AmazonOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub amazon_order_id: Option<String>,
    /// A seller-defined order identifier.
    #[serde(
        rename = "SellerOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_order_id: Option<String>,
    /// The list of items you want to include in a shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "ItemList", default, skip_serializing_if = "Option::is_none")]
    pub item_list: Option<Vec<Item>>,
    /// The address of the sender.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "ShipFromAddress", default, skip_serializing_if = "Option::is_none")]
    pub ship_from_address: Option<Address>,
    /// The package dimensions.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "PackageDimensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub package_dimensions: Option<PackageDimensions>,
    /// The package weight.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Weight", default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
    /// The date by which the package must arrive to keep the promise to the customer, in ISO 8601
    /// date-time format. If `MustArriveByDate` is specified, only shipping service offers that can be
    /// delivered by that date are returned.
    #[serde(
        rename = "MustArriveByDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub must_arrive_by_date: Option<DateTime<Utc>>,
    /// When used in a request, this is the date and time that the seller wants to ship the package.
    /// When used in a response, this is the date and time that the package can be shipped by the
    /// indicated method.
    #[serde(
        rename = "ShipDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub ship_date: Option<DateTime<Utc>>,
    /// Extra services offered by the carrier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_service_options: Option<ShippingServiceOptions>,
    /// Label customization options.
    #[serde(
        rename = "LabelCustomization",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub label_customization: Option<LabelCustomization>,
}

impl ShipmentRequestDetails {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.amazon_order_id.is_none() {
            out.push(format!("{prefix}AmazonOrderId"));
        }
        if self.item_list.is_none() {
            out.push(format!("{prefix}ItemList"));
        }
        for (i, v) in self.item_list.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}ItemList[{i}]."), out);
        }
        if self.ship_from_address.is_none() {
            out.push(format!("{prefix}ShipFromAddress"));
        }
        if let Some(v) = &self.ship_from_address {
            v.collect_missing(&format!("{prefix}ShipFromAddress."), out);
        }
        if self.package_dimensions.is_none() {
            out.push(format!("{prefix}PackageDimensions"));
        }
        if let Some(v) = &self.package_dimensions {
            v.collect_missing(&format!("{prefix}PackageDimensions."), out);
        }
        if self.weight.is_none() {
            out.push(format!("{prefix}Weight"));
        }
        if let Some(v) = &self.weight {
            v.collect_missing(&format!("{prefix}Weight."), out);
        }
        if self.shipping_service_options.is_none() {
            out.push(format!("{prefix}ShippingServiceOptions"));
        }
        if let Some(v) = &self.shipping_service_options {
            v.collect_missing(&format!("{prefix}ShippingServiceOptions."), out);
        }
        if let Some(v) = &self.label_customization {
            v.collect_missing(&format!("{prefix}LabelCustomization."), out);
        }
    }
}

/// Filter for use when requesting eligible shipping services.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ShippingOfferingFilter {
    /// When true, include a packing slip with the label.
    #[serde(
        rename = "IncludePackingSlipWithLabel",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub include_packing_slip_with_label: Option<bool>,
    /// When true, include complex shipping options.
    #[serde(
        rename = "IncludeComplexShippingOptions",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub include_complex_shipping_options: Option<bool>,
    /// Carrier will pick up option.
    #[serde(
        rename = "CarrierWillPickUp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub carrier_will_pick_up: Option<CarrierWillPickUpOption>,
    /// The delivery confirmation level.
    #[serde(
        rename = "DeliveryExperience",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_experience: Option<DeliveryExperienceOption>,
}

impl ShippingOfferingFilter {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

/// A shipping service offer made by a carrier.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ShippingService {
    /// A plain text representation of a carrier's shipping service. For example, "UPS Ground" or "FedEx
    /// Standard Overnight".
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub shipping_service_name: Option<String>,
    /// The name of the carrier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CarrierName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub carrier_name: Option<String>,
    /// An Amazon-defined shipping service identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub shipping_service_id: Option<String>,
    /// An Amazon-defined shipping service offer identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceOfferId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub shipping_service_offer_id: Option<String>,
    /// The date that the carrier will ship the package.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShipDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub ship_date: Option<DateTime<Utc>>,
    /// The earliest date by which the shipment will be delivered.
    #[serde(
        rename = "EarliestEstimatedDeliveryDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub earliest_estimated_delivery_date: Option<DateTime<Utc>>,
    /// The latest date by which the shipment will be delivered.
    #[serde(
        rename = "LatestEstimatedDeliveryDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub latest_estimated_delivery_date: Option<DateTime<Utc>>,
    /// The amount that the carrier will charge for the shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Rate", default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<CurrencyAmount>,
    /// The amount that the carrier will charge for the shipment with adjustments.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "RateWithAdjustments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rate_with_adjustments: Option<CurrencyAmount>,
    /// A list of adjustments applied to a shipping service.
    #[serde(
        rename = "AdjustmentItemList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub adjustment_item_list: Option<Vec<RateItem>>,
    /// Extra services offered by the carrier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_service_options: Option<ShippingServiceOptions>,
    /// The available shipping service options.
    #[serde(
        rename = "AvailableShippingServiceOptions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub available_shipping_service_options: Option<AvailableShippingServiceOptions>,
    /// List of label formats.
    #[serde(
        rename = "AvailableLabelFormats",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub available_label_formats: Option<Vec<LabelFormat>>,
    /// The available label formats.
    #[serde(
        rename = "AvailableFormatOptionsForLabel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub available_format_options_for_label: Option<Vec<LabelFormatOption>>,
    /// When true, additional seller inputs are required.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "RequiresAdditionalSellerInputs",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub requires_additional_seller_inputs: Option<bool>,
    /// Benefits that are included and excluded for each shipping offer. Benefits represents services
    /// provided by Amazon (for example, `CLAIMS_PROTECTED`) when sellers purchase shipping through
    /// Amazon. Benefit details are made available for any shipment placed on or after January 1st 2024
    /// 00:00 UTC.
    #[serde(rename = "Benefits", default, skip_serializing_if = "Option::is_none")]
    pub benefits: Option<Benefits>,
}

/// Extra services provided by a carrier.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ShippingServiceOptions {
    /// The delivery confirmation level.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "DeliveryExperience",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_experience: Option<DeliveryExperienceType>,
    /// The declared value of the shipment. The carrier uses this value to determine the amount to use
    /// to insure the shipment. If `DeclaredValue` is greater than the carrier's minimum insurance
    /// amount, the seller is charged for the additional insurance, as determined by the carrier. For
    /// information about optional insurance coverage, refer to Seller Central Help: UK, US.
    #[serde(rename = "DeclaredValue", default, skip_serializing_if = "Option::is_none")]
    pub declared_value: Option<CurrencyAmount>,
    /// When true, the carrier will pick up the package. Note: Scheduled carrier pickup is available
    /// only using Dynamex (US), DPD (UK), and Royal Mail (UK).
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CarrierWillPickUp",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub carrier_will_pick_up: Option<bool>,
    /// Carrier will pick up option.
    #[serde(
        rename = "CarrierWillPickUpOption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub carrier_will_pick_up_option: Option<CarrierWillPickUpOption>,
    /// The seller's preferred label format.
    #[serde(rename = "LabelFormat", default, skip_serializing_if = "Option::is_none")]
    pub label_format: Option<LabelFormat>,
}

impl ShippingServiceOptions {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.delivery_experience.is_none() {
            out.push(format!("{prefix}DeliveryExperience"));
        }
        if let Some(v) = &self.declared_value {
            v.collect_missing(&format!("{prefix}DeclaredValue."), out);
        }
        if self.carrier_will_pick_up.is_none() {
            out.push(format!("{prefix}CarrierWillPickUp"));
        }
    }
}

/// Information about a rejected shipping service
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct RejectedShippingService {
    /// The rejected shipping carrier name. For example, USPS.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CarrierName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub carrier_name: Option<String>,
    /// The rejected shipping service localized name. For example, FedEx Standard Overnight.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub shipping_service_name: Option<String>,
    /// The rejected shipping service identifier. For example, `FEDEX_PTP_STANDARD_OVERNIGHT`.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "ShippingServiceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub shipping_service_id: Option<String>,
    /// A reason code meant to be consumed programatically. For example, `CARRIER_CANNOT_SHIP_TO_POBOX`.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "RejectionReasonCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub rejection_reason_code: Option<String>,
    /// A localized human readable description of the rejected reason.
    #[serde(
        rename = "RejectionReasonMessage",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub rejection_reason_message: Option<String>,
}

/// A carrier who is temporarily unavailable, most likely due to a service outage experienced by the
/// carrier.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct TemporarilyUnavailableCarrier {
    /// The name of the carrier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CarrierName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub carrier_name: Option<String>,
}

/// A carrier whose terms and conditions have not been accepted by the seller.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct TermsAndConditionsNotAcceptedCarrier {
    /// The name of the carrier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "CarrierName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub carrier_name: Option<String>,
}

/// The weight.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Weight {
    /// The weight value.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Value",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub value: Option<Decimal>,
    /// The unit of weight.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitOfWeight>,
}

impl Weight {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.value.is_none() {
            out.push(format!("{prefix}Value"));
        }
        if self.unit.is_none() {
            out.push(format!("{prefix}Unit"));
        }
    }
}

/// Liquid volume.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct LiquidVolume {
    /// The unit of measurement.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "Unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<LiquidVolumeUnit>,
    /// The measurement value.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "Value",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub value: Option<Decimal>,
}

impl LiquidVolume {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.unit.is_none() {
            out.push(format!("{prefix}Unit"));
        }
        if self.value.is_none() {
            out.push(format!("{prefix}Value"));
        }
    }
}

/// Details related to any dangerous goods or items that are shipped.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DangerousGoodsDetails {
    /// The specific UNID of the item being shipped.
    #[serde(
        rename = "UnitedNationsRegulatoryId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub united_nations_regulatory_id: Option<String>,
    /// The specific regulatory class of the shipped item.
    #[serde(
        rename = "TransportationRegulatoryClass",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub transportation_regulatory_class: Option<String>,
    /// The specific packaging group of the item being shipped.
    #[serde(rename = "PackingGroup", default, skip_serializing_if = "Option::is_none")]
    pub packing_group: Option<DangerousGoodsDetailsPackingGroup>,
    /// The specific packing instruction of the item being shipped.
    #[serde(
        rename = "PackingInstruction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub packing_instruction: Option<DangerousGoodsDetailsPackingInstruction>,
}

impl DangerousGoodsDetails {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

/// Rate item for shipping costs and adjustments.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct RateItem {
    /// Unique identifier for the RateItem.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "RateItemID", default, skip_serializing_if = "Option::is_none")]
    pub rate_item_id: Option<RateItemId>,
    /// Type of the RateItem.
    #[serde(rename = "RateItemType", default, skip_serializing_if = "Option::is_none")]
    pub rate_item_type: Option<RateItemType>,
    /// The monetary value for the RateItem.
    #[serde(rename = "RateItemCharge", default, skip_serializing_if = "Option::is_none")]
    pub rate_item_charge: Option<CurrencyAmount>,
    /// Localized name for the RateItem.
    #[serde(
        rename = "RateItemNameLocalization",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub rate_item_name_localization: Option<String>,
}

/// Serializers for request bodies: Amazon's `number` fields as JSON numbers (not the string form
/// `rust_decimal` uses by default) and timestamps in the millisecond ISO 8601 form of Amazon's examples.
mod wire {

    use rust_decimal::prelude::ToPrimitive;

    pub(super) fn opt_decimal_number<S: serde::Serializer>(
        v: &Option<rust_decimal::Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(d) if d.fract().is_zero() => match d.to_i64() {
                Some(i) => s.serialize_i64(i),
                None => s.serialize_f64(d.to_f64().unwrap_or(f64::MAX)),
            },
            Some(d) => match d.to_f64() {
                Some(f) => s.serialize_f64(f),
                None => s.serialize_str(&d.to_string()),
            },
        }
    }

    pub(super) fn opt_datetime_millis<S: serde::Serializer>(
        v: &Option<chrono::DateTime<chrono::Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(t) => s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        }
    }
}
