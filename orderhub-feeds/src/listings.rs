//! `JSON_LISTINGS_FEED` documents (Selling Partner Listings Feed v2): typed `PATCH` messages for
//! `fulfillment_availability` (quantity, handling time) and `purchasable_offer` (price), and a writer that
//! knows the document's size as it grows, so feeds are split before 25,000 messages or 10 MiB.

use orderhub_core::{MarketplaceId, Money};

use crate::json::{push_str_lit, push_u64};

/// `fulfillment_channel_code` of merchant-fulfilled stock.
pub const DEFAULT_CHANNEL: &str = "DEFAULT";

/// What one message patches.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListingsPatch<'a> {
    /// Replace `/attributes/fulfillment_availability`.
    FulfillmentAvailability {
        /// `DEFAULT` for merchant stock, or an Amazon channel (`AMAZON_NA` ...) to switch to Amazon
        /// fulfillment.
        channel_code: &'a str,
        /// Quantity (merchant stock only).
        quantity: Option<u32>,
        /// Handling time in days (`lead_time_to_ship_max_days`).
        lead_time_to_ship_max_days: Option<u32>,
    },
    /// Replace `/attributes/purchasable_offer` with a price for all buyers of one marketplace.
    PurchasableOffer {
        /// The marketplace.
        marketplace_id: &'a MarketplaceId,
        /// The price (tax-inclusive `value_with_tax`, written as an exact decimal).
        price: Money,
    },
}

impl ListingsPatch<'_> {
    /// The attribute path the patch replaces.
    pub fn path(&self) -> &'static str {
        match self {
            ListingsPatch::FulfillmentAvailability { .. } => "/attributes/fulfillment_availability",
            ListingsPatch::PurchasableOffer { .. } => "/attributes/purchasable_offer",
        }
    }
}

/// One `PATCH` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingsMessage<'a> {
    /// Unique in the feed, from 1.
    pub message_id: u64,
    /// The seller's SKU.
    pub sku: &'a str,
    /// Amazon product type (`PRODUCT` for offer-only patches).
    pub product_type: &'a str,
    /// The patch.
    pub patch: ListingsPatch<'a>,
}

impl ListingsMessage<'_> {
    /// Appends the message as compact JSON.
    pub fn write_json(&self, out: &mut String) {
        out.push_str("{\"messageId\":");
        push_u64(out, self.message_id);
        out.push_str(",\"sku\":");
        push_str_lit(out, self.sku);
        out.push_str(",\"operationType\":\"PATCH\",\"productType\":");
        push_str_lit(out, self.product_type);
        out.push_str(",\"patches\":[{\"op\":\"replace\",\"path\":\"");
        out.push_str(self.patch.path());
        out.push_str("\",\"value\":[{");
        match &self.patch {
            ListingsPatch::FulfillmentAvailability {
                channel_code,
                quantity,
                lead_time_to_ship_max_days,
            } => {
                out.push_str("\"fulfillment_channel_code\":");
                push_str_lit(out, channel_code);
                if let Some(q) = quantity {
                    out.push_str(",\"quantity\":");
                    push_u64(out, u64::from(*q));
                }
                if let Some(d) = lead_time_to_ship_max_days {
                    out.push_str(",\"lead_time_to_ship_max_days\":");
                    push_u64(out, u64::from(*d));
                }
            }
            ListingsPatch::PurchasableOffer {
                marketplace_id,
                price,
            } => {
                out.push_str("\"marketplace_id\":");
                push_str_lit(out, marketplace_id.as_str());
                out.push_str(",\"currency\":");
                push_str_lit(out, price.currency.as_str());
                out.push_str(",\"audience\":\"ALL\",\"our_price\":[{\"schedule\":[{\"value_with_tax\":");
                // `Decimal`'s Display never uses exponents, so this is a valid JSON number.
                out.push_str(&price.amount.normalize().to_string());
                out.push_str("}]}]");
            }
        }
        out.push_str("}]}]}");
    }

    /// The message as compact JSON.
    pub fn to_json(&self) -> String {
        let mut s = String::with_capacity(200);
        self.write_json(&mut s);
        s
    }
}

