//! Login with Amazon (LWA): credentials, access tokens, the token cache and the website authorization flow.
//!
//! - [`LwaCredentials`]: client id, client secret and (for seller-authorized calls) a refresh token.
//! - [`LwaClient`]: the three grants: `refresh_token`, `authorization_code` (website authorization
//!   workflow) and `client_credentials` (grantless operations, with scopes).
//! - [`TokenCache`]: where access tokens are kept ([`MemoryTokenCache`] by default; implement the trait to
//!   keep them in your own store), and [`TokenProvider`], which refreshes a token 60 s before it expires
//!   and makes sure concurrent callers cause one token request, not one each.
//! - [`ConsentRequest`]: the Seller Central consent URL that starts the website authorization workflow,
//!   and [`AuthorizationCallback`] for the redirect that ends it.
//!
//! Every secret is a [`SecretString`]: `Debug` and `Display` print `<redacted>`.

use std::fmt;

pub(crate) mod cache;
mod consent;
mod lwa;

pub use cache::{MemoryTokenCache, TokenCache, TokenKey, TokenProvider, DEFAULT_REFRESH_MARGIN};
pub use consent::{AuthorizationCallback, ConsentRequest};
pub use lwa::{
    AccessToken, AuthorizationGrant, LwaClient, LwaCredentials, DEFAULT_LWA_ENDPOINT, DEFAULT_LWA_TIMEOUT,
    SCOPE_CLIENT_CREDENTIAL_ROTATION, SCOPE_NOTIFICATIONS,
};

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
