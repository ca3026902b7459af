//! The website authorization workflow: the Seller Central consent URL and the redirect back.

use url::Url;

use super::SecretString;
use crate::error::Error;
use crate::marketplace::Marketplace;
use crate::region::Region;

/// The link that sends a seller to Seller Central to authorize an application.
///
/// ```
/// use amazon_spapi::auth::ConsentRequest;
/// use amazon_spapi::region::Region;
///
/// let url = ConsentRequest::new("amzn1.sp.solution.0000", "a-random-state")
///     .beta(true)
///     .url_for_region(Region::Europe)
///     .unwrap();
/// assert_eq!(
///     url.as_str(),
///     "https://sellercentral-europe.amazon.com/apps/authorize/consent?application_id=amzn1.sp.solution.0000&state=a-random-state&version=beta"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRequest {
    application_id: String,
    state: String,
    beta: bool,
    redirect_uri: Option<String>,
}

impl ConsentRequest {
    /// A consent request for the application `application_id` (`amzn1.sp.solution....`), carrying `state`
    /// (an unguessable value tied to the user's session, checked when the seller comes back).
    pub fn new(application_id: impl Into<String>, state: impl Into<String>) -> Self {
        Self {
            application_id: application_id.into(),
            state: state.into(),
            beta: false,
            redirect_uri: None,
        }
    }

    /// Adds `version=beta`, for applications in draft state.
    #[must_use]
    pub fn beta(mut self, beta: bool) -> Self {
        self.beta = beta;
        self
    }

    /// Adds `redirect_uri` (one of the app's registered redirect URIs).
    #[must_use]
    pub fn redirect_uri(mut self, uri: impl Into<String>) -> Self {
        self.redirect_uri = Some(uri.into());
        self
    }

    /// The consent URL on `seller_central` (for example `https://sellercentral.amazon.de`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the application id or state is empty or `seller_central` is not a URL.
    pub fn url_on(&self, seller_central: &str) -> Result<Url, Error> {
        if self.application_id.trim().is_empty() {
            return Err(Error::invalid_input(
                "application_id",
                "empty: use the app's id from Developer Central (amzn1.sp.solution....)",
            ));
        }
        if self.state.trim().is_empty() {
            return Err(Error::invalid_input(
                "state",
                "empty: use an unguessable value tied to the user's session to prevent CSRF",
            ));
        }
        let mut url = Url::parse(seller_central)
            .and_then(|u| u.join("/apps/authorize/consent"))
            .map_err(|e| Error::invalid_input("seller_central", format!("not a URL: {e}")))?;
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("application_id", &self.application_id)
                .append_pair("state", &self.state);
            if let Some(r) = &self.redirect_uri {
                q.append_pair("redirect_uri", r);
            }
            if self.beta {
                q.append_pair("version", "beta");
            }
        }
        Ok(url)
    }

    /// The consent URL on the region's main Seller Central site.
    ///
    /// # Errors
    ///
    /// As [`ConsentRequest::url_on`].
    pub fn url_for_region(&self, region: Region) -> Result<Url, Error> {
        self.url_on(region.seller_central())
    }

    /// The consent URL on the marketplace's own Seller Central site.
    ///
    /// # Errors
    ///
    /// As [`ConsentRequest::url_on`].
    pub fn url_for_marketplace(&self, marketplace: &Marketplace) -> Result<Url, Error> {
        self.url_on(marketplace.seller_central)
    }
}

/// What Seller Central sends back to the redirect URI after the seller authorized the app.
#[derive(Debug, Clone)]
pub struct AuthorizationCallback {
    /// The code to exchange with [`super::LwaClient::exchange_authorization_code`] (valid five minutes).
    pub spapi_oauth_code: SecretString,
    /// The seller's id.
    pub selling_partner_id: String,
    /// The `state` that came back (already checked against the expected one).
    pub state: String,
}

impl AuthorizationCallback {
    /// Reads the redirect URL and checks that its `state` is `expected_state`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when a parameter is missing or the state does not match (a possible CSRF
    /// attempt: do not exchange the code).
    pub fn from_redirect(url: &Url, expected_state: &str) -> Result<Self, Error> {
        let mut code = None;
        let mut partner = None;
        let mut state = None;
        for (k, v) in url.query_pairs() {
            match k.as_ref() {
                "spapi_oauth_code" => code = Some(v.into_owned()),
                "selling_partner_id" => partner = Some(v.into_owned()),
                "state" => state = Some(v.into_owned()),
                _ => {}
            }
        }
        let state = state.ok_or_else(|| Error::invalid_input("state", "missing from the redirect"))?;
        if state != expected_state {
            return Err(Error::invalid_input(
                "state",
                "does not match the one sent to Seller Central: start the authorization again",
            ));
        }
        let code = code.filter(|c| !c.is_empty()).ok_or_else(|| {
            Error::invalid_input(
                "spapi_oauth_code",
                "missing from the redirect: the seller may have declined",
            )
        })?;
        let selling_partner_id = partner
            .filter(|c| !c.is_empty())
            .ok_or_else(|| Error::invalid_input("selling_partner_id", "missing from the redirect"))?;
        Ok(Self {
            spapi_oauth_code: SecretString::new(code),
            selling_partner_id,
            state,
        })
    }
}
