//! Identifier newtypes, so an order id is never passed where an order-item id belongs.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps an identifier.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// Amazon's order id, for example `902-3159896-1390916`.
    AmazonOrderId
);
id_type!(
    /// Amazon's order-item id (14 digits in most marketplaces).
    OrderItemId
);
id_type!(
    /// The seller's selling partner id (merchant token), for example `A2I6XXXXXXXXXX`.
    SellerId
);
id_type!(
    /// An Amazon marketplace id, for example `ATVPDKIKX0DER` (amazon.com).
    MarketplaceId
);
id_type!(
    /// The hub's id for a seller connection.
    ConnectionId
);
id_type!(
    /// The hub's id for a shipment (one package confirmed to Amazon).
    ShipmentId
);
id_type!(
    /// The hub's id for an outbox entry.
    OutboxId
);
