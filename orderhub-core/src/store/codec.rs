//! Row encoding shared by the SQL backends: orders split into an indexed part, a JSON body without
//! personal data, and an encrypted envelope holding the personal data.

use serde::{Deserialize, Serialize};

use crate::crypto::Keyring;
use crate::domain::{
    AbsentReason, Address, Buyer, Connection, ConnectionHealth, FeedRecord, FeedStatus, InventoryItem, Order,
    OutboxEntry, Pii,
};
use crate::ports::StoreError;

use super::to_micros;

/// The personal data of one order, sealed as one JSON document.
#[derive(Serialize, Deserialize, Default)]
struct Envelope {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    buyer: Option<Buyer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    address: Option<Address>,
    /// Gift messages by line index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    gifts: Vec<(usize, String)>,
}

impl Envelope {
    fn is_empty(&self) -> bool {
        self.buyer.is_none() && self.address.is_none() && self.gifts.is_empty()
    }
}

/// What to do with the stored personal-data columns.
pub(crate) enum PiiWrite {
    /// Write these columns (a sealed envelope and its key id, or nothing).
    Set(Option<(String, Vec<u8>)>),
    /// The order was loaded without the key: keep what is stored.
    Keep,
}

/// An order ready to be written.
pub(crate) struct OrderRow {
    pub id: String,
    pub seller_id: String,
    pub marketplace_id: String,
    pub fulfillment_channel: &'static str,
    pub amazon_status: String,
    pub hub_status: String,
    pub folder: Option<String>,
    pub purchased_at: i64,
    pub last_updated_at: i64,
    pub body: String,
    pub pii: PiiWrite,
}

fn unavailable(key_id: &str) -> AbsentReason {
    AbsentReason::KeyUnavailable {
        key_id: key_id.to_owned(),
    }
}

/// Whether writing `order` keeps the stored personal-data columns (`true`: it was loaded without the key and
/// holds no personal data) or sets them (`false`), found without encoding or sealing anything. Makes the
/// refusals of [`encode_order`] that depend only on the order and the keyring, so a batch can be checked and
/// decided before it is encoded.
pub(crate) fn keeps_pii(order: &Order, keyring: &Keyring) -> Result<bool, StoreError> {
    let is_marker = |r: Option<&AbsentReason>| matches!(r, Some(AbsentReason::KeyUnavailable { .. }));
    let mut had_marker =
        is_marker(order.buyer.absent_reason()) || is_marker(order.shipping_address.absent_reason());
    let mut present =
        matches!(order.buyer, Pii::Present(_)) || matches!(order.shipping_address, Pii::Present(_));
    for gift in order.lines.iter().filter_map(|l| l.gift.as_ref()) {
        had_marker |= is_marker(gift.message.absent_reason());
        present |= matches!(gift.message, Pii::Present(_));
    }
    if present && (had_marker || keyring.write_key_id().is_none()) {
        // A marker: part of the stored personal data could not be read when the order was loaded; sealing
        // only the new part would lose the rest. No write key: nothing to seal with.
        return Err(StoreError::KeyRequired {
            order_id: order.id.clone(),
        });
    }
    Ok(had_marker && !present)
}

