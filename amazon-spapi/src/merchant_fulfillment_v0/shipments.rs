//! `getEligibleShipmentServices`, `createShipment`, `getShipment`, `cancelShipment`,
//! `getAdditionalSellerInputs`.

use http::Method;

use super::ids::ShipmentId;
use super::models::{
    Address, CancelShipmentResponse, CreateShipmentRequest, CreateShipmentResponse,
    GetAdditionalSellerInputsRequest, GetAdditionalSellerInputsResponse, GetEligibleShipmentServicesRequest,
    GetEligibleShipmentServicesResponse, GetShipmentResponse, HazmatType, LabelFormatOptionRequest,
    ShipmentRequestDetails, ShippingOfferingFilter,
};
use crate::auth::SecretString;
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation, Restriction, UsagePlan};

/// `POST /mfn/v0/eligibleShippingServices`: shipping service offers for a package.
pub static GET_ELIGIBLE_SHIPMENT_SERVICES: Operation = Operation {
    api: "merchantFulfillment",
    version: "v0",
    name: "getEligibleShipmentServices",
    method: Method::POST,
    path: "/mfn/v0/eligibleShippingServices",
    usage_plan: UsagePlan::new(6.0, 12),
    restriction: Restriction::None,
    idempotent: true,
};

/// `GET /mfn/v0/shipments/{shipmentId}`: a shipment and its label (restricted).
pub static GET_SHIPMENT: Operation = Operation {
    api: "merchantFulfillment",
    version: "v0",
    name: "getShipment",
    method: Method::GET,
    path: "/mfn/v0/shipments/{shipmentId}",
    usage_plan: UsagePlan::new(1.0, 1),
    restriction: Restriction::Always,
    idempotent: true,
};

/// `DELETE /mfn/v0/shipments/{shipmentId}`: cancels a shipment.
pub static CANCEL_SHIPMENT: Operation = Operation {
    api: "merchantFulfillment",
    version: "v0",
    name: "cancelShipment",
    method: Method::DELETE,
    path: "/mfn/v0/shipments/{shipmentId}",
    usage_plan: UsagePlan::new(1.0, 1),
    restriction: Restriction::None,
    idempotent: true,
};

/// `POST /mfn/v0/shipments`: buys a label (restricted). Not idempotent: a retry after a lost answer
/// could buy a second label, so the client does not repeat it after a timeout.
pub static CREATE_SHIPMENT: Operation = Operation {
    api: "merchantFulfillment",
    version: "v0",
    name: "createShipment",
    method: Method::POST,
    path: "/mfn/v0/shipments",
    usage_plan: UsagePlan::new(2.0, 2),
    restriction: Restriction::Always,
    idempotent: false,
};

/// `POST /mfn/v0/additionalSellerInputs`: inputs a carrier needs before a label can be bought.
pub static GET_ADDITIONAL_SELLER_INPUTS: Operation = Operation {
    api: "merchantFulfillment",
    version: "v0",
    name: "getAdditionalSellerInputs",
    method: Method::POST,
    path: "/mfn/v0/additionalSellerInputs",
    usage_plan: UsagePlan::new(1.0, 1),
    restriction: Restriction::None,
    idempotent: true,
};

fn body_request<T: serde::Serialize>(path: &str, body: &T, missing: &[String]) -> Result<ApiRequest, Error> {
    build::missing("body", missing)?;
    Ok(ApiRequest::new(path).json_body(build::json("body", body)?))
}

/// `getEligibleShipmentServices`: which carriers and services can ship this package, at what price.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetEligibleShipmentServices {
    client: SpApiClient,
    body: GetEligibleShipmentServicesRequest,
}

impl GetEligibleShipmentServices {
    /// A request whose shipment details are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: GetEligibleShipmentServicesRequest::default(),
        }
    }

    /// The order, items, ship-from address, package and options (required).
    pub fn shipment_request_details(mut self, details: ShipmentRequestDetails) -> Self {
        self.body.shipment_request_details = Some(details);
        self
    }

    /// Filters the offers (label formats, carrier pickup, delivery experience).
    pub fn shipping_offering_filter(mut self, filter: ShippingOfferingFilter) -> Self {
        self.body.shipping_offering_filter = Some(filter);
        self
    }

    /// The whole body at once (replaces what was set before).
    pub fn body(mut self, body: GetEligibleShipmentServicesRequest) -> Self {
        self.body = body;
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming every required field that is absent (recursively).
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        body_request(GET_ELIGIBLE_SHIPMENT_SERVICES.path, &self.body, &missing)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetEligibleShipmentServicesResponse>, Error> {
        let req = self.request()?;
        let op = &GET_ELIGIBLE_SHIPMENT_SERVICES;
        decode_response(op, self.client.send(op, req).await?)
    }
}

/// `createShipment`: buys the label of a shipping service offer.
///
/// Restricted: a Restricted Data Token for `POST /mfn/v0/shipments` is fetched and cached (not on
/// Amazon's sandbox), unless one is passed with [`CreateShipment::restricted_data_token`]. Without the
/// Direct-to-Consumer Shipping role the error names that role.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CreateShipment {
    client: SpApiClient,
    body: CreateShipmentRequest,
    explicit_rdt: Option<SecretString>,
}

