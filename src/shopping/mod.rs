//! The shopping list, pure: what a plan (leftovers counted once) or chosen recipes need
//! (`need.rs`), merged per food across recipes, spellings and units (`merge.rs`), minus the
//! pantry across units (`pantry.rs`), in the cook's aisle order (`aisles.rs`), shown in units a
//! cook buys (`display.rs`), as the list and its printable layout (`list.rs`).

mod aisles;
mod display;
mod list;
mod merge;
mod need;
mod pantry;

pub use aisles::{catalog_aisle_conf, parse_aisles, AisleError, Aisles};
pub use display::{buyable, quantity_text};
pub use list::{build, list_doc, Extra, QuantityView, ShoppingItem, ShoppingList, ShoppingSection};
pub use merge::{add, merge, solids_by_weight, Dim, Item, Quantity};
pub use need::{needs, Cooking, Need};
pub use pantry::{parse_pantry, subtract, PantryError, Stock};

#[cfg(test)]
mod tests;
