//! Integration tests: one binary (`autotests = false`) with a module per theme.

mod api;
mod cases;
mod data;
mod export;
mod props;
