//! Encryption of personal data at rest (issue 5: being written).
