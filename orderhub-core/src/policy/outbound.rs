//! (feeds engineer, issue 7: being written.)
