//! Planner behaviour: hard constraints always hold, goals are met when the library allows and
//! explained when not, fixed slots stay, the seed decides, prep dates are right.

use super::*;
use chrono::NaiveDate;
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn check_hard_constraints(cands: &[Candidate], req: &Request, out: &Outcome) -> Result<(), TestCaseError> {
    prop_assert_eq!(out.slots.len(), (req.days as usize) * req.meals.len());
    for (i, s) in out.slots.iter().enumerate() {
        if let Some((day, meal)) = req.leftover_source(s.day, s.meal) {
            let source = out.slots.iter().find(|o| o.day == day && o.meal == meal).map(|o| o.recipe);
            prop_assert_eq!(source, Some(s.recipe), "slot {}: leftovers are the dinner before", i);
            continue;
        }
        let fixed = req.fixed.iter().find(|f| f.day == s.day && f.meal == s.meal);
        if let Some(f) = fixed {
            prop_assert!(s.fixed);
            prop_assert_eq!(s.recipe.map(|r| cands[r].id.as_str()), cands.iter().any(|c| c.id == f.recipe).then_some(f.recipe.as_str()));
            continue;
        }
        if let Some(r) = s.recipe {
            prop_assert!(fits(&cands[r], req, s), "slot {i}: {} does not fit {:?}", cands[r].id, s.meal);
            prop_assert!(repeat_ok(&out.slots, req, i, r), "slot {i}: {} repeats too soon", cands[r].id);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn plans_never_break_a_hard_constraint(
        n in 0usize..80,
        lib_seed in any::<u64>(),
        seed in any::<u64>(),
        days in 1u32..9,
        no_repeat in 0u32..8,
        dinner_max in proptest::option::of(5u32..60),
        fixed_at in proptest::option::of((0u32..9, 0usize..3, 0usize..100)),
        leftovers in any::<bool>(),
    ) {
        let cands = synthetic(n, lib_seed);
        let mut req = Request::week(date(2026, 12, 28));
        req.days = days;
        req.seed = seed;
        req.no_repeat_days = no_repeat;
        req.today = Some(date(2026, 12, 20));
        req.leftovers = leftovers;
        if let Some(max) = dinner_max {
            req.max_minutes = vec![(MealType::Dinner, max)];
        }
        if let Some((day, meal, r)) = fixed_at.filter(|f| f.0 < days) {
            // Sometimes a recipe that is not in the library: its slot stays fixed and empty.
            req.fixed = vec![Fixed { day, meal: req.meals[meal], recipe: format!("r{r}") }];
        }
        let out = generate(&cands, &req);
        check_hard_constraints(&cands, &req, &out)?;
        // A slot stays empty only when no candidate could go there without breaking a rule.
        for (i, s) in out.slots.iter().enumerate().filter(|(_, s)| !s.fixed && s.recipe.is_none() && !req.is_leftover(s)) {
            let could = (0..cands.len()).find(|&r| fits(&cands[r], &req, s) && repeat_ok(&out.slots, &req, i, r));
            prop_assert!(could.is_none(), "slot {i} ({:?}) left empty though {:?} fits", s.meal, could.map(|r| &cands[r].id));
        }
        prop_assert_eq!(&generate(&cands, &req), &out, "deterministic");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    #[test]
    fn the_fast_scorer_agrees_with_evaluate(lib_seed in any::<u64>(), picks in proptest::collection::vec(proptest::option::of(0usize..40), 21), today in -30i64..10) {
        let cands = synthetic(40, lib_seed);
        let mut req = Request::week(date(2026, 12, 28));
        req.today = req.start.checked_add_signed(chrono::Duration::days(today));
        req.leftovers = lib_seed % 3 == 0;
        let mut slots: Vec<Slot> = req.slots().zip(&picks).map(|((day, meal), &recipe)| Slot { day, meal, recipe, fixed: false }).collect();
        let sources = leftover_sources(&req, &slots);
        for i in 0..slots.len() {
            if sources.contains(&Some(i)) {
                let r = slots[i].recipe;
                put_with_leftovers(&mut slots, &sources, i, r);
            }
        }
        // A rule on a seeded subset of recipes, by meals or by days.
        let spec: RuleSpec = if lib_seed % 2 == 0 { "kale >= 3".parse().unwrap() } else { "kale <= 1 days".parse().unwrap() };
        req.rules = vec![PlanRule { spec, hits: cands.iter().map(|c| c.plants.iter().any(|p| &**p == "kale")).collect() }];
        let mut scorer = Scorer::new(&cands, &req);
        let slow = evaluate(&cands, &req, &slots).total;
        prop_assert!((scorer.total(&slots) - slow).abs() < 1e-9, "{} vs {slow}", scorer.total(&slots));
        prop_assert!((scorer.total(&slots) - slow).abs() < 1e-9, "again, with the scratch reused");
    }
}

#[test]
fn a_good_library_meets_the_gut_goals() {
    let cands = synthetic(400, 1);
    let req = Request::week(date(2026, 11, 30));
    let out = generate(&cands, &req);
    assert!(out.evaluation.fermented.iter().all(|&f| f), "{:?}", out.evaluation.fermented);
    assert!(out.evaluation.plants.len() >= 30, "{} plants", out.evaluation.plants.len());
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    // Better than filling the same slots at random (the mean of many random fills).
    let mut rng = SplitMix::new(9);
    let mut random_total = 0.0;
    for _ in 0..50 {
        let slots: Vec<Slot> = req
            .slots()
            .map(|(day, meal)| {
                let fit: Vec<usize> = (0..cands.len()).filter(|&i| cands[i].meals.contains(&meal)).collect();
                Slot { day, meal, recipe: Some(fit[(rng.next_u64() % fit.len() as u64) as usize]), fixed: false }
            })
            .collect();
        random_total += evaluate(&cands, &req, &slots).total / 50.0;
    }
    assert!(out.evaluation.total > random_total * 1.3, "{} vs random {random_total}", out.evaluation.total);
}

#[test]
fn the_seed_decides_and_changes_the_plan() {
    let cands = synthetic(300, 2);
    let mut req = Request::week(date(2026, 11, 30));
    let a = generate(&cands, &req);
    assert_eq!(generate(&cands, &req), a);
    let differs = (1..6).any(|s| {
        req.seed = s;
        generate(&cands, &req).slots != a.slots
    });
    assert!(differs, "other seeds give other weeks");
}

#[test]
fn fixed_slots_stay_and_the_rest_plans_around_them() {
    let cands = synthetic(200, 3);
    let mut req = Request::week(date(2026, 11, 30));
    let dinner = cands.iter().position(|c| c.meals.contains(&MealType::Dinner)).unwrap();
    req.fixed = vec![Fixed { day: 2, meal: MealType::Dinner, recipe: cands[dinner].id.clone() }];
    let out = generate(&cands, &req);
    let s = out.slots.iter().find(|s| s.day == 2 && s.meal == MealType::Dinner).unwrap();
    assert_eq!((s.recipe, s.fixed), (Some(dinner), true));
    let near = out.slots.iter().filter(|s| s.recipe == Some(dinner)).count();
    assert_eq!(near, 1, "no repeat of the fixed recipe within 5 days of a 7-day week… at most once more");
}

#[test]
fn impossible_goals_are_explained_in_words() {
    let mut cands = synthetic(60, 4);
    for c in &mut cands {
        c.fermented = false;
        c.lead_minutes = None;
        c.meals.retain(|&m| m != MealType::Breakfast);
        if c.meals.is_empty() {
            c.meals.push(MealType::Lunch);
        }
    }
    cands[0].fermented = true;
    cands[0].meals = vec![MealType::Lunch];
    let req = Request::week(date(2026, 11, 30));
    let out = generate(&cands, &req);
    let texts: Vec<String> = out.warnings.iter().map(Warning::text).collect();
    assert!(texts.contains(&"No breakfast recipe passes your filters, so those slots are empty.".to_string()), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.starts_with("Only 1 fermented recipe passes your filters: 2 of 7 days have a ferment.")),
        "one ferment, no repeat within 5 days: it can come twice in a week: {texts:?}"
    );
}

#[test]
fn prep_tasks_start_each_ferment_in_time_once() {
    let mut cands = synthetic(2, 5);
    cands[0] = Candidate { lead_minutes: Some(21 * 24 * 60), fermented: true, meals: vec![MealType::Lunch], ..cands[0].clone() };
    let mut req = Request::week(date(2026, 12, 28));
    req.today = Some(date(2026, 12, 10));
    req.meals = vec![MealType::Lunch];
    req.no_repeat_days = 3;
    let slots: Vec<Slot> = [(1, Some(0)), (4, Some(0)), (2, Some(1))]
        .iter()
        .map(|&(day, recipe)| Slot { day, meal: MealType::Lunch, recipe, fixed: false })
        .collect();
    let tasks = prep_tasks(&cands, &req, &slots);
    let kraut: Vec<&PrepTask> = tasks.iter().filter(|t| t.recipe == 0).collect();
    assert_eq!(kraut.len(), 1, "one batch for both days");
    assert_eq!((kraut[0].for_date, kraut[0].start_by), (date(2026, 12, 29), date(2026, 12, 8)));
    assert!(kraut[0].late, "three weeks before 29 Dec is 8 Dec, before today (10 Dec)");
    assert_eq!(kraut[0].instead, None, "no other ferment in this library");

    // With quicker lunch ferments in the library, the one ready soonest is offered; one that
    // cannot be ready either, or is no lunch, is not.
    let base = cands[1].clone();
    let lunch_ferment = |lead_days: Option<u32>, meal| Candidate {
        id: format!("ferment {lead_days:?} {meal:?}"),
        title: format!("Ferment {lead_days:?} {meal:?}"),
        lead_minutes: lead_days.map(|d| d * 24 * 60),
        fermented: true,
        meals: vec![meal],
        ..base.clone()
    };
    cands.push(lunch_ferment(Some(30), MealType::Lunch)); // 2: too slow as well
    cands.push(lunch_ferment(Some(2), MealType::Lunch)); // 3: ready in time
    cands.push(lunch_ferment(None, MealType::Dinner)); // 4: no lead, but a dinner
    cands.push(lunch_ferment(Some(1), MealType::Lunch)); // 5: the soonest
    let tasks = prep_tasks(&cands, &req, &slots);
    let kraut = tasks.iter().find(|t| t.recipe == 0).unwrap();
    assert_eq!((kraut.instead, kraut.slot), (Some(5), 0));
    let view = plan_view(&cands, &req, &outcome(&cands, &req, slots.clone()), &[2, 2, 2]);
    let late = view.prep.iter().find(|p| p.late).unwrap();
    assert!(late.task.ends_with(&format!("— buy it ready-made, or have {} instead.", cands[5].title)), "{}", late.task);
    assert_eq!(late.instead.as_ref().map(|r| r.id.as_str()), Some(cands[5].id.as_str()));
}

#[test]
fn prep_counts_calendar_days_so_a_clock_change_moves_nothing() {
    // Europe's clocks go forward on 29 Mar 2026 and back on 25 Oct 2026 (a 23- and a 25-hour
    // day); a 48-hour kefir is still started two calendar days before.
    assert_eq!(start_by(date(2026, 3, 30), 48 * 60), Some(date(2026, 3, 28)));
    assert_eq!(start_by(date(2026, 10, 26), 48 * 60), Some(date(2026, 10, 24)));
    assert_eq!(start_by(date(2026, 10, 25), 12 * 60), Some(date(2026, 10, 24)), "12 h: the day before");
}

#[test]
fn swaps_are_ranked_by_what_they_do_to_the_week_with_reasons() {
    let cands = synthetic(120, 6);
    let req = Request::week(date(2026, 11, 30));
    let out = generate(&cands, &req);
    let at = out.slots.iter().position(|s| s.recipe.is_some()).unwrap();
    let alts = alternatives(&cands, &req, &out.slots, at, 8);
    assert!(!alts.is_empty() && alts.len() <= 8);
    assert!(alts.windows(2).all(|w| w[0].delta >= w[1].delta), "best first");
    assert!(alts.iter().all(|a| Some(a.recipe) != out.slots[at].recipe), "not the recipe already there");
    // The plan came out of local search: no single swap improves it.
    assert!(alts[0].delta <= 1e-9, "local optimum, yet {} improves by {}", cands[alts[0].recipe].id, alts[0].delta);
    for a in &alts {
        let mut slots = out.slots.clone();
        slots[at].recipe = Some(a.recipe);
        assert!(fits(&cands[a.recipe], &req, &slots[at]) && repeat_ok(&slots, &req, at, a.recipe));
        assert!((evaluate(&cands, &req, &slots).total - out.evaluation.total - a.delta).abs() < 1e-9);
    }
    // Reasons say what changes: a slot emptied of its ferment on a day with no other one says so.
    let mut only = out.slots.clone();
    let day = only[at].day;
    for s in only.iter_mut().filter(|s| s.day == day) {
        s.recipe = None;
    }
    only[at].recipe =
        Some(cands.iter().position(|c| c.fermented && c.meals.contains(&only[at].meal)).expect("a fermented recipe for the meal"));
    let alts = alternatives(&cands, &req, &only, at, cands.len());
    let unfermented = alts.iter().find(|a| !cands[a.recipe].fermented).expect("an unfermented alternative");
    assert!(unfermented.reasons.iter().any(|r| r.ends_with("without a ferment")), "{:?}", unfermented.reasons);
}

#[test]
fn the_cooks_rules_are_kept_when_they_can_be_and_reported_when_not() {
    let cands = synthetic(300, 8);
    let kale: Vec<bool> = cands.iter().map(|c| c.main_food.as_deref() == Some("kale")).collect();
    let mut req = Request::week(date(2026, 11, 30));
    let count = |out: &Outcome| out.slots.iter().filter(|s| s.recipe.is_some_and(|r| kale[r])).count();
    let plain = generate(&cands, &req);
    req.rules = vec![PlanRule { spec: "kale >= 6".parse().unwrap(), hits: kale.clone() }];
    let more = generate(&cands, &req);
    assert!(count(&more) >= 6, "{} kale meals (without the rule: {})", count(&more), count(&plain));
    assert!(!more.warnings.iter().any(|w| matches!(w, Warning::RuleUnmet { .. })));
    req.rules = vec![PlanRule { spec: "kale <= 0".parse().unwrap(), hits: kale.clone() }];
    assert_eq!(count(&generate(&cands, &req)), 0);
    // More than the library can give: kept as far as it goes, and said in words.
    let available = kale.iter().filter(|&&k| k).count();
    req.rules = vec![PlanRule { spec: "kale >= 7 days".parse().unwrap(), hits: kale.iter().map(|_| false).collect() }];
    let out = generate(&cands, &req);
    let texts: Vec<String> = out.warnings.iter().map(Warning::text).collect();
    assert!(
        texts.contains(
            &"Your rule “kale ≥ 7 days” is not met: the plan has 0, and 0 recipes passing your filters count toward it.".to_string()
        ),
        "{texts:?}"
    );
    assert!(available > 0);
}

#[test]
fn leftovers_are_eaten_but_not_cooked_twice() {
    let mut cands = synthetic(60, 5);
    let kraut = cands.iter().position(|c| c.fermented && c.lead_minutes.is_some() && c.meals.contains(&MealType::Dinner));
    let kraut = kraut.expect("the synthetic library has a dinner ferment");
    cands[kraut].main_food = Some("cabbage".into());
    let mut req = Request::week(date(2026, 12, 28));
    req.days = 2;
    req.meals = vec![MealType::Lunch, MealType::Dinner];
    req.today = Some(date(2026, 12, 1));
    let slots = vec![
        Slot { day: 0, meal: MealType::Lunch, recipe: None, fixed: false },
        Slot { day: 0, meal: MealType::Dinner, recipe: Some(kraut), fixed: false },
        Slot { day: 1, meal: MealType::Lunch, recipe: Some(kraut), fixed: false },
        Slot { day: 1, meal: MealType::Dinner, recipe: None, fixed: false },
    ];
    let apart = evaluate(&cands, &req, &slots);
    assert_eq!(apart.same_main_running, 1, "cooked twice, two days running");
    req.leftovers = true;
    let eaten_again = evaluate(&cands, &req, &slots);
    assert_eq!(eaten_again.same_main_running, 0, "eating leftovers is not a repeat");
    assert_eq!(eaten_again.fermented, vec![true, true], "the ferment is eaten both days");
    assert_eq!(eaten_again.fiber, apart.fiber);
    assert!(repeat_ok(&slots, &req, 2, kraut), "a dinner and its leftovers are one use");
    req.today = Some(date(2026, 12, 27));
    let late = evaluate(&cands, &req, &slots);
    assert_eq!(late.lead_missed, vec![1], "one ferment to start, missed once");
    assert_eq!(prep_tasks(&cands, &req, &slots).len(), 1);
    assert!((Scorer::new(&cands, &req).total(&slots) - late.total).abs() < 1e-9);
}

#[test]
fn the_week_offered_starts_on_the_next_monday() {
    assert_eq!(week_start_after(date(2026, 11, 30)), date(2026, 11, 30), "a Monday: this week");
    assert_eq!(week_start_after(date(2026, 12, 3)), date(2026, 12, 7));
    assert_eq!(week_start_after(date(2026, 12, 27)), date(2026, 12, 28), "Sunday: tomorrow");
    assert_eq!(week_start_after(date(2027, 12, 29)), date(2028, 1, 3), "across the year end");
}
