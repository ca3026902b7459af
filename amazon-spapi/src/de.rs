//! Lenient decoding: Amazon's answers as they really arrive, not as the models promise.
//!
//! Amazon sends values its own models do not list (new enum values such as `DeemedResellerCategory`
//! `JE_VOEC`), sends booleans and numbers as strings (`"IsGift": "true"`, `"NumberOfItems": "3"`), and
//! leaves out fields marked required. A successful answer must never fail to decode for such reasons, so
//! the typed models of this crate are built from the pieces in this module:
//!
//! - [`lenient_enum!`](crate::lenient_enum) generates enums with the known values plus `Unknown(String)`,
//!   which keeps any other value as it was sent (and serializes it back unchanged);
//! - the `opt_*` functions are `deserialize_with` helpers for optional fields that accept both spellings
//!   (`true` and `"true"`, `3` and `"3"`, `"11.01"` and `11.01`), treat `null` and `""` as absent, and
//!   reject only values that cannot mean anything (`"maybe"` for a boolean);
//! - [`nullable`] turns `null` into the default (an empty list) so list fields can be plain `Vec`s;
//! - every model field is optional (`#[serde(default)]`), whatever the model says about "required".
//!
//! [`decode`] turns an [`ApiResponse`] into a typed value and, when that fails anyway, produces a
//! [`DecodeError`] with the JSON path and a description of what was found there that never contains the
//! value itself (answers hold buyers' personal data). [`Response`] keeps the raw answer next to the typed
//! one for callers who need fields this crate does not model yet.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use rust_decimal::Decimal;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Deserialize;

use crate::error::{DecodeError, Error};
use crate::operation::{ApiResponse, Operation};

#[doc(hidden)]
pub mod __private {
    pub use serde;
}

/// Defines an enum of Amazon string values that keeps unknown values.
///
/// The generated enum has one variant per known wire value plus `Unknown(String)`, implements
/// `Serialize`/`Deserialize` as a plain string (an unknown value round-trips unchanged), `as_str`,
/// `is_unknown`, `Display`, `From<&str>` and an infallible `FromStr`. Non-string JSON values (a number
/// where a string was expected) are kept as `Unknown` with their JSON text.
///
/// ```
/// amazon_spapi::lenient_enum! {
///     /// How an order is fulfilled.
///     pub enum Channel {
///         /// Fulfilled by the seller.
///         Mfn = "MFN",
///         /// Fulfilled by Amazon.
///         Afn = "AFN",
///     }
/// }
/// let c: Channel = serde_json::from_str("\"SELLER_FLEX\"").unwrap();
/// assert_eq!(c, Channel::Unknown("SELLER_FLEX".into()));
/// assert_eq!(serde_json::to_string(&c).unwrap(), "\"SELLER_FLEX\"");
/// assert_eq!(Channel::from("MFN"), Channel::Mfn);
/// ```
#[macro_export]
macro_rules! lenient_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this crate does not know (yet), kept exactly as Amazon sent it.
            Unknown(String),
        }

        impl $name {
            /// Every value this crate knows, as sent on the wire.
            #[allow(dead_code)]
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(s) => s.as_str(),
                }
            }

            /// Whether this is a value the crate does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $( $wire => Self::$variant, )+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(s: String) -> Self {
                match s.as_str() {
                    $( $wire => Self::$variant, )+
                    _ => Self::Unknown(s),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::de::__private::serde::Serialize for $name {
            fn serialize<S: $crate::de::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::de::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::de::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_any($crate::de::LenientStrVisitor::<Self>::new())
            }
        }
    };
}

/// Implements `Debug` for a model struct that holds personal data: the listed `show` fields are printed,
/// the `hide` fields only say whether they are present (`Some(<redacted>)`, `<3 redacted>`).
#[doc(hidden)]
#[macro_export]
macro_rules! redacted_debug {
    ($ty:ident { $($show:ident),* $(,)? } hide { $($hide:ident),* $(,)? }) => {
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut d = f.debug_struct(stringify!($ty));
                $( d.field(stringify!($show), &self.$show); )*
                $( d.field(stringify!($hide), &$crate::de::Redacted::of(&self.$hide)); )*
                d.finish()
            }
        }
    };
}

