//! Gutsy core: recipes, ingredient understanding, storage and planning — no GUI dependencies.

pub mod catalog;
pub mod diet;
pub mod facts;
pub mod import;
pub mod ingredients;
pub mod library;
pub mod model;
pub mod store;
pub mod quantity;
pub mod units;
