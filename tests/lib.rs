//! Integration tests: one binary (`autotests = false`) with a module per theme.

mod api;
mod cases;
mod data;
mod hostile_gazetteers;
mod props;
