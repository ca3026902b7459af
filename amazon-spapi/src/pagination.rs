//! Pagination: one stream per paginated operation, that stops by itself when no token comes back.
//!
//! Every paginated SP-API operation names and places its token differently, and treats the filters of a
//! follow-up request differently:
//!
//! | operation | token in the answer | follow-up parameter | follow-up repeats the filters |
//! | --- | --- | --- | --- |
//! | Orders v0 `getOrders` | `payload.NextToken` | `NextToken` | yes |
//! | Orders v0 `getOrderItems` | `payload.NextToken` | `NextToken` | yes (path) |
//! | Orders 2026-01-01 `searchOrders` | `pagination.nextToken` | `paginationToken` | yes |
//! | Reports `getReports`, Feeds `getFeeds` | `nextToken` | `nextToken` | no: the token alone |
//! | FBA Inventory `getInventorySummaries` | `pagination.nextToken` | `nextToken` | yes |
//! | Fulfillment Outbound `listAllFulfillmentOrders` | `payload.nextToken` | `nextToken` | yes |
//! | Listings `searchListingsItems` | `pagination.nextToken` | `pageToken` | yes |
//!
//! A [`PageSpec`] states this once per operation, the answer type says where its token is through the
//! [`Page`] trait, and [`pages`] turns a first request plus a fetch function into a stream of pages.
//! Tokens go into the query unencoded: the client percent-encodes every query value (tokens are often
//! base64 with `+`, `/` and `=`). A stream that receives a token it has already followed ends with an
//! error instead of looping forever.

use std::collections::HashSet;
use std::future::Future;

use futures::stream::{self, BoxStream, Stream, StreamExt};

use crate::error::{DecodeError, Error};
use crate::operation::{ApiRequest, Operation};

/// What a follow-up request (one that carries a token) contains besides the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// The original filters are sent again, with the token added (Orders, Inventory, Listings, MCF).
    RepeatFilters,
    /// Only the token is sent: the operation rejects follow-ups that repeat the filters (getReports,
    /// getFeeds).
    TokenOnly,
    /// Only the token and the named parameters (for operations that need, for example, the marketplace
    /// on every page but reject the other filters).
    TokenWith(&'static [&'static str]),
}

/// How one operation paginates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSpec {
    /// Where the answer carries the token, as a JSON path (`payload.NextToken`, `pagination.nextToken`,
    /// `nextToken`, `nextPageToken`...). The answer type reads it through [`Page::next_token`]; the path
    /// is used in error messages.
    pub response_path: &'static str,
    /// The query parameter that carries the token in the follow-up request (`NextToken`, `nextToken`,
    /// `paginationToken`, `pageToken`).
    pub request_param: &'static str,
    /// What the follow-up request carries besides the token.
    pub follow_up: FollowUp,
}

impl PageSpec {
    /// Builds the request for the page after `first`, carrying `token`.
    pub fn follow_up_request(&self, first: &ApiRequest, token: &str) -> ApiRequest {
        let mut req = first.clone();
        req.query.retain(|(k, _)| match self.follow_up {
            FollowUp::RepeatFilters => k != self.request_param,
            FollowUp::TokenOnly => false,
            FollowUp::TokenWith(keep) => k != self.request_param && keep.contains(&k.as_str()),
        });
        req.query.push((self.request_param.to_owned(), token.to_owned()));
        req
    }

    /// The token already present in `req` (a listing resumed from a saved token), if any.
    pub fn token_in(&self, req: &ApiRequest) -> Option<String> {
        req.query
            .iter()
            .find(|(k, _)| k == self.request_param)
            .map(|(_, v)| v.clone())
    }
}

/// An answer page: where its next-page token is and what items it holds.
pub trait Page {
    /// One item of the page (an order, a report, an inventory summary).
    type Item;

    /// The token for the next page, when there is one (an empty token counts as none).
    fn next_token(&self) -> Option<&str>;

    /// The items of this page, consuming it.
    fn into_items(self) -> Vec<Self::Item>;
}

