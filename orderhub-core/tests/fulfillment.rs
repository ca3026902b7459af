//! The Multi-Channel Fulfillment service against the simulator: submit, status with shipments and
//! tracking, cancel, and the errors.
#![cfg(feature = "amazon")]

use std::sync::Arc;

use amazon_spapi::auth::LwaCredentials;
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::sim::{SimConfig, SimHandle, Simulator};
use chrono::Duration;
use orderhub_core::domain::{Address, Currency, MarketplaceId, Money};
use orderhub_core::fulfillment::McfFulfillmentService;
use orderhub_core::ports::{
    FulfillmentError, FulfillmentLine, FulfillmentOrderStatus, FulfillmentRequest, FulfillmentService,
    FulfillmentSpeed,
};
use rust_decimal_macros::dec;

const SELLER: &str = "A1SIMUSSELLER1";

fn client(sim: &SimHandle) -> SpApiClient {
    let info = sim.seller(SELLER).unwrap();
    SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            info.refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url()).unwrap())
        .lwa_endpoint(Url::parse(&sim.lwa_url()).unwrap())
        .selling_partner_id(SELLER)
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()))
        .build()
        .unwrap()
}

fn request(sim: &SimHandle, id: &str, sku: &str) -> FulfillmentRequest {
    FulfillmentRequest {
        id: id.into(),
        displayable_order_id: format!("WEB-{id}"),
        displayable_order_date: sim.now(),
        displayable_comment: "Thank you for your order".into(),
        marketplace_id: Some(MarketplaceId::new("ATVPDKIKX0DER")),
        speed: FulfillmentSpeed::Standard,
        destination: Address {
            name: Some("Quentin Vasquez-Lark".into()),
            line1: Some("77 Juniper Hollow Rd".into()),
            city: Some("Seattle".into()),
            state_or_region: Some("WA".into()),
            postal_code: Some("98109".into()),
            country_code: Some("US".into()),
            phone: Some("206-555-0100".into()),
            ..Address::default()
        },
        lines: vec![FulfillmentLine {
            sku: sku.into(),
            line_id: "1".into(),
            quantity: 1,
            per_unit_declared_value: Some(Money::new(dec!(19.99), Currency::USD)),
        }],
        notification_emails: vec!["quentin@example.com".into()],
    }
}

#[tokio::test]
async fn submit_track_and_cancel_through_mcf() {
    let sim = Simulator::start(SimConfig::new(21).frozen()).await.unwrap();
    let service = McfFulfillmentService::new(client(&sim));
    let sku = sim
        .skus(SELLER)
        .unwrap()
        .into_iter()
        .find(|(_, fba)| *fba)
        .map(|(s, _)| s)
        .unwrap();

    let a = request(&sim, "MCF-A-1", &sku);
    let debug = format!("{a:?}");
    assert!(
        !debug.contains("Quentin") && !debug.contains("Juniper") && !debug.contains("quentin@"),
        "{debug}"
    );
    service.submit(&a).await.unwrap();
    service.submit(&request(&sim, "MCF-B-1", &sku)).await.unwrap();
    let first = service.status("MCF-A-1").await.unwrap();
    assert!(!first.status.is_final(), "{:?}", first.status);
    assert!(first.shipments.is_empty());

    service.cancel("MCF-B-1").await.unwrap();
    sim.advance(Duration::minutes(5));
    assert_eq!(
        service.status("MCF-B-1").await.unwrap().status,
        FulfillmentOrderStatus::Cancelled
    );

    // A day later Amazon has shipped A, with tracking.
    sim.advance(Duration::days(1));
    let done = service.status("MCF-A-1").await.unwrap();
    assert!(matches!(
        done.status,
        FulfillmentOrderStatus::Complete | FulfillmentOrderStatus::CompletePartialled
    ));
    assert!(!done.shipments.is_empty());
    let shipment = &done.shipments[0];
    assert!(!shipment.tracking_numbers.is_empty(), "{shipment:?}");
    assert!(shipment.carrier.is_some() && shipment.shipped_at.is_some());
    assert_eq!(shipment.lines, vec![(sku.clone(), 1)]);
    // Too late to cancel now.
    assert!(matches!(
        service.cancel("MCF-A-1").await,
        Err(FulfillmentError::Rejected { .. })
    ));

    // Errors.
    let err = service
        .submit(&request(&sim, "MCF-C-1", "NO-SUCH-SKU"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, FulfillmentError::Rejected { message } if message.contains("NO-SUCH-SKU")),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert!(
        matches!(service.submit(&a).await, Err(FulfillmentError::Rejected { .. })),
        "duplicate id"
    );
    let err = service.status("MCF-NOPE").await.unwrap_err();
    assert!(matches!(err, FulfillmentError::NotFound { .. }), "{err:?}");
    let mut bad = request(&sim, "MCF-D-1", &sku);
    bad.lines.clear();
    assert!(matches!(
        service.submit(&bad).await,
        Err(FulfillmentError::Invalid { .. })
    ));
    let mut bad = request(&sim, &"X".repeat(41), &sku);
    bad.destination.line1 = None;
    assert!(matches!(
        service.submit(&bad).await,
        Err(FulfillmentError::Invalid { .. })
    ));
    let mut bad = request(&sim, "MCF-E-1", &sku);
    bad.destination.line1 = None;
    let err = service.submit(&bad).await.unwrap_err();
    assert!(err.to_string().contains("first street line"), "{err}");
    sim.shutdown().await;
}