/// How a field holding personal data shows in `Debug`: whether it is there, never what it holds.
#[derive(Clone, Copy)]
pub struct Redacted(usize, bool);

impl Redacted {
    /// The redacted view of `value`.
    pub fn of<T: Presence + ?Sized>(value: &T) -> Self {
        Redacted(value.count(), value.is_list())
    }
}

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (n, true) => write!(f, "<{n} redacted>"),
            (0, false) => f.write_str("None"),
            _ => f.write_str("Some(<redacted>)"),
        }
    }
}

/// Whether a value is there (for [`Redacted`]).
pub trait Presence {
    /// 0 when absent or empty, otherwise 1 (or the number of items of a list).
    fn count(&self) -> usize;
    /// Whether the value is a list.
    fn is_list(&self) -> bool {
        false
    }
}

impl<T> Presence for Option<T> {
    fn count(&self) -> usize {
        usize::from(self.is_some())
    }
}

impl<T> Presence for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }
    fn is_list(&self) -> bool {
        true
    }
}

impl Presence for String {
    fn count(&self) -> usize {
        usize::from(!self.is_empty())
    }
}

/// Visitor behind [`lenient_enum!`](crate::lenient_enum): accepts a string (or a number or boolean,
/// kept as its text) and converts it with `From<&str>` without allocating for known values.
#[doc(hidden)]
pub struct LenientStrVisitor<T>(PhantomData<fn() -> T>);

impl<T> LenientStrVisitor<T> {
    /// A new visitor.
    pub fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T> Default for LenientStrVisitor<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, T: for<'a> From<&'a str> + From<String>> Visitor<'de> for LenientStrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        Ok(T::from(v))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        Ok(T::from(if v { "true" } else { "false" }))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Ok(T::from(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Ok(T::from(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Ok(T::from(v.to_string()))
    }
}

// ---------------------------------------------------------------------------------------------------
// Scalars that arrive in either spelling.
// ---------------------------------------------------------------------------------------------------

/// Parses a boolean as Amazon spells it: `true`/`false` in any case, `Y`/`N`, `yes`/`no`, `1`/`0`.
pub fn parse_bool(s: &str) -> Option<bool> {
    let s = s.trim();
    for t in ["true", "y", "yes", "1"] {
        if s.eq_ignore_ascii_case(t) {
            return Some(true);
        }
    }
    for f in ["false", "n", "no", "0"] {
        if s.eq_ignore_ascii_case(f) {
            return Some(false);
        }
    }
    None
}

struct OptBool;

impl<'de> Visitor<'de> for OptBool {
    type Value = Option<bool>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean (true, false, \"true\", \"false\", 1, 0)")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        parse_bool(v)
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Other("a string that is not a boolean"), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match v {
            0 => Ok(Some(false)),
            1 => Ok(Some(true)),
            _ => Err(E::invalid_value(
                de::Unexpected::Other("a number other than 0 or 1"),
                &self,
            )),
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// `deserialize_with` for `Option<bool>`: accepts `true`, `"true"`, `"True"`, `"Y"`, `1`, `"1"`;
/// `null` and `""` decode as `None`.
///
/// # Errors
/// Fails only on values that are not a boolean in any spelling (`"maybe"`, `7`, an object).
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    d.deserialize_any(OptBool)
}

/// An integer type that [`opt_int`] can produce.
pub trait LenientInt: Sized + Copy {
    /// Converts an `i128`, `None` when out of range.
    fn from_i128(v: i128) -> Option<Self>;
}

macro_rules! lenient_int {
    ($($t:ty),+) => {$(
        impl LenientInt for $t {
            fn from_i128(v: i128) -> Option<Self> {
                <$t>::try_from(v).ok()
            }
        }
    )+};
}
lenient_int!(u8, u16, u32, u64, i32, i64, usize);

struct OptInt<T>(PhantomData<T>);

fn int_from_f64<T: LenientInt, E: de::Error>(v: f64) -> Result<Option<T>, E> {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        // The guard above keeps the value inside i64's exactly representable range.
        #[allow(clippy::cast_possible_truncation)]
        let i = v as i64;
        T::from_i128(i128::from(i))
            .map(Some)
            .ok_or_else(|| E::custom("integer out of range"))
    } else {
        Err(E::custom("expected a whole number, found a fraction"))
    }
}

