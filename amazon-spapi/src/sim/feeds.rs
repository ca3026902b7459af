//! Feeds 2021-06-30, Reports 2021-06-30 and their documents: upload URLs served by the simulator (with
//! the Content-Type check Amazon's storage makes), processing over simulated time, processing reports,
//! and gzip documents.

use std::io::Write;

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::config::FaultConfig;
use super::data::{self, OrderStatus};
use super::http::{iso, iso_ms, parse_time, Reply};
use super::server::{Ctx, RawRequest};
use super::state::{Document, State};
use super::xml;

/// One submitted feed.
#[derive(Debug, Clone)]
pub(crate) struct FeedRecord {
    pub id: String,
    pub seller: usize,
    pub feed_type: String,
    pub marketplaces: Vec<String>,
    pub input_doc: String,
    pub created: DateTime<Utc>,
    pub status: &'static str,
    pub start_at: Option<DateTime<Utc>>,
    pub started: Option<DateTime<Utc>>,
    pub ended: Option<DateTime<Utc>>,
    pub result_doc: Option<String>,
}

/// One requested report.
#[derive(Debug, Clone)]
pub(crate) struct ReportRecord {
    pub id: String,
    pub seller: usize,
    pub report_type: String,
    pub marketplaces: Vec<String>,
    pub data_start: Option<DateTime<Utc>>,
    pub data_end: Option<DateTime<Utc>>,
    pub created: DateTime<Utc>,
    pub status: &'static str,
    pub started: Option<DateTime<Utc>>,
    pub ended: Option<DateTime<Utc>>,
    pub doc: Option<String>,
    /// The schedule that created the report.
    pub schedule_id: Option<String>,
}

/// One report schedule (`createReportSchedule`): creates a report every `period`.
#[derive(Debug, Clone)]
pub(crate) struct ScheduleRecord {
    pub id: String,
    pub seller: usize,
    pub report_type: String,
    pub marketplaces: Vec<String>,
    pub options: serde_json::Map<String, Value>,
    pub period: &'static str,
    pub next: DateTime<Utc>,
}

/// The periods Amazon accepts for report schedules.
const PERIODS: &[&str] = &[
    "PT5M", "PT15M", "PT30M", "PT1H", "PT2H", "PT4H", "PT8H", "PT12H", "P1D", "P2D", "P3D", "PT84H", "P7D",
    "P14D", "P15D", "P18D", "P30D", "P1M",
];

/// `t` plus one ISO 8601 period of [`PERIODS`].
fn add_period(t: DateTime<Utc>, period: &str) -> DateTime<Utc> {
    if period == "P1M" {
        return t
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(t + Duration::days(30));
    }
    let (unit, digits) = if let Some(d) = period.strip_prefix("PT") {
        (d.chars().last().unwrap_or('H'), &d[..d.len().saturating_sub(1)])
    } else {
        let d = period.trim_start_matches('P');
        ('D', &d[..d.len().saturating_sub(1)])
    };
    let n: i64 = digits.parse().unwrap_or(1);
    match unit {
        'M' => t + Duration::minutes(n),
        'H' => t + Duration::hours(n),
        _ => t + Duration::days(n),
    }
}

/// Feed types Amazon switched off on 2025-07-31 (XML and flat-file listings feeds).
const RETIRED_FEEDS: &[&str] = &[
    "POST_PRODUCT_DATA",
    "POST_INVENTORY_AVAILABILITY_DATA",
    "POST_PRODUCT_PRICING_DATA",
    "POST_PRODUCT_OVERRIDES_DATA",
    "POST_PRODUCT_IMAGE_DATA",
    "POST_PRODUCT_RELATIONSHIP_DATA",
    "POST_FLAT_FILE_INVLOADER_DATA",
    "POST_FLAT_FILE_LISTINGS_DATA",
    "POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA",
];

/// Report types the simulator produces.
pub(crate) const REPORT_TYPES: &[&str] = &[
    "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL",
    "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL",
    "GET_MERCHANT_LISTINGS_ALL_DATA",
    "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA",
];

/// The guidance: one feed of a type every 20 minutes; later ones wait in the queue.
const SAME_TYPE_SPACING_MINUTES: i64 = 20;

fn doc_signature(seed: u64, id: &str) -> String {
    let h = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:016x}{:016x}", data::mix(seed, h), data::mix(seed ^ 3, h))
}

fn doc_url(st: &State, base: &str, id: &str) -> String {
    format!(
        "{base}/sim-storage/{id}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature={}",
        doc_signature(st.seed, id)
    )
}

fn region_of(st: &State, seller: usize) -> &'static str {
    match st.sellers[seller].marketplaces.first().map(|m| m.region) {
        Some("EU") => "eu",
        Some("FE") => "fe",
        _ => "na",
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    if enc.write_all(bytes).is_err() {
        return bytes.to_vec();
    }
    enc.finish().unwrap_or_else(|_| bytes.to_vec())
}

fn store_result(st: &mut State, seller: usize, prefix: &str, content_type: &str, content: Vec<u8>) -> String {
    let region = region_of(st, seller);
    let id = format!("{prefix}.{region}.{}", st.new_token("", 32).to_lowercase());
    let gz = st.gzip_documents;
    let content = if gz { gzip(&content) } else { content };
    st.documents.insert(
        id.clone(),
        Document {
            seller,
            content_type: content_type.to_owned(),
            content: Some(content),
            gzip: gz,
            upload: false,
        },
    );
    id
}

// ---------------------------------------------------------------------------------------------
// Storage (the presigned URLs)

