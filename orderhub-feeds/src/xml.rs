//! Typed builders for Amazon's XML order feeds (`AmazonEnvelope` with `OrderFulfillment` or
//! `OrderAcknowledgement` messages), written with quick-xml: text is escaped, and characters XML 1.0
//! forbids (control characters other than tab, newline and carriage return) are dropped.
//!
//! Messages render on their own ([`render_message`]) so a planner can measure one before adding it to an
//! [`EnvelopeWriter`]; the bytes are the same either way.

use std::borrow::Cow;

use chrono::{DateTime, SecondsFormat, Utc};
use orderhub_core::CancelReason;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use crate::carrier::Carrier;

/// `DocumentVersion` of the envelopes written.
pub const DOCUMENT_VERSION: &str = "1.01";

/// The envelope's message type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageType {
    /// Shipment confirmations (`POST_ORDER_FULFILLMENT_DATA`).
    OrderFulfillment,
    /// Acknowledgements and cancellations (`POST_ORDER_ACKNOWLEDGEMENT_DATA`).
    OrderAcknowledgement,
}

impl MessageType {
    /// The element name.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageType::OrderFulfillment => "OrderFulfillment",
            MessageType::OrderAcknowledgement => "OrderAcknowledgement",
        }
    }
}

/// One item of a fulfillment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FulfillmentItem<'a> {
    /// `AmazonOrderItemCode`.
    pub amazon_order_item_code: &'a str,
    /// Units shipped in this package.
    pub quantity: Option<u32>,
}

/// An `OrderFulfillment` message: one package of one order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFulfillment<'a> {
    /// `AmazonOrderID`.
    pub amazon_order_id: &'a str,
    /// `FulfillmentDate`.
    pub fulfillment_date: DateTime<Utc>,
    /// Carrier code (and name for `Other`).
    pub carrier: Option<&'a Carrier>,
    /// `ShippingMethod`.
    pub shipping_method: Option<&'a str>,
    /// `ShipperTrackingNumber`.
    pub tracking_number: Option<&'a str>,
    /// Items; empty confirms everything still unshipped.
    pub items: Vec<FulfillmentItem<'a>>,
}

/// `StatusCode` of an acknowledgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AckStatus {
    /// The seller accepts the order.
    Success,
    /// The seller cancels (items carry the reason).
    Failure,
}

/// One item of an acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AckItem<'a> {
    /// `AmazonOrderItemCode`.
    pub amazon_order_item_code: &'a str,
    /// `CancelReason`.
    pub cancel_reason: Option<CancelReason>,
}

/// An `OrderAcknowledgement` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderAcknowledgement<'a> {
    /// `AmazonOrderID`.
    pub amazon_order_id: &'a str,
    /// `StatusCode`.
    pub status: AckStatus,
    /// Items; empty applies to the whole order.
    pub items: Vec<AckItem<'a>>,
}

/// A message payload.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum XmlMessage<'a> {
    /// A shipment confirmation.
    Fulfillment(OrderFulfillment<'a>),
    /// An acknowledgement or cancellation.
    Acknowledgement(OrderAcknowledgement<'a>),
}

impl XmlMessage<'_> {
    /// The envelope type it belongs in.
    pub fn message_type(&self) -> MessageType {
        match self {
            XmlMessage::Fulfillment(_) => MessageType::OrderFulfillment,
            XmlMessage::Acknowledgement(_) => MessageType::OrderAcknowledgement,
        }
    }
}

/// Drops characters XML 1.0 does not allow.
fn xml_safe(s: &str) -> Cow<'_, str> {
    fn ok(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    }
    if s.chars().all(ok) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|c| ok(*c)).collect())
    }
}

/// An indenting writer over quick-xml. Writing to a `Vec<u8>` cannot fail, so write results are ignored.
struct Out {
    w: Writer<Vec<u8>>,
    depth: usize,
}

impl Out {
    fn new(depth: usize) -> Self {
        Out {
            w: Writer::new(Vec::with_capacity(512)),
            depth,
        }
    }

    fn newline(&mut self) {
        let mut s = String::with_capacity(1 + 2 * self.depth);
        s.push('\n');
        for _ in 0..self.depth {
            s.push_str("  ");
        }
        let _ = self.w.write_event(Event::Text(BytesText::from_escaped(s)));
    }

    fn open(&mut self, name: &str) {
        self.newline();
        let _ = self.w.write_event(Event::Start(BytesStart::new(name)));
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.newline();
        let _ = self.w.write_event(Event::End(BytesEnd::new(name)));
    }

    fn leaf(&mut self, name: &str, text: &str) {
        self.newline();
        let _ = self.w.write_event(Event::Start(BytesStart::new(name)));
        let _ = self.w.write_event(Event::Text(BytesText::new(&xml_safe(text))));
        let _ = self.w.write_event(Event::End(BytesEnd::new(name)));
    }

    fn into_string(self) -> String {
        bytes_to_string(self.w.into_inner())
    }
}