impl<'de, T: LenientInt> Visitor<'de> for OptInt<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer (3 or \"3\")")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::from_i128(i128::from(v))
            .map(Some)
            .ok_or_else(|| E::custom("integer out of range"))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::from_i128(i128::from(v))
            .map(Some)
            .ok_or_else(|| E::custom("integer out of range"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        int_from_f64(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        if let Ok(i) = t.parse::<i128>() {
            return T::from_i128(i)
                .map(Some)
                .ok_or_else(|| E::custom("integer out of range"));
        }
        match t.parse::<f64>() {
            Ok(f) => int_from_f64(f),
            Err(_) => Err(E::invalid_value(
                de::Unexpected::Other("a string that is not a number"),
                &self,
            )),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// `deserialize_with` for optional integers (`Option<u32>`, `Option<i64>`, ...): accepts `3`, `"3"`,
/// `3.0` and `"3.0"`; `null` and `""` decode as `None`.
///
/// # Errors
/// Fails on text that is not a number, on fractions and on values out of the type's range.
pub fn opt_int<'de, D: Deserializer<'de>, T: LenientInt>(d: D) -> Result<Option<T>, D::Error> {
    d.deserialize_any(OptInt::<T>(PhantomData))
}

struct OptF64;

impl<'de> Visitor<'de> for OptF64 {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number (1.5 or \"1.5\")")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        t.parse::<f64>()
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Other("a string that is not a number"), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// `deserialize_with` for `Option<f64>` (measurements, coordinates; never money): number or string.
///
/// # Errors
/// Fails on text that is not a number.
pub fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_any(OptF64)
}

/// Parses a decimal amount: `"11.01"`, `"1e3"`, `" 5 "`. `None` for anything else.
pub fn parse_decimal(s: &str) -> Option<Decimal> {
    let t = s.trim();
    Decimal::from_str(t)
        .ok()
        .or_else(|| Decimal::from_scientific(t).ok())
}

struct OptDecimal;

impl<'de> Visitor<'de> for OptDecimal {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal amount (\"11.01\" or 11.01)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        parse_decimal(v)
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Other("a string that is not a decimal"), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Through the shortest text that round-trips, so 11.01 stays 11.01 and not 11.0099999...
        let text = v.to_string();
        parse_decimal(&text)
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// `deserialize_with` for `Option<Decimal>` (money): `"11.01"` or `11.01`; `null` and `""` are `None`.
///
/// # Errors
/// Fails on text that is not a decimal number.
pub fn opt_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    d.deserialize_any(OptDecimal)
}

/// Parses a timestamp in the spellings Amazon uses: RFC 3339 (`2017-01-20T19:49:35Z`,
/// `2019-05-07T15:42:57.058Z`, `+09:00` offsets), ISO 8601 without an offset (taken as UTC), a bare date
/// (midnight UTC), and epoch seconds (`1.569521782042E9`, as in Amazon's own sandbox answers).
pub fn parse_datetime(s: &str) -> Option<DateTime<Utc>> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, fmt) {
            return Some(Utc.from_utc_datetime(&n));
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%.f%#z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(t, fmt) {
            return Some(d.with_timezone(&Utc));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0).map(|n| Utc.from_utc_datetime(&n));
    }
    t.parse::<f64>().ok().and_then(epoch_seconds)
}

/// Epoch seconds (or milliseconds, for values past the year 5000 in seconds) to a timestamp.
#[allow(clippy::cast_possible_truncation)]
fn epoch_seconds(v: f64) -> Option<DateTime<Utc>> {
    if !v.is_finite() {
        return None;
    }
    let secs = if v.abs() > 1.0e11 { v / 1000.0 } else { v };
    if secs.abs() > 1.0e13 {
        return None;
    }
    let whole = secs.floor();
    // Microsecond precision: an f64 of epoch seconds carries no more, and rounding keeps `.042` exact.
    let nanos = (((secs - whole) * 1.0e6).round().clamp(0.0, 999_999.0) as u32) * 1000;
    DateTime::from_timestamp(whole as i64, nanos)
}

struct OptDateTime;

impl<'de> Visitor<'de> for OptDateTime {
    type Value = Option<DateTime<Utc>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISO 8601 timestamp")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        parse_datetime(v)
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Other("a string that is not a timestamp"), &self))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.visit_f64(v as f64)
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visit_f64(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        epoch_seconds(v)
            .map(Some)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Float(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// `deserialize_with` for `Option<DateTime<Utc>>`; see [`parse_datetime`] for the accepted spellings.
///
/// # Errors
/// Fails on text that is no timestamp in any of those spellings.
pub fn opt_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    d.deserialize_any(OptDateTime)
}

struct OptDate;

impl<'de> Visitor<'de> for OptDate {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISO 8601 date")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Ok(Some(d));
        }
        parse_datetime(t)
            .map(|d| Some(d.date_naive()))
            .ok_or_else(|| E::invalid_value(de::Unexpected::Other("a string that is not a date"), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// `deserialize_with` for `Option<NaiveDate>`: `2025-03-15`, or a timestamp (its UTC date).
///
/// # Errors
/// Fails on text that is no date.
pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_any(OptDate)
}

struct OptString;

impl<'de> Visitor<'de> for OptString {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// `deserialize_with` for `Option<String>` fields that Amazon sometimes sends as numbers or booleans
/// (`PackageReferenceId`, numeric-looking ids): keeps the JSON text.
///
/// # Errors
/// Fails on objects and arrays.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(OptString)
}

/// `deserialize_with` for fields whose absence and `null` both mean "the default" (lists, nested
/// objects): `"OrderItems": null` decodes as an empty list.
///
/// # Errors
/// Whatever decoding `T` itself fails with.
pub fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

// ---------------------------------------------------------------------------------------------------
// Decoding whole answers.
// ---------------------------------------------------------------------------------------------------

/// A typed answer together with the raw one, for callers who need fields this crate does not model
/// (yet) or want to keep the exact JSON.
#[derive(Debug, Clone)]
pub struct Response<T> {
    /// The decoded answer.
    pub payload: T,
    /// The answer as received (status, headers, body, request id).
    pub raw: ApiResponse,
}

impl<T> Response<T> {
    /// The raw JSON body.
    pub fn raw_json(&self) -> &[u8] {
        &self.raw.body
    }

    /// The raw body parsed into a [`serde_json::Value`].
    ///
    /// # Errors
    /// Fails when the body is not JSON (it always is for SP-API answers this crate decoded).
    pub fn raw_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_slice(&self.raw.body)
    }

    /// `x-amzn-RequestId` of the answer.
    pub fn request_id(&self) -> Option<&str> {
        self.raw.request_id.as_deref()
    }

    /// The decoded answer alone.
    pub fn into_payload(self) -> T {
        self.payload
    }

    /// Applies `f` to the decoded answer, keeping the raw one.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            payload: f(self.payload),
            raw: self.raw,
        }
    }
}

