//! Login with Amazon (LWA): credentials, access tokens, the token cache and the website authorization flow.
//!
//! (foundation, issue 2: being written; `SecretString` is the shared type for every secret.)

use std::fmt;

/// A secret (client secret, refresh token, access token, Restricted Data Token, MWS secret key).
///
/// `Debug` and `Display` print `<redacted>`; the value is only reachable through [`SecretString::expose`],
/// which makes every place that handles the secret easy to find.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SecretString(String);

impl SecretString {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself. Never log or format what this returns.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}
