//! Identifiers of the Fulfillment Outbound API.

crate::documents::id_newtype! {
    /// The seller's id of a fulfillment order (at most 40 characters), chosen at `createFulfillmentOrder`.
    SellerFulfillmentOrderId
}