fn bytes_to_string(v: Vec<u8>) -> String {
    // Everything written came from `&str`, so this is UTF-8; stay total anyway.
    String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn date_time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Renders one `<Message>` as it appears inside an envelope.
pub fn render_message(message_id: u64, message: &XmlMessage<'_>) -> String {
    let mut o = Out::new(1);
    o.open("Message");
    o.leaf("MessageID", &message_id.to_string());
    match message {
        XmlMessage::Fulfillment(f) => {
            o.open("OrderFulfillment");
            o.leaf("AmazonOrderID", f.amazon_order_id);
            o.leaf("FulfillmentDate", &date_time(&f.fulfillment_date));
            if f.carrier.is_some() || f.shipping_method.is_some() || f.tracking_number.is_some() {
                o.open("FulfillmentData");
                if let Some(c) = f.carrier {
                    o.leaf("CarrierCode", &c.code);
                    if let Some(name) = &c.name {
                        o.leaf("CarrierName", name);
                    }
                }
                if let Some(m) = f.shipping_method {
                    o.leaf("ShippingMethod", m);
                }
                if let Some(t) = f.tracking_number {
                    o.leaf("ShipperTrackingNumber", t);
                }
                o.close("FulfillmentData");
            }
            for item in &f.items {
                o.open("Item");
                o.leaf("AmazonOrderItemCode", item.amazon_order_item_code);
                if let Some(q) = item.quantity {
                    o.leaf("Quantity", &q.to_string());
                }
                o.close("Item");
            }
            o.close("OrderFulfillment");
        }
        XmlMessage::Acknowledgement(a) => {
            o.open("OrderAcknowledgement");
            o.leaf("AmazonOrderID", a.amazon_order_id);
            o.leaf(
                "StatusCode",
                match a.status {
                    AckStatus::Success => "Success",
                    AckStatus::Failure => "Failure",
                },
            );
            for item in &a.items {
                o.open("Item");
                o.leaf("AmazonOrderItemCode", item.amazon_order_item_code);
                if let Some(r) = item.cancel_reason {
                    o.leaf("CancelReason", r.as_str());
                }
                o.close("Item");
            }
            o.close("OrderAcknowledgement");
        }
    }
    o.close("Message");
    o.into_string()
}

/// Builds one `AmazonEnvelope`.
#[derive(Debug, Clone)]
pub struct EnvelopeWriter {
    buf: String,
    message_type: MessageType,
    messages: usize,
}

const CLOSING: &str = "\n</AmazonEnvelope>\n";

impl EnvelopeWriter {
    /// Starts an envelope of `message_type` for the seller `merchant_identifier`.
    pub fn new(merchant_identifier: &str, message_type: MessageType) -> Self {
        let mut w = Writer::new(Vec::with_capacity(4096));
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        let _ = w.write_event(Event::Text(BytesText::from_escaped("\n")));
        let mut root = BytesStart::new("AmazonEnvelope");
        root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
        root.push_attribute(("xsi:noNamespaceSchemaLocation", "amzn-envelope.xsd"));
        let _ = w.write_event(Event::Start(root));
        let mut o = Out { w, depth: 1 };
        o.open("Header");
        o.leaf("DocumentVersion", DOCUMENT_VERSION);
        o.leaf("MerchantIdentifier", merchant_identifier);
        o.close("Header");
        o.leaf("MessageType", message_type.as_str());
        EnvelopeWriter {
            buf: o.into_string(),
            message_type,
            messages: 0,
        }
    }

    /// The envelope's message type.
    pub fn message_type(&self) -> MessageType {
        self.message_type
    }

    /// Messages written so far.
    pub fn messages(&self) -> usize {
        self.messages
    }

    /// The size the finished document would have with one more message of `message_bytes`.
    pub fn size_with(&self, message_bytes: usize) -> usize {
        self.buf.len() + message_bytes + CLOSING.len()
    }

    /// Appends a message rendered by [`render_message`] (of this envelope's type).
    pub fn push_rendered(&mut self, message_xml: &str) {
        self.buf.push_str(message_xml);
        self.messages += 1;
    }

    /// Renders and appends a message. Messages of another type than the envelope's are not written and
    /// `false` is returned.
    pub fn push(&mut self, message_id: u64, message: &XmlMessage<'_>) -> bool {
        if message.message_type() != self.message_type {
            return false;
        }
        let rendered = render_message(message_id, message);
        self.push_rendered(&rendered);
        true
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

    #[test]
    fn text_is_escaped_and_invalid_characters_dropped() {
        let carrier = Carrier::other("Speedy <&> \"Parcels\"\u{1}");
        let msg = XmlMessage::Fulfillment(OrderFulfillment {
            amazon_order_id: "111-2222222-3333333",
            fulfillment_date: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            carrier: Some(&carrier),
            shipping_method: None,
            tracking_number: Some("1Z&2"),
            items: vec![],
        });
        let mut env = EnvelopeWriter::new("A1<", MessageType::OrderFulfillment);
        let predicted = env.size_with(render_message(1, &msg).len());
        assert!(env.push(1, &msg));
        let doc = env.finish();
        assert_eq!(doc.len(), predicted);
        assert!(
            doc.contains("<CarrierName>Speedy &lt;&amp;&gt; &quot;Parcels&quot;</CarrierName>"),
            "{doc}"
        );
        assert!(doc.contains("<MerchantIdentifier>A1&lt;</MerchantIdentifier>"));
        assert!(doc.contains("<ShipperTrackingNumber>1Z&amp;2</ShipperTrackingNumber>"));
        // It parses back as well-formed XML.
        let mut reader = quick_xml::Reader::from_str(&doc);
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}"),
            }
        }
    }

    #[test]
    fn wrong_type_is_not_written() {
        let mut env = EnvelopeWriter::new("A1", MessageType::OrderAcknowledgement);
        let msg = XmlMessage::Fulfillment(OrderFulfillment {
            amazon_order_id: "111-2222222-3333333",
            fulfillment_date: DateTime::from_timestamp(0, 0).unwrap(),
            carrier: None,
            shipping_method: None,
            tracking_number: None,
            items: vec![],
        });
        assert!(!env.push(1, &msg));
        assert_eq!(env.messages(), 0);
    }
}
