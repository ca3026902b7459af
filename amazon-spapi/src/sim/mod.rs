//! (simulator: issue 4) placeholder, being written.
