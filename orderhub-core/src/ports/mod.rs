//! Ports: the traits storage and fulfillment plug into (issue 5: being written).
