//! Handlers, one module per resource; folders mirror URLs.

pub(crate) mod admin;
pub(crate) mod audit;
pub(crate) mod dashboard;
pub(crate) mod events;
pub(crate) mod facts;
pub(crate) mod health;
pub(crate) mod items;
pub(crate) mod mcp;
pub(crate) mod me;
pub(crate) mod memory;
pub(crate) mod users;