fn s3_error(status: u16, code: &str, message: &str) -> Reply {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{}</Message><RequestId>SIMSTORAGE</RequestId></Error>",
        xml::escape(message)
    );
    Reply::bytes(status, "application/xml", body.into_bytes())
}

/// `PUT` and `GET` on `/sim-storage/{documentId}`.
pub(crate) fn storage(st: &mut State, raw: &RawRequest, faults: &FaultConfig) -> Reply {
    let id = raw.path.trim_start_matches("/sim-storage/").to_owned();
    let q = super::http::Query::parse(raw.raw_query.as_deref());
    if q.get("X-Amz-Signature") != Some(doc_signature(st.seed, &id).as_str()) {
        return s3_error(
            403,
            "AccessDenied",
            "Request has expired or the signature is missing.",
        );
    }
    let Some(doc) = st.documents.get_mut(&id) else {
        return s3_error(404, "NoSuchKey", "The specified key does not exist.");
    };
    match raw.method.as_str() {
        "PUT" => {
            if !doc.upload {
                return s3_error(403, "AccessDenied", "This URL is for downloading.");
            }
            let sent = raw.header("content-type").unwrap_or("");
            if sent != doc.content_type {
                return s3_error(
                    403,
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                );
            }
            doc.content = Some(raw.body.to_vec());
            Reply::empty(200).header("ETag", &format!("\"{}\"", doc_signature(0, &id)))
        }
        "GET" => {
            let Some(content) = doc.content.clone() else {
                return s3_error(404, "NoSuchKey", "The specified key does not exist.");
            };
            let ct = if doc.gzip {
                "application/octet-stream".to_owned()
            } else {
                doc.content_type.clone()
            };
            let mut r = Reply::bytes(200, &ct, content);
            if doc.gzip && faults.gzip_content_encoding_header {
                r = r.header("Content-Encoding", "gzip");
            }
            r
        }
        _ => s3_error(
            405,
            "MethodNotAllowed",
            "The specified method is not allowed against this resource.",
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Feeds

/// `POST /feeds/2021-06-30/documents`.
pub(crate) fn create_feed_document(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(ct) = body
        .get("contentType")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    else {
        return Reply::invalid("contentType is required, for example \"text/xml; charset=UTF-8\".");
    };
    let region = region_of(st, ctx.seller);
    let id = format!("amzn1.tortuga.4.{region}.{}", st.new_token("", 32).to_lowercase());
    st.documents.insert(
        id.clone(),
        Document {
            seller: ctx.seller,
            content_type: ct.to_owned(),
            content: None,
            gzip: false,
            upload: true,
        },
    );
    let url = doc_url(st, ctx.base_url, &id);
    Reply::json(201, &json!({ "feedDocumentId": id, "url": url }))
}

/// `GET /feeds/2021-06-30/documents/{feedDocumentId}`.
pub(crate) fn get_feed_document(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    document_answer(st, ctx, &p[0], "feedDocumentId")
}

fn document_answer(st: &State, ctx: &Ctx<'_>, id: &str, key: &str) -> Reply {
    match st.documents.get(id) {
        Some(d) if d.seller == ctx.seller && d.content.is_some() => {
            let mut v = json!({ key: id, "url": doc_url(st, ctx.base_url, id) });
            if d.gzip {
                v["compressionAlgorithm"] = json!("GZIP");
            }
            Reply::ok(&v)
        }
        _ => Reply::not_found(&format!("Document {id}")),
    }
}

fn feed_json(f: &FeedRecord) -> Value {
    let mut v = json!({
        "feedId": f.id,
        "feedType": f.feed_type,
        "marketplaceIds": f.marketplaces,
        "createdTime": iso_ms(f.created),
        "processingStatus": f.status,
    });
    if let Some(t) = f.started {
        v["processingStartTime"] = json!(iso_ms(t));
    }
    if let Some(t) = f.ended {
        v["processingEndTime"] = json!(iso_ms(t));
    }
    if let Some(d) = &f.result_doc {
        v["resultFeedDocumentId"] = json!(d);
    }
    v
}

/// `POST /feeds/2021-06-30/feeds`.
pub(crate) fn create_feed(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(feed_type) = body
        .get("feedType")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    else {
        return Reply::invalid("feedType is required.");
    };
    if RETIRED_FEEDS.contains(&feed_type) {
        return Reply::invalid(&format!(
            "Feed type {feed_type} is no longer supported (XML and flat-file listings feeds stopped on 2025-07-31); use JSON_LISTINGS_FEED."
        ));
    }
    let marketplaces: Vec<String> = body
        .get("marketplaceIds")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    if marketplaces.is_empty() {
        return Reply::invalid("marketplaceIds must hold at least one marketplace id.");
    }
    let Some(doc_id) = body.get("inputFeedDocumentId").and_then(Value::as_str) else {
        return Reply::invalid(
            "inputFeedDocumentId is required: call createFeedDocument and upload the feed first.",
        );
    };
    match st.documents.get(doc_id) {
        Some(d) if d.seller == ctx.seller && d.upload && d.content.is_some() => {}
        Some(d) if d.seller == ctx.seller && d.upload => {
            return Reply::invalid(&format!(
                "Feed document {doc_id} has no content: upload it to the URL createFeedDocument returned before calling createFeed."
            ))
        }
        _ => return Reply::invalid(&format!("inputFeedDocumentId {doc_id} is not a feed document of this seller.")),
    }
    let id = format!("5{}", st.next_id(10));
    // Same-type feeds are processed one after another, and no sooner than 20 minutes apart.
    let previous = st
        .feeds
        .iter()
        .filter(|f| f.seller == ctx.seller && f.feed_type == feed_type && f.status != "CANCELLED")
        .map(|f| f.start_at.unwrap_or(f.created))
        .max();
    let queue_for = Duration::seconds(60 + (data::mix(st.seed, ctx.seq) % 120) as i64);
    let mut start_at = ctx.now + queue_for;
    if let Some(prev) = previous {
        start_at = start_at.max(prev + Duration::minutes(SAME_TYPE_SPACING_MINUTES));
    }
    st.feeds.push(FeedRecord {
        id: id.clone(),
        seller: ctx.seller,
        feed_type: feed_type.to_owned(),
        marketplaces,
        input_doc: doc_id.to_owned(),
        created: ctx.now,
        status: "IN_QUEUE",
        start_at: Some(start_at),
        started: None,
        ended: None,
        result_doc: None,
    });
    Reply::json(202, &json!({ "feedId": id }))
}

/// `GET /feeds/2021-06-30/feeds/{feedId}`.
pub(crate) fn get_feed(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    match st.feeds.iter().find(|f| f.id == p[0] && f.seller == ctx.seller) {
        Some(f) => Reply::ok(&feed_json(f)),
        None => Reply::not_found(&format!("Feed {}", p[0])),
    }
}

/// `DELETE /feeds/2021-06-30/feeds/{feedId}`.
pub(crate) fn cancel_feed(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let now = ctx.now;
    match st
        .feeds
        .iter_mut()
        .find(|f| f.id == p[0] && f.seller == ctx.seller)
    {
        Some(f) if f.status == "IN_QUEUE" => {
            f.status = "CANCELLED";
            f.ended = Some(now);
            Reply::empty(200)
        }
        Some(f) => Reply::invalid(&format!(
            "Feed {} is {} and can no longer be cancelled.",
            f.id, f.status
        )),
        None => Reply::not_found(&format!("Feed {}", p[0])),
    }
}

fn list_query(ctx: &Ctx<'_>, types_param: &str) -> Result<Option<String>, Reply> {
    let q = ctx.query;
    if let Some(t) = q.get("nextToken") {
        if q.pairs.len() > 1 {
            return Err(Reply::invalid(
                "nextToken cannot be combined with other parameters: send nextToken alone.",
            ));
        }
        return Ok(Some(t.to_owned()));
    }
    if q.list(types_param).is_empty() {
        return Err(Reply::invalid(&format!(
            "{types_param} is required when nextToken is not given."
        )));
    }
    Ok(None)
}

/// One page of ids; the ids of the whole listing are kept server-side under the token.
fn paged(
    st: &mut State,
    ctx: &Ctx<'_>,
    kind: &str,
    ids: Vec<String>,
    token: Option<String>,
) -> Result<(Vec<String>, Option<String>), Reply> {
    let (all, offset, size) = match token {
        Some(t) => {
            let Some(page) = st.order_pages.get(&t).filter(|p| p.seller == ctx.seller).cloned() else {
                return Err(Reply::invalid("Invalid nextToken."));
            };
            (page.ids, page.offset, page.page_size)
        }
        None => {
            let size = match ctx.query.get("pageSize").map(str::parse::<usize>) {
                None => 10,
                Some(Ok(n)) if (1..=100).contains(&n) => n,
                _ => return Err(Reply::invalid("pageSize must be a whole number from 1 to 100.")),
            };
            (std::sync::Arc::new(ids), 0, size)
        }
    };
    let end = (offset + size).min(all.len());
    let picked = all[offset.min(end)..end].to_vec();
    let next = if end < all.len() {
        let t = format!(
            "{kind}{}",
            super::orders_v0::page_token(st.seed ^ 0xFEED, ctx.seq)
        );
        st.put_page(
            t.clone(),
            super::state::OrderPage {
                seller: ctx.seller,
                ids: all,
                offset: end,
                page_size: size,
                last_updated_before: None,
                created_before: None,
                previous: None,
                included: Vec::new(),
            },
        );
        Some(t)
    } else {
        None
    };
    Ok((picked, next))
}

/// `GET /feeds/2021-06-30/feeds`.
pub(crate) fn get_feeds(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let token = match list_query(ctx, "feedTypes") {
        Ok(t) => t,
        Err(r) => return r,
    };
    let q = ctx.query;
    let types = q.list("feedTypes");
    let statuses = q.list("processingStatuses");
    let mps = q.list("marketplaceIds");
    let since = q
        .get("createdSince")
        .and_then(parse_time)
        .unwrap_or(ctx.now - Duration::days(90));
    let until = q.get("createdUntil").and_then(parse_time).unwrap_or(ctx.now);
    let mut found: Vec<FeedRecord> = st
        .feeds
        .iter()
        .filter(|f| f.seller == ctx.seller)
        .filter(|f| types.contains(&f.feed_type))
        .filter(|f| statuses.is_empty() || statuses.iter().any(|s| s == f.status))
        .filter(|f| mps.is_empty() || f.marketplaces.iter().any(|m| mps.contains(m)))
        .filter(|f| f.created >= since && f.created <= until)
        .cloned()
        .collect();
    found.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
    let ids = found.iter().map(|f| f.id.clone()).collect();
    match paged(st, ctx, "F", ids, token) {
        Ok((page, next)) => {
            let feeds: Vec<Value> = page
                .iter()
                .filter_map(|id| st.feeds.iter().find(|f| f.id == *id))
                .map(feed_json)
                .collect();
            let mut v = json!({ "feeds": feeds });
            if let Some(n) = next {
                v["nextToken"] = json!(n);
            }
            Reply::ok(&v)
        }
        Err(r) => r,
    }
}

// ---------------------------------------------------------------------------------------------
// Reports

fn report_json(r: &ReportRecord) -> Value {
    let mut v = json!({
        "reportId": r.id,
        "reportType": r.report_type,
        "marketplaceIds": r.marketplaces,
        "createdTime": iso_ms(r.created),
        "processingStatus": r.status,
    });
    if let Some(t) = r.data_start {
        v["dataStartTime"] = json!(iso_ms(t));
    }
    if let Some(t) = r.data_end {
        v["dataEndTime"] = json!(iso_ms(t));
    }
    if let Some(t) = r.started {
        v["processingStartTime"] = json!(iso_ms(t));
    }
    if let Some(t) = r.ended {
        v["processingEndTime"] = json!(iso_ms(t));
    }
    if let Some(d) = &r.doc {
        v["reportDocumentId"] = json!(d);
    }
    if let Some(s) = &r.schedule_id {
        v["reportScheduleId"] = json!(s);
    }
    v
}

fn schedule_json(s: &ScheduleRecord) -> Value {
    let mut v = json!({
        "reportScheduleId": s.id,
        "reportType": s.report_type,
        "marketplaceIds": s.marketplaces,
        "period": s.period,
        "nextReportCreationTime": iso_ms(s.next),
    });
    if !s.options.is_empty() {
        v["reportOptions"] = Value::Object(s.options.clone());
    }
    v
}

/// `POST /reports/2021-06-30/schedules`: a schedule with the same report type and marketplaces replaces
/// the existing one, as Amazon does.
pub(crate) fn create_schedule(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(rt) = body.get("reportType").and_then(Value::as_str) else {
        return Reply::invalid("reportType is required.");
    };
    if !REPORT_TYPES.contains(&rt) {
        return Reply::invalid(&format!(
            "The simulator does not produce report type {rt}; it produces {}.",
            REPORT_TYPES.join(", ")
        ));
    }
    let mut marketplaces: Vec<String> = body
        .get("marketplaceIds")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    if marketplaces.is_empty() || marketplaces.len() > 25 {
        return Reply::invalid("marketplaceIds must hold 1 to 25 marketplace ids.");
    }
    if let Some(bad) = marketplaces.iter().find(|m| {
        !st.sellers[ctx.seller]
            .marketplaces
            .iter()
            .any(|x| x.id == m.as_str())
    }) {
        return Reply::invalid(&format!("The seller does not participate in marketplace {bad}."));
    }
    let Some(period) = body.get("period").and_then(Value::as_str) else {
        return Reply::invalid("period is required.");
    };
    let Some(period) = PERIODS.iter().copied().find(|p| *p == period) else {
        return Reply::invalid(&format!("period {period} is not one of {}.", PERIODS.join(", ")));
    };
    let options = match body.get("reportOptions") {
        None | Some(Value::Null) => serde_json::Map::new(),
        Some(Value::Object(m)) if m.values().all(Value::is_string) => m.clone(),
        Some(_) => return Reply::invalid("reportOptions must map option names to string values."),
    };
    let next = match body.get("nextReportCreationTime") {
        None | Some(Value::Null) => ctx.now,
        Some(v) => match v.as_str().and_then(parse_time) {
            Some(t) if t >= ctx.now - Duration::minutes(5) => t,
            Some(_) => return Reply::invalid("nextReportCreationTime must not be in the past."),
            None => return Reply::invalid("nextReportCreationTime is not a valid ISO 8601 date-time."),
        },
    };
    marketplaces.sort();
    marketplaces.dedup();
    let seller = ctx.seller;
    st.report_schedules
        .retain(|s| !(s.seller == seller && s.report_type == rt && s.marketplaces == marketplaces));
    let id = format!("5{}", st.next_id(10));
    st.report_schedules.push(ScheduleRecord {
        id: id.clone(),
        seller,
        report_type: rt.to_owned(),
        marketplaces,
        options,
        period,
        next,
    });
    Reply::json(201, &json!({ "reportScheduleId": id }))
}

/// `GET /reports/2021-06-30/schedules?reportTypes=`.
pub(crate) fn get_schedules(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let types = ctx.query.list("reportTypes");
    if types.is_empty() || types.len() > 10 {
        return Reply::invalid("reportTypes must hold 1 to 10 report types.");
    }
    let list: Vec<Value> = st
        .report_schedules
        .iter()
        .filter(|s| s.seller == ctx.seller && types.contains(&s.report_type))
        .map(schedule_json)
        .collect();
    Reply::ok(&json!({ "reportSchedules": list }))
}

/// `GET /reports/2021-06-30/schedules/{reportScheduleId}`.
pub(crate) fn get_schedule(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    match st
        .report_schedules
        .iter()
        .find(|s| s.seller == ctx.seller && s.id == p[0])
    {
        Some(s) => Reply::ok(&schedule_json(s)),
        None => Reply::not_found(&format!("Report schedule {}", p[0])),
    }
}

/// `DELETE /reports/2021-06-30/schedules/{reportScheduleId}`.
pub(crate) fn cancel_schedule(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let before = st.report_schedules.len();
    let seller = ctx.seller;
    st.report_schedules
        .retain(|s| !(s.seller == seller && s.id == p[0]));
    if st.report_schedules.len() == before {
        return Reply::not_found(&format!("Report schedule {}", p[0]));
    }
    Reply::empty(200)
}

/// Creates the reports schedules owe by `now` (at most `MAX_CATCH_UP` per schedule and step, so a long
/// jump in time with a five-minute schedule stays bounded; the schedule then resumes from `now`).
fn run_schedules(st: &mut State, now: DateTime<Utc>) {
    const MAX_CATCH_UP: usize = 500;
    for k in 0..st.report_schedules.len() {
        let mut made = 0;
        while st.report_schedules[k].next <= now {
            let s = st.report_schedules[k].clone();
            if made == MAX_CATCH_UP {
                let mut next = s.next;
                while next <= now {
                    next = add_period(next, s.period);
                }
                st.report_schedules[k].next = next;
                break;
            }
            let id = format!("6{}", st.next_id(10));
            let start = s.next;
            st.reports.push(ReportRecord {
                id,
                seller: s.seller,
                report_type: s.report_type.clone(),
                marketplaces: s.marketplaces.clone(),
                data_start: Some(start - (add_period(start, s.period) - start)),
                data_end: Some(start),
                created: start,
                status: "IN_QUEUE",
                started: None,
                ended: None,
                doc: None,
                schedule_id: Some(s.id.clone()),
            });
            st.report_schedules[k].next = add_period(start, s.period);
            made += 1;
        }
    }
}

/// `POST /reports/2021-06-30/reports`.
pub(crate) fn create_report(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(rt) = body.get("reportType").and_then(Value::as_str) else {
        return Reply::invalid("reportType is required.");
    };
    if !REPORT_TYPES.contains(&rt) {
        return Reply::invalid(&format!(
            "The simulator does not produce report type {rt}; it produces {}.",
            REPORT_TYPES.join(", ")
        ));
    }
    let marketplaces: Vec<String> = body
        .get("marketplaceIds")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    if marketplaces.is_empty() {
        return Reply::invalid("marketplaceIds must hold at least one marketplace id.");
    }
    let t = |k: &str| {
        body.get(k)
            .and_then(Value::as_str)
            .map(|s| parse_time(s).ok_or(k.to_owned()))
    };
    let data_start = match t("dataStartTime").transpose() {
        Ok(v) => v,
        Err(k) => return Reply::invalid(&format!("{k} is not a valid ISO 8601 date-time.")),
    };
    let data_end = match t("dataEndTime").transpose() {
        Ok(v) => v,
        Err(k) => return Reply::invalid(&format!("{k} is not a valid ISO 8601 date-time.")),
    };
    let id = format!("6{}", st.next_id(10));
    st.reports.push(ReportRecord {
        id: id.clone(),
        seller: ctx.seller,
        report_type: rt.to_owned(),
        marketplaces,
        data_start,
        data_end,
        created: ctx.now,
        status: "IN_QUEUE",
        started: None,
        ended: None,
        doc: None,
        schedule_id: None,
    });
    Reply::json(202, &json!({ "reportId": id }))
}

/// `GET /reports/2021-06-30/reports/{reportId}`.
pub(crate) fn get_report(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    match st.reports.iter().find(|r| r.id == p[0] && r.seller == ctx.seller) {
        Some(r) => Reply::ok(&report_json(r)),
        None => Reply::not_found(&format!("Report {}", p[0])),
    }
}

/// `DELETE /reports/2021-06-30/reports/{reportId}`.
pub(crate) fn cancel_report(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    match st
        .reports
        .iter_mut()
        .find(|r| r.id == p[0] && r.seller == ctx.seller)
    {
        Some(r) if r.status == "IN_QUEUE" => {
            r.status = "CANCELLED";
            Reply::empty(200)
        }
        Some(r) => Reply::invalid(&format!(
            "Report {} is {} and can no longer be cancelled.",
            r.id, r.status
        )),
        None => Reply::not_found(&format!("Report {}", p[0])),
    }
}

/// `GET /reports/2021-06-30/reports`.
pub(crate) fn get_reports(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let token = match list_query(ctx, "reportTypes") {
        Ok(t) => t,
        Err(r) => return r,
    };
    let q = ctx.query;
    let types = q.list("reportTypes");
    let statuses = q.list("processingStatuses");
    let since = q
        .get("createdSince")
        .and_then(parse_time)
        .unwrap_or(ctx.now - Duration::days(90));
    let until = q.get("createdUntil").and_then(parse_time).unwrap_or(ctx.now);
    let mut found: Vec<ReportRecord> = st
        .reports
        .iter()
        .filter(|r| r.seller == ctx.seller && types.contains(&r.report_type))
        .filter(|r| statuses.is_empty() || statuses.iter().any(|s| s == r.status))
        .filter(|r| r.created >= since && r.created <= until)
        .cloned()
        .collect();
    found.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
    let ids = found.iter().map(|r| r.id.clone()).collect();
    match paged(st, ctx, "R", ids, token) {
        Ok((page, next)) => {
            let reports: Vec<Value> = page
                .iter()
                .filter_map(|id| st.reports.iter().find(|r| r.id == *id))
                .map(report_json)
                .collect();
            let mut v = json!({ "reports": reports });
            if let Some(n) = next {
                v["nextToken"] = json!(n);
            }
            Reply::ok(&v)
        }
        Err(r) => r,
    }
}

/// `GET /reports/2021-06-30/documents/{reportDocumentId}`.
pub(crate) fn get_report_document(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    document_answer(st, ctx, &p[0], "reportDocumentId")
}

// ---------------------------------------------------------------------------------------------
// Processing over simulated time

/// Moves feeds and reports along to `now`.
pub(crate) fn advance(st: &mut State, now: DateTime<Utc>) {
    run_schedules(st, now);
    for i in 0..st.feeds.len() {
        let f = &st.feeds[i];
        if f.status == "IN_QUEUE" && f.start_at.is_some_and(|t| t <= now) {
            let started = f.start_at.unwrap_or(now);
            let dur = Duration::seconds(120 + (data::mix(st.seed, 900 + i as u64) % 180) as i64);
            let f = &mut st.feeds[i];
            f.status = "IN_PROGRESS";
            f.started = Some(started);
            f.ended = Some(started + dur);
        }
        let f = &st.feeds[i];
        if f.status == "IN_PROGRESS" && f.ended.is_some_and(|t| t <= now) {
            let at = f.ended.unwrap_or(now);
            let (status, report_ct, report) = process_feed(st, i, at);
            let seller = st.feeds[i].seller;
            let doc = report.map(|r| store_result(st, seller, "amzn1.tortuga.4", report_ct, r));
            let f = &mut st.feeds[i];
            f.status = status;
            f.result_doc = doc;
        }
    }
    for i in 0..st.reports.len() {
        let r = &st.reports[i];
        if r.status == "IN_QUEUE" {
            let start = r.created + Duration::seconds(30 + (data::mix(st.seed, 1900 + i as u64) % 60) as i64);
            if start <= now {
                let end = start + Duration::seconds(60 + (data::mix(st.seed, 2900 + i as u64) % 120) as i64);
                let r = &mut st.reports[i];
                r.status = "IN_PROGRESS";
                r.started = Some(start);
                r.ended = Some(end);
            }
        }
        let r = &st.reports[i];
        if r.status == "IN_PROGRESS" && r.ended.is_some_and(|t| t <= now) {
            let (ct, content) = build_report(st, i);
            let seller = st.reports[i].seller;
            let doc = store_result(st, seller, "amzn1.spdoc.1.4", &ct, content);
            let r = &mut st.reports[i];
            r.status = "DONE";
            r.doc = Some(doc);
        }
    }
}

struct XmlResult {
    message_id: String,
    code: &'static str,
    message_code: u32,
    description: String,
    order_id: Option<String>,
}

fn process_feed(
    st: &mut State,
    i: usize,
    at: DateTime<Utc>,
) -> (&'static str, &'static str, Option<Vec<u8>>) {
    let f = st.feeds[i].clone();
    let content = st
        .documents
        .get(&f.input_doc)
        .and_then(|d| d.content.clone())
        .unwrap_or_default();
    let content = maybe_gunzip(content);
    let text = String::from_utf8_lossy(&content).into_owned();
    match f.feed_type.as_str() {
        "POST_ORDER_FULFILLMENT_DATA" | "POST_ORDER_ACKNOWLEDGEMENT_DATA" => {
            let root = match xml::parse(&text) {
                Ok(r) => r,
                Err(e) => {
                    let rep = processing_report(
                        st,
                        &f,
                        0,
                        &[XmlResult {
                            message_id: "0".into(),
                            code: "Error",
                            message_code: 5001,
                            description: format!("The XML document could not be parsed: {e}"),
                            order_id: None,
                        }],
                    );
                    return ("FATAL", "text/xml", Some(rep));
                }
            };
            let (n, results) = if f.feed_type == "POST_ORDER_FULFILLMENT_DATA" {
                fulfillment_feed(st, &f, &root, at)
            } else {
                acknowledgement_feed(st, &f, &root, at)
            };
            ("DONE", "text/xml", Some(processing_report(st, &f, n, &results)))
        }
        "JSON_LISTINGS_FEED" => match super::listings::process_listings_feed(st, &f, &text, at) {
            Ok(report) => ("DONE", "application/json", Some(report)),
            Err(report) => ("FATAL", "application/json", Some(report)),
        },
        _ => ("FATAL", "text/plain", None),
    }
}

fn maybe_gunzip(bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let mut d = flate2::read::GzDecoder::new(&bytes[..]);
        if std::io::Read::read_to_end(&mut d, &mut out).is_ok() {
            return out;
        }
    }
    bytes
}

fn envelope_messages<'a>(
    st: &State,
    f: &FeedRecord,
    root: &'a xml::Element,
    expected: &str,
) -> Result<Vec<&'a xml::Element>, XmlResult> {
    if root.name != "AmazonEnvelope" {
        return Err(XmlResult {
            message_id: "0".into(),
            code: "Error",
            message_code: 5000,
            description: format!("The root element must be AmazonEnvelope, not {}.", root.name),
            order_id: None,
        });
    }
    let merchant = root
        .child("Header")
        .and_then(|h| h.text_of("MerchantIdentifier"))
        .unwrap_or("");
    if merchant != st.sellers[f.seller].id {
        return Err(XmlResult {
            message_id: "0".into(),
            code: "Error",
            message_code: 5000,
            description: format!(
                "Header/MerchantIdentifier {merchant:?} is not the seller that submitted the feed."
            ),
            order_id: None,
        });
    }
    if root.text_of("MessageType") != Some(expected) {
        return Err(XmlResult {
            message_id: "0".into(),
            code: "Error",
            message_code: 5000,
            description: format!("MessageType must be {expected} for this feed type."),
            order_id: None,
        });
    }
    Ok(root.all("Message").collect())
}

