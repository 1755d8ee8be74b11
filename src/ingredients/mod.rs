//! Ingredient lines: the model and the free-text parser.

mod line;
pub mod parse;

pub use line::{IngredientLine, Measure};
pub use parse::{clean_name, parse_line};
