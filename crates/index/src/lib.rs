//! rapport-index
