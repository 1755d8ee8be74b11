//! Cook once, eat twice: with `Request::leftovers`, each dinner also feeds the next day's lunch.
//! The lunch is not planned on its own: it always holds its dinner's recipe, is eaten (fiber,
//! ferment, plants count that day) but not cooked (no main-ingredient repeat, no second ferment
//! start, one shopping), and the pair is never a "repeat too soon".

use super::model::{Request, Slot};
use crate::model::MealType;

impl Request {
    /// The slot (day, meal) whose cooking `day`'s `meal` eats again, if it is a leftover slot.
    pub fn leftover_source(&self, day: u32, meal: MealType) -> Option<(u32, MealType)> {
        self.leftovers.then(|| leftover_source(&self.meals, self.days, day, meal)).flatten()
    }

    /// Whether the slot eats the day before's dinner.
    pub fn is_leftover(&self, s: &Slot) -> bool {
        self.leftover_source(s.day, s.meal).is_some()
    }

    /// Whether one of `a`, `b` is the other's leftovers.
    pub fn linked(&self, a: &Slot, b: &Slot) -> bool {
        self.leftover_source(a.day, a.meal) == Some((b.day, b.meal)) || self.leftover_source(b.day, b.meal) == Some((a.day, a.meal))
    }
}

/// With leftovers on, the slot a plan of `days` × `meals` feeds `day`'s `meal` from: the dinner
/// before a lunch, when both are planned.
pub fn leftover_source(meals: &[MealType], days: u32, day: u32, meal: MealType) -> Option<(u32, MealType)> {
    let planned = |m| meals.contains(&m);
    (meal == MealType::Lunch && day >= 1 && day < days && planned(MealType::Dinner) && planned(MealType::Lunch))
        .then(|| (day - 1, MealType::Dinner))
}

/// Per slot, the index of the slot it eats the leftovers of.
pub fn sources(req: &Request, slots: &[Slot]) -> Vec<Option<usize>> {
    slots
        .iter()
        .map(|s| {
            let (day, meal) = req.leftover_source(s.day, s.meal)?;
            slots.iter().position(|o| o.day == day && o.meal == meal)
        })
        .collect()
}

/// Puts `recipe` in slot `at` and in every slot eating its leftovers.
pub fn put(slots: &mut [Slot], sources: &[Option<usize>], at: usize, recipe: Option<usize>) {
    slots[at].recipe = recipe;
    for (i, src) in sources.iter().enumerate() {
        if *src == Some(at) {
            slots[i].recipe = recipe;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_dinner_feeds_the_next_lunch_only_when_asked_and_both_are_planned() {
        let mut req = Request::week(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(req.leftover_source(1, MealType::Lunch), None, "off by default");
        req.leftovers = true;
        assert_eq!(req.leftover_source(1, MealType::Lunch), Some((0, MealType::Dinner)));
        assert_eq!(req.leftover_source(0, MealType::Lunch), None, "the first lunch has no dinner before it");
        assert_eq!(req.leftover_source(7, MealType::Lunch), None, "past the plan");
        assert_eq!(req.leftover_source(1, MealType::Breakfast), None);
        req.meals = vec![MealType::Breakfast, MealType::Lunch];
        assert_eq!(req.leftover_source(1, MealType::Lunch), None, "no dinner planned");

        req.meals = vec![MealType::Lunch, MealType::Dinner];
        let mut slots: Vec<Slot> = req.slots().map(|(day, meal)| Slot { day, meal, recipe: None, fixed: false }).collect();
        let src = sources(&req, &slots);
        assert_eq!(src, vec![None, None, Some(1), None, Some(3), None, Some(5), None, Some(7), None, Some(9), None, Some(11), None]);
        put(&mut slots, &src, 3, Some(4));
        assert_eq!((slots[3].recipe, slots[4].recipe, slots[2].recipe), (Some(4), Some(4), None));
        assert!(req.linked(&slots[3], &slots[4]) && req.linked(&slots[4], &slots[3]) && !req.linked(&slots[2], &slots[3]));
    }
}