/// Splits `order` into a row: personal data goes into a sealed envelope, the body keeps markers.
/// `body_capacity` is a guess at the length of the body's JSON (the buffer grows past it when needed).
pub(crate) fn encode_order(
    order: &Order,
    keyring: &Keyring,
    body_capacity: usize,
) -> Result<OrderRow, StoreError> {
    let keep = keeps_pii(order, keyring)?;
    let mut body = order.clone();
    let mut env = Envelope::default();
    let marker = keyring.write_key_id().unwrap_or("none").to_owned();

    if let Pii::Present(b) = std::mem::replace(&mut body.buyer, Pii::Absent(unavailable(&marker))) {
        env.buyer = Some(b);
    } else {
        body.buyer = order.buyer.clone();
    }
    if let Pii::Present(a) = std::mem::replace(&mut body.shipping_address, Pii::Absent(unavailable(&marker)))
    {
        env.address = Some(a);
    } else {
        body.shipping_address = order.shipping_address.clone();
    }
    for (i, line) in body.lines.iter_mut().enumerate() {
        if let Some(gift) = line.gift.as_mut() {
            if let Pii::Present(m) = std::mem::replace(&mut gift.message, Pii::Absent(unavailable(&marker))) {
                env.gifts.push((i, m));
            } else if let Some(orig) = order.lines.get(i).and_then(|l| l.gift.as_ref()) {
                gift.message = orig.message.clone();
            }
        }
    }

    let pii = if keep {
        PiiWrite::Keep
    } else if env.is_empty() {
        PiiWrite::Set(None)
    } else {
        let mut plain = Vec::with_capacity(256);
        serde_json::to_writer(&mut plain, &env).map_err(|e| {
            StoreError::corrupt(
                "orders",
                order.id.as_str(),
                format!("cannot encode personal data: {}", e.classify_name()),
            )
        })?;
        match keyring.seal(order.id.as_str().as_bytes(), &plain) {
            Ok(Some(sealed)) => PiiWrite::Set(Some(sealed)),
            Ok(None) => {
                return Err(StoreError::KeyRequired {
                    order_id: order.id.clone(),
                })
            }
            Err(source) => {
                return Err(StoreError::Encryption {
                    order_id: order.id.clone(),
                    source,
                })
            }
        }
    };

    let cannot_encode = |e: serde_json::Error| {
        StoreError::corrupt(
            "orders",
            order.id.as_str(),
            format!("cannot encode order: {}", e.classify_name()),
        )
    };
    // Written straight into a buffer of about the right size: no chain of reallocations as it grows.
    let mut json = Vec::with_capacity(body_capacity);
    serde_json::to_writer(&mut json, &body).map_err(cannot_encode)?;
    let body_json = String::from_utf8(json).map_err(|_| {
        StoreError::corrupt(
            "orders",
            order.id.as_str(),
            "cannot encode order: the JSON is not UTF-8",
        )
    })?;
    Ok(OrderRow {
        id: order.id.0.clone(),
        seller_id: order.seller_id.0.clone(),
        marketplace_id: order.marketplace_id.0.clone(),
        fulfillment_channel: order.fulfillment_channel.code(),
        amazon_status: order.amazon_status.as_str().to_owned(),
        hub_status: order.hub_status.as_str().to_owned(),
        folder: order.folder.clone(),
        purchased_at: to_micros(order.dates.purchased),
        last_updated_at: to_micros(order.dates.last_updated),
        body: body_json,
        pii,
    })
}

trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "invalid JSON",
            serde_json::error::Category::Data => "JSON of the wrong shape",
            serde_json::error::Category::Eof => "truncated JSON",
        }
    }
}

fn json_detail(what: &str, e: &serde_json::Error) -> String {
    // Never the message: it can quote the row's content.
    format!(
        "{what}: {} at line {} column {}",
        e.classify_name(),
        e.line(),
        e.column()
    )
}

/// Rebuilds an order from its row, decrypting personal data when the keyring holds its key.
pub(crate) fn decode_order(
    id: &str,
    body: &str,
    pii: Option<&[u8]>,
    pii_key_id: Option<&str>,
    keyring: &Keyring,
) -> Result<Order, StoreError> {
    let mut order: Order =
        serde_json::from_str(body).map_err(|e| StoreError::corrupt("orders", id, json_detail("body", &e)))?;
    if order.id.as_str() != id {
        return Err(StoreError::corrupt(
            "orders",
            id,
            "the body belongs to another order",
        ));
    }
    let (Some(sealed), Some(key_id)) = (pii, pii_key_id) else {
        if pii.is_some() != pii_key_id.is_some() {
            return Err(StoreError::corrupt(
                "orders",
                id,
                "personal data without key id (or key id without data)",
            ));
        }
        return Ok(order);
    };
    let plain = match keyring.open(key_id, id.as_bytes(), sealed) {
        Ok(Some(p)) => p,
        Ok(None) => {
            // No key: the body already carries markers; make them name the stored key id.
            relabel(&mut order, key_id);
            return Ok(order);
        }
        Err(source) => {
            return Err(StoreError::Decryption {
                order_id: order.id.clone(),
                source,
            })
        }
    };
    let env: Envelope = serde_json::from_slice(&plain)
        .map_err(|e| StoreError::corrupt("orders", id, json_detail("personal data", &e)))?;
    if let Some(b) = env.buyer {
        order.buyer = Pii::Present(b);
    }
    if let Some(a) = env.address {
        order.shipping_address = Pii::Present(a);
    }
    for (i, message) in env.gifts {
        match order.lines.get_mut(i).and_then(|l| l.gift.as_mut()) {
            Some(g) => g.message = Pii::Present(message),
            None => {
                return Err(StoreError::corrupt(
                    "orders",
                    id,
                    "gift message for a line without gift options",
                ))
            }
        }
    }
    Ok(order)
}

