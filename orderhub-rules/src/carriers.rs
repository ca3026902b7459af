//! Carrier names coerced to Amazon's accepted carrier codes.
//!
//! Amazon accepts a fixed list of `CarrierCode` values in shipment confirmations; any other carrier goes as
//! `Other` plus the carrier's name. The list is data (`data/amazon-carriers.txt`), and so are the common
//! spellings that map onto it (`data/carrier-aliases.txt`). Integrators add their own aliases with
//! [`CarrierList::with_alias`] or with a `coerce_carrier` rule action.

use std::collections::HashMap;

use orderhub_core::policy::import::CarrierChoice;

const AMAZON_CARRIERS: &str = include_str!("../data/amazon-carriers.txt");
const CARRIER_ALIASES: &str = include_str!("../data/carrier-aliases.txt");

/// The code Amazon uses for carriers not on its list.
pub const OTHER: &str = "Other";

/// Errors building a carrier list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CarrierError {
    /// An alias points at a code Amazon does not accept.
    #[error("`{code}` is not one of Amazon's carrier codes{}; see data/amazon-carriers.txt for the list", suggestion_text(.suggestion.as_deref()))]
    UnknownCode {
        /// The code as written.
        code: String,
        /// The closest accepted code, if one is close.
        suggestion: Option<String>,
    },
    /// A line of an alias list is not `alias = code`.
    #[error("line {line} of the carrier alias list is not `alias = code`")]
    BadAliasLine {
        /// 1-based line number.
        line: usize,
    },
}

fn suggestion_text(s: Option<&str>) -> String {
    s.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default()
}

/// Lower-cases and drops everything but letters and digits: `Royal-Mail ` and `royalmail` are the same key.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Amazon's carrier codes plus aliases, ready to coerce names.
#[derive(Debug, Clone)]
pub struct CarrierList {
    codes: Vec<&'static str>,
    /// normalized name or alias -> index into `codes`
    index: HashMap<String, usize>,
}

impl Default for CarrierList {
    fn default() -> Self {
        Self::amazon()
    }
}

impl CarrierList {
    /// Amazon's list and the built-in aliases, from the data files.
    pub fn amazon() -> Self {
        let codes: Vec<&'static str> = data_lines(AMAZON_CARRIERS).collect();
        let mut index = HashMap::new();
        for (i, c) in codes.iter().enumerate() {
            index.entry(normalize(c)).or_insert(i);
        }
        let mut list = CarrierList { codes, index };
        for line in data_lines(CARRIER_ALIASES) {
            if let Some((alias, code)) = line.split_once('=') {
                // The shipped data is checked by a test; a bad line here is skipped rather than fatal.
                let _ = list.add_alias(alias.trim(), code.trim());
            }
        }
        list
    }

    /// Adds aliases from text in the `alias = code` format of `data/carrier-aliases.txt`.
    ///
    /// # Errors
    /// [`CarrierError`] naming the bad line or the unknown code.
    pub fn with_aliases_text(mut self, text: &str) -> Result<Self, CarrierError> {
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (alias, code) = line
                .split_once('=')
                .ok_or(CarrierError::BadAliasLine { line: n + 1 })?;
            self.add_alias(alias.trim(), code.trim())?;
        }
        Ok(self)
    }

    /// Adds one alias: `name` will coerce to `code`.
    ///
    /// # Errors
    /// [`CarrierError::UnknownCode`] when `code` is not on Amazon's list.
    pub fn with_alias(mut self, name: &str, code: &str) -> Result<Self, CarrierError> {
        self.add_alias(name, code)?;
        Ok(self)
    }

    fn add_alias(&mut self, name: &str, code: &str) -> Result<(), CarrierError> {
        let i = self.code_index(code)?;
        self.index.insert(normalize(name), i);
        Ok(())
    }

    fn code_index(&self, code: &str) -> Result<usize, CarrierError> {
        let key = normalize(code);
        self.codes
            .iter()
            .position(|c| normalize(c) == key)
            .ok_or_else(|| CarrierError::UnknownCode {
                code: code.chars().take(64).collect(),
                suggestion: self.suggest(code),
            })
    }

    /// The accepted code spelled as Amazon spells it, when `code` names one (case, spaces and punctuation
    /// ignored; aliases not consulted).
    ///
    /// # Errors
    /// [`CarrierError::UnknownCode`] with the closest code as a suggestion.
    pub fn canonical_code(&self, code: &str) -> Result<&'static str, CarrierError> {
        self.code_index(code).map(|i| self.codes[i])
    }

    /// Every accepted code, in the data file's order.
    pub fn codes(&self) -> &[&'static str] {
        &self.codes
    }

    /// Coerces a carrier name to Amazon's code: a code or a known alias gives that code; anything else gives
    /// `Other` with the name (trimmed) as `CarrierName`. An empty name gives `Other` without a name.
    pub fn coerce(&self, name: &str) -> CarrierChoice {
        let trimmed = name.trim();
        match self.index.get(&normalize(trimmed)) {
            Some(&i) if self.codes[i] != OTHER => CarrierChoice {
                code: self.codes[i].to_owned(),
                name: None,
            },
            _ => CarrierChoice {
                code: OTHER.to_owned(),
                name: (!trimmed.is_empty() && normalize(trimmed) != "other").then(|| trimmed.to_owned()),
            },
        }
    }

    fn suggest(&self, code: &str) -> Option<String> {
        let key = normalize(code);
        self.codes
            .iter()
            .map(|c| (crate::text::edit_distance(&normalize(c), &key), *c))
            .filter(|(d, c)| *d <= 2.max(c.len() / 4))
            .min_by_key(|(d, _)| *d)
            .map(|(_, c)| c.to_owned())
    }
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_data_is_consistent() {
        let list = CarrierList::amazon();
        assert!(list.codes().len() >= 51 + 18);
        assert!(list.codes().contains(&OTHER));
        // Every alias line in the shipped data points at a real code.
        let again = CarrierList::amazon().with_aliases_text(CARRIER_ALIASES);
        assert!(again.is_ok(), "{again:?}");
    }
}
