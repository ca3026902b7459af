//! The Amazon adapter: SP-API answers to domain orders (issue 5: being written).
