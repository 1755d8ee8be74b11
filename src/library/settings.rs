//! The cook's settings as the library applies them: checked against the catalog (exclusions,
//! rule targets) before they are saved whole.

use super::plan::resolve_rules;
use crate::catalog::Catalog;
use crate::settings::{Settings, SettingsError};
use crate::store::{Store, StoreError};

/// Why settings could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveSettingsError {
    #[error(transparent)]
    Invalid(#[from] SettingsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks `settings` (every rule's target must be an attribute, a food category or a catalog
/// food) and saves them; returns them as saved, in their tidy spelling.
pub fn save_settings(store: &mut Store, settings: Settings) -> Result<Settings, SaveSettingsError> {
    let settings = settings.checked(Catalog::bundled())?;
    resolve_rules(&[], &settings.rule_specs()?, None).map_err(|e| SettingsError::Rule(e.to_string()))?;
    store.save_settings(&settings)?;
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MealType;

    #[test]
    fn settings_are_saved_whole_and_a_bad_change_saves_nothing() {
        let (mut store, _) = crate::library::open_in_memory().unwrap();
        assert_eq!(store.settings().unwrap(), Settings::default());
        let mine = Settings {
            household: 3,
            exclude: vec!["Gluten".into(), "sugar".into()],
            rules: vec!["fish>=2".into()],
            leftovers: true,
            max_minutes: vec![(MealType::Dinner, 30)],
            ..Settings::default()
        };
        let saved = save_settings(&mut store, mine).unwrap();
        assert_eq!(saved.exclude, vec!["gluten", "sugar"]);
        assert_eq!(store.settings().unwrap(), saved);
        // An unknown rule target is refused, and what was saved stays.
        let bad = Settings { rules: vec!["unicorn >= 2".into()], ..saved.clone() };
        let err = save_settings(&mut store, bad).unwrap_err();
        assert!(err.to_string().contains("unicorn"), "{err}");
        assert_eq!(store.settings().unwrap(), saved);
    }
}
