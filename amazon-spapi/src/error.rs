//! (foundation: issue 2) placeholder, being written.
