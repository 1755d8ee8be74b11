//! Named groups of foods for plan rules ("red meat <= 1"): a data table (`groups.toml`), not
//! categories, because a group cuts across them (red meat is some of `meat`, oily fish some of
//! `fish`) and cooks name them in their own words.

use super::{Catalog, FoodIdx};
use serde::Deserialize;
use std::sync::OnceLock;

const GROUPS_TOML: &str = include_str!("groups.toml");

#[derive(Debug, Deserialize)]
struct File {
    group: Vec<Group>,
}

/// One named group.
#[derive(Debug, Deserialize)]
pub struct Group {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Catalog food ids.
    pub foods: Vec<String>,
}

fn groups() -> &'static [Group] {
    static GROUPS: OnceLock<Vec<Group>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        toml::from_str::<File>(GROUPS_TOML).map(|f| f.group).unwrap_or_else(|e| panic!("bundled food groups are invalid: {e}"))
    })
}

impl Catalog {
    /// The foods of the group named `name` (or an alias), each with its family; `None` when no
    /// group has that name.
    pub fn food_group(&self, name: &str) -> Option<Vec<FoodIdx>> {
        let name = name.trim().to_lowercase().replace(['_', '-'], " ");
        let group = groups().iter().find(|g| g.name == name || g.aliases.contains(&name))?;
        let mut out: Vec<FoodIdx> = group.foods.iter().filter_map(|id| self.by_id(id)).flat_map(|i| self.family(i)).collect();
        out.sort_unstable_by_key(|i| i.0);
        out.dedup();
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_names_foods_of_the_catalog_and_names_are_unique() {
        let catalog = Catalog::bundled();
        let mut names = Vec::new();
        for g in groups() {
            for id in &g.foods {
                assert!(catalog.by_id(id).is_some(), "group {:?}: {id:?} is not a catalog food", g.name);
            }
            names.push(g.name.clone());
            names.extend(g.aliases.iter().cloned());
        }
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n, "a name or alias is used twice");
    }

    #[test]
    fn groups_cut_across_categories_in_the_cooks_words() {
        let catalog = Catalog::bundled();
        let ids =
            |name: &str| -> Vec<String> { catalog.food_group(name).unwrap().into_iter().map(|i| catalog.food(i).id.clone()).collect() };
        let red = ids("Red meat");
        assert!(red.contains(&"lamb".to_string()) && red.contains(&"bacon".to_string()));
        assert!(!red.iter().any(|f| f.starts_with("chicken") || f == "turkey"), "{red:?}");
        assert!(ids("oily_fish").contains(&"sardine".to_string()));
        assert!(!ids("oily fish").contains(&"cod".to_string()));
        assert_eq!(ids("red meats"), red, "aliases");
        assert!(catalog.food_group("vegetables I dislike").is_none());
    }
}
