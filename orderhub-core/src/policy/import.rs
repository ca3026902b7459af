//! (rules engineer, issue 6: being written.)
