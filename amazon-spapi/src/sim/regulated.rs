//! Regulated orders (Orders v0 `getOrderRegulatedInfo` and `updateVerificationStatus`): pet prescription
//! medicine sold in the US, whose regulatory form the seller (or a vet) verifies.
//!
//! A share of merchant-fulfilled US orders carries regulated items (`HasRegulatedItems`). Their verification
//! starts `Pending` with `RequiresMerchantAction`; the seller approves it (optionally with the prescription),
//! rejects it with one of the order's valid reasons (which cancels the order if nothing has shipped), or
//! reports interim progress. A pending verification turns `Cancelled` when the buyer cancels and `Expired`
//! once the order's latest ship date passes unreviewed.

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::data::{self, Channel, Order, OrderStatus};
use super::http::{iso, parse_time, Reply};
use super::server::Ctx;
use super::state::State;

/// The stored verification of one regulated order.
#[derive(Debug, Clone)]
pub(crate) struct Regulated {
    /// `Pending`, `Approved` or `Rejected` (the others are derived when rendering).
    pub status: &'static str,
    pub requires_dosage_label: bool,
    pub fields: Vec<(&'static str, &'static str, String)>,
    pub review_date: Option<DateTime<Utc>>,
    pub reviewer: Option<String>,
    pub rejection: Option<&'static str>,
    pub prescription: Option<Value>,
    pub alternatives: Option<Value>,
    pub interim: Option<Value>,
}

/// The rejection reasons Amazon offers for pet prescription orders.
const REJECTION_REASONS: &[(&str, &str)] = &[
    (
        "shield_pom_vps_reject_product",
        "This medicine is not suitable for your pet.",
    ),
    (
        "shield_pom_vps_reject_age",
        "Your pet is too young for this medicine.",
    ),
    (
        "shield_pom_vps_reject_incorrect_weight",
        "Your pet's weight does not match ordered size.",
    ),
];

/// Interim status codes a seller may report while verification is pending.
const INTERIM_CODES: &[(&str, &str)] = &[
    (
        "VET_CONTACTED",
        "We contacted your veterinarian to confirm the prescription.",
    ),
    (
        "AWAITING_VET_RESPONSE",
        "We are waiting for your veterinarian to respond.",
    ),
    (
        "ADDITIONAL_INFO_REQUESTED",
        "We need more information about your pet; check your e-mail.",
    ),
];

const PET_NAMES: &[&str] = &[
    "Ruffus", "Woofer", "Mochi", "Bella", "Luna", "Oscar", "Pepper", "Milo",
];
const SPECIES: &[(&str, &[&str])] = &[
    ("Dog", &["Husky", "Labrador Retriever", "Beagle", "Dachshund"]),
    ("Cat", &["Maine Coon", "Siamese", "British Shorthair"]),
];
const CLINICS: &[&str] = &[
    "Riverside Animal Hospital",
    "Oak Street Veterinary Clinic",
    "Sunset Pet Care",
];

/// Whether (and how) a freshly generated order carries regulated items. Decided from a hash of the seed and
/// the order id, so the rest of the seeded data does not change.
pub(crate) fn for_order(seed: u64, o: &Order) -> Option<Regulated> {
    if o.mp.code != "US" || o.channel != Channel::Mfn || o.handmade || o.is_business {
        return None;
    }
    let h = data::mix(seed ^ 0x5EED_0BE7, fnv(&o.id));
    if h % 12 != 0 {
        return None;
    }
    let pick = |n: u64, len: usize| ((h >> n) as usize) % len;
    let (species, breeds) = SPECIES[pick(8, SPECIES.len())];
    let breed = breeds[pick(16, breeds.len())];
    let weight = 5 + (h >> 24) % 80;
    let born_year = 2010 + (h >> 32) % 14;
    let fields = vec![
        (
            "pets_rx_scName",
            "Pet name",
            PET_NAMES[pick(40, PET_NAMES.len())].to_owned(),
        ),
        ("pets_rx_scType", "Pet type", species.to_owned()),
        ("pets_rx_scBreed", "Pet breed", breed.to_owned()),
        (
            "pets_rx_scDateOfBirth",
            "Pet Birth Date",
            format!("{born_year}-05-01"),
        ),
        ("pets_rx_scWeight", "Weight", weight.to_string()),
        ("pets_rx_scWeightUnit", "Weight Unit", "Pound".to_owned()),
        (
            "pets_rx_scVetClinicName",
            "Veterinary clinic",
            CLINICS[pick(48, CLINICS.len())].to_owned(),
        ),
    ];
    Some(Regulated {
        status: "Pending",
        requires_dosage_label: (h >> 56) % 3 == 0,
        fields,
        review_date: None,
        reviewer: None,
        rejection: None,
        prescription: None,
        alternatives: None,
        interim: None,
    })
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The verification status as Amazon reports it now: stored decisions, or `Cancelled` / `Expired` for a
/// pending verification of a canceled order or one past its latest ship date.
pub(crate) fn effective_status(o: &Order, r: &Regulated, now: DateTime<Utc>) -> &'static str {
    if r.status != "Pending" {
        return r.status;
    }
    if o.status == OrderStatus::Canceled {
        "Cancelled"
    } else if now > o.latest_ship && o.shipped_units() == 0 {
        "Expired"
    } else {
        "Pending"
    }
}

