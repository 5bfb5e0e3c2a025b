//! Integration tests: one binary (`autotests = false`) with a module per theme.

mod api;
mod batch_mode;
mod cases;
mod data;
mod export;
mod hostile_gazetteers;
mod json_out;
mod props;