fn fulfillment_feed(
    st: &mut State,
    f: &FeedRecord,
    root: &xml::Element,
    at: DateTime<Utc>,
) -> (usize, Vec<XmlResult>) {
    let msgs = match envelope_messages(st, f, root, "OrderFulfillment") {
        Ok(m) => m,
        Err(e) => return (0, vec![e]),
    };
    let mut results = Vec::new();
    for m in &msgs {
        let mid = m.text_of("MessageID").unwrap_or("0").to_owned();
        let err = |code: u32, d: String, order: Option<String>| XmlResult {
            message_id: mid.clone(),
            code: "Error",
            message_code: code,
            description: d,
            order_id: order,
        };
        let Some(of) = m.child("OrderFulfillment") else {
            results.push(err(
                5000,
                "The message has no OrderFulfillment element.".into(),
                None,
            ));
            continue;
        };
        let order_id = match (of.text_of("AmazonOrderID"), of.text_of("MerchantOrderID")) {
            (Some(a), _) => Some(a.to_owned()),
            (None, Some(m)) => st
                .seller_orders(f.seller)
                .find(|(_, o)| o.seller_order_id == m)
                .map(|(_, o)| o.id.clone()),
            _ => None,
        };
        let Some(order_id) = order_id.filter(|id| st.order(id).is_some_and(|o| o.seller == f.seller)) else {
            results.push(err(
                25,
                "The order id was not found for this seller.".into(),
                of.text_of("AmazonOrderID").map(str::to_owned),
            ));
            continue;
        };
        let Some(order) = st.order(&order_id) else {
            continue;
        };
        let fd = of.child("FulfillmentData");
        let carrier_code = fd.and_then(|d| d.text_of("CarrierCode"));
        let carrier_name = fd.and_then(|d| d.text_of("CarrierName"));
        let items: Vec<Value> = if of.all("Item").count() == 0 {
            order
                .items
                .iter()
                .filter(|i| i.qty > i.qty_shipped)
                .map(|i| json!({ "orderItemId": i.id, "quantity": i.qty - i.qty_shipped }))
                .collect()
        } else {
            of.all("Item")
                .map(|it| {
                    let id = it.text_of("AmazonOrderItemCode").unwrap_or("");
                    let qty = it
                        .text_of("Quantity")
                        .and_then(|q| q.parse::<i64>().ok())
                        .unwrap_or_else(|| {
                            order
                                .items
                                .iter()
                                .find(|i| i.id == id)
                                .map(|i| i.qty - i.qty_shipped)
                                .unwrap_or(0)
                        });
                    json!({ "orderItemId": id, "quantity": qty })
                })
                .collect()
        };
        let pd = json!({
            "packageReferenceId": (order.packages.len() + 1).to_string(),
            "carrierCode": carrier_code.unwrap_or(if carrier_name.is_some() { "Other" } else { "" }),
            "carrierName": carrier_name,
            "shippingMethod": fd.and_then(|d| d.text_of("ShippingMethod")),
            "trackingNumber": fd.and_then(|d| d.text_of("ShipperTrackingNumber")).unwrap_or(""),
            "shipDate": of.text_of("FulfillmentDate").unwrap_or(""),
            "orderItems": items,
        });
        match super::orders_v0::validate_package(order, &pd, at) {
            Ok(c) => {
                if let Some(o) = st.order_mut(&order_id) {
                    super::orders_v0::apply_package(o, c, at);
                }
            }
            Err(msg) => results.push(err(18028, msg, Some(order_id))),
        }
    }
    (msgs.len(), results)
}