fn info_json(o: &Order, r: &Regulated, now: DateTime<Utc>) -> Value {
    let status = effective_status(o, r, now);
    let fields: Vec<Value> = r
        .fields
        .iter()
        .map(|(id, label, value)| {
            json!({ "FieldId": id, "FieldLabel": label, "FieldType": "Text", "FieldValue": value })
        })
        .collect();
    let mut vs = json!({
        "Status": status,
        "RequiresMerchantAction": status == "Pending",
        "ValidRejectionReasons": REJECTION_REASONS
            .iter()
            .map(|(id, d)| json!({ "RejectionReasonId": id, "RejectionReasonDescription": d }))
            .collect::<Vec<_>>(),
        "ValidVerificationDetails": [
            { "VerificationDetailType": "prescriptionDetail", "ValidVerificationStatuses": ["Approved"] },
            { "VerificationDetailType": "approvedAlternativeDetails", "ValidVerificationStatuses": ["Rejected"] },
            { "VerificationDetailType": "interimStatusDetail", "ValidVerificationStatuses": ["Pending"] },
        ],
        "ValidInterimStatusCodes": INTERIM_CODES
            .iter()
            .map(|(c, d)| json!({ "StatusCode": c, "StatusDescription": d }))
            .collect::<Vec<_>>(),
    });
    if let Some(id) = r.rejection {
        let d = REJECTION_REASONS
            .iter()
            .find(|(k, _)| *k == id)
            .map_or("", |(_, d)| *d);
        vs["RejectionReason"] = json!({ "RejectionReasonId": id, "RejectionReasonDescription": d });
    }
    if let Some(t) = r.review_date {
        vs["ReviewDate"] = json!(iso(t));
    }
    if let Some(rv) = &r.reviewer {
        vs["ExternalReviewerId"] = json!(rv);
    }
    json!({
        "AmazonOrderId": o.id,
        "RequiresDosageLabel": r.requires_dosage_label,
        "RegulatedInformation": { "Fields": fields },
        "RegulatedOrderVerificationStatus": vs,
    })
}

fn regulated_order<'a>(st: &'a State, ctx: &Ctx<'_>, id: &str) -> Result<(&'a Order, &'a Regulated), Reply> {
    match st.order(id) {
        Some(o) if o.seller == ctx.seller => match &o.regulated {
            Some(r) => Ok((o, r)),
            None => Err(Reply::invalid(&format!(
                "Order {id} has no regulated items; only orders with HasRegulatedItems have regulated information."
            ))),
        },
        _ => Err(Reply::not_found(&format!("Order {id}"))),
    }
}

/// `GET /orders/v0/orders/{orderId}/regulatedInfo` (Restricted Data Token required).
pub(crate) fn get_info(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    if !ctx.rdt {
        return Reply::denied("getOrderRegulatedInfo needs a Restricted Data Token for this path.");
    }
    match regulated_order(st, ctx, &p[0]) {
        Ok((o, r)) => Reply::ok(&json!({ "payload": info_json(o, r, ctx.now) })),
        Err(e) => e,
    }
}

