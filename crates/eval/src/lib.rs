//! rapport-eval
