//! A plan as an iCalendar file (RFC 5545), for any calendar app.
//!
//! Each filled slot is a `VEVENT` at its meal's time of day (`data/meal_times.toml`), each
//! ferment to start a `VTODO` on its start date. Times are *floating* local times (no `TZID`,
//! no `Z`): 19:00 dinner stays 19:00 in whatever zone the calendar is in — what a cook means.
//! Every item has a stable `UID` made of the plan's id, the date and the meal (or the ferment's
//! recipe), so importing a re-exported plan updates the events instead of duplicating them.

use crate::model::{capitalized, MealType};
use crate::planner::PlanView;
use chrono::{Duration, NaiveDate, NaiveTime};
use icalendar::{Calendar, Component, EventLike, Todo};
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(serde::Deserialize)]
struct MealTimes {
    length_minutes: u32,
    times: BTreeMap<String, String>,
}

fn meal_times() -> &'static MealTimes {
    static TIMES: OnceLock<MealTimes> = OnceLock::new();
    // The file is compiled in and checked by a unit test: every meal has a valid time.
    TIMES.get_or_init(|| toml::from_str(include_str!("../data/meal_times.toml")).expect("data/meal_times.toml is valid"))
}

/// The time of day a meal is put at in a calendar (breakfast 08:00, lunch 12:30, …).
pub fn meal_time(meal: MealType) -> NaiveTime {
    meal_times()
        .times
        .get(meal.as_str())
        .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
        .unwrap_or_else(|| NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
}

/// What [`plan_ical`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcalCounts {
    pub meals: usize,
    pub prep: usize,
}

/// The plan as VCALENDAR text: a `VEVENT` per filled slot, a `VTODO` per ferment to start.
/// An unsaved plan (no id) gets UIDs from its name, or "plan".
pub fn plan_ical(view: &PlanView) -> (String, IcalCounts) {
    let plan = view.id.clone().or_else(|| view.name.clone()).unwrap_or_else(|| "plan".into());
    let mut cal = Calendar::new();
    if let Some(name) = &view.name {
        cal.name(name);
    }
    let length = Duration::minutes(i64::from(meal_times().length_minutes));
    let mut counts = IcalCounts { meals: 0, prep: 0 };
    for day in &view.days {
        for m in &day.meals {
            let Some(recipe) = &m.recipe else { continue };
            let start = day.date.and_time(meal_time(m.meal));
            let mut lines = vec![if m.leftover_of.is_some() {
                format!("Servings: {} (leftovers: nothing to cook)", m.servings)
            } else if m.cook_servings != m.servings {
                format!("Servings: {} (cook {})", m.servings, m.cook_servings)
            } else {
                format!("Servings: {}", m.servings)
            }];
            lines.extend(m.note.clone());
            let event = icalendar::Event::with_uid(&slot_uid(&plan, day.date, m.meal))
                .summary(&format!("{}: {}", capitalized(m.meal.as_str()), recipe.title))
                .description(&lines.join("\n"))
                .starts(start)
                .ends(start + length)
                .done();
            cal.push(event);
            counts.meals += 1;
        }
    }
    for p in &view.prep {
        let uid = format!("{plan}-prep-{}-{}-{}@gutsy", p.recipe.id, p.slot.date, p.slot.meal.as_str());
        let todo = Todo::with_uid(&uid).summary(&p.task).description(&p.task).all_day(p.date).due(p.date).done();
        cal.push(todo);
        counts.prep += 1;
    }
    (cal.done().to_string(), counts)
}

