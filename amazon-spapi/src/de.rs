//! (operations: issue 3) placeholder, being written.
