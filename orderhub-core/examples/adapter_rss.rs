//! Streams N simulated Orders 2026-01-01 orders (default 1,000,000) through JSON decoding and the adapter,
//! one page of 100 at a time, as an import does, and prints the peak resident set size. Memory stays flat:
//! compare N = 100,000 with N = 1,000,000.
//!
//! `cargo run --release -p orderhub-core --example adapter_rss -- 1000000`
//! (or under `/usr/bin/time -v` for "Maximum resident set size").

#[cfg(feature = "amazon")]
fn main() {
    use orderhub_core::adapter::{order_from_2026, AdapterContext};

    let total: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let ctx = AdapterContext::new("A2SIMEUSELLER1");
    let started = std::time::Instant::now();
    let (mut mapped, mut lines, mut units) = (0u64, 0u64, 0u64);
    let mut page_start = 0;
    while page_start < total {
        let n = (total - page_start).min(100);
        let page = page_json(page_start, n);
        let answer: amazon_spapi::orders_2026_01_01::SearchOrdersResponse =
            serde_json::from_slice(&page).expect("a page of the generator decodes");
        for o in &answer.orders {
            let order = order_from_2026(&ctx, o).expect("generated orders are complete");
            mapped += 1;
            lines += order.lines.len() as u64;
            units += order.total_quantity();
        }
        page_start += n;
        if page_start % 100_000 == 0 {
            eprintln!("{page_start} orders, peak RSS {} kB", peak_rss_kb().unwrap_or(0));
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "orders={mapped} lines={lines} units={units} seconds={secs:.1} orders_per_second={:.0} peak_rss_kb={}",
        mapped as f64 / secs,
        peak_rss_kb().unwrap_or(0)
    );
}

/// One `searchOrders` page of `n` merchant-fulfilled German orders with three lines and personal data.
#[cfg(feature = "amazon")]
fn page_json(start: u64, n: u64) -> Vec<u8> {
    let orders: Vec<serde_json::Value> = (start..start + n)
        .map(|i| {
            let items: Vec<serde_json::Value> = (0..3)
                .map(|l| {
                    serde_json::json!({
                        "orderItemId": format!("{:014}", i * 3 + l),
                        "quantityOrdered": 1 + l,
                        "product": {
                            "asin": format!("B0{:08}", l), "title": "Edelstahl Wasserkocher 1,7 l",
                            "sellerSku": format!("SKU-{l}"),
                            "condition": { "conditionType": "NEW", "conditionSubtype": "NEW" },
                            "price": { "unitPrice": { "amount": "24.99", "currencyCode": "EUR" } }
                        },
                        "proceeds": { "breakdowns": [
                            { "type": "ITEM", "subtotal": { "amount": "24.99", "currencyCode": "EUR" } },
                            { "type": "SHIPPING", "subtotal": { "amount": "4.99", "currencyCode": "EUR" } },
                            { "type": "TAX", "subtotal": { "amount": "4.79", "currencyCode": "EUR" } }
                        ] },
                        "fulfillment": { "quantityFulfilled": 0, "quantityUnfulfilled": 1 + l }
                    })
                })
                .collect();
            serde_json::json!({
                "orderId": format!("302-{:07}-{:07}", i / 10_000_000, i % 10_000_000),
                "createdTime": "2026-02-01T10:00:00Z",
                "lastUpdatedTime": "2026-02-01T12:00:00Z",
                "programs": ["PRIME"],
                "salesChannel": { "channelName": "AMAZON", "marketplaceId": "A1PA6795UKMFR9", "marketplaceName": "Amazon.de" },
                "buyer": { "buyerName": format!("Buyer {i}"), "buyerEmail": format!("b{i}@marketplace.amazon.de") },
                "recipient": { "deliveryAddress": {
                    "name": format!("Buyer {i}"), "addressLine1": format!("Hauptstrasse {}", i % 200),
                    "city": "Berlin", "postalCode": "10115", "countryCode": "DE", "addressType": "RESIDENTIAL"
                } },
                "proceeds": { "grandTotal": { "amount": "89.94", "currencyCode": "EUR" } },
                "fulfillment": {
                    "fulfillmentStatus": "UNSHIPPED", "fulfilledBy": "MERCHANT", "fulfillmentServiceLevel": "STANDARD",
                    "shipByWindow": { "earliestDateTime": "2026-02-02T00:00:00Z", "latestDateTime": "2026-02-03T00:00:00Z" }
                },
                "orderItems": items
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({ "orders": orders })).expect("JSON")
}

/// Peak resident set size of this process (Linux `VmHWM`), in kB.
#[cfg(feature = "amazon")]
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(not(feature = "amazon"))]
fn main() {
    eprintln!("adapter_rss needs the `amazon` feature");
}
