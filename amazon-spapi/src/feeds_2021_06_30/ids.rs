//! Identifiers of the Feeds API: a feed id and a feed document id are both strings, and passing one
//! where the other belongs fails only at Amazon. As newtypes the mix-up does not compile.

crate::documents::id_newtype! {
    /// A feed id, returned by `createFeed`.
    FeedId
}

crate::documents::id_newtype! {
    /// A feed document id: the input document of a feed (`createFeedDocument`) or its result
    /// (`resultFeedDocumentId`).
    FeedDocumentId
}