impl<T> std::ops::Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.payload
    }
}

/// Decodes a successful answer of `op` into `T`.
///
/// An empty body (204 No Content, or a 200 without a body) decodes as JSON `{}`, so answer types whose
/// fields are all optional decode to their empty value.
///
/// # Errors
/// [`Error::Decode`] with the JSON path of the first value that could not be decoded and a description
/// of its shape (never its content).
pub fn decode<T: DeserializeOwned>(op: &Operation, resp: &ApiResponse) -> Result<T, Error> {
    decode_bytes(op, resp.request_id.as_deref(), &resp.body)
}

/// Like [`decode`], keeping the raw answer next to the typed one.
///
/// # Errors
/// As [`decode`].
pub fn decode_response<T: DeserializeOwned>(op: &Operation, resp: ApiResponse) -> Result<Response<T>, Error> {
    let payload = decode(op, &resp)?;
    Ok(Response { payload, raw: resp })
}

/// Decodes raw JSON bytes of an answer of `op`; see [`decode`].
///
/// # Errors
/// As [`decode`].
pub fn decode_bytes<T: DeserializeOwned>(
    op: &Operation,
    request_id: Option<&str>,
    body: &[u8],
) -> Result<T, Error> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    // Fast path: plain serde_json. Only when it fails is the body decoded again with path tracking, so
    // successful answers do not pay for serde_path_to_error's bookkeeping.
    if let Ok(v) = serde_json::from_slice::<T>(body) {
        return Ok(v);
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let fail = |path: String, message: String| {
        let excerpt = describe_at(body, &path);
        Error::Decode(Box::new(DecodeError::new(
            op.key(),
            request_id.map(str::to_owned),
            path,
            excerpt,
            redact_message(&message),
        )))
    };
    let value: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| fail(e.path().to_string(), e.inner().to_string()))?;
    de.end().map_err(|e| fail(".".to_owned(), e.to_string()))?;
    Ok(value)
}

