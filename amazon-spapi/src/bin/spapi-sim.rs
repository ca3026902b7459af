//! `spapi-sim`: runs the local SP-API simulator (issue 4; being written).
fn main() {}
