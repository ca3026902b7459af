//! Criterion benchmark `decode`: one `getOrders` page of 100 orders (Orders v0, every commonly sent field,
//! with shipping address and buyer information as an RDT answer carries them), decoded
//!
//! - into the typed model through the crate's own path (`amazon_spapi::de::decode_bytes`, lenient
//!   helpers, unknown-value-keeping enums, decimals, timestamps), and
//! - into `serde_json::Value`, in the same process, from the same bytes.
//!
//! The issue's target: typed at least 2x the speed of `Value`. Run with
//! `cargo bench -p benches --bench decode`; figures go to BENCHMARKS.md.

use std::hint::black_box;

use amazon_spapi::orders_v0::{GetOrdersResponse, GET_ORDERS};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// One order as Amazon sends it (fields and spellings from the official sandbox answers), varied by `i`.
fn order(i: usize) -> String {
    let status = ["Unshipped", "Shipped", "Pending", "PartiallyShipped", "Canceled"][i % 5];
    let channel = if i % 3 == 0 { "AFN" } else { "MFN" };
    format!(
        r#"{{"AmazonOrderId":"902-{a:07}-{b:07}","SellerOrderId":"SO-{i}","PurchaseDate":"2026-11-{d:02}T1{h}:49:35Z",
"LastUpdateDate":"2026-11-{d:02}T1{h}:51:02.123Z","OrderStatus":"{status}","FulfillmentChannel":"{channel}",
"SalesChannel":"Amazon.com","OrderChannel":"","ShipServiceLevel":"Std US D2D Dom",
"OrderTotal":{{"CurrencyCode":"USD","Amount":"{p}.{c:02}"}},"NumberOfItemsShipped":{s},"NumberOfItemsUnshipped":"{u}",
"PaymentExecutionDetail":[],"PaymentMethod":"Other","PaymentMethodDetails":["CreditCard","GiftCertificate"],
"MarketplaceId":"ATVPDKIKX0DER","ShipmentServiceLevelCategory":"Standard","EasyShipShipmentStatus":"PendingPickUp",
"OrderType":"StandardOrder","EarliestShipDate":"2026-11-{d:02}T08:00:00Z","LatestShipDate":"2026-11-{d2:02}T07:59:59Z",
"EarliestDeliveryDate":"2026-11-{d2:02}T08:00:00Z","LatestDeliveryDate":"2026-11-{d3:02}T07:59:59Z",
"IsBusinessOrder":false,"IsPrime":"{prime}","IsPremiumOrder":false,"IsGlobalExpressEnabled":false,
"IsReplacementOrder":"false","IsSoldByAB":false,"IsISPU":false,"IsAccessPointOrder":false,"HasRegulatedItems":false,
"ElectronicInvoiceStatus":"NotRequired","BuyerInvoicePreference":"INDIVIDUAL",
"DefaultShipFromLocationAddress":{{"Name":"MFNIntegrationTestMerchant","AddressLine1":"2201 WESTLAKE AVE",
"City":"SEATTLE","StateOrRegion":"WA","PostalCode":"98121-2778","CountryCode":"US","Phone":"+1 480-386-0930 ext. 73824",
"AddressType":"Commercial"}},
"ShippingAddress":{{"Name":"Buyer Number {i}","AddressLine1":"{i} Main Street","AddressLine2":"Apt {b}",
"City":"Springfield","StateOrRegion":"IL","PostalCode":"62704","CountryCode":"US","Phone":"+1 217-555-{c:04}",
"AddressType":"Residential"}},
"BuyerInfo":{{"BuyerEmail":"buyer{i}@marketplace.amazon.com","BuyerName":"Buyer Number {i}","BuyerCounty":"Sangamon",
"BuyerTaxInfo":{{"CompanyLegalName":"","TaxingRegion":"US","TaxClassifications":[]}},"PurchaseOrderNumber":"PO-{i}"}},
"AutomatedShippingSettings":{{"HasAutomatedShippingSettings":false}},
"FulfillmentInstruction":{{"FulfillmentSupplySourceId":"sup-{b}"}},
"MarketplaceTaxInfo":{{"TaxClassifications":[{{"Name":"VATNumber","Value":"XXX123"}}]}}}}"#,
        a = 1_000_000 + i * 7919 % 9_000_000,
        b = 2_000_000 + i * 104_729 % 7_000_000,
        d = 1 + i % 27,
        d2 = 2 + i % 27,
        d3 = 3 + i % 26,
        h = i % 10,
        p = 10 + i % 90,
        c = i % 100,
        s = i % 3,
        u = (i + 1) % 3,
        prime = if i % 2 == 0 { "true" } else { "false" },
    )
}

/// A `getOrders` answer of 100 orders.
fn page() -> Vec<u8> {
    let orders: Vec<String> = (0..100).map(order).collect();
    format!(
        r#"{{"payload":{{"NextToken":"2YgYW55IGNhcm5hbCBwbGVhc3VyZS4+/=","LastUpdatedBefore":"2026-11-27T11:58:00Z","Orders":[{}]}}}}"#,
        orders.join(",")
    )
    .into_bytes()
}

fn decode(c: &mut Criterion) {
    let body = page();
    // Sanity: both decode, and the typed page holds every order with its money and timestamps.
    let typed: GetOrdersResponse = amazon_spapi::de::decode_bytes(&GET_ORDERS, None, &body).expect("decodes");
    let orders = &typed.payload.as_ref().expect("payload").orders;
    assert_eq!(orders.len(), 100);
    assert!(orders
        .iter()
        .all(|o| o.purchase_date.is_some() && o.order_total.is_some() && o.is_prime.is_some()));
    let value: serde_json::Value = serde_json::from_slice(&body).expect("valid JSON");
    assert_eq!(value["payload"]["Orders"].as_array().map(Vec::len), Some(100));

    let mut g = c.benchmark_group("decode_get_orders_100");
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("typed_model", |b| {
        b.iter(|| {
            let r: GetOrdersResponse =
                amazon_spapi::de::decode_bytes(&GET_ORDERS, None, black_box(&body)).expect("decodes");
            black_box(r)
        });
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_slice(black_box(&body)).expect("decodes");
            black_box(v)
        });
    });
    g.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
