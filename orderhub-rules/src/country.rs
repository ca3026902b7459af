//! The country filter, in the syntax established hubs use.
//!
//! - `US,CA,MX` imports only orders shipping to those countries;
//! - `-US,-CA,-MX`, or `-US,CA,MX` (a leading minus makes the whole list an exclusion list), imports all
//!   orders except those;
//! - spaces and case are tolerated (` us , ca `), empty entries are ignored, an empty filter imports all;
//! - codes are ISO 3166-1 alpha-2 (kept as data in `data/iso3166-alpha2.txt`); `UK` is accepted for `GB`;
//!   an unknown code is an error naming it.

use std::fmt;
use std::str::FromStr;

/// The ISO 3166-1 alpha-2 list, as data.
const ISO_3166_ALPHA2: &str = include_str!("../data/iso3166-alpha2.txt");

/// A valid ISO 3166-1 alpha-2 code, upper case (`UK` is normalized to `GB`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses a code: trims, upper-cases, maps `UK` to `GB`, and checks it against the ISO list.
    ///
    /// # Errors
    /// [`CountryFilterError::UnknownCode`] when it is not an assigned alpha-2 code.
    pub fn parse(code: &str) -> Result<Self, CountryFilterError> {
        let t = code.trim();
        let unknown = || CountryFilterError::UnknownCode {
            code: t.chars().take(16).collect(),
        };
        let b = t.as_bytes();
        if b.len() != 2 || !b.iter().all(u8::is_ascii_alphabetic) {
            return Err(unknown());
        }
        let up = [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()];
        if &up == b"UK" {
            return Ok(CountryCode(*b"GB"));
        }
        if iso_codes().any(|c| c.as_bytes() == up) {
            Ok(CountryCode(up))
        } else {
            Err(unknown())
        }
    }

    /// The code, for example `"GB"`.
    pub fn as_str(&self) -> &str {
        // Built only from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Whether `code` (as it appears on an address) is this country; `UK` counts as `GB`, case ignored.
    pub fn matches(&self, code: &str) -> bool {
        let b = code.trim().as_bytes();
        if b.len() != 2 {
            return false;
        }
        if b.eq_ignore_ascii_case(&self.0) {
            return true;
        }
        &self.0 == b"GB" && b.eq_ignore_ascii_case(b"UK")
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every assigned ISO 3166-1 alpha-2 code, from the data file.
pub fn iso_codes() -> impl Iterator<Item = &'static str> {
    ISO_3166_ALPHA2
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Errors in a country filter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountryFilterError {
    /// A code that is not an ISO 3166-1 alpha-2 code.
    #[error(
        "`{code}` is not an ISO 3166-1 alpha-2 country code; use two-letter codes such as US, CA, GB (UK is \
         accepted for GB)"
    )]
    UnknownCode {
        /// The code as written (truncated).
        code: String,
    },
    /// An exclusion (`-XX`) after an inclusion list started.
    #[error(
        "`-{code}` excludes a country but the list starts with `{first}`, which includes one; put the minus on \
         the first code to make the whole list an exclusion list (`-{first},...`), or remove it"
    )]
    MixedList {
        /// The first code of the list.
        first: String,
        /// The excluded code.
        code: String,
    },
    /// A lone `-`.
    #[error("a `-` must be followed by a country code, for example `-US`")]
    DanglingMinus,
}

/// Whether the listed countries are the only ones imported, or the ones not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryMode {
    /// Import only orders shipping to the listed countries.
    Include,
    /// Import all orders except those shipping to the listed countries.
    Exclude,
}

/// A parsed country filter. `Display` prints the canonical form, which parses back to the same filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryFilter {
    mode: CountryMode,
    codes: Vec<CountryCode>,
}

impl Default for CountryFilter {
    /// The empty filter: imports every order.
    fn default() -> Self {
        CountryFilter {
            mode: CountryMode::Exclude,
            codes: Vec::new(),
        }
    }
}

impl CountryFilter {
    /// The filter that imports everything.
    pub fn any() -> Self {
        Self::default()
    }

    /// Parses the established syntax (see the module docs).
    ///
    /// # Errors
    /// [`CountryFilterError`] naming the unknown code, a `-` without a code, or a `-XX` after an inclusion list.
    pub fn parse(text: &str) -> Result<Self, CountryFilterError> {
        let mut mode = None;
        let mut first = String::new();
        let mut codes: Vec<CountryCode> = Vec::new();
        for raw in text.split(',') {
            let token = raw.trim();
            if token.is_empty() {
                continue;
            }
            let (minus, code_text) = match token.strip_prefix('-') {
                Some(rest) => (true, rest.trim()),
                None => (false, token),
            };
            if code_text.is_empty() {
                return Err(CountryFilterError::DanglingMinus);
            }
            let code = CountryCode::parse(code_text)?;
            match mode {
                None => {
                    mode = Some(if minus {
                        CountryMode::Exclude
                    } else {
                        CountryMode::Include
                    });
                    first = code.as_str().to_owned();
                }
                Some(CountryMode::Include) if minus => {
                    return Err(CountryFilterError::MixedList {
                        first,
                        code: code.as_str().to_owned(),
                    });
                }
                Some(_) => {}
            }
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        Ok(CountryFilter {
            mode: mode.unwrap_or(CountryMode::Exclude),
            codes,
        })
    }

    /// Include or exclude.
    pub fn mode(&self) -> CountryMode {
        self.mode
    }

    /// The listed codes, in the order first written, without duplicates.
    pub fn codes(&self) -> &[CountryCode] {
        &self.codes
    }

    /// Whether the filter imports everything (nothing listed).
    pub fn is_any(&self) -> bool {
        self.codes.is_empty()
    }

    /// Whether an order shipping to `country` is imported. An unknown country passes an exclusion list
    /// and fails an inclusion list.
    pub fn admits(&self, country: Option<&str>) -> bool {
        if self.codes.is_empty() {
            return true;
        }
        let listed = country.is_some_and(|c| self.codes.iter().any(|k| k.matches(c)));
        match self.mode {
            CountryMode::Include => listed,
            CountryMode::Exclude => !listed,
        }
    }
}

impl fmt::Display for CountryFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.codes.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            if self.mode == CountryMode::Exclude {
                f.write_str("-")?;
            }
            f.write_str(c.as_str())?;
        }
        Ok(())
    }
}

impl FromStr for CountryFilter {
    type Err = CountryFilterError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CountryFilter::parse(s)
    }
}

impl serde::Serialize for CountryFilter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for CountryFilter {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        CountryFilter::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_list_is_complete_and_well_formed() {
        let codes: Vec<_> = iso_codes().collect();
        assert_eq!(codes.len(), 249);
        assert!(codes
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 249, "duplicates in the ISO list");
        assert!(!codes.contains(&"UK"));
    }
}
