//! Gutsy core: recipes, ingredient understanding, storage and planning — no GUI dependencies.

pub mod card;
pub mod catalog;
pub mod diet;
pub mod export;
pub mod facts;
pub mod filter;
pub mod import;
pub mod ingredients;
pub mod library;
pub mod model;
pub mod planner;
pub mod quantity;
pub mod settings;
pub mod shopping;
pub mod store;
pub mod units;
