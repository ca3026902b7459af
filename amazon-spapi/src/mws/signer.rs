//! Signature Version 2 with HmacSHA256, as MWS (and other AWS query APIs of its time) used it.
//!
//! ```text
//! StringToSign = HTTPVerb + "\n" + lowercase(Host) + "\n" + HTTPRequestURI + "\n" + CanonicalizedQueryString
//! Signature    = Base64( HMAC-SHA256( SecretKey, UTF-8(StringToSign) ) )
//! ```
//!
//! The canonical query holds every parameter except `Signature`, sorted by name in byte order, names and
//! values percent-encoded per RFC 3986 (`A-Z a-z 0-9 - _ . ~` stay, every other byte of the UTF-8 form
//! becomes `%XY` with upper-case hex, a space is `%20`, never `+`), joined as `name=value` with `&`.
//!
//! The functions here are pure: the caller supplies the parameters, including `Timestamp`, so a request can
//! be signed (and a signature checked) without a clock or a network.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::auth::SecretString;

/// The `SignatureMethod` parameter value this signer produces.
pub const SIGNATURE_METHOD: &str = "HmacSHA256";
/// The `SignatureVersion` parameter value this signer produces.
pub const SIGNATURE_VERSION: &str = "2";

/// Percent-encodes `input` per RFC 3986 as Signature Version 2 requires: unreserved characters
/// (`A-Z a-z 0-9 - _ . ~`) stay, every other byte of the UTF-8 form becomes `%XY` with upper-case hex.
pub fn percent_encode(input: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(input.len() + input.len() / 2);
    for &byte in input.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
    out
}

/// The canonicalized query string: every parameter except `Signature`, sorted by name (byte order; equal
/// names keep their value order), each `name=value` percent-encoded, joined with `&`.
pub fn canonical_query<N, V>(params: &[(N, V)]) -> String
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    let mut sorted: Vec<(&str, &str)> = params
        .iter()
        .map(|(n, v)| (n.as_ref(), v.as_ref()))
        .filter(|(n, _)| *n != "Signature")
        .collect();
    // Stable sort: byte order of the names; `str` ordering is byte ordering.
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = String::new();
    for (i, (name, value)) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&percent_encode(name));
        out.push('=');
        out.push_str(&percent_encode(value));
    }
    out
}

/// The host part of the string to sign: lower case, with the port kept unless it is the scheme's standard
/// one (80 for `http`, 443 for `https`).
pub fn canonical_host(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match url.port() {
        // `Url::port` is already `None` for the scheme's default port.
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}

/// The string to sign for `method` (for MWS always `POST`), `host` (see [`canonical_host`]), the request
/// path (`/` when empty) and the parameters.
pub fn string_to_sign<N, V>(method: &str, host: &str, path: &str, params: &[(N, V)]) -> String
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    let path = if path.is_empty() { "/" } else { path };
    format!(
        "{}\n{}\n{}\n{}",
        method.to_ascii_uppercase(),
        host.to_ascii_lowercase(),
        path,
        canonical_query(params)
    )
}

/// `Base64(HMAC-SHA256(secret_key, string_to_sign))`, not yet URL-encoded.
pub fn sign(secret_key: &SecretString, string_to_sign: &str) -> String {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail for `Hmac<Sha256>`; the fallback
    // keeps library code free of `expect` all the same.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret_key.expose().as_bytes()) else {
        return String::new();
    };
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Signs a request: returns the `Signature` parameter value (Base64, not yet URL-encoded) for `method`,
/// the URL (host, port and path are taken from it; its own query is ignored) and the parameters.
pub fn sign_request<N, V>(
    secret_key: &SecretString,
    method: &str,
    url: &url::Url,
    params: &[(N, V)],
) -> String
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    sign(
        secret_key,
        &string_to_sign(method, &canonical_host(url), url.path(), params),
    )
}

/// Checks a received request's signature in constant time: `params` must hold the `Signature` parameter
/// (it is left out of the canonical query as the algorithm requires). For mocks and test servers that speak
/// MWS.
pub fn verify<N, V>(
    secret_key: &SecretString,
    method: &str,
    host: &str,
    path: &str,
    params: &[(N, V)],
) -> bool
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    let Some(given) = params
        .iter()
        .find(|(n, _)| n.as_ref() == "Signature")
        .map(|(_, v)| v.as_ref())
    else {
        return false;
    };
    let Ok(given) = base64::engine::general_purpose::STANDARD.decode(given) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret_key.expose().as_bytes()) else {
        return false;
    };
    mac.update(string_to_sign(method, host, path, params).as_bytes());
    mac.verify_slice(&given).is_ok()
}