/// Builds one `JSON_LISTINGS_FEED` document message by message.
#[derive(Debug, Clone)]
pub struct ListingsFeedWriter {
    buf: String,
    messages: usize,
}

/// Bytes that [`ListingsFeedWriter::finish`] appends.
const CLOSING: &str = "]}";

impl ListingsFeedWriter {
    /// Starts a document for `seller_id`, with an optional `issueLocale`.
    pub fn new(seller_id: &str, issue_locale: Option<&str>) -> Self {
        let mut buf = String::with_capacity(4096);
        buf.push_str("{\"header\":{\"sellerId\":");
        push_str_lit(&mut buf, seller_id);
        buf.push_str(",\"version\":\"2.0\"");
        if let Some(locale) = issue_locale {
            buf.push_str(",\"issueLocale\":");
            push_str_lit(&mut buf, locale);
        }
        buf.push_str("},\"messages\":[");
        ListingsFeedWriter { buf, messages: 0 }
    }

    /// Messages written so far.
    pub fn messages(&self) -> usize {
        self.messages
    }

    /// The size the finished document would have if a message of `message_bytes` were added now.
    pub fn size_with(&self, message_bytes: usize) -> usize {
        self.buf.len() + usize::from(self.messages > 0) + message_bytes + CLOSING.len()
    }

    /// The size of the finished document as it stands.
    pub fn finished_size(&self) -> usize {
        self.buf.len() + CLOSING.len()
    }

    /// Reserves room for about `bytes` more bytes.
    pub fn reserve(&mut self, bytes: usize) {
        self.buf.reserve(bytes);
    }

    /// Appends `message` if the finished document then stays within `max_bytes`; returns whether it did.
    /// The message is rendered once, in place.
    pub fn push_within(&mut self, message: &ListingsMessage<'_>, max_bytes: usize) -> bool {
        let before = self.buf.len();
        if self.messages > 0 {
            self.buf.push(',');
        }
        message.write_json(&mut self.buf);
        if self.buf.len() + CLOSING.len() > max_bytes {
            self.buf.truncate(before);
            return false;
        }
        self.messages += 1;
        true
    }

    /// Appends a message rendered with [`ListingsMessage::write_json`].
    pub fn push_rendered(&mut self, message_json: &str) {
        if self.messages > 0 {
            self.buf.push(',');
        }
        self.buf.push_str(message_json);
        self.messages += 1;
    }

    /// Appends a message.
    pub fn push(&mut self, message: &ListingsMessage<'_>) {
        if self.messages > 0 {
            self.buf.push(',');
        }
        message.write_json(&mut self.buf);
        self.messages += 1;
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.buf.push_str(CLOSING);
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orderhub_core::Currency;
    use rust_decimal_macros::dec;

    #[test]
    fn sizes_are_exact() {
        let mut w = ListingsFeedWriter::new("A1", Some("en_US"));
        let m = ListingsMessage {
            message_id: 1,
            sku: "S\"1",
            product_type: "PRODUCT",
            patch: ListingsPatch::PurchasableOffer {
                marketplace_id: &MarketplaceId::new("ATVPDKIKX0DER"),
                price: Money::new(dec!(12.50), Currency::USD),
            },
        };
        let json = m.to_json();
        let predicted = w.size_with(json.len());
        w.push_rendered(&json);
        assert_eq!(w.finished_size(), predicted);
        let predicted2 = w.size_with(json.len());
        w.push(&m);
        let doc = w.finish();
        assert_eq!(doc.len(), predicted2);
        let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["messages"][0]["sku"], "S\"1");
        assert_eq!(
            v["messages"][0]["patches"][0]["value"][0]["our_price"][0]["schedule"][0]["value_with_tax"],
            12.5
        );
    }
}
