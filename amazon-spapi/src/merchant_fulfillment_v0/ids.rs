//! Identifiers of the Merchant Fulfillment API.

crate::documents::id_newtype! {
    /// A shipment (label) id, returned by `createShipment`.
    ShipmentId
}