/// The form-encoded body (or URL query) that carries `params` plus the `Signature`: the canonical query
/// followed by `&Signature=<url-encoded signature>`.
pub fn encode_signed<N, V>(params: &[(N, V)], signature: &str) -> String
where
    N: AsRef<str>,
    V: AsRef<str>,
{
    let mut out = canonical_query(params);
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str("Signature=");
    out.push_str(&percent_encode(signature));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Amazon's published vector for Signature Version 2 with HmacSHA256.
    #[test]
    fn published_test_vector_byte_for_byte() {
        let secret = SecretString::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        let params = [
            ("Action", "DescribeJobFlows"),
            ("Version", "2009-03-31"),
            ("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE"),
            ("SignatureVersion", "2"),
            ("SignatureMethod", "HmacSHA256"),
            ("Timestamp", "2011-10-03T15:19:30"),
        ];
        let sts = string_to_sign("GET", "elasticmapreduce.amazonaws.com", "/", &params);
        assert_eq!(
            sts,
            "GET\nelasticmapreduce.amazonaws.com\n/\nAWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows\
             &SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31"
        );
        let signature = sign(&secret, &sts);
        assert_eq!(signature, "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=");
        assert_eq!(
            percent_encode(&signature),
            "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D"
        );

        let url = url::Url::parse("https://ElasticMapReduce.amazonaws.com").unwrap();
        assert_eq!(sign_request(&secret, "GET", &url, &params), signature);

        let mut with_sig: Vec<(&str, &str)> = params.to_vec();
        with_sig.push(("Signature", &signature));
        assert!(verify(
            &secret,
            "GET",
            "elasticmapreduce.amazonaws.com",
            "/",
            &with_sig
        ));
        assert!(!verify(
            &SecretString::new("other"),
            "GET",
            "elasticmapreduce.amazonaws.com",
            "/",
            &with_sig
        ));
        with_sig[0].1 = "DescribeJobFlowz";
        assert!(!verify(
            &secret,
            "GET",
            "elasticmapreduce.amazonaws.com",
            "/",
            &with_sig
        ));
    }

    #[test]
    fn rfc3986_encoding() {
        assert_eq!(percent_encode("a b+c*d~e"), "a%20b%2Bc%2Ad~e");
        assert_eq!(percent_encode("Zürich/東"), "Z%C3%BCrich%2F%E6%9D%B1");
        assert_eq!(percent_encode("-_.~AZaz09"), "-_.~AZaz09");
    }

    #[test]
    fn canonical_query_sorts_by_byte_order_and_drops_signature() {
        let q = canonical_query(&[
            ("b", "2"),
            ("Signature", "x"),
            ("a", ""),
            ("MarketplaceId.Id.1", "A"),
            ("Action", "x y"),
        ]);
        // Upper case sorts before lower case in byte order.
        assert_eq!(q, "Action=x%20y&MarketplaceId.Id.1=A&a=&b=2");
    }

    #[test]
    fn host_keeps_non_standard_port_only() {
        let u = url::Url::parse("https://MWS.amazonservices.com:443/Orders/2013-09-01").unwrap();
        assert_eq!(canonical_host(&u), "mws.amazonservices.com");
        let u = url::Url::parse("http://127.0.0.1:8080/").unwrap();
        assert_eq!(canonical_host(&u), "127.0.0.1:8080");
        let u = url::Url::parse("http://localhost:80/").unwrap();
        assert_eq!(canonical_host(&u), "localhost");
    }

    #[test]
    fn empty_path_signs_as_slash() {
        let a = string_to_sign("post", "h", "", &[("A", "1")]);
        assert_eq!(a, "POST\nh\n/\nA=1");
    }

    #[test]
    fn encoded_body_appends_signature() {
        assert_eq!(
            encode_signed(&[("B", "1"), ("A", "x/y")], "ab/+="),
            "A=x%2Fy&B=1&Signature=ab%2F%2B%3D"
        );
    }
}