/// serde_json messages quote the offending value (`invalid value: string "Jane Doe"`) and unknown variant
/// names; keep the sentence, drop anything between quotes or backticks.
fn redact_message(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut in_quote: Option<char> = None;
    for c in msg.chars() {
        match in_quote {
            Some(q) if c == q => {
                out.push('…');
                out.push(c);
                in_quote = None;
            }
            Some(_) => {}
            None if c == '"' || c == '`' => {
                out.push(c);
                in_quote = Some(c);
            }
            None => out.push(c),
        }
    }
    out
}

/// Describes the JSON value at `path` (as printed by serde_path_to_error) without its content.
fn describe_at(body: &[u8], path: &str) -> String {
    let Ok(root) = serde_json::from_slice::<serde_json::Value>(body) else {
        return "a body that is not valid JSON".to_owned();
    };
    let mut cur = &root;
    if path != "." && !path.is_empty() {
        for seg in split_path(path) {
            let next = match seg {
                Seg::Key(k) => cur.get(k),
                Seg::Index(i) => cur.get(i),
            };
            match next {
                Some(v) => cur = v,
                None => return format!("nothing at that path, inside {}", shape(cur)),
            }
        }
    }
    shape(cur)
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn split_path(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(pos) = rest.find('[') {
            let key = &rest[..pos];
            if !key.is_empty() {
                out.push(Seg::Key(key));
            }
            rest = &rest[pos..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let Some(end) = stripped.find(']') else { break };
                if let Ok(i) = stripped[..end].parse() {
                    out.push(Seg::Index(i));
                }
                rest = &stripped[end + 1..];
            }
        } else if !rest.is_empty() {
            out.push(Seg::Key(rest));
        }
    }
    out
}

