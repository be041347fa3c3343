//! rapport-extract
