//! Synthetic candidates: the same library for every run of a test or benchmark.

use super::model::Candidate;
use super::search::SplitMix;
use crate::model::MealType;

/// A deterministic synthetic library for tests and benchmarks: `n` recipes with seeded meals,
/// ferments (with lead times from hours to weeks), plants, fiber and times.
pub fn synthetic(n: usize, seed: u64) -> Vec<Candidate> {
    let mut rng = SplitMix::new(seed);
    let plants = [
        "kale",
        "cabbage",
        "leek",
        "onion",
        "garlic",
        "apple",
        "pear",
        "lentil",
        "chickpea",
        "oat",
        "rye",
        "walnut",
        "tomato",
        "avocado",
        "sweet-potato",
        "lemon",
        "orange",
        "spinach",
        "broccoli",
        "carrot",
        "beet",
        "fennel",
        "parsnip",
        "blueberry",
        "banana",
        "flax",
        "chia",
        "quinoa",
        "barley",
        "pea",
        "bean",
        "ginger",
        "turmeric",
        "parsley",
        "basil",
        "mint",
    ];
    (0..n)
        .map(|i| {
            let pick = |rng: &mut SplitMix, k: usize| -> Vec<super::model::FoodId> {
                (0..k).map(|_| plants[(rng.next_u64() % plants.len() as u64) as usize].into()).collect()
            };
            let k = 1 + (rng.next_u64() % 6) as usize;
            let mut ps = pick(&mut rng, k);
            ps.sort();
            ps.dedup();
            let meals: Vec<MealType> = MealType::ALL.iter().copied().filter(|_| rng.next_u64() % 3 == 0).collect();
            let fermented = rng.next_u64() % 6 == 0;
            Candidate {
                id: format!("r{i}"),
                title: format!("Recipe {i}"),
                meals: if meals.is_empty() { vec![MealType::Dinner] } else { meals },
                fermented,
                attributes: if fermented { vec![crate::diet::Attribute::Fermented] } else { Vec::new() },
                triggers: Vec::new(),
                main_food: ps.first().cloned(),
                foods: ps.clone(),
                plants: ps,
                fiber_per_serving: (rng.next_u64() % 5 != 0).then(|| (rng.next_u64() % 120) as f64 / 10.0),
                active_minutes: Some(5 + (rng.next_u64() % 90) as u32),
                lead_minutes: fermented.then(|| [12 * 60, 36 * 60, 21 * 24 * 60][(rng.next_u64() % 3) as usize]),
            }
        })
        .collect()
}