impl CreateShipment {
    /// A request whose details and service are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: CreateShipmentRequest::default(),
            explicit_rdt: None,
        }
    }

    /// The order, items, ship-from address, package and options (required).
    pub fn shipment_request_details(mut self, details: ShipmentRequestDetails) -> Self {
        self.body.shipment_request_details = Some(details);
        self
    }

    /// The shipping service (`ShippingServiceId` of an eligible offer; required).
    pub fn shipping_service_id(mut self, id: impl Into<String>) -> Self {
        self.body.shipping_service_id = Some(id.into());
        self
    }

    /// The offer (`ShippingServiceOfferId` of an eligible offer).
    pub fn shipping_service_offer_id(mut self, id: impl Into<String>) -> Self {
        self.body.shipping_service_offer_id = Some(id.into());
        self
    }

    /// Hazardous materials in the package.
    pub fn hazmat_type(mut self, hazmat: HazmatType) -> Self {
        self.body.hazmat_type = Some(hazmat);
        self
    }

    /// Label format options (packing slip).
    pub fn label_format_option(mut self, option: LabelFormatOptionRequest) -> Self {
        self.body.label_format_option = Some(option);
        self
    }

    /// The whole body at once (replaces what was set before).
    pub fn body(mut self, body: CreateShipmentRequest) -> Self {
        self.body = body;
        self
    }

    /// A Restricted Data Token obtained by the caller; none is fetched then.
    pub fn restricted_data_token(mut self, token: SecretString) -> Self {
        self.explicit_rdt = Some(token);
        self
    }

    /// The request this builder sends, after validation (the token is fetched at send).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming every required field that is absent (recursively).
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        let mut req = body_request(CREATE_SHIPMENT.path, &self.body, &missing)?;
        req.explicit_rdt = self.explicit_rdt.clone();
        Ok(req)
    }

    /// Sends the request with a Restricted Data Token.
    ///
    /// # Errors
    /// Validation errors, the errors of `createRestrictedDataToken` (naming a missing role), and every
    /// error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CreateShipmentResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &CREATE_SHIPMENT,
            crate::rdt::send(&self.client, &CREATE_SHIPMENT, req).await?,
        )
    }
}

/// `getShipment`: a shipment with its label. Restricted like [`CreateShipment`].
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetShipment {
    client: SpApiClient,
    shipment_id: Option<ShipmentId>,
    explicit_rdt: Option<SecretString>,
}

impl GetShipment {
    /// A request for a shipment id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            shipment_id: None,
            explicit_rdt: None,
        }
    }

    /// The shipment id returned by `createShipment`.
    pub fn shipment_id(mut self, id: impl Into<ShipmentId>) -> Self {
        self.shipment_id = Some(id.into());
        self
    }

    /// A Restricted Data Token obtained by the caller; none is fetched then.
    pub fn restricted_data_token(mut self, token: SecretString) -> Self {
        self.explicit_rdt = Some(token);
        self
    }

    /// The request this builder sends, after validation (the token is fetched at send).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a shipment id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(&self.shipment_id, "shipmentId", "GetShipment::shipment_id")?;
        let mut req = ApiRequest::new(fill_path(GET_SHIPMENT.path, &[("shipmentId", id)]));
        req.explicit_rdt = self.explicit_rdt.clone();
        Ok(req)
    }

    /// Sends the request with a Restricted Data Token.
    ///
    /// # Errors
    /// Validation errors, the errors of `createRestrictedDataToken`, and every error of
    /// [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetShipmentResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_SHIPMENT,
            crate::rdt::send(&self.client, &GET_SHIPMENT, req).await?,
        )
    }
}

/// `cancelShipment`: cancels a shipment and asks for a refund of its label.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CancelShipment {
    client: SpApiClient,
    shipment_id: Option<ShipmentId>,
}

impl CancelShipment {
    /// A request for a shipment id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            shipment_id: None,
        }
    }

    /// The shipment to cancel.
    pub fn shipment_id(mut self, id: impl Into<ShipmentId>) -> Self {
        self.shipment_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a shipment id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(&self.shipment_id, "shipmentId", "CancelShipment::shipment_id")?;
        Ok(ApiRequest::new(fill_path(
            CANCEL_SHIPMENT.path,
            &[("shipmentId", id)],
        )))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CancelShipmentResponse>, Error> {
        let req = self.request()?;
        decode_response(&CANCEL_SHIPMENT, self.client.send(&CANCEL_SHIPMENT, req).await?)
    }
}

/// `getAdditionalSellerInputs`: what else a shipping service needs (for example a declared value).
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetAdditionalSellerInputs {
    client: SpApiClient,
    body: GetAdditionalSellerInputsRequest,
}

impl GetAdditionalSellerInputs {
    /// A request whose service, address and order are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: GetAdditionalSellerInputsRequest::default(),
        }
    }

    /// The shipping service (required).
    pub fn shipping_service_id(mut self, id: impl Into<String>) -> Self {
        self.body.shipping_service_id = Some(id.into());
        self
    }

    /// The ship-from address (required).
    pub fn ship_from_address(mut self, address: Address) -> Self {
        self.body.ship_from_address = Some(address);
        self
    }

    /// The Amazon order id (required).
    pub fn order_id(mut self, id: impl Into<String>) -> Self {
        self.body.order_id = Some(id.into());
        self
    }

    /// The whole body at once (replaces what was set before).
    pub fn body(mut self, body: GetAdditionalSellerInputsRequest) -> Self {
        self.body = body;
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming every required field that is absent.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        body_request(GET_ADDITIONAL_SELLER_INPUTS.path, &self.body, &missing)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetAdditionalSellerInputsResponse>, Error> {
        let req = self.request()?;
        let op = &GET_ADDITIONAL_SELLER_INPUTS;
        decode_response(op, self.client.send(op, req).await?)
    }
}
