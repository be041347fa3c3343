//! rapport-models