fn acknowledgement_feed(
    st: &mut State,
    f: &FeedRecord,
    root: &xml::Element,
    at: DateTime<Utc>,
) -> (usize, Vec<XmlResult>) {
    let msgs = match envelope_messages(st, f, root, "OrderAcknowledgement") {
        Ok(m) => m,
        Err(e) => return (0, vec![e]),
    };
    let mut results = Vec::new();
    for m in &msgs {
        let mid = m.text_of("MessageID").unwrap_or("0").to_owned();
        let err = |code: u32, d: String, order: Option<String>| XmlResult {
            message_id: mid.clone(),
            code: "Error",
            message_code: code,
            description: d,
            order_id: order,
        };
        let Some(ack) = m.child("OrderAcknowledgement") else {
            results.push(err(
                5000,
                "The message has no OrderAcknowledgement element.".into(),
                None,
            ));
            continue;
        };
        let Some(order_id) = ack.text_of("AmazonOrderID").map(str::to_owned) else {
            results.push(err(5000, "AmazonOrderID is required.".into(), None));
            continue;
        };
        let seller = f.seller;
        let Some(o) = st.order_mut(&order_id).filter(|o| o.seller == seller) else {
            results.push(err(
                25,
                "The order id was not found for this seller.".into(),
                Some(order_id),
            ));
            continue;
        };
        match ack.text_of("StatusCode") {
            Some("Success") => {
                if let Some(mo) = ack.text_of("MerchantOrderID") {
                    o.seller_order_id = mo.to_owned();
                    o.last_update = at;
                }
            }
            Some("Failure") => {
                let reason = ack
                    .all("Item")
                    .find_map(|i| i.text_of("CancelReason"))
                    .unwrap_or("GeneralAdjustment");
                if !matches!(o.status, OrderStatus::Pending | OrderStatus::Unshipped) || o.shipped_units() > 0
                {
                    results.push(err(
                        18028,
                        format!(
                            "Order {order_id} is {} and can no longer be cancelled.",
                            o.status.v0()
                        ),
                        Some(order_id),
                    ));
                    continue;
                }
                o.status = OrderStatus::Canceled;
                o.cancel_reason = Some(reason.to_owned());
                o.canceled_by_seller = true;
                o.last_update = at;
            }
            other => results.push(err(
                5000,
                format!("StatusCode must be Success or Failure, not {other:?}."),
                Some(order_id),
            )),
        }
    }
    (msgs.len(), results)
}

