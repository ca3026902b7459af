//! Shared set-up of the engine tests: a frozen simulator with one US seller, a connection and an engine.
#![allow(dead_code)]

use std::sync::Arc;

use amazon_spapi::auth::LwaCredentials;
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::sim::{Role, SellerSpec, SimConfig, SimHandle, Simulator};
use orderhub_core::engine::{ConnectionRuntime, Engine, EngineConfig};
use orderhub_core::policy::import::{AdmitAll, ImportPolicy};
use orderhub_core::ports::Store;
use orderhub_core::{
    AmazonRegion, Connection, ConnectionHealth, ConnectionId, ConnectionSettings, MarketplaceId,
    OrdersApiVersion, SellerId,
};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

pub const US: &str = "ATVPDKIKX0DER";
pub const SELLER: &str = "A1SIMUSSELLER1";
pub const CONNECTION: &str = "conn-us";

/// A frozen simulator (time moves only through `advance`) without usage plans, one US seller with every
/// role and `orders_per_day` orders a day over two days of history.
pub async fn simulator(seed: u64, orders_per_day: f64) -> SimHandle {
    let seller = SellerSpec::new(SELLER, &["US"])
        .roles(&Role::ALL)
        .orders_per_day(orders_per_day)
        .afn_share(0.2);
    Simulator::start(
        SimConfig::new(seed)
            .frozen()
            .without_limits()
            .sellers(vec![seller]),
    )
    .await
    .unwrap()
}

pub fn client(sim: &SimHandle) -> SpApiClient {
    client_with_token(sim, sim.seller(SELLER).unwrap().refresh_token)
}

pub fn client_with_token(sim: &SimHandle, refresh_token: amazon_spapi::auth::SecretString) -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url()).unwrap())
        .lwa_endpoint(Url::parse(&sim.lwa_url()).unwrap())
        .selling_partner_id(SELLER)
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()))
        .build()
        .unwrap()
}

pub fn connection(api: OrdersApiVersion, import_from: chrono::DateTime<chrono::Utc>) -> Connection {
    let settings = ConnectionSettings {
        orders_api: api,
        import_from: Some(import_from),
        ..ConnectionSettings::default()
    };
    Connection {
        id: ConnectionId::new(CONNECTION),
        seller_id: SellerId::new(SELLER),
        region: AmazonRegion::Na,
        marketplaces: vec![MarketplaceId::new(US)],
        alias: Some("US store".to_owned()),
        settings,
        health: ConnectionHealth::Live,
    }
}

/// An engine with the default policies and no connection yet.
pub fn bare_engine(sim: &SimHandle, store: Arc<dyn Store>, policy: Arc<dyn ImportPolicy>) -> Engine {
    let config = EngineConfig {
        page_size: 50,
        backfill_window: chrono::Duration::hours(6),
        ..EngineConfig::default()
    };
    Engine::new(
        store,
        Arc::new(sim.clock()),
        policy,
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_config(config)
}

pub fn engine_with(
    sim: &SimHandle,
    store: Arc<dyn Store>,
    connection: Connection,
    policy: Arc<dyn ImportPolicy>,
) -> Engine {
    bare_engine(sim, store, policy).with_connection(ConnectionRuntime::new(connection, client(sim)))
}

pub fn engine(sim: &SimHandle, store: Arc<dyn Store>, connection: Connection) -> Engine {
    engine_with(sim, store, connection, Arc::new(AdmitAll))
}

pub fn conn_id() -> ConnectionId {
    ConnectionId::new(CONNECTION)
}
