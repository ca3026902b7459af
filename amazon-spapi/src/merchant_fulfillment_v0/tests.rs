use rust_decimal::Decimal;

use super::models::{LabelFormat, ShipmentStatus, UnitOfWeight};
use super::*;
use crate::auth::LwaCredentials;
use crate::client::SpApiClient;
use crate::operation::Restriction;

fn client() -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new("id", "secret", "Atzr|r"))
        .build()
        .unwrap()
}

const SHIPMENT: &str = r#"{"payload":{"ShipmentId":"s1","AmazonOrderId":"903-1","Status":"LabelVoided",
  "ItemList":[{"OrderItemId":"1","Quantity":"2","IsHazmat":"true"}],
  "ShipToAddress":{"Name":"Jane Buyer","AddressLine1":"1 Private Lane","City":"Seattle","CountryCode":"US",
    "Phone":"555-0100","Email":"jane@marketplace.amazon.com","PostalCode":"98101"},
  "Weight":{"Value":"10.5","Unit":"stone"},
  "Insurance":{"CurrencyCode":"USD","Amount":"12.34"},
  "Label":{"FileContents":{"Contents":"H4sIAAAA-LABEL-WITH-ADDRESS","FileType":"application/pdf","Checksum":"c"},
    "LabelFormat":"ZPL600","Dimensions":{"Length":4,"Width":6,"Unit":"inches"}},
  "CreatedDate":"2026-11-27T10:00:00Z"}}"#;

#[test]
fn shipment_decodes_every_quirk() {
    let r: GetShipmentResponse = serde_json::from_str(SHIPMENT).unwrap();
    let s = r.payload.unwrap();
    assert_eq!(s.status, Some(ShipmentStatus::Unknown("LabelVoided".into())));
    let item = &s.item_list.as_ref().unwrap()[0];
    assert_eq!(item.quantity, Some(2));
    assert_eq!(item.is_hazmat, Some(true));
    assert_eq!(s.weight.as_ref().unwrap().value, Some(Decimal::new(105, 1)));
    assert_eq!(
        s.weight.as_ref().unwrap().unit,
        Some(UnitOfWeight::Unknown("stone".into()))
    );
    assert_eq!(s.insurance.as_ref().unwrap().amount, Some(Decimal::new(1234, 2)));
    assert_eq!(
        s.label.as_ref().unwrap().label_format,
        Some(LabelFormat::Unknown("ZPL600".into()))
    );
    assert!(
        s.shipping_service.is_none(),
        "a required field left out decodes as None"
    );
}

#[test]
fn debug_never_shows_buyer_data_or_label_contents() {
    let r: GetShipmentResponse = serde_json::from_str(SHIPMENT).unwrap();
    let text = format!("{r:?}");
    for secret in ["Jane", "Private Lane", "555-0100", "jane@", "LABEL-WITH-ADDRESS"] {
        assert!(!text.contains(secret), "{secret} leaked into {text}");
    }
    assert!(text.contains("Seattle"), "city stays visible: {text}");
}

#[test]
fn requests_check_required_fields_and_send_numbers_as_numbers() {
    let c = client();
    let err = GetEligibleShipmentServices::new(&c)
        .request()
        .unwrap_err()
        .to_string();
    assert!(err.contains("ShipmentRequestDetails"), "{err}");
    let details: ShipmentRequestDetails = serde_json::from_value(serde_json::json!({
        "AmazonOrderId": "903-1", "ItemList": [{"OrderItemId": "1", "Quantity": 1}],
        "ShipFromAddress": {"Name": "Shop", "AddressLine1": "1 Main", "City": "Detroit", "CountryCode": "US",
            "PostalCode": "48123", "Email": "s@example.com", "Phone": "1"},
        "PackageDimensions": {"Length": 5, "Width": 5, "Height": 5, "Unit": "inches"},
        "Weight": {"Value": 10.5, "Unit": "oz"},
        "ShippingServiceOptions": {"DeliveryExperience": "NoTracking", "CarrierWillPickUp": false}
    }))
    .unwrap();
    let mut incomplete = details.clone();
    incomplete.ship_from_address.as_mut().unwrap().phone = None;
    let err = GetEligibleShipmentServices::new(&c)
        .shipment_request_details(incomplete)
        .request()
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("ShipmentRequestDetails.ShipFromAddress.Phone"),
        "{err}"
    );
    let req = CreateShipment::new(&c)
        .shipment_request_details(details)
        .shipping_service_id("UPS_PTP_GND")
        .request()
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(req.body.as_ref().unwrap()).unwrap();
    assert_eq!(
        body["ShipmentRequestDetails"]["Weight"]["Value"],
        serde_json::json!(10.5)
    );
    assert_eq!(
        body["ShipmentRequestDetails"]["PackageDimensions"]["Length"],
        serde_json::json!(5)
    );
    assert_eq!(CREATE_SHIPMENT.restriction, Restriction::Always);
    assert_eq!(GET_SHIPMENT.restriction, Restriction::Always);
    assert!(!CREATE_SHIPMENT.idempotent, "buying a label twice costs money");
}