struct State<F> {
    fetch: F,
    first: ApiRequest,
    next: Option<ApiRequest>,
    seen: HashSet<String>,
    /// An error to yield after the page that caused it (a repeated token).
    pending: Option<Error>,
}

/// A stream of the pages of a listing: sends `first`, then a follow-up for every token that comes back,
/// and ends after the first page without a token.
///
/// `fetch` sends one request and decodes its answer (it goes through the client, so every page is rate
/// limited and retried like any other call). When `first` already carries a token (a resumed listing),
/// the stream starts from that page.
///
/// # Errors
/// Each item is a page or the error that ended the stream: the fetch error, or an [`Error::Decode`]
/// when an answer repeats a token the stream has already followed (an Amazon bug or a caching proxy;
/// that answer's page is delivered first, then the error). The stream always ends after an error.
pub fn pages<'a, P, F, Fut>(
    op: &'static Operation,
    spec: &'static PageSpec,
    first: ApiRequest,
    fetch: F,
) -> BoxStream<'a, Result<P, Error>>
where
    P: Page + Send + 'a,
    F: FnMut(ApiRequest) -> Fut + Send + 'a,
    Fut: Future<Output = Result<P, Error>> + Send + 'a,
{
    let mut seen = HashSet::new();
    let start = match spec.token_in(&first) {
        Some(token) if !token.is_empty() => {
            seen.insert(token.clone());
            spec.follow_up_request(&first, &token)
        }
        _ => first.clone(),
    };
    let state = State {
        fetch,
        first,
        next: Some(start),
        seen,
        pending: None,
    };
    stream::unfold(state, move |mut st| async move {
        if let Some(e) = st.pending.take() {
            return Some((Err(e), st));
        }
        let req = st.next.take()?;
        match (st.fetch)(req).await {
            Err(e) => Some((Err(e), st)),
            Ok(page) => {
                match page.next_token().filter(|t| !t.is_empty()) {
                    None => {}
                    Some(token) if st.seen.contains(token) => {
                        // The page itself is good data; the stream stops after it.
                        let err = DecodeError::new(
                            op.key(),
                            None,
                            spec.response_path,
                            format!("a token of {} characters that an earlier page already returned", token.len()),
                            "Amazon returned the same pagination token twice; the listing was stopped instead \
                             of looping: retry it later or narrow its filters",
                        );
                        st.pending = Some(Error::Decode(Box::new(err)));
                    }
                    Some(token) => {
                        st.seen.insert(token.to_owned());
                        st.next = Some(spec.follow_up_request(&st.first, token));
                    }
                }
                Some((Ok(page), st))
            }
        }
    })
    .boxed()
}

