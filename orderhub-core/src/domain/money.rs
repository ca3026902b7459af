//! Money: a decimal amount in one ISO 4217 currency. No conversion, ever; arithmetic across currencies is an error.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 4217 currency code such as `USD`, `EUR` or `JPY` (three ASCII upper-case letters).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");
    /// Pound sterling.
    pub const GBP: Currency = Currency(*b"GBP");
    /// Japanese yen.
    pub const JPY: Currency = Currency(*b"JPY");

    /// Parses a currency code; lower case is accepted and upper-cased.
    ///
    /// # Errors
    /// [`MoneyError::InvalidCurrency`] unless the code is exactly three ASCII letters.
    pub fn new(code: &str) -> Result<Self, MoneyError> {
        let bytes = code.trim().as_bytes();
        match bytes {
            [a, b, c] if bytes.iter().all(u8::is_ascii_alphabetic) => Ok(Currency([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => Err(MoneyError::InvalidCurrency {
                code: code.chars().take(16).collect(),
            }),
        }
    }

    /// The code, for example `"EUR"`.
    pub fn as_str(&self) -> &str {
        // Constructed only from ASCII letters, so this never fails; fall back defensively anyway.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::new(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Currency::new(&s).map_err(serde::de::Error::custom)
    }
}

/// Errors from money arithmetic and parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// Two amounts in different currencies were combined. OrderHub never converts currencies: keep amounts
    /// per currency, or convert them yourself with a rate you choose.
    #[error(
        "cannot combine {left} and {right}: amounts are in different currencies and OrderHub never converts"
    )]
    CurrencyMismatch {
        /// Currency of the left operand.
        left: Currency,
        /// Currency of the right operand.
        right: Currency,
    },
    /// A currency code that is not three letters.
    #[error("`{code}` is not an ISO 4217 currency code (three letters such as USD, EUR, JPY)")]
    InvalidCurrency {
        /// The offending code (truncated).
        code: String,
    },
    /// The result does not fit a decimal.
    #[error("money arithmetic overflowed")]
    Overflow,
}

/// A decimal amount in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The amount (never a float).
    pub amount: Decimal,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// An amount in a currency.
    pub const fn new(amount: Decimal, currency: Currency) -> Self {
        Self { amount, currency }
    }

    /// Zero in `currency`.
    pub const fn zero(currency: Currency) -> Self {
        Self {
            amount: Decimal::ZERO,
            currency,
        }
    }

    /// Parses an amount given as text (as Amazon sends it) in the currency `code`.
    ///
    /// # Errors
    /// [`MoneyError::InvalidCurrency`] for a bad code. An amount that is not a number gives `Ok(None)`.
    pub fn parse(amount: &str, code: &str) -> Result<Option<Self>, MoneyError> {
        let currency = Currency::new(code)?;
        Ok(Self::parse_amount(amount).map(|a| Money::new(a, currency)))
    }

    /// Parses a decimal amount, accepting surrounding spaces; `None` when it is not a number.
    pub fn parse_amount(amount: &str) -> Option<Decimal> {
        Decimal::from_str(amount.trim()).ok()
    }

    /// `self + other`.
    ///
    /// # Errors
    /// [`MoneyError::CurrencyMismatch`] when the currencies differ; [`MoneyError::Overflow`].
    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// `self - other`.
    ///
    /// # Errors
    /// [`MoneyError::CurrencyMismatch`] when the currencies differ; [`MoneyError::Overflow`].
    pub fn checked_sub(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_sub(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// `self × quantity`.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`].
    pub fn checked_mul(&self, quantity: u32) -> Result<Money, MoneyError> {
        let amount = self
            .amount
            .checked_mul(Decimal::from(quantity))
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// Sums amounts that must all be in `currency`.
    ///
    /// # Errors
    /// [`MoneyError::CurrencyMismatch`] on the first amount in another currency; [`MoneyError::Overflow`].
    pub fn sum<'a>(
        currency: Currency,
        items: impl IntoIterator<Item = &'a Money>,
    ) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), |acc, m| acc.checked_add(m))
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn arithmetic_in_one_currency() {
        let a = Money::new(dec!(10.50), Currency::EUR);
        let b = Money::new(dec!(0.25), Currency::EUR);
        assert_eq!(a.checked_add(&b).unwrap().amount, dec!(10.75));
        assert_eq!(a.checked_sub(&b).unwrap().amount, dec!(10.25));
        assert_eq!(b.checked_mul(3).unwrap().amount, dec!(0.75));
        assert_eq!(Money::sum(Currency::EUR, [&a, &b]).unwrap().amount, dec!(10.75));
    }

    #[test]
    fn mixing_currencies_is_an_error() {
        let a = Money::new(dec!(1), Currency::EUR);
        let b = Money::new(dec!(1), Currency::GBP);
        let err = a.checked_add(&b).unwrap_err();
        assert_eq!(
            err,
            MoneyError::CurrencyMismatch {
                left: Currency::EUR,
                right: Currency::GBP
            }
        );
        assert!(err.to_string().contains("never converts"));
        assert!(Money::sum(Currency::EUR, [&a, &b]).is_err());
    }

    #[test]
    fn currency_parsing() {
        assert_eq!(Currency::new("jpy").unwrap(), Currency::JPY);
        assert!(Currency::new("EURO").is_err());
        assert!(Currency::new("E1R").is_err());
        assert!(Currency::new("").is_err());
        let m: Money = serde_json::from_str(r#"{"amount":"19.99","currency":"USD"}"#).unwrap();
        assert_eq!(m, Money::new(dec!(19.99), Currency::USD));
        assert_eq!(
            Money::parse(" 3.10 ", "GBP").unwrap(),
            Some(Money::new(dec!(3.10), Currency::GBP))
        );
        assert_eq!(Money::parse("n/a", "GBP").unwrap(), None);
    }
}
