//! Placeholder, being written.
#![warn(missing_docs)]