fn processing_report(st: &State, f: &FeedRecord, processed: usize, results: &[XmlResult]) -> Vec<u8> {
    let errors = results
        .iter()
        .filter(|r| r.code == "Error" && r.message_id != "0")
        .count();
    let fatal = results.iter().any(|r| r.message_id == "0");
    let ok = if fatal {
        0
    } else {
        processed.saturating_sub(errors)
    };
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<AmazonEnvelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\">\n");
    s.push_str(&format!(
        "<Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>{}</MerchantIdentifier></Header>\n",
        xml::escape(&st.sellers[f.seller].id)
    ));
    s.push_str(
        "<MessageType>ProcessingReport</MessageType>\n<Message><MessageID>1</MessageID><ProcessingReport>\n",
    );
    s.push_str(&format!(
        "<DocumentTransactionID>{}</DocumentTransactionID>\n",
        f.id
    ));
    s.push_str("<StatusCode>Complete</StatusCode>\n");
    s.push_str(&format!(
        "<ProcessingSummary><MessagesProcessed>{processed}</MessagesProcessed><MessagesSuccessful>{ok}</MessagesSuccessful><MessagesWithError>{}</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>\n",
        if fatal { processed.max(1) } else { errors }
    ));
    for r in results {
        s.push_str(&format!(
            "<Result><MessageID>{}</MessageID><ResultCode>{}</ResultCode><ResultMessageCode>{}</ResultMessageCode><ResultDescription>{}</ResultDescription>",
            xml::escape(&r.message_id),
            r.code,
            r.message_code,
            xml::escape(&r.description)
        ));
        if let Some(o) = &r.order_id {
            s.push_str(&format!(
                "<AdditionalInfo><AmazonOrderID>{}</AmazonOrderID></AdditionalInfo>",
                xml::escape(o)
            ));
        }
        s.push_str("</Result>\n");
    }
    s.push_str("</ProcessingReport></Message>\n</AmazonEnvelope>\n");
    s.into_bytes()
}