/// The UID of a plan's slot: the same slot of the same plan has it in every export.
pub fn slot_uid(plan: &str, date: NaiveDate, meal: MealType) -> String {
    format!("{plan}-{date}-{}@gutsy", meal.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::{DayMetrics, DayView, MealView, PrepView, RecipeRef, SlotRef, WeekMetrics};
    use icalendar::CalendarComponent;

    fn meal(meal: MealType, title: Option<&str>) -> MealView {
        MealView {
            meal,
            recipe: title.map(|t| RecipeRef { id: format!("id-{t}"), title: t.to_string() }),
            servings: 2,
            cook_servings: 2,
            locked: false,
            leftover_of: None,
            note: None,
            deleted: None,
            triggers: vec![],
            attributes: vec![],
        }
    }

    fn view() -> PlanView {
        let start = NaiveDate::from_ymd_opt(2026, 1, 30).unwrap();
        let days = (0..4)
            .map(|d| {
                let date = start + Duration::days(d);
                let mut dinner = meal(MealType::Dinner, Some(if d == 0 { "Kimchi, Rice; \"and\"\nmore" } else { "Soup" }));
                if d == 0 {
                    dinner.cook_servings = 4;
                    dinner.note = Some("Cook 4 servings: 2 are lunch on Sat 31 Jan.".into());
                }
                let mut lunch = meal(MealType::Lunch, (d != 2).then_some("Salad"));
                if d == 1 {
                    lunch.leftover_of = Some(SlotRef { date: start, meal: MealType::Dinner });
                    lunch.cook_servings = 0;
                    lunch.note = Some("Leftovers of Fri 30 Jan dinner.".into());
                }
                DayView {
                    date,
                    label: crate::planner::day_label(date),
                    meals: vec![meal(MealType::Breakfast, Some("Oats")), lunch, dinner],
                    metrics: DayMetrics { fermented: false, fiber_g: 0.0, plants: 0 },
                }
            })
            .collect();
        PlanView {
            id: Some("plan-1".into()),
            name: Some("Week, one; two".into()),
            start,
            days,
            metrics: WeekMetrics { plants: vec![], fermented_days: 0, fiber_g_per_day: vec![] },
            prep: vec![PrepView {
                date: NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
                task: "Start Simple Sauerkraut by Sat 10 Jan (3 weeks) for Sat 31 Jan.".into(),
                recipe: RecipeRef { id: "kraut".into(), title: "Simple Sauerkraut".into() },
                late: false,
                slot: SlotRef { date: start + Duration::days(1), meal: MealType::Lunch },
                instead: None,
            }],
            warnings: vec![],
        }
    }

    #[test]
    fn every_meal_word_has_a_time() {
        for m in MealType::ALL {
            let t = meal_times().times.get(m.as_str()).unwrap_or_else(|| panic!("{} has no time", m.as_str()));
            assert!(NaiveTime::parse_from_str(t, "%H:%M").is_ok(), "{t}");
        }
        assert_eq!(meal_time(MealType::Lunch), NaiveTime::from_hms_opt(12, 30, 0).unwrap());
    }

    #[test]
    fn a_plan_reads_back_as_its_events_and_tasks() {
        let v = view();
        let (text, counts) = plan_ical(&v);
        let filled = v.days.iter().flat_map(|d| &d.meals).filter(|m| m.recipe.is_some()).count();
        assert_eq!(counts, IcalCounts { meals: filled, prep: 1 });
        let cal: Calendar = text.parse().unwrap();
        let events: Vec<&icalendar::Event> = cal.components.iter().filter_map(|c| c.as_event()).collect();
        let todos: Vec<&Todo> =
            cal.components.iter().filter_map(|c| if let CalendarComponent::Todo(t) = c { Some(t) } else { None }).collect();
        assert_eq!((events.len(), todos.len()), (filled, 1));
        // Dates across the month's end, at the meal's time, floating.
        let starts: Vec<String> = events.iter().map(|e| e.property_value("DTSTART").unwrap().to_string()).collect();
        for want in ["20260130T190000", "20260131T123000", "20260201T080000", "20260202T190000"] {
            assert!(starts.iter().any(|s| s == want), "{want} not in {starts:?}");
        }
        assert!(!text.contains("TZID") && !starts.iter().any(|s| s.ends_with('Z')));
        assert_eq!(todos[0].property_value("DTSTART"), Some("20260110"));
        assert_eq!(todos[0].get_summary(), Some("Start Simple Sauerkraut by Sat 10 Jan (3 weeks) for Sat 31 Jan."));
        // Commas, semicolons and newlines escaped on the wire, whole when read back.
        assert!(text.contains("Kimchi\\, Rice\\; \"and\"\\nmore"), "{text}");
        let first = events.iter().find(|e| e.property_value("DTSTART") == Some("20260130T190000")).unwrap();
        assert_eq!(first.get_summary(), Some("Dinner: Kimchi, Rice; \"and\"\nmore"));
        assert_eq!(first.get_description(), Some("Servings: 2 (cook 4)\nCook 4 servings: 2 are lunch on Sat 31 Jan."));
        let leftover = events.iter().find(|e| e.property_value("DTSTART") == Some("20260131T123000")).unwrap();
        assert!(leftover.get_description().unwrap().contains("leftovers"), "{:?}", leftover.get_description());
        // The same UIDs in a second export, one per slot.
        let uids = |t: &str| -> Vec<String> { t.lines().filter(|l| l.starts_with("UID:")).map(str::to_string).collect() };
        let (again, _) = plan_ical(&v);
        assert_eq!(uids(&text), uids(&again));
        let mut distinct = uids(&text);
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), filled + 1);
        assert!(uids(&text).contains(&"UID:plan-1-2026-02-01-breakfast@gutsy".to_string()));
    }
}