fn relabel(order: &mut Order, key_id: &str) {
    fn fix<T>(p: &mut Pii<T>, key_id: &str) {
        if let Pii::Absent(AbsentReason::KeyUnavailable { key_id: k }) = p {
            key_id.clone_into(k);
        }
    }
    fix(&mut order.buyer, key_id);
    fix(&mut order.shipping_address, key_id);
    for l in &mut order.lines {
        if let Some(g) = l.gift.as_mut() {
            fix(&mut g.message, key_id);
        }
    }
}

pub(crate) fn encode_json<T: Serialize>(table: &'static str, key: &str, v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::corrupt(table, key, json_detail("cannot encode", &e)))
}

pub(crate) fn decode_json<T: for<'de> Deserialize<'de>>(
    table: &'static str,
    key: &str,
    body: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(body).map_err(|e| StoreError::corrupt(table, key, json_detail("body", &e)))
}

/// Inventory, outbox and feed-log rows are JSON bodies plus indexed columns.
pub(crate) fn item_body(item: &InventoryItem) -> Result<String, StoreError> {
    encode_json("inventory", &item.sku, item)
}

pub(crate) fn outbox_body(entry: &OutboxEntry) -> Result<String, StoreError> {
    encode_json("outbox", entry.id.as_str(), entry)
}

pub(crate) fn feed_body(record: &FeedRecord) -> Result<String, StoreError> {
    encode_json("feed_log", &record.id, record)
}

/// The name a feed status is stored (and queried) under in the `status` column.
pub(crate) fn feed_status_name(key: &str, status: &FeedStatus) -> Result<String, StoreError> {
    let json = encode_json("feed_log", key, status)?;
    Ok(json.trim_matches('"').to_owned())
}

/// Rebuilds an outbox entry from its columns (the state columns win over the body).
pub(crate) fn decode_outbox(
    id: &str,
    body: &str,
    status: &str,
    not_before: i64,
    attempts: i64,
) -> Result<OutboxEntry, StoreError> {
    let mut entry: OutboxEntry = decode_json("outbox", id, body)?;
    if entry.id.as_str() != id {
        return Err(StoreError::corrupt(
            "outbox",
            id,
            "the body belongs to another entry",
        ));
    }
    entry.status = decode_json("outbox", id, status)?;
    entry.not_before = super::from_micros("outbox", id, not_before)?;
    entry.attempts = u32::try_from(attempts)
        .map_err(|_| StoreError::corrupt("outbox", id, "attempts has the wrong type"))?;
    Ok(entry)
}

/// A connection's body (the whole connection) and its health column.
pub(crate) fn connection_columns(connection: &Connection) -> Result<(String, String), StoreError> {
    let id = connection.id.as_str();
    Ok((
        encode_json("connections", id, connection)?,
        encode_json("connections", id, &connection.health)?,
    ))
}

/// The health column.
pub(crate) fn connection_health(id: &str, health: &ConnectionHealth) -> Result<String, StoreError> {
    encode_json("connections", id, health)
}

/// Rebuilds a connection from its body and health columns; the health column wins.
pub(crate) fn decode_connection(id: &str, body: &str, health: &str) -> Result<Connection, StoreError> {
    let mut connection: Connection = decode_json("connections", id, body)?;
    if connection.id.as_str() != id {
        return Err(StoreError::corrupt(
            "connections",
            id,
            "the body belongs to another connection",
        ));
    }
    connection.health = decode_json("connections", id, health)?;
    Ok(connection)
}