fn build_report(st: &State, i: usize) -> (String, Vec<u8>) {
    let r = &st.reports[i];
    let seller = &st.sellers[r.seller];
    let japanese = r.marketplaces.iter().any(|m| m == "A1VC38T7YXB528");
    let mut out = String::new();
    match r.report_type.as_str() {
        "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL"
        | "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL" => {
            let by_update = r.report_type.contains("LAST_UPDATE");
            let from = r.data_start.unwrap_or(r.created - Duration::days(30));
            let to = r.data_end.unwrap_or(r.created);
            out.push_str("amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tship-city\tship-state\tship-postal-code\tship-country\tis-business-order\tprice-designation\n");
            let mut orders: Vec<_> = st
                .seller_orders(r.seller)
                .map(|(_, o)| o)
                .filter(|o| r.marketplaces.iter().any(|m| m == o.mp.id))
                .filter(|o| {
                    let t = if by_update { o.last_update } else { o.purchase_date };
                    t >= from && t <= to
                })
                .collect();
            orders.sort_by_key(|o| (o.purchase_date, o.id.clone()));
            for o in orders {
                for it in &o.items {
                    let item_status = if it.qty_shipped >= it.qty {
                        "Shipped"
                    } else {
                        "Unshipped"
                    };
                    let status = match o.status {
                        OrderStatus::Canceled => "Cancelled",
                        s => s.v0(),
                    };
                    out.push_str(&format!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                        o.id,
                        o.seller_order_id,
                        iso(o.purchase_date),
                        iso(o.last_update),
                        status,
                        if o.channel == data::Channel::Afn { "Amazon" } else { "Merchant" },
                        o.mp.name,
                        o.ship_category,
                        it.title,
                        it.sku,
                        it.asin,
                        item_status,
                        it.qty,
                        o.mp.currency,
                        super::http::format_amount(it.item_price, o.mp.decimals),
                        super::http::format_amount(it.item_tax, o.mp.decimals),
                        super::http::format_amount(it.shipping_price, o.mp.decimals),
                        super::http::format_amount(it.shipping_tax, o.mp.decimals),
                        o.address.city,
                        o.address.state,
                        o.address.postal,
                        o.address.country,
                        o.is_business,
                        if it.business_price { "BusinessPrice" } else { "" },
                    ));
                }
            }
        }
        "GET_MERCHANT_LISTINGS_ALL_DATA" => {
            out.push_str("item-name\tseller-sku\tprice\tquantity\topen-date\tasin1\tfulfillment-channel\tstatus\thandling-time\n");
            let mp = r
                .marketplaces
                .first()
                .and_then(|m| super::market::marketplace(m))
                .unwrap_or(&super::market::MARKETPLACES[0]);
            for p in seller.products.iter().filter(|p| !p.deleted) {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    p.title,
                    p.sku,
                    super::http::format_amount(data::price_in(p.base_price, mp), mp.decimals),
                    if p.fba {
                        String::new()
                    } else {
                        p.mfn_quantity.to_string()
                    },
                    iso(p.created),
                    p.asin,
                    if p.fba { "AMAZON_NA" } else { "DEFAULT" },
                    if p.fba || p.mfn_quantity > 0 {
                        "Active"
                    } else {
                        "Inactive"
                    },
                    p.handling_days,
                ));
            }
        }
        _ => {
            out.push_str("sku\tfnsku\tasin\tproduct-name\tcondition\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\tafn-inbound-working-quantity\tafn-total-quantity\n");
            for p in seller.products.iter().filter(|p| p.fba && !p.deleted) {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\tNew\t{}\t{}\t{}\t{}\t{}\n",
                    p.sku,
                    p.fnsku,
                    p.asin,
                    p.title,
                    p.fba_fulfillable,
                    p.fba_unfulfillable,
                    p.fba_reserved,
                    p.fba_inbound,
                    p.fba_fulfillable + p.fba_unfulfillable + p.fba_reserved + p.fba_inbound,
                ));
            }
        }
    }
    if japanese {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&out);
        (
            "text/tab-separated-values;charset=Shift_JIS".to_owned(),
            bytes.into_owned(),
        )
    } else {
        (
            "text/tab-separated-values;charset=UTF-8".to_owned(),
            out.into_bytes(),
        )
    }
}
