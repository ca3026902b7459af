//! Storage backends (issue 5: being written).