fn shape(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "a boolean".to_owned(),
        Value::Number(n) if n.is_f64() => "a number with a fraction".to_owned(),
        Value::Number(_) => "an integer".to_owned(),
        Value::String(s) => format!("a string of {} characters", s.chars().count()),
        Value::Array(a) => format!("a list of {} items", a.len()),
        Value::Object(m) => {
            let keys: Vec<&str> = m.keys().map(String::as_str).take(8).collect();
            format!("an object with keys [{}]", keys.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    lenient_enum! {
        /// Test enum.
        pub enum Category {
            /// IOSS.
            Ioss = "IOSS",
            /// UOSS.
            Uoss = "UOSS",
        }
    }

    #[derive(Debug, Default, Deserialize, Serialize)]
    #[serde(default, rename_all = "PascalCase")]
    struct Item {
        #[serde(deserialize_with = "opt_bool")]
        is_gift: Option<bool>,
        #[serde(deserialize_with = "opt_int")]
        number_of_items: Option<u32>,
        #[serde(deserialize_with = "opt_decimal")]
        amount: Option<Decimal>,
        #[serde(deserialize_with = "opt_datetime")]
        date: Option<DateTime<Utc>>,
        category: Option<Category>,
        #[serde(deserialize_with = "nullable")]
        list: Vec<String>,
        name: Option<String>,
    }

    #[test]
    fn accepts_both_spellings() {
        let a: Item = serde_json::from_str(
            r#"{"IsGift":"true","NumberOfItems":"3","Amount":"11.01","Date":"2017-01-20T19:49:35Z",
               "Category":"JE_VOEC","List":null}"#,
        )
        .unwrap();
        assert_eq!(a.is_gift, Some(true));
        assert_eq!(a.number_of_items, Some(3));
        assert_eq!(a.amount, Some(Decimal::new(1101, 2)));
        assert_eq!(a.category, Some(Category::Unknown("JE_VOEC".into())));
        assert!(a.list.is_empty());
        let b: Item = serde_json::from_str(
            r#"{"IsGift":false,"NumberOfItems":3,"Amount":11.01,"Date":"1.569521782042E9"}"#,
        )
        .unwrap();
        assert_eq!(b.is_gift, Some(false));
        assert_eq!(b.number_of_items, Some(3));
        assert_eq!(b.amount, Some(Decimal::new(1101, 2)));
        assert_eq!(b.date.unwrap().timestamp(), 1_569_521_782);
        let c: Item = serde_json::from_str(r#"{"IsGift":"","NumberOfItems":null,"Amount":""}"#).unwrap();
        assert_eq!((c.is_gift, c.number_of_items, c.amount), (None, None, None));
    }

    #[test]
    fn rejects_nonsense() {
        assert!(serde_json::from_str::<Item>(r#"{"IsGift":"maybe"}"#).is_err());
        assert!(serde_json::from_str::<Item>(r#"{"NumberOfItems":"three"}"#).is_err());
        assert!(serde_json::from_str::<Item>(r#"{"NumberOfItems":-1}"#).is_err());
        assert!(serde_json::from_str::<Item>(r#"{"Amount":"ten"}"#).is_err());
        assert!(serde_json::from_str::<Item>(r#"{"Date":"yesterday"}"#).is_err());
    }

    #[test]
    fn unknown_enum_round_trips() {
        let c = Category::from("JE_VOEC");
        assert!(c.is_unknown());
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"JE_VOEC\"");
        assert_eq!(Category::from("IOSS"), Category::Ioss);
        assert_eq!(Category::Uoss.to_string(), "UOSS");
        let n: Category = serde_json::from_str("7").unwrap();
        assert_eq!(n, Category::Unknown("7".into()));
    }

    #[test]
    fn timestamps() {
        for s in [
            "2019-05-07T15:42:57.058Z",
            "2019-05-07T15:42:57Z",
            "2019-05-07T17:42:57+02:00",
            "2019-05-07T15:42:57",
            "2019-05-07 15:42:57",
        ] {
            let d = parse_datetime(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(d.timestamp(), 1_557_243_777, "{s}");
        }
        assert_eq!(parse_datetime("2019-05-07").unwrap().timestamp(), 1_557_187_200);
        assert!(parse_datetime("TEST_CASE_200").is_none());
    }

    fn op() -> Operation {
        Operation {
            api: "orders",
            version: "v0",
            name: "getOrder",
            method: http::Method::GET,
            path: "/orders/v0/orders/{orderId}",
            usage_plan: crate::operation::UsagePlan::new(0.5, 30),
            restriction: crate::operation::Restriction::None,
            idempotent: true,
        }
    }

    #[test]
    fn decode_error_has_path_and_no_content() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            payload: Vec<Item>,
        }
        let body =
            br#"{"payload":[{"Name":"Jane Q Buyer"},{"Name":"Jane Q Buyer","IsGift":"Jane Q Buyer"}]}"#;
        let err = decode_bytes::<Outer>(&op(), Some("rid-1"), body).unwrap_err();
        let Error::Decode(d) = &err else { panic!("{err:?}") };
        assert_eq!(d.path, "payload[1].IsGift");
        assert_eq!(d.excerpt, "a string of 12 characters");
        let text = format!("{err} {err:?}");
        assert!(!text.contains("Jane"), "{text}");
        assert!(text.contains("rid-1"));
    }

    #[test]
    fn empty_body_is_empty_object() {
        let v: Item = decode_bytes(&op(), None, b"").unwrap();
        assert!(v.name.is_none());
    }
}
