//! Identifiers of the Reports API: report ids, report document ids and schedule ids are all strings; as
//! newtypes, passing a report id to `getReportDocument` does not compile.

crate::documents::id_newtype! {
    /// A report id, returned by `createReport`.
    ReportId
}

crate::documents::id_newtype! {
    /// A report document id (`reportDocumentId` of a finished report).
    ReportDocumentId
}

crate::documents::id_newtype! {
    /// A report schedule id.
    ReportScheduleId
}