const PRESCRIPTION_FIELDS: &[&str] = &[
    "prescriptionId",
    "expirationDate",
    "writtenQuantity",
    "totalRefillsAuthorized",
    "refillsRemaining",
    "clinicId",
    "usageInstructions",
];

fn errors(messages: &[String]) -> Reply {
    let list: Vec<Value> = messages
        .iter()
        .map(|m| json!({ "code": "InvalidInput", "message": m }))
        .collect();
    Reply::json(400, &json!({ "errors": list }))
}

/// Checks a prescription detail; returns the problems found.
fn check_prescription(p: &Map<String, Value>, now: DateTime<Utc>) -> Vec<String> {
    let missing: Vec<&str> = PRESCRIPTION_FIELDS
        .iter()
        .copied()
        .filter(|k| p.get(*k).is_none_or(Value::is_null))
        .collect();
    if !missing.is_empty() {
        return vec![format!(
            "Missing required parameter(s) from prescriptionDetail value: {}",
            missing.join(", ")
        )];
    }
    let mut out = Vec::new();
    let int = |k: &str| p.get(k).and_then(Value::as_i64);
    match int("writtenQuantity") {
        Some(n) if n >= 1 => {}
        _ => out.push(
            "Invalid request parameter `writtenQuantity`. Must be a whole number of at least 1.".to_owned(),
        ),
    }
    let total = int("totalRefillsAuthorized");
    let remaining = int("refillsRemaining");
    match (total, remaining) {
        (Some(t), Some(r)) if t >= 0 && r >= 0 && r <= t => {}
        (Some(t), Some(r)) if t >= 0 && r > t => out.push(
            "Invalid request parameter `refillsRemaining`. Must not exceed totalRefillsAuthorized.".to_owned(),
        ),
        _ => out.push(
            "Invalid request parameters `totalRefillsAuthorized` and `refillsRemaining`. Must be whole numbers of at least 0."
                .to_owned(),
        ),
    }
    match p
        .get("expirationDate")
        .and_then(Value::as_str)
        .and_then(parse_time)
    {
        None => {
            out.push("Invalid request parameter `expirationDate`. Must be an ISO 8601 date-time.".to_owned());
        }
        Some(t) if t < now => {
            out.push("The prescription has expired: `expirationDate` is in the past.".to_owned());
        }
        Some(_) => {}
    }
    for k in ["prescriptionId", "clinicId", "usageInstructions"] {
        if p.get(k)
            .and_then(Value::as_str)
            .is_none_or(|s| s.trim().is_empty())
        {
            out.push(format!(
                "Invalid request parameter `{k}`. Must be a non-empty string."
            ));
        }
    }
    out
}