/// The items of every page of `pages`, in order; ends after the first error.
pub fn items<'a, P>(
    pages: impl Stream<Item = Result<P, Error>> + Send + 'a,
) -> BoxStream<'a, Result<P::Item, Error>>
where
    P: Page + Send + 'a,
    P::Item: Send + 'a,
{
    pages
        .flat_map(|page| match page {
            Ok(p) => stream::iter(p.into_items().into_iter().map(Ok).collect::<Vec<_>>()),
            Err(e) => stream::iter(vec![Err(e)]),
        })
        .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::TryStreamExt;
    use std::sync::{Arc, Mutex};

    static OP: Operation = Operation {
        api: "test",
        version: "v0",
        name: "list",
        method: http::Method::GET,
        path: "/x",
        usage_plan: crate::operation::UsagePlan::new(1.0, 1),
        restriction: crate::operation::Restriction::None,
        idempotent: true,
    };
    static REPEAT: PageSpec = PageSpec {
        response_path: "payload.NextToken",
        request_param: "NextToken",
        follow_up: FollowUp::RepeatFilters,
    };
    static ALONE: PageSpec = PageSpec {
        response_path: "nextToken",
        request_param: "nextToken",
        follow_up: FollowUp::TokenOnly,
    };

    struct TestPage {
        token: Option<String>,
        items: Vec<u32>,
    }

    impl Page for TestPage {
        type Item = u32;
        fn next_token(&self) -> Option<&str> {
            self.token.as_deref()
        }
        fn into_items(self) -> Vec<u32> {
            self.items
        }
    }

    async fn run(
        spec: &'static PageSpec,
        tokens: Vec<Option<&'static str>>,
    ) -> (Vec<Result<u32, Error>>, Vec<ApiRequest>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let seen2 = seen.clone();
        let tokens = Arc::new(Mutex::new(tokens.into_iter()));
        let first = ApiRequest::new("/x")
            .query("MarketplaceIds", "A")
            .query("CreatedAfter", "2020");
        let mut n = 0;
        let s = pages(&OP, spec, first, move |req| {
            seen2.lock().unwrap().push(req);
            n += 1;
            let token = tokens.lock().unwrap().next().flatten().map(str::to_owned);
            let page = TestPage {
                token,
                items: vec![n],
            };
            async move { Ok(page) }
        });
        let out = items(s).collect::<Vec<_>>().await;
        let reqs = seen.lock().unwrap().clone();
        (out, reqs)
    }

    #[tokio::test]
    async fn follows_tokens_repeating_filters() {
        let (out, reqs) = run(&REPEAT, vec![Some("a+b/c="), Some("t2"), None]).await;
        assert_eq!(
            out.into_iter().map(Result::unwrap).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert_eq!(reqs.len(), 3);
        assert_eq!(reqs[1].query.len(), 3);
        assert!(reqs[1].query.contains(&("NextToken".into(), "a+b/c=".into())));
        assert!(reqs[2].query.contains(&("MarketplaceIds".into(), "A".into())));
        assert_eq!(reqs[2].query.iter().filter(|(k, _)| k == "NextToken").count(), 1);
    }

    #[tokio::test]
    async fn token_only_follow_ups() {
        let (out, reqs) = run(&ALONE, vec![Some("t1"), Some(""), None]).await;
        assert_eq!(out.len(), 2, "an empty token ends the listing");
        assert_eq!(reqs[1].query, vec![("nextToken".to_owned(), "t1".to_owned())]);
    }

    #[tokio::test]
    async fn repeated_token_is_an_error() {
        let (out, reqs) = run(&REPEAT, vec![Some("t1"), Some("t2"), Some("t1"), Some("t3")]).await;
        assert_eq!(reqs.len(), 3, "no request after the repeated token");
        let last = out.last().unwrap().as_ref().unwrap_err();
        assert!(matches!(last, Error::Decode(_)));
        assert!(last.to_string().contains("same pagination token"));
        let ok: Vec<u32> = out.iter().filter_map(|r| r.as_ref().ok().copied()).collect();
        assert_eq!(
            ok,
            vec![1, 2, 3],
            "the page with the repeated token is still delivered"
        );
        assert_eq!(out.len(), 4);
    }

    #[tokio::test]
    async fn error_ends_stream() {
        let first = ApiRequest::new("/x");
        let s = pages(&OP, &REPEAT, first, |_req| async {
            Err::<TestPage, _>(Error::invalid_input("x", "boom"))
        });
        let out: Result<Vec<TestPage>, Error> = s.try_collect().await;
        assert!(out.is_err());
    }

    #[tokio::test]
    async fn resumes_from_a_saved_token() {
        let first = ApiRequest::new("/x").query("a", "1").query("nextToken", "saved");
        let req = Arc::new(Mutex::new(None));
        let r2 = req.clone();
        let s = pages(&OP, &ALONE, first, move |q| {
            *r2.lock().unwrap() = Some(q);
            async {
                Ok(TestPage {
                    token: None,
                    items: vec![],
                })
            }
        });
        let _ = s.collect::<Vec<_>>().await;
        let sent = req.lock().unwrap().clone().unwrap();
        assert_eq!(sent.query, vec![("nextToken".to_owned(), "saved".to_owned())]);
    }
}