/// `PATCH /orders/v0/orders/{orderId}/regulatedInfo`.
pub(crate) fn update_status(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let current = match regulated_order(st, ctx, &p[0]) {
        Ok((o, r)) => effective_status(o, r, ctx.now),
        Err(e) => return e,
    };
    let Some(u) = body
        .get("regulatedOrderVerificationStatus")
        .and_then(Value::as_object)
    else {
        return errors(&["Missing request parameter: regulatedOrderVerificationStatus.".to_owned()]);
    };
    let mut errs = Vec::new();
    let status = match u.get("status") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s == "Approved" => Some("Approved"),
        Some(Value::String(s)) if s == "Rejected" => Some("Rejected"),
        Some(_) => {
            errs.push("Invalid request parameter `status`. Must be one of [Approved, Rejected].".to_owned());
            None
        }
    };
    let reason = u
        .get("rejectionReasonId")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    if status == Some("Rejected") && reason.is_none() {
        errs.push("Missing request parameter: rejectionReasonId.".to_owned());
    }
    let reason = match reason {
        Some(r) => {
            match REJECTION_REASONS.iter().find(|(k, _)| *k == r) {
                Some((k, _)) if status == Some("Rejected") => Some(*k),
                Some(_) => {
                    errs.push("Invalid request parameter `rejectionReasonId`. Only allowed when `status` is Rejected.".to_owned());
                    None
                }
                None => {
                    let valid: Vec<&str> = REJECTION_REASONS.iter().map(|(k, _)| *k).collect();
                    errs.push(format!(
                        "Invalid request parameter `rejectionReasonId`. Must be one of [{}].",
                        valid.join(", ")
                    ));
                    None
                }
            }
        }
        None => None,
    };
    // The status the verification details are checked against: the new one, or the current one.
    let target = status.unwrap_or(current);
    let details = u.get("verificationDetails").and_then(Value::as_object);
    let mut prescription = None;
    let mut alternatives = None;
    let mut interim = None;
    if let Some(d) = details {
        for (key, allowed) in [
            ("prescriptionDetail", "Approved"),
            ("approvedAlternativeDetails", "Rejected"),
            ("interimStatusDetail", "Pending"),
        ] {
            let Some(v) = d.get(key).filter(|v| !v.is_null()) else {
                continue;
            };
            if target != allowed {
                errs.push(format!(
                    "Verification Detail `{key}` is not supported when order is in {target} status."
                ));
                continue;
            }
            match key {
                "prescriptionDetail" => match v.as_object() {
                    Some(pd) => {
                        let problems = check_prescription(pd, ctx.now);
                        if problems.is_empty() {
                            prescription = Some(v.clone());
                        }
                        errs.extend(problems);
                    }
                    None => errs.push(
                        "Invalid request parameter `prescriptionDetail`. Must be an object.".to_owned(),
                    ),
                },
                "approvedAlternativeDetails" => {
                    let ok = v.as_array().is_some_and(|a| {
                        !a.is_empty()
                            && a.iter().all(|x| {
                                ["attributeName", "originalValue", "approvedValue"]
                                    .iter()
                                    .all(|k| x.get(*k).and_then(Value::as_str).is_some())
                            })
                    });
                    if ok {
                        alternatives = Some(v.clone());
                    } else {
                        errs.push(
                            "Invalid request parameter `approvedAlternativeDetails`. Each element needs attributeName, originalValue and approvedValue."
                                .to_owned(),
                        );
                    }
                }
                _ => {
                    let code = v.get("statusCode").and_then(Value::as_str);
                    let at = v
                        .get("statusDateTime")
                        .and_then(Value::as_str)
                        .and_then(parse_time);
                    match (code, at) {
                        (Some(c), Some(_)) if INTERIM_CODES.iter().any(|(k, _)| *k == c) => {
                            interim = Some(v.clone());
                        }
                        (Some(c), Some(_)) => {
                            let valid: Vec<&str> = INTERIM_CODES.iter().map(|(k, _)| *k).collect();
                            errs.push(format!(
                                "Invalid interimStatusDetail `statusCode` {c}. Must be one of [{}].",
                                valid.join(", ")
                            ));
                        }
                        _ => errs.push(
                            "Missing required parameter(s) from interimStatusDetail value: statusCode, statusDateTime"
                                .to_owned(),
                        ),
                    }
                }
            }
        }
    }
    let reviewer = u
        .get("externalReviewerId")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    if reviewer.is_none() {
        errs.push("Missing request parameter: externalReviewerId.".to_owned());
    }
    if status.is_none() && details.is_none_or(Map::is_empty) && errs.is_empty() {
        errs.push("Missing request parameter: status.".to_owned());
    }
    if !errs.is_empty() {
        return errors(&errs);
    }
    if status.is_some() && current != "Pending" {
        return errors(&[format!(
            "The verification status of order {} is {current} and can no longer be changed.",
            p[0]
        )]);
    }
    let now = ctx.now;
    let Some(o) = st.order_mut(&p[0]) else {
        return Reply::not_found(&format!("Order {}", p[0]));
    };
    let rejected_open = status == Some("Rejected")
        && o.shipped_units() == 0
        && matches!(o.status, OrderStatus::Pending | OrderStatus::Unshipped);
    let Some(r) = o.regulated.as_mut() else {
        return Reply::not_found(&format!("Order {}", p[0]));
    };
    if let Some(s) = status {
        r.status = s;
        r.review_date = Some(now);
        r.rejection = reason;
    }
    r.reviewer = reviewer.map(str::to_owned);
    if prescription.is_some() {
        r.prescription = prescription;
    }
    if alternatives.is_some() {
        r.alternatives = alternatives;
    }
    if interim.is_some() {
        r.interim = interim;
    }
    if rejected_open {
        o.status = OrderStatus::Canceled;
        o.cancel_reason = Some("RegulatedVerificationRejected".to_owned());
    }
    o.last_update = now;
    Reply::empty(204)
}
